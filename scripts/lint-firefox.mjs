// npm run lint:firefox — builds the Firefox release and runs `web-ext lint` on it (offline). Fails on
// any error, and on any warning that is not one of the known ones inside bundled third-party code:
// each warning is located in the built file and matched against the code it is known to come from,
// so a new warning — ours or a new library's — fails the run until someone has looked at it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sourceDir = join(root, '.output/firefox-mv3');

/** Warnings from libraries we bundle, with the code that raises them. */
const THIRD_PARTY = [
  {
    code: 'DANGEROUS_EVAL',
    near: /jitless\|\|typeof navigator<`u`&&navigator\?\.userAgent\?\.includes\(`Cloudflare`\)\)return!1;try\{return Function\(``\)/,
    origin: 'zod 4: probes Function("") to decide on its JIT; never reached because every entry point sets z.config({ jitless: true })',
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    near: /__html==\w+\.innerHTML\)\|\|\(\w+\.innerHTML=\w+\.__html\)/,
    origin: 'Preact: dangerouslySetInnerHTML support (our code never uses it: checked below)',
  },
  {
    code: 'DANGEROUS_EVAL',
    near: /Function\(`binder`,`return function \(`/,
    origin: '@pdf-lib/fontkit: bundled function-bind shim (background, PDF layout)',
  },
  {
    code: 'DANGEROUS_EVAL',
    near: /"%eval%":eval,/,
    origin: '@pdf-lib/fontkit: bundled get-intrinsic table (names eval, never calls it)',
  },
];

const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (process.env.PD_SKIP_BUILD !== '1') {
  run('node', ['scripts/locales.mjs']);
  run('node', ['scripts/icons.mjs']);
  run('npx', ['wxt', 'build', '-b', 'firefox']);
}

// Our own code must not reach for innerHTML: Preact's support for it is the only one allowed above.
const own = spawnSync('grep', ['-rlE', 'dangerouslySetInnerHTML|\\.innerHTML\\s*=|outerHTML\\s*=|insertAdjacentHTML', 'entrypoints', 'lib'], { cwd: root, encoding: 'utf8' });
if (own.stdout.trim()) {
  console.error(`lint:firefox: our code writes HTML directly:\n${own.stdout}`);
  process.exit(1);
}

const lint = spawnSync('npx', ['web-ext', 'lint', '--source-dir', sourceDir, '--output', 'json', '--no-config-discovery'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf('{')));
} catch {
  console.error(`lint:firefox: web-ext lint gave no JSON report (exit ${lint.status}).\n${lint.stdout}\n${lint.stderr}`);
  process.exit(1);
}

const excerpt = (m) => {
  if (!m.file || !m.line) return '';
  const line = readFileSync(join(sourceDir, m.file), 'utf8').split('\n')[m.line - 1] ?? '';
  const at = m.column ?? 0;
  return line.slice(Math.max(0, at - 200), at + 200);
};
const where = (m) => `${m.file ?? 'manifest'}${m.line ? `:${m.line}:${m.column ?? 0}` : ''}`;

const known = [];
const unknown = [];
for (const m of report.warnings) {
  const match = THIRD_PARTY.find((k) => k.code === m.code && k.near.test(excerpt(m)));
  (match ? known : unknown).push({ ...m, origin: match?.origin });
}

console.log(`web-ext lint ${sourceDir}: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`);
for (const m of report.errors) console.log(`  ERROR   ${m.code} ${where(m)} ${m.message}`);
for (const m of unknown) console.log(`  WARNING ${m.code} ${where(m)} ${m.message}\n          ${excerpt(m).slice(120, 300)}`);
if (known.length) {
  console.log('  Warnings inside bundled third-party code (known, accepted):');
  for (const m of known) console.log(`    ${m.code} ${where(m)} — ${m.origin}`);
}
for (const m of report.notices) console.log(`  notice  ${m.code} ${where(m)} ${m.message}`);

if (report.errors.length || unknown.length) {
  console.error(`lint:firefox failed: ${report.errors.length} errors, ${unknown.length} warnings not known to come from bundled libraries.`);
  process.exit(1);
}
