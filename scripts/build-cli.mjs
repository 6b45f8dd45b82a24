// npm run build:cli: the `privacy-desk` npm package in dist/cli/ (build output, never committed).
//
// From source, bin/privacy-desk.mjs compiles TypeScript with tsx at every start (about a second
// before anything happens). The package instead carries one esbuild bundle with every runtime
// dependency inside, so `npm i -g privacy-desk-<version>.tgz` fetches nothing:
//   privacy-desk.mjs   the executable (lib/cli/bin.ts); loads each command's code when it runs
//   index.mjs          the library (lib/cli/library.ts): `import { renderDocument } from 'privacy-desk'`
//   index.d.ts         its types
//   engine.js          `render` and the library's code with the PDF engine, templates and schemas
//                      (lib/cli/engine.ts): one script, run by engine.mjs (lib/cli/engine-loader.ts)
//   engine.cache       V8's code cache of engine.js, made here after rendering each kind once
//   *-<hash>.mjs       ES modules shared or loaded on demand (the other commands, each language's
//                      hyphenation patterns)
//   fonts/             the four DejaVu Serif faces the documents are set in
// What the engine script costs: about 3.5 MB more package (the 2.7 MB cache, and the templates and
// schemas that `example` and `schema` carry as ES modules too), and a cache that differs from build
// to build (V8's data is not reproducible); the PDFs are byte for byte the same.
// `npm run pack:cli` builds it and writes privacy-desk-<version>.tgz here.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { hbsModuleFor } from '../build/skeleton.mjs';
import { PATTERN_FILE, patternModuleAsJson } from '../build/hyphen-patterns.mjs';
import { fontkitForEngine, LAZY_VALUE, pdfLibFontFlagsForEngine } from './fontkit-engine.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist/cli');
const require = createRequire(import.meta.url);
const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

rmSync(OUT, { recursive: true, force: true });
mkdirSync(join(OUT, 'fonts'), { recursive: true });

/** `*.hbs` become precompiled template modules (a kind's skeleton.hbs composed first), exactly as in the extension and the tsx hook. */
const hbs = {
  name: 'hbs',
  setup(b) {
    b.onLoad({ filter: /\.hbs$/ }, (args) => {
      const { code, files } = hbsModuleFor(args.path, readFileSync(args.path, 'utf8'));
      return { contents: code, loader: 'js', watchFiles: files };
    });
  },
};

/**
 * Hyphenation patterns load per document language (lib/documents/layout/hyphenation-patterns-lazy.ts,
 * which the engine loader imports), read as JSON, not evaluated as a 0.7 MB literal
 * (build/hyphen-patterns.mjs).
 */
const patternsAsJson = {
  name: 'patterns-as-json',
  setup(b) {
    b.onLoad({ filter: PATTERN_FILE }, (args) => ({ contents: patternModuleAsJson(args.path), loader: 'js' }));
  },
};

const FONT_FLAGS = /pdf-lib\/es\/core\/embedders\/FontFlags\.js$/;
/** fontkit with its load-time work deferred and its decompression done by Node (./fontkit-engine.mjs). */
const lazyFontkit = {
  name: 'lazy-fontkit',
  setup(b) {
    const file = join(dirname(require.resolve('@pdf-lib/fontkit/package.json')), 'dist/fontkit.es.js');
    b.onResolve({ filter: /^@pdf-lib\/fontkit$/ }, () => ({ path: file }));
    b.onLoad({ filter: /fontkit\.es\.js$/ }, () => ({ contents: fontkitForEngine(readFileSync(file, 'utf8')), loader: 'js' }));
    // pdf-lib's font flags read what fontkit's engine build adds for them.
    b.onLoad({ filter: FONT_FLAGS }, (args) => ({ contents: pdfLibFontFlagsForEngine(readFileSync(args.path, 'utf8')), loader: 'js' }));
  },
};

