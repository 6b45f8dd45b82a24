// Bundle sizes of the built extension: the content script must stay small, since it is injected into
// every granted helpdesk page.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './types';

export function benchSizes(buildDir: string): BenchRow[] {
  const file = (p: string) => readFileSync(join(buildDir, p));
  const gz = (p: string) => gzipSync(file(p), { level: 9 }).length;
  const rows: BenchRow[] = [
    { group: 'size', name: 'content script (gzip)', value: Math.round(gz('content-scripts/helpdesk.js') / 102.4) / 10, unit: 'kB' },
    { group: 'size', name: 'content script (raw)', value: Math.round(file('content-scripts/helpdesk.js').length / 102.4) / 10, unit: 'kB' },
    { group: 'size', name: 'background (gzip)', value: Math.round(gz('background.js') / 102.4) / 10, unit: 'kB' },
  ];
  const total = walk(buildDir).reduce((sum, p) => sum + statSync(p).size, 0);
  rows.push({ group: 'size', name: 'whole extension (raw)', value: Math.round(total / 1024), unit: 'kB' });
  return rows;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
