// Trust and data safety in Node (fake-indexeddb, which is 4–37× faster than Chromium's IndexedDB —
// never quote these as browser numbers): the passphrase key derivation, turning encryption
// on for 10 000 requests (+ 5 000 subjects) in place, lookups by keyed hash, and a backup of 100 000
// requests (+ 50 000 subjects, 10 000 audit entries) written, checked and restored.
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { createRepositories, type Repositories } from '../lib/db/repositories';
import { openDatabase } from '../lib/db/schema';
import { PassphraseLock } from '../lib/db/crypto/lock';
import { DEFAULT_ITERATIONS, deriveMasterKey } from '../lib/db/crypto/keys';
import { findSubjectByEmail } from '../lib/db/requests';
import { createBackup, restoreFromFile } from '../lib/backup/service';
import { readBackup } from '../lib/backup/file';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedAudit, seedRequests, subjectEmail } from './seed';
import { call, launchBenchBrowser } from './chromium';
import { percentile, round, type BenchRow } from './types';

const GROUP = 'trust (Node)';
const PASS = 'correct horse battery staple';

async function seeded(requests: number, audit = 0): Promise<Repositories> {
  const repos = createRepositories(openDatabase(`bench-trust-${crypto.randomUUID()}`));
  const { subjects, requests: rows } = seedRequests(requests);
  // Personal free text, as real requests carry, so the sealed payload has a realistic size.
  for (const r of rows) Object.assign(r, { notes: `Called back about ticket ${r.ticketKey}`, source: { ...r.source!, subject: 'Verzoek om inzage in mijn gegevens' } });
  for (let i = 0; i < rows.length; i += 20_000)
    await repos.db.transaction('rw', repos.db.subjects, repos.db.requests, async () => {
      await repos.db.subjects.bulkAdd(subjects.slice(i / 2, (i + 20_000) / 2));
      await repos.db.requests.bulkAdd(rows.slice(i, i + 20_000));
    });
  if (audit) await seedAudit(audit, async (entries) => void (await repos.db.audit.bulkAdd(entries)));
  return repos;
}

async function lookups(repos: Repositories, subjects: number, samples = 300): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const t = performance.now();
    const found = await findSubjectByEmail(repos, subjectEmail((i * 7919) % subjects));
    times.push(performance.now() - t);
    if (!found) throw new Error('bench: subject not found');
  }
  return times;
}

/** Wall-clock and CPU milliseconds of one step: on a busy 2-core machine the wall clock alone misleads. */
async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const result = await fn();
  const used = process.cpuUsage(cpu);
  return { result, wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
}

export async function benchTrust(): Promise<BenchRow[]> {
  z.config({ jitless: true });
  const rows: BenchRow[] = [];
  const ms = (name: string, step: { wall: number; cpu: number }, note: string) =>
    rows.push({ group: GROUP, name, value: round(step.wall, 0), unit: 'ms', note: `CPU ${round(step.cpu, 0)} ms; ${note}` });

  const derive = await timed(() => deriveMasterKey(PASS, crypto.getRandomValues(new Uint8Array(16)), DEFAULT_ITERATIONS));
  ms(`PBKDF2-SHA-256 key derivation (${DEFAULT_ITERATIONS.toLocaleString('en')} iterations)`, derive, 'WebCrypto; paid on unlock, enable and each passphrase change');

  // Encryption on for 10 000 requests + 5 000 subjects, in place, in one transaction.
  const small = await seeded(10_000);
  const plainLookup = await lookups(small, 5_000);
  const lock = new PassphraseLock(small);
  const enable = await timed(() => lock.enable(PASS));
  const { records } = enable.result;
  ms(`turn encryption on: ${records.toLocaleString('en')} records converted in place, then the database rebuilt`, enable, 'includes one key derivation; one IndexedDB transaction, then the rebuild (lib/db/rebuild.ts)');
  const sealedLookup = await lookups(small, 5_000);
  rows.push({ group: GROUP, name: 'subject lookup by e-mail p50, lock off', value: round(percentile(plainLookup, 50), 3), unit: 'ms' });
  rows.push({ group: GROUP, name: 'subject lookup by e-mail p50, lock on (keyed hash)', value: round(percentile(sealedLookup, 50), 3), unit: 'ms' });
  ms(`change passphrase: ${records.toLocaleString('en')} records re-encrypted`, await timed(() => lock.change(PASS, 'another long passphrase')), 'includes two key derivations');
  small.db.close();

  // A backup of 100 000 requests + 50 000 subjects + 10 000 audit entries.
  const big = await seeded(100_000, 10_000);
  const made = await timed(() => createBackup(big));
  const { text, meta } = made.result;
  ms('create backup of 150 000 records + 10 000 audit entries', made, `${round(text.length / 1e6, 1)} MB of JSON`);
  big.db.close();
  const target = createRepositories(openDatabase(`bench-trust-${crypto.randomUUID()}`));
  await target.db.open();
  ms('check backup (JSON, checksum, every record with zod, audit chain)', await timed(() => readBackup(text, { schemaVersion: target.db.verno })), '150 000 records, nothing written');
  const restored = await timed(() => restoreFromFile(target, 'bench', text, { mode: 'replace' }));
  ms(`restore backup (replace): ${restored.result.records.toLocaleString('en')} records`, restored, `checks included; one transaction; backup ${meta.sha256.slice(0, 12)}`);
  target.db.close();
  return [...rows, ...(await benchTrustChromium())];
}