const common = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  // The ES builds, as the extension's bundler picks: the same code, and unused parts of pdf-lib drop out.
  mainFields: ['module', 'main'],
  target: 'node20',
  // PD_CLI_MINIFY=0 keeps names for profiling (whitespace still goes, and comments with it, so the
  // code stays ASCII).
  ...(process.env.PD_CLI_MINIFY === '0' ? { minifyWhitespace: true } : { minify: true }),
  legalComments: 'none', // the licences are collected into THIRD-PARTY-LICENSES below
  metafile: true,
  logLevel: 'warning',
};
/**
 * zod re-exports its error messages in 63 languages as `z.locales`; we only ever use its English
 * default (the messages lib/model/errors.ts puts in validation errors). The other 62 would be about
 * 260 kB of code to read (and, in engine.js, hash and load) at every start.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /zod\/v4\/locales\/index\.js$/ }, () => ({ contents: 'export { default as en } from "./en.js";\n', loader: 'js' }));
  },
};

const LOADER = join(ROOT, 'lib/cli/engine-loader.ts');

/**
 * The ES modules: the executable and the library entry, with `render` and the library's functions
 * taken from engine.js through the loader instead of bundled again.
 */
const throughEngine = {
  name: 'through-engine',
  setup(b) {
    // `example` and `schema` stay ES modules: they need the schemas and templates but not the PDF
    // engine, and start 70 ms sooner without loading it.
    b.onResolve({ filter: /^\.\/render$/ }, (args) =>
      args.importer.endsWith(join('lib/cli/commands/index.ts')) ? { path: 'renderCommand', namespace: 'engine-command' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'engine-command' }, (args) => ({
      contents: `import { loadEngine } from ${JSON.stringify(LOADER)};\nexport const command = (args, io) => loadEngine({ oneShot: true }).${args.path}(args, io);\n`,
      loader: 'js',
      resolveDir: ROOT,
    }));
    b.onResolve({ filter: /^privacy-desk-library$/ }, () => ({ path: 'library', namespace: 'engine-library' }));
    b.onLoad({ filter: /.*/, namespace: 'engine-library' }, () => ({
      contents: `import { loadEngine } from ${JSON.stringify(LOADER)};\nconst engine = loadEngine();\nexport const { DOCUMENT_KINDS, DOCUMENT_LANGUAGES, exampleInput, renderDocument } = engine;\n`,
      loader: 'js',
      resolveDir: ROOT,
    }));
  },
};

const result = await build({
  ...common,
  // engine.mjs, the loader, has a name of its own for the warm-up below.
  entryPoints: { 'privacy-desk': 'lib/cli/bin.ts', index: 'privacy-desk-library', engine: 'lib/cli/engine-loader.ts' },
  outdir: OUT,
  outExtension: { '.js': '.mjs' },
  chunkNames: '[name]-[hash]',
  splitting: true,
  format: 'esm',
  // Bundled CommonJS packages may call require() for Node's own modules (esbuild's stand-in for it
  // is in the output); an ES module has none of its own.
  banner: { js: "import { createRequire as __pdCreateRequire } from 'node:module'; const require = __pdCreateRequire(import.meta.url);" },
  plugins: [throughEngine, hbs, patternsAsJson, zodEnglishOnly],
});
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  // The eager module carries all four languages' patterns (the extension's choice).
  if (Object.keys(output.inputs).some((i) => i.endsWith('layout/hyphenation-patterns.ts'))) throw new Error(`build:cli: ${file} loads every language's hyphenation patterns`);
}

/**
 * engine.js: CommonJS-shaped code in one function expression (the banner and footer below), which
 * lib/cli/engine-loader.ts calls with `require`, `module` and `__pdHost`. Hyphenation comes from the
 * host, so each language's patterns stay an ES module loaded on demand, and `import.meta.url` is
 * engine.js's URL.
 */
const fromHost = {
  name: 'from-host',
  setup(b) {
    b.onResolve({ filter: /^\.\/hyphenation-patterns$/ }, () => ({ path: 'hyphenation', namespace: 'from-host' }));
    b.onLoad({ filter: /.*/, namespace: 'from-host' }, () => ({ contents: 'export const loadHyphenation = __pdHost.loadHyphenation;\n', loader: 'js' }));
  },
};
/**
 * In engine.js each document kind (its templates in four languages, schema and view) is set up when
 * first asked for, not when the script starts: a `require` of an ES module makes esbuild wrap it in
 * an initialiser of its own. lib/documents/kinds/index.ts is rewritten to that form from its own
 * imports and table, so the two cannot list different kinds; the extension keeps the file as it is.
 */
