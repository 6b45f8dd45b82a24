// Nothing unreachable: every module under lib/ must be imported, directly or through other modules,
// by something a user runs — an extension entry point (background, content script, pages, sandbox),
// the command line (bin/privacy-desk.mjs → lib/cli/main.ts) or the team server and its admin tool.
// Tests, benchmarks and the test-only benchmark page do not count: code only they reach is dead to a
// user. Like refined-github's build/features.test.ts, which fails for a feature nothing imports.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Built in the test flavour only (wxt.config.ts drops it from the release). */
const TEST_ONLY_ENTRYPOINTS = new Set(['bench']);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** What WXT builds: each entrypoints/<name>/index.ts(x), and the scripts each index.html loads. */
function extensionEntries(): string[] {
  const dir = join(ROOT, 'entrypoints');
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory() && !TEST_ONLY_ENTRYPOINTS.has(name))
    .flatMap((name) => {
      const base = join(dir, name);
      const html = join(base, 'index.html');
      const scripts = existsSync(html) ? [...readFileSync(html, 'utf8').matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => resolve(base, m[1]!)) : [];
      const index = ['index.ts', 'index.tsx'].map((f) => join(base, f)).filter(existsSync);
      return [...scripts, ...index];
    });
}

const ENTRIES = [
  ...extensionEntries(),
  join(ROOT, 'lib/cli/main.ts'),
  // The packaged CLI (scripts/build-cli.mjs): its executable, its library entry, and the lazy
  // hyphenation patterns the bundle substitutes for the eager ones.
  join(ROOT, 'lib/cli/bin.ts'),
  join(ROOT, 'lib/cli/library.ts'),
  // engine.js (the document half, one script with a code cache) and the loader that runs it.
  join(ROOT, 'lib/cli/engine.ts'),
  join(ROOT, 'lib/cli/engine-loader.ts'),
  join(ROOT, 'lib/documents/layout/hyphenation-patterns-lazy.ts'),
  // The classifier's weights are trained from the corpora by this build step (lib/detect/README.md).
  join(ROOT, 'scripts/detect-train.ts'),
  join(ROOT, 'server/main.ts'),
  join(ROOT, 'server/admin.ts'),
  // The build config pulls build-time modules (fonts, template precompilation) into the bundles.
  join(ROOT, 'wxt.config.ts'),
];

/**
 * Modules known to be unreached, each with the work that will reach it. The test fails when one of them
 * becomes reachable too, so the entry is removed with the change that wires it.
 */
const PENDING: Record<string, string> = {
};

const options: ts.CompilerOptions = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, allowImportingTsExtensions: true, jsx: ts.JsxEmit.ReactJSX, resolveJsonModule: true };

/** Our files a module imports (static, type-only, re-exports and dynamic imports alike). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.flatMap(({ fileName }) => {
    if (!fileName.startsWith('.')) return [];
    const resolved = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule?.resolvedFileName;
    if (resolved && !resolved.includes('node_modules')) return [resolve(resolved)];
    const direct = resolve(dirname(file), fileName);
    return existsSync(direct) ? [direct] : [];
  });
}

function reachableFrom(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file) || !/\.(ts|tsx|mts|mjs|js)$/.test(file)) continue;
    seen.add(file);
    stack.push(...importsOf(file));
  }
  return seen;
}

describe('reachability', () => {
  it('finds the entry points it starts from', () => {
    const names = ENTRIES.map((f) => relative(ROOT, f));
    for (const expected of ['entrypoints/background/index.ts', 'entrypoints/helpdesk.content/index.ts', 'entrypoints/sidepanel/main.tsx', 'lib/cli/main.ts']) expect(names).toContain(expected);
    expect(names).not.toContain('entrypoints/bench/main.ts');
    for (const entry of ENTRIES) expect(existsSync(entry), entry).toBe(true);
  });

  it('every module under lib/ is imported by an entry point, the CLI or the server', () => {
    const reached = reachableFrom(ENTRIES);
    const modules = walk(join(ROOT, 'lib')).filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.d.ts'));
    const unreached = modules.filter((f) => !reached.has(f)).map((f) => relative(ROOT, f));
    expect(unreached.sort(), 'modules under lib/ that no entry point, CLI or server imports').toEqual(Object.keys(PENDING).sort());
  });

  it('would notice a module nothing imports', () => {
    const reached = reachableFrom([join(ROOT, 'lib/cli/main.ts')]);
    expect(reached.has(join(ROOT, 'lib/cli/main.ts'))).toBe(true);
    expect(reached.has(join(ROOT, 'lib/hosts/zendesk/adapter.ts'))).toBe(false);
  });
});
