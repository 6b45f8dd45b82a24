// npm run bench: every benchmark, one table, and bench/results.json. A benchmark, not a test: it
// asserts nothing about speed; the numbers go into the issue notes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchSizes } from './size';
import { benchDbNode } from './db-node';
import { benchDbChromium, ROOT } from './chromium';
import { benchUiChromium } from './ui-chromium';
import { benchOverlayChromium } from './overlay-chromium';
import { benchDetect } from './detect';
import { benchDocuments } from './documents';
import { benchCli } from './cli';
import { benchDocumentsChromium } from './documents-chromium';
import { benchTrust } from './trust';
import { benchServerLoad } from './server-load';
import { benchSyncLatency } from './sync-latency';
import type { BenchRow } from './types';

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

const rows: BenchRow[] = [];
const failures: string[] = [];
// One benchmark failing (say Chromium under heavy load) must not lose the others' numbers.
const run = async (name: string, fn: () => Promise<BenchRow[]> | BenchRow[]) => {
  if (!want(name)) return;
  process.stderr.write(`bench: ${name}…\n`);
  try {
    rows.push(...(await fn()));
  } catch (error) {
    failures.push(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    process.stderr.write(`bench: ${name} failed: ${String(error)}\n`);
  }
};

await run('size', () => benchSizes(join(ROOT, '.output/chrome-mv3-test')));
await run('detect', () => benchDetect());
await run('documents', () => benchDocuments());
await run('cli', () => benchCli());
await run('db-node', () => benchDbNode());
await run('trust', () => benchTrust());
await run('server', () => benchServerLoad({ database: 'postgres' }));
await run('server-teams', () => benchServerLoad({ database: 'postgres', teams: 5 }));
// PGlite serves one database call at a time: a fifth of the changes keeps it within the deadline.
await run('sync-latency', () => benchSyncLatency());
await run('server-pglite', () => benchServerLoad({ database: 'pglite', changes: 20_000 }));
await run('db-chromium', () => benchDbChromium());
await run('ui-chromium', () => benchUiChromium());
await run('documents-chromium', () => benchDocumentsChromium());
await run('overlay', () => benchOverlayChromium());

const width = Math.max(...rows.map((r) => r.name.length), 10);
console.log(`${'group'.padEnd(16)} ${'benchmark'.padEnd(width)} ${'value'.padStart(12)}  unit`);
for (const r of rows) console.log(`${r.group.padEnd(16)} ${r.name.padEnd(width)} ${String(r.value).padStart(12)}  ${r.unit}${r.note ? `   (${r.note})` : ''}`);
writeFileSync(join(ROOT, 'bench/results.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, rows, failures }, null, 2) + '\n');
console.log('\nwritten: bench/results.json');
if (failures.length) {
  console.log(`\nfailed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
  process.exitCode = 1;
}