const lazyKinds = {
  name: 'lazy-kinds',
  setup(b) {
    b.onLoad({ filter: /lib\/documents\/kinds\/index\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const importLine = /^import \{ (\w+) \} from '(\.\/[\w-]+)';$/gm;
      const imports = new Map([...source.matchAll(importLine)].map((m) => [m[1], m[2]]));
      const tableText = /^const KINDS: Record<DocumentKind, DocumentKindSpec> = \{\n([^}]*)\};$/m;
      const table = tableText.exec(source);
      const entries = table ? [...table[1].matchAll(/^\s*('?[\w-]+'?): (\w+),$/gm)].map((m) => [m[1], m[2]]) : [];
      // Apart from the imports and the table, the file must be exactly this (comments aside), or
      // the rewrite would drop whatever else it says.
      const rest = source.replace(importLine, '').replace(tableText, '').split('\n').map((line) => line.trim()).filter((line) => line !== '' && !/^(\/\/|\/\*\*|\*)/.test(line));
      const expected = ["import type { DocumentKind } from '../../model/document';", "import type { DocumentKindSpec } from '../kind';", 'export function kindSpec(kind: DocumentKind): DocumentKindSpec {', 'return KINDS[kind];', '}'];
      const tableLines = table ? table[1].split('\n').filter((line) => line.trim() !== '').length : 0;
      if (entries.length === 0 || entries.length !== tableLines || entries.length !== imports.size || entries.some(([, name]) => !imports.has(name)) || rest.join('\n') !== expected.join('\n')) {
        throw new Error('build:cli: lib/documents/kinds/index.ts no longer has the shape lazy-kinds rewrites (an import per kind, the KINDS table, kindSpec returning KINDS[kind]): update the lazy-kinds plugin');
      }
      const loaders = entries.map(([key, name]) => `  ${key}: () => require(${JSON.stringify(imports.get(name))}).${name},`).join('\n');
      return {
        // As KINDS[kind]: undefined for a kind that does not exist.
        contents: `const LOADERS = {\n${loaders}\n};\nconst loaded = {};\nexport function kindSpec(kind) {\n  return Object.hasOwn(LOADERS, kind) ? (loaded[kind] ??= LOADERS[kind]()) : undefined;\n}\n`,
        loader: 'js',
        resolveDir: dirname(args.path),
      };
    });
  },
};
/**
 * Modules of pdf-lib's that the engine never uses but that do work when they load, set up on first
 * use instead (if ever):
 * - UPNG, its PNG decoder, builds inflate tables of 32,768 entries (about 3 ms at every start); the
 *   engine never embeds an image.
 * - The standard fonts' encodings are inflated from compressed JSON; the engine embeds its own fonts.
 */
