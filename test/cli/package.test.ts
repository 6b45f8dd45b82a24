// The `privacy-desk` npm package (scripts/build-cli.mjs): packed, installed from the tarball into an
// empty prefix with npm --offline (so it can only work if nothing needs fetching), then used as a
// command and as a library. Its PDFs must be the bytes the source pipeline makes.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNodeFonts } from '../../lib/documents/fonts-node';
import { kindSpec } from '../../lib/documents/kinds';
import { renderDocument } from '../../lib/documents/render';
import { sha256Hex } from '../../lib/documents/hash';
import { tempDir } from '../documents/document-tools';

const ROOT = join(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist/cli');
const tmp = tempDir('privacy-desk-package-');
afterAll(() => tmp.remove());

const prefix = join(tmp.dir, 'global');
const bin = join(prefix, 'bin/privacy-desk');
const installed = join(prefix, 'lib/node_modules/privacy-desk');
// npm without the project's environment (npm run sets npm_config_* variables for this repository).
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));

function run(file: string, args: string[], input?: string) {
  const r = spawnSync(file, args, { cwd: tmp.dir, env, encoding: 'utf8', input, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT, stdio: 'pipe' });
  execFileSync('npm', ['pack', DIST, '--pack-destination', tmp.dir], { cwd: tmp.dir, env, stdio: 'pipe' });
  const tarball = readdirSync(tmp.dir).find((f) => /^privacy-desk-.*\.tgz$/.test(f));
  if (!tarball) throw new Error('npm pack wrote no privacy-desk-<version>.tgz');
  // As `npm i -g`, into a prefix of its own; --offline: installing must need no registry.
  execFileSync('npm', ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(tmp.dir, tarball)], { cwd: tmp.dir, env, stdio: 'pipe' });
}, 240_000);