/**
 * The same lock operations in real Chromium, through the background's messages, on a fresh profile:
 * 10 000 requests + 5 000 subjects seeded by the bench page (test build), then encryption turned on,
 * the passphrase changed, a backup made and restored.
 */
export async function benchTrustChromium(requests = 10_000): Promise<BenchRow[]> {
  const profile = mkdtempSync(join(tmpdir(), 'pd-bench-trust-'));
  const { context, extensionId } = await launchBenchBrowser(profile);
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/bench.html`);
    await page.waitForSelector('body[data-ready="1"]');
    await call(page, 'seedRequests', requests);
    /** Sends one message from the bench page and times the round trip there. */
    const timedMessage = (type: string, payload: unknown) =>
      page.evaluate(
        async ([t, p]) => {
          const start = performance.now();
          const reply = (await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; data?: unknown; error?: unknown }> } } }).chrome.runtime.sendMessage({ pd: 1, type: t, payload: p }));
          if (!reply.ok) throw new Error(JSON.stringify(reply.error));
          return { ms: performance.now() - start, data: reply.data as Record<string, unknown> };
        },
        [type, payload] as const,
      );
    const note = `Chromium IndexedDB through the background's messages; ${requests.toLocaleString('en')} requests + ${(requests / 2).toLocaleString('en')} subjects`;
    const row = (name: string, ms: number): BenchRow => ({ group: 'trust (Chromium)', name, value: round(ms, 0), unit: 'ms', note });
    const enable = await timedMessage('trust.enable', { passphrase: PASS });
    const unlocked = await timedMessage('trust.lock', {}).then(() => timedMessage('trust.unlock', { passphrase: PASS }));
    const change = await timedMessage('trust.changePassphrase', { current: PASS, next: 'another long passphrase' });
    // The lock is on: only an encrypted backup can be made.
    const backup = await timedMessage('backup.create', { passphrase: 'backup passphrase 1' });
    const read = await page.evaluate(async ([id, chunks]) => {
      const parts: string[] = [];
      for (let index = 0; index < (chunks as number); index += 1)
        parts.push(((await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ data: { text: string } }> } } }).chrome.runtime.sendMessage({ pd: 1, type: 'backup.chunk', payload: { id, index } })).data.text));
      return parts.join('');
    }, [backup.data.id, backup.data.chunks] as const);
    const upload = await timedMessage('backup.upload', { index: 0, total: 1, text: read });
    const restore = await timedMessage('backup.restore', { id: upload.data.id, mode: 'replace', passphrase: 'backup passphrase 1' });
    return [
      row(`turn encryption on: ${Number(enable.data.records).toLocaleString('en')} records converted in place, then the database rebuilt`, enable.ms),
      row('unlock (600 000 PBKDF2 iterations)', unlocked.ms),
      row('change passphrase (all records re-encrypted, database rebuilt)', change.ms),
      row(`create backup (${(read.length / 1e6).toFixed(1)} MB, lock on, encrypted)`, backup.ms),
      row(`restore it (replace, into the locked-on database): ${Number(restore.data.records).toLocaleString('en')} records`, restore.ms),
    ];
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