const lazyPdfLibParts = {
  name: 'lazy-pdf-lib-parts',
  setup(b) {
    const fonts = dirname(require.resolve('@pdf-lib/standard-fonts/package.json'));
    b.onResolve({ filter: /^@pdf-lib\/(upng|standard-fonts)$/ }, (args) => (args.namespace === 'lazy-pdf-lib-parts' ? undefined : { path: args.path, namespace: 'lazy-pdf-lib-parts' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-pdf-lib-parts' }, (args) => ({
      contents:
        `${LAZY_VALUE}\n` +
        (args.path === '@pdf-lib/upng'
          ? "export default __pdLazyValue(() => require('@pdf-lib/upng').default);\n"
          : // Font.js only holds compressed metrics until a standard font is asked for.
            `export { Font, FontNames } from ${JSON.stringify(join(fonts, 'es/Font.js'))};\nexport const Encodings = __pdLazyValue(() => require(${JSON.stringify(join(fonts, 'es/Encoding.js'))}).Encodings);\n`),
      loader: 'js',
      resolveDir: ROOT,
    }));
  },
};
const engine = await build({
  ...common,
  entryPoints: { engine: 'lib/cli/engine.ts' },
  outdir: OUT,
  format: 'cjs',
  // The function lib/cli/engine-loader.ts calls, written into the file: the loader hands V8 the
  // file's text as it was read (kept outside the JS heap) instead of a copy joined to a wrapper.
  banner: { js: '(function (exports, require, module, __pdHost) {' },
  footer: { js: '})' },
  define: { __PD_FONT_DIR__: JSON.stringify('./fonts/'), 'import.meta.url': '__pdHost.url' },
  // fflate's Node build loads worker_threads at start for its asynchronous API, which the engine
  // never calls; its browser build is the same code the extension compresses with, minus that.
  alias: { fflate: 'fflate/browser' },
  plugins: [hbs, fromHost, zodEnglishOnly, lazyFontkit, lazyKinds, lazyPdfLibParts],
});
// The substitutions above must still apply: a package update that moves zod's locales or fflate's
// builds would otherwise quietly bring the weight back.
for (const input of [...Object.keys(engine.metafile.inputs), ...Object.keys(result.metafile.inputs)]) {
  if (/zod\/v4\/locales\/(?!en\.js|index\.js)/.test(input)) throw new Error(`build:cli: zod-english-only no longer applies (${input} is bundled)`);
}
if (Object.keys(engine.metafile.inputs).some((i) => /fflate\/esm\/index\.mjs$/.test(i))) throw new Error("build:cli: engine.js bundles fflate's Node build");
if (!Object.keys(engine.metafile.inputs).some((i) => FONT_FLAGS.test(i))) throw new Error("build:cli: pdf-lib's FontFlags.js was not bundled from where lazy-fontkit expects it: update the plugin");
// A dynamic import() left inside a node:vm script would need a module loader of its own.
const dynamic = engine.metafile.outputs['dist/cli/engine.js'].imports.filter((i) => i.kind === 'dynamic-import');
if (dynamic.length > 0) throw new Error(`build:cli: engine.js imports ${dynamic.map((i) => i.path).join(', ')} dynamically: load it through __pdHost instead`);
for (const input of Object.keys(engine.metafile.inputs)) result.metafile.inputs[input] ??= engine.metafile.inputs[input];
Object.assign(result.metafile.outputs, engine.metafile.outputs);

// The fonts lib/documents/fonts-node.ts reads (the same four files the extension ships).
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
for (const file of readdirSync(fontDir).filter((f) => /^DejaVuSerif(-Bold|-Italic|-BoldItalic)?\.ttf$/.test(f))) {
  copyFileSync(join(fontDir, file), join(OUT, 'fonts', file));
}

// Types of the library entry. lib/cli/library.ts writes its types out, so its declaration file
// stands alone; tsc checks the whole graph it imports on the way.
const typesDir = join(ROOT, 'dist/.cli-types');
rmSync(typesDir, { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'build/tsconfig.cli-types.json', '--outDir', typesDir], { cwd: ROOT, stdio: 'inherit' });
if (tsc.status !== 0) throw new Error('build:cli: tsc could not emit the library types');
const dts = readFileSync(join(typesDir, 'lib/cli/library.d.ts'), 'utf8');
if (/^\s*(import|export .* from)\b/m.test(dts)) throw new Error('build:cli: index.d.ts must not import other modules (see lib/cli/library.ts)');
writeFileSync(join(OUT, 'index.d.ts'), dts);
rmSync(typesDir, { recursive: true, force: true });

// The licences of everything inside the bundle, and of the fonts.
const packages = new Map(); // name → folder
for (const input of Object.keys(result.metafile.inputs)) {
  const m = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
  if (m && !packages.has(m[2])) packages.set(m[2], join(ROOT, m[1]));
}
packages.set('dejavu-fonts-ttf', dirname(fontDir));
const notices = [...packages].sort(([a], [b]) => a.localeCompare(b)).map(([name, dir]) => {
  const licence = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
  const text = licence ? readFileSync(join(dir, licence), 'utf8').trim() : `licence: ${JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).license ?? 'see the package'}`;
  return `${name}\n${'='.repeat(name.length)}\n\n${text}\n`;
});
writeFileSync(join(OUT, 'THIRD-PARTY-LICENSES'), notices.join('\n'));