// Whole Node processes and two TypeScript runs: generous time on a shared, busy machine.
describe('the privacy-desk package', { timeout: 180_000 }, () => {
  it('has no dependencies to install and no install scripts', () => {
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.scripts ?? {}).toEqual({});
    expect(readdirSync(installed)).not.toContain('node_modules');
  });

  it('prints its help', () => {
    const r = run(bin, ['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('usage: privacy-desk <command>');
    expect(r.stdout).toMatch(/render\s+render a document/);
  });

  it('renders the DPA byte for byte as the source pipeline does', async () => {
    const example = run(bin, ['example', 'dpa']);
    expect(example.code).toBe(0);
    writeFileSync(join(tmp.dir, 'dpa.json'), example.stdout);
    const r = run(bin, ['render', 'dpa', '--data', 'dpa.json', '--lang', 'nl', '--out', 'dpa-nl.pdf']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const bytes = readFileSync(join(tmp.dir, 'dpa-nl.pdf'));
    const expected = await renderDocument({ kind: 'dpa', language: 'nl', input: kindSpec('dpa').sample(), fonts: await loadNodeFonts() });
    expect(await sha256Hex(new Uint8Array(bytes))).toBe(expected.outputSha256);
    expect(JSON.parse(r.stdout)).toMatchObject({ pages: expected.pages, outputSha256: expected.outputSha256 });
  });

  it('reports an invalid input by field and exits 1', () => {
    writeFileSync(join(tmp.dir, 'bad.json'), '{"date":"yesterday"}');
    const r = run(bin, ['render', 'dpa', '--data', 'bad.json', '--lang', 'en', '--out', 'bad.pdf']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('date');
    expect(readdirSync(tmp.dir)).not.toContain('bad.pdf');
  });

  it('works as a library in a Node program, with types', async () => {
    const project = join(tmp.dir, 'app');
    execFileSync('mkdir', ['-p', join(project, 'node_modules')]);
    execFileSync('ln', ['-s', installed, join(project, 'node_modules/privacy-desk')]);
    const program = `import { DOCUMENT_KINDS, exampleInput, renderDocument } from 'privacy-desk';
const pdf = await renderDocument({ kind: 'dpa', language: 'nl', input: exampleInput('dpa') });
const pages: number = pdf.pages;
process.stdout.write(JSON.stringify({ kinds: DOCUMENT_KINDS, pages, sha: pdf.outputSha256, head: new TextDecoder().decode(pdf.bytes.slice(0, 5)) }));
`;
    writeFileSync(join(project, 'main.mts'), program);
    // Types: the package's index.d.ts alone must type the program (a wrong property fails).
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const check = (file: string) => spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules/@types'), file], { cwd: project, encoding: 'utf8' });
    const typed = check('main.mts');
    expect(typed.stdout + typed.stderr).toBe('');
    writeFileSync(join(project, 'wrong.mts'), "import { renderDocument } from 'privacy-desk';\nawait renderDocument({ kind: 'contract', language: 'nl', input: {} });\n");
    expect(check('wrong.mts').stdout).toContain('"contract"');
    // Run: the same program as JavaScript (the one type annotation removed).
    writeFileSync(join(project, 'main.mjs'), program.replace('const pages: number', 'const pages'));
    const r = spawnSync(process.execPath, ['main.mjs'], { cwd: project, encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    const expected = await renderDocument({ kind: 'dpa', language: 'nl', input: kindSpec('dpa').sample(), fonts: await loadNodeFonts() });
    expect(out).toEqual({ kinds: ['dpa', 'subprocessors', 'subprocessor-notice', 'dsar-response', 'register', 'breach-notification', 'breach-letter', 'breach-register'], pages: expected.pages, sha: expected.outputSha256, head: '%PDF-' });
  });

  it('runs its engine from the code cache made at build, and renders the same bytes without it', async () => {
    const probe = (options: string) => `const { loadEngine, engineCacheUsed } = await import(${JSON.stringify(pathToFileURL(join(installed, 'engine.mjs')).href)});
const pdf = await loadEngine(${options}).renderDocument({ kind: 'subprocessors', language: 'de', input: loadEngine().exampleInput('subprocessors') });
process.stdout.write(JSON.stringify({ cache: engineCacheUsed() ?? null, sha: pdf.outputSha256 }));`;
    const runProbe = (dir: string, flags: string[] = [], options = '') =>
      JSON.parse(execFileSync(process.execPath, [...flags, '--input-type=module', '-e', probe(options).replace(installed, dir)], { cwd: tmp.dir, env, encoding: 'utf8' }));
    const expected = await renderDocument({ kind: 'subprocessors', language: 'de', input: kindSpec('subprocessors').sample(), fonts: await loadNodeFonts() });
    expect(runProbe(installed)).toEqual({ cache: true, sha: expected.outputSha256 });
    // As `privacy-desk render` loads it: V8 tuned for one render. The tuning must come after V8
    // checked the cache against its flags, or the cache would be refused.
    expect(runProbe(installed, [], '{ oneShot: true }')).toEqual({ cache: true, sha: expected.outputSha256 });
    // V8 refuses a cache made under other flags (as under another Node version): it only costs time.
    expect(runProbe(installed, ['--max-lazy'])).toEqual({ cache: false, sha: expected.outputSha256 });
    // A damaged cache is not handed to V8 at all (V8 would crash on it).
    const copy = join(tmp.dir, 'damaged-cache');
    cpSync(installed, copy, { recursive: true });
    const cache = readFileSync(join(copy, 'engine.cache'));
    cache.fill(0x5a, 4096, 8192);
    writeFileSync(join(copy, 'engine.cache'), cache);
    expect(runProbe(copy)).toEqual({ cache: null, sha: expected.outputSha256 });
    rmSync(join(copy, 'engine.cache'));
    expect(runProbe(copy)).toEqual({ cache: null, sha: expected.outputSha256 });
    // Another engine.js of the same length must not run with this one's cache (V8 checks only the length).
    const edited = join(tmp.dir, 'edited-engine');
    cpSync(installed, edited, { recursive: true });
    const engine = readFileSync(join(edited, 'engine.js'), 'latin1');
    expect(engine).toContain('Privacy Desk');
    writeFileSync(join(edited, 'engine.js'), engine.replaceAll('Privacy Desk', 'Privacy Dusk'), 'latin1');
    expect(runProbe(edited).cache).toBe(null);
  });

  it('exits 2 on a usage error of render, whose code runs in engine.js', () => {
    const r = run(bin, ['render', 'dpa', '--lang', 'fr']);
    expect(r.stderr).toContain('privacy-desk render:');
    expect(r.code).toBe(2);
  });

  it('loads the PDF engine and hyphenation patterns only when a command needs them', () => {
    // The modules `privacy-desk --help` loads: the executable and what it imports statically.
    const staticImports = (file: string): string[] => [...readFileSync(join(installed, file), 'utf8').matchAll(/(?:^|[;}\s])import\s*(?:[^"'();]*?from\s*)?["'](\.\/[^"']+)["']/g)].map((m) => m[1]!.slice(2));
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      staticImports(file).forEach(visit);
    };
    visit('privacy-desk.mjs');
    const modules = readdirSync(installed).filter((f) => f.endsWith('.mjs'));
    const bytes = [...loaded].reduce((n, f) => n + readFileSync(join(installed, f)).length, 0);
    expect(bytes).toBeLessThan(60_000); // the PDF engine alone is over a megabyte
    // engine.js is read by its loader, not imported: the loader must not be in that graph either.
    expect([...loaded].filter((f) => readFileSync(join(installed, f), 'utf8').includes('engine.cache'))).toEqual([]);
    expect(modules.some((m) => readFileSync(join(installed, m), 'utf8').includes('engine.cache'))).toBe(true);
    // Each language's patterns are a module of their own, imported on demand only.
    for (const language of ['de', 'nl', 'it', 'en-gb']) {
      const file = modules.find((f) => f.startsWith(`${language}-`));
      expect(file, language).toBeDefined();
      expect(modules.some((m) => staticImports(m).includes(file!)), language).toBe(false);
    }
  });
});
