// The `privacy-desk` command as a user runs it: whole processes of the packaged bundle
// (scripts/build-cli.mjs), start-up included, beside the same commands run from source (tsx), and
// beside a peer: a bundled Node program that sets the same document's Markdown with pdfmake
// (bench/pdfmake-process.ts), also a whole process.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './chromium';
import { bigDpaInput } from './dpa-input';
import { kindSpec } from '../lib/documents/kinds';
import { renderDocumentMarkdown } from '../lib/documents/render';
import { percentile, round, type BenchRow } from './types';

// GNU time reports a process's CPU time (user + system), steadier than wall time when other work
// shares the machine's two cores; where it is missing, CPU time is not reported.
const TIME = '/usr/bin/time';

/** Medians of wall and CPU time of `runs` whole processes. */
function measure(runs: number, args: string[], cwd: string): { wall: number; cpu: number } {
  const walls: number[] = [];
  const cpus: number[] = [];
  const timed = existsSync(TIME);
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    const r = timed
      ? spawnSync(TIME, ['-f', '%U %S', process.execPath, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
      : spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    walls.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`bench: ${args.join(' ')} failed: ${r.stderr.toString().slice(0, 300)}`);
    const [user, system] = r.stderr.toString().trim().split('\n').at(-1)!.split(' ').map(Number);
    if (timed) cpus.push((user! + system!) * 1000);
  }
  return { wall: round(percentile(walls, 50), 0), cpu: timed ? round(percentile(cpus, 50), 0) : NaN };
}

export async function benchCli(runs = 9): Promise<BenchRow[]> {
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('bench: build:cli failed');
  const dir = mkdtempSync(join(tmpdir(), 'privacy-desk-bench-cli-'));
  try {
    const big = bigDpaInput();
    writeFileSync(join(dir, 'big.json'), JSON.stringify(big));
    writeFileSync(join(dir, 'sample.json'), JSON.stringify(kindSpec('dpa').sample()));
    // The peer starts from the template's Markdown, ready-made: its process only lays out and writes.
    const { markdown, title } = await renderDocumentMarkdown({ kind: 'dpa', language: 'de', input: big });
    writeFileSync(join(dir, 'big.md'), markdown);
    // Bundled into bench/.cache/ so that require('pdfmake') and the fonts resolve from this repository.
    const peer = join(ROOT, 'bench/.cache/pdfmake-process.mjs');
    await build({ entryPoints: [join(ROOT, 'bench/pdfmake-process.ts')], outfile: peer, bundle: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning' });
    const bundle = join(ROOT, 'dist/cli/privacy-desk.mjs');
    const source = join(ROOT, 'bin/privacy-desk.mjs');
    const render = (data: string, lang: string) => ['render', 'dpa', '--data', data, '--lang', lang, '--out', join(dir, 'out.pdf')];
    const rows: BenchRow[] = [];
    const add = (name: string, runs: number, args: string[]) => {
      const m = measure(runs, args, dir);
      rows.push({ group: 'cli', name, value: m.wall, unit: 'ms', note: `median of ${runs} whole processes, Node ${process.version}; CPU ${m.cpu} ms` });
    };
    // Node's own start and exit, the floor under every command. Where NODE_EXTRA_CA_CERTS is set,
    // Node reads those certificates at start, before any code of ours runs.
    add('node -e 0 (Node alone)', runs, ['-e', '0']);
    if (process.env.NODE_EXTRA_CA_CERTS) rows.at(-1)!.note += '; NODE_EXTRA_CA_CERTS is set';
    add('privacy-desk --help (bundle)', runs, [bundle, '--help']);
    add('privacy-desk render dpa, sample (nl, bundle)', runs, [bundle, ...render('sample.json', 'nl')]);
    add('privacy-desk render dpa, 500 subprocessors (de, bundle)', runs, [bundle, ...render('big.json', 'de')]);
    const ours = rows.at(-1)!.value;
    add('same DPA by pdfmake, whole process (from its Markdown)', runs, [peer, join(dir, 'big.md'), title, 'de', join(dir, 'peer.pdf')]);
    rows.push({ group: 'cli', name: 'pdfmake process / ours', value: round(rows.at(-1)!.value / ours, 1), unit: '×', note: 'same run; ours validates and fills the template too, pdfmake starts from the Markdown' });
    // From source, bin/privacy-desk.mjs compiles TypeScript with tsx at every start.
    add('privacy-desk --help (source, tsx)', 3, [source, '--help']);
    add('privacy-desk render dpa, sample (nl, source, tsx)', 3, [source, ...render('sample.json', 'nl')]);
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