copyFileSync(join(ROOT, 'lib/cli/README.md'), join(OUT, 'README.md'));
const pkg = {
  name: root.name,
  version: root.version,
  description: 'GDPR documents (DPAs, subprocessor lists, DSAR letters, registers) as PDF, Art. 12(3) deadlines and request detection, from the command line or Node.',
  type: 'module',
  bin: { 'privacy-desk': './privacy-desk.mjs' },
  main: './index.mjs',
  types: './index.d.ts',
  exports: { '.': { types: './index.d.ts', default: './index.mjs' }, './package.json': './package.json' },
  engines: { node: '>=20' },
  // No dependencies: the bundle carries them, so installing the tarball needs no registry.
};
writeFileSync(join(OUT, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);

// esbuild escapes non-ASCII characters in strings but not in regular expressions. One such
// character makes Node decode a whole module as UTF-8 on its slow path (about 10 ms a megabyte at
// every start) and V8 keep it as two-byte text, and engine.js is read as latin1, where it would
// be wrong: write them as \u escapes in the source.
const files = readdirSync(OUT).filter((f) => f.endsWith('.mjs') || f === 'engine.js');
let codeBytes = 0;
for (const file of files) {
  const code = readFileSync(join(OUT, file), 'utf8');
  codeBytes += code.length; // ASCII: one byte per character
  const at = code.search(/[^\x00-\x7F]/);
  if (at >= 0) throw new Error(`build:cli: ${file} is not ASCII: …${code.slice(Math.max(0, at - 40), at + 10)}… (write the character as a \\u escape)`);
}

writeFileSync(join(ROOT, 'dist/cli-metafile.json'), JSON.stringify(result.metafile)); // esbuild's analyser reads it
process.stdout.write(`build:cli: ${relative(ROOT, OUT)}/ (${files.length} modules, ${Math.round(codeBytes / 1024)} kB of code, ${packages.size} bundled packages)\n`);
if (!existsSync(join(OUT, 'fonts/DejaVuSerif.ttf'))) throw new Error('build:cli: fonts missing');

// engine.cache: in a fresh process, the built package renders each kind's example once (in each
// language in turn: every kind must render from engine.js), then writes V8's code cache of
// engine.js (lib/cli/engine-loader.ts). Without the caller's NODE_OPTIONS: V8 flags there would
// make a cache that a plain `node` refuses.
const plainEnv = { ...process.env };
delete plainEnv.NODE_OPTIONS;
const inPackage = (code) => {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: OUT, env: plainEnv, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build:cli: a check of the built package failed (${r.error ?? (r.signal ? `signal ${r.signal}` : `exit ${r.status}`)}):\n${r.stderr}`);
  return r.stdout;
};
const loader = JSON.stringify(pathToFileURL(join(OUT, 'engine.mjs')).href);
inPackage(`import { writeFileSync } from 'node:fs';
const { loadEngine, engineCodeCache } = await import(${loader});
const engine = loadEngine();
const languages = engine.DOCUMENT_LANGUAGES;
for (const [i, kind] of engine.DOCUMENT_KINDS.entries()) {
  await engine.renderDocument({ kind, language: languages[i % languages.length], input: engine.exampleInput(kind) });
}
writeFileSync(${JSON.stringify(join(OUT, 'engine.cache'))}, engineCodeCache());`);
// In another fresh process: V8 takes the cache, and the library entry exports at run time every
// name its index.d.ts declares (the names are listed by hand in lib/cli/engine.ts and above).
const declared = [...dts.matchAll(/^export declare (?:const|function|class) (\w+)/gm)].map((m) => m[1]).sort();
const seen = JSON.parse(
  inPackage(`const { engineCacheUsed } = await import(${loader});
const library = await import(${JSON.stringify(pathToFileURL(join(OUT, 'index.mjs')).href)});
process.stdout.write(JSON.stringify({ cache: engineCacheUsed() ?? null, exports: Object.keys(library).filter((k) => library[k] !== undefined).sort() }));`),
);
if (seen.cache !== true) throw new Error(`build:cli: a fresh process does not use engine.cache (${seen.cache})`);
if (JSON.stringify(seen.exports) !== JSON.stringify(declared)) throw new Error(`build:cli: index.mjs exports ${seen.exports.join(', ')} but index.d.ts declares ${declared.join(', ')}`);
