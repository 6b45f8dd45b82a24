// The benchmark DPA rendered in Chromium on the extension's origin (the bench page of the test
// build), and whether its bytes are exactly those Node renders: the extension and the CLI must
// give a user the same PDF for the same input.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadNodeFonts } from '../lib/documents/fonts-node';
import { renderDocument } from '../lib/documents/render';
import { call, launchBenchBrowser } from './chromium';
import { bigDpaInput } from './dpa-input';
import { round, type BenchRow } from './types';

export async function benchDocumentsChromium(): Promise<BenchRow[]> {
  const node = await renderDocument({ kind: 'dpa', language: 'de', input: bigDpaInput(), fonts: await loadNodeFonts() });
  const profile = mkdtempSync(join(tmpdir(), 'privacy-desk-bench-docs-'));
  const { context, extensionId } = await launchBenchBrowser(profile);
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/bench.html`);
    await page.waitForSelector('body[data-ready="1"]');
    const dpa = (await call(page, 'renderDpa', 5)) as unknown as { median: number; pages: number; bytes: number; sha: string };
    const note = 'Chromium extension page, DPA (de) with 500 subprocessors and 50 activities';
    return [
      { group: 'documents', name: 'DPA render in Chromium, median of 5 (only this)', value: round(dpa.median, 0), unit: 'ms', note: `${note}, ${dpa.pages} pages, ${Math.round(dpa.bytes / 1024)} kB` },
      { group: 'documents', name: 'DPA bytes identical in Node and Chromium', value: dpa.sha === node.outputSha256 ? 1 : 0, unit: 'yes=1', note: `Node ${node.outputSha256.slice(0, 16)}…, Chromium ${dpa.sha.slice(0, 16)}…` },
    ];
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
