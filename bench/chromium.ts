// IndexedDB in real Chromium, on the extension's origin: 100 000 requests and 1 000 000 audit entries.
// Filling a million entries takes minutes, so the profile is kept in bench/.cache/ and reused;
// delete that folder to rebuild it.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { round, type BenchRow } from './types';

export const ROOT = join(import.meta.dirname, '..');
const BUILD_DIR = join(ROOT, '.output/chrome-mv3-test');
// The bench loads its own copy of the build: e2e runs rebuilding .output/ mid-bench cannot disturb it,
// and the fixed path keeps the unpacked extension's id — and so its cached database — stable.
const EXTENSION_DIR = join(ROOT, 'bench/.cache/extension');
const PROFILE = join(ROOT, 'bench/.cache/chromium-profile');

export async function launchBenchBrowser(profile = PROFILE): Promise<{ context: BrowserContext; extensionId: string }> {
  if (!existsSync(join(BUILD_DIR, 'manifest.json'))) throw new Error('bench: no test build; run npm run build:test');
  rmSync(EXTENSION_DIR, { recursive: true, force: true });
  cpSync(BUILD_DIR, EXTENSION_DIR, { recursive: true });
  mkdirSync(profile, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, extensionId: new URL(worker.url()).host };
}

type Bench = Record<string, (...args: number[]) => Promise<Record<string, number | boolean>>>;
export const call = (page: Page, fn: string, ...args: number[]) =>
  page.evaluate(([f, a]) => (globalThis as unknown as { pdBench: Bench }).pdBench[f as string]!(...(a as number[])), [fn, args] as const) as Promise<Record<string, number>>;

export async function benchDbChromium(requests = 100_000, auditEntries = 1_000_000): Promise<BenchRow[]> {
  const { context, extensionId } = await launchBenchBrowser();
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/bench.html`);
    await page.waitForSelector('body[data-ready="1"]');
    let counts = await call(page, 'counts');
    const rows: BenchRow[] = [];
    const note = `Chromium IndexedDB, ${requests.toLocaleString('en')} requests, ${auditEntries.toLocaleString('en')} audit entries`;
    if (counts.requests !== requests || counts.audit !== auditEntries || counts.seed !== 1) {
      process.stderr.write(`bench: seeding Chromium database (${requests} requests, ${auditEntries} audit entries; kept in bench/.cache for later runs)…\n`);
      await call(page, 'clear');
      const seeded = await call(page, 'seedRequests', requests);
      rows.push({ group: 'db (Chromium)', name: 'bulk insert requests + subjects', value: round(seeded.records! / (seeded.ms! / 1000), 0), unit: 'records/s', note });
      await call(page, 'seedAudit', auditEntries);
      await call(page, 'markSeeded');
      counts = await call(page, 'counts');
    }
    const lookup = await call(page, 'lookup', 500);
    rows.push({ group: 'db (Chromium)', name: 'subject lookup by e-mail p50', value: round(lookup.p50!, 3), unit: 'ms', note });
    rows.push({ group: 'db (Chromium)', name: 'subject lookup by e-mail p95', value: round(lookup.p95!, 3), unit: 'ms', note });
    const badge = await call(page, 'badge', 100, 100);
    rows.push({ group: 'db (Chromium)', name: 'badge count as shown (up to 99+) p95', value: round(badge.p95!, 2), unit: 'ms', note });
    const exact = await call(page, 'badge', 10, 0);
    rows.push({ group: 'db (Chromium)', name: 'exact count of open requests due within 7 days p95', value: round(exact.p95!, 2), unit: 'ms', note });
    const queue = await call(page, 'queueFirstPage', 50, 0);
    rows.push({ group: 'db (Chromium)', name: 'queue first page (open by due date, 50) p95', value: round(queue.p95!, 2), unit: 'ms', note });
    const counted = await call(page, 'queueFirstPage', 20, 1);
    rows.push({ group: 'db (Chromium)', name: 'queue first page with total count p95', value: round(counted.p95!, 2), unit: 'ms', note });
    const dpa = await call(page, 'renderDpa', 5);
    const dpaNote = 'Chromium extension page, DPA (de) with 500 subprocessors and 50 activities';
    rows.push({ group: 'documents', name: 'DPA render in Chromium, median of 5', value: round(dpa.median!, 0), unit: 'ms', note: `${dpaNote}, ${dpa.pages} pages, ${Math.round(dpa.bytes! / 1024)} kB` });
    const verify = await call(page, 'verify');
    if (!verify.ok) throw new Error('bench: audit chain did not verify in Chromium');
    rows.push({ group: 'db (Chromium)', name: `audit verify() over ${counts.audit!.toLocaleString('en')} entries`, value: round(verify.ms!, 0), unit: 'ms', note });
    return rows;
  } finally {
    await context.close();
  }
}
