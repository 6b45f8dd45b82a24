// npm run test:zip — runs `npm run zip` and checks what would go to the stores: the Chrome and Firefox
// packages (release manifest, icons at every size, four languages with a name and a description the
// stores accept, no test-only pages) and the Firefox sources zip (sources only: no dependencies, build
// output, test or demo output, or files the build generates). Prints each zip's contents.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const problems = [];
const check = (ok, message) => ok || problems.push(message);

if (process.env.PD_SKIP_BUILD !== '1') {
  const r = spawnSync('npm', ['run', '--silent', 'zip'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Reads a zip's central directory: name → () => content. Enough for stored and deflated entries. */
function readZip(path) {
  const buf = readFileSync(path);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd -= 1;
  if (eocd < 0) throw new Error(`${path}: not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let i = 0; i < count; i += 1) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, () => {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return method === 8 ? inflateRawSync(data) : data;
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png) => [png.readUInt32BE(16), png.readUInt32BE(20)];

const ICON_SIZES = [16, 32, 48, 96, 128];
const listing = readFileSync(join(root, 'docs/store/listing.md'), 'utf8');
const LANGUAGES = ['en', 'nl', 'de', 'it'];

function checkPackage(browser) {
  const path = join(root, '.output', `privacy-desk-${version}-${browser}.zip`);
  const zip = readZip(path);
  const names = [...zip.keys()];
  console.log(`\n${path} (${names.length} files)\n${names.map((n) => `  ${n}`).join('\n')}`);
  const manifest = JSON.parse(zip.get('manifest.json')().toString('utf8'));
  const where = `${browser} zip`;
  check(manifest.manifest_version === 3, `${where}: not Manifest V3`);
  check(manifest.version === version, `${where}: manifest version ${manifest.version}, package.json ${version}`);
  check(manifest.name === '__MSG_extName__' && manifest.description === '__MSG_extDescription__', `${where}: name and description must come from _locales`);
  check((manifest.host_permissions ?? []).length === 0, `${where}: the release grants hosts at install: ${manifest.host_permissions}`);
  check(!names.includes('bench.html'), `${where}: the test-only benchmark page is in the release`);
  check(!names.some((n) => n.endsWith('.map')), `${where}: source maps in the release`);
  for (const size of ICON_SIZES) {
    const file = manifest.icons?.[size];
    check(file && zip.has(file), `${where}: no ${size}px icon`);
    if (file && zip.has(file)) {
      const [w, h] = pngSize(zip.get(file)());
      check(w === size && h === size, `${where}: ${file} is ${w}×${h}, not ${size}×${size}`);
    }
  }
  for (const lang of LANGUAGES) {
    const file = `_locales/${lang}/messages.json`;
    if (!check(zip.has(file), `${where}: no ${file}`)) continue;
    const messages = JSON.parse(zip.get(file)().toString('utf8'));
    const name = messages.extName?.message ?? '';
    const description = messages.extDescription?.message ?? '';
    // Chrome Web Store limits: name 75 characters, description 132 (AMO takes longer ones).
    check(name.length > 0 && name.length <= 75, `${where}: ${lang} name "${name}" is empty or over 75 characters`);
    check(description.length > 0 && description.length <= 132, `${where}: ${lang} description is ${description.length} characters (at most 132)`);
    for (const key of ['commandFlagTicket', 'commandOpenPanel']) check(messages[key]?.message, `${where}: ${lang} lacks ${key} (keyboard shortcut description)`);
    // The store listing repeats the short description; it must be the extension's own.
    const section = listing.split(/^## /m).find((part) => part.includes(`(${lang})`)) ?? '';
    check(section.includes(`:** ${description}\n`), `docs/store/listing.md: the ${lang} short description differs from extDescription in scripts/locales.mjs`);
  }
  check(manifest.commands?.['flag-ticket'], `${where}: no flag-ticket shortcut`);
  // The overlay's shadow root is closed in a release: the test flavour's way to open it (a storage key
  // only the e2e harness sets, entrypoints/helpdesk.content/trusted.ts) and its timing marks are gone.
  const content = zip.get('content-scripts/helpdesk.js')?.().toString('utf8') ?? '';
  check(content.includes('attachShadow'), `${where}: no overlay in the content script`);
  check(!content.includes('pdTestOpenOverlay') && !content.includes('pd:check'), `${where}: the content script keeps the test flavour's open-root switch or timing marks`);
  // The e2e tests' clock (entrypoints/shared/test-clock.ts) exists only in the test flavour: no script of a
  // release may read a time offset from the user agent.
  for (const [name, read] of zip) if (name.endsWith('.js')) check(!read().toString('utf8').includes('PDTestClock'), `${where}: ${name} keeps the test flavour's clock`);
  if (browser === 'chrome') {
    check(manifest.storage?.managed_schema && zip.has(manifest.storage.managed_schema), `${where}: no managed storage schema`);
    check(manifest.side_panel?.default_path && zip.has(manifest.side_panel.default_path), `${where}: no side panel`);
  } else {
    const gecko = manifest.browser_specific_settings?.gecko ?? {};
    check(gecko.id === 'privacy-desk@example.org', `${where}: gecko id ${gecko.id}`);
    check(gecko.data_collection_permissions?.required?.includes('none'), `${where}: no data_collection_permissions declaration`);
    check(manifest.sidebar_action?.default_panel && zip.has(manifest.sidebar_action.default_panel), `${where}: no sidebar`);
    check(!names.includes('templates.html'), `${where}: the Chrome-only template sandbox is in the Firefox package`);
  }
}

function checkSources() {
  const path = join(root, '.output', `privacy-desk-${version}-sources.zip`);
  const names = [...readZip(path).keys()];
  console.log(`\n${path} (${names.length} files)\n${names.map((n) => `  ${n}`).join('\n')}`);
  const FORBIDDEN = [
    [/^node_modules\//, 'dependencies'],
    [/^\.output\//, 'build output'],
    [/^\.wxt\//, 'generated types'],
    [/^(test-output|demo-output)\//, 'test or demo output'],
    [/^bench\/(\.cache\/|results\.json$)/, 'benchmark output'],
    [/^public\/(_locales|icon)\//, 'files the build generates (scripts/locales.mjs, scripts/icons.mjs)'],
    [/^docs\/images\//, 'generated guide images (scripts/guide-screenshots.mjs)'],
    [/(^|\/)\.e2e-profile/, 'browser profiles'],
    [/^\.team-server-data\//, "the team server's embedded database (npm run server)"],
    [/\.(log|zip|crx|xpi)$/, 'logs or packages'],
  ];
  for (const name of names)
    for (const [pattern, what] of FORBIDDEN) check(!pattern.test(name), `sources zip: ${name} is ${what}, not a source`);
  // What a reviewer needs to rebuild the package with `npm ci && npm run build`.
  for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md', 'scripts/locales.mjs', 'scripts/icons.mjs', 'public/managed_schema.json', 'entrypoints/background/index.ts', 'entrypoints/helpdesk.content/index.ts'])
    check(names.includes(needed), `sources zip: ${needed} is missing`);
  // Every file is one git tracks (when this is a git checkout): nothing stray from a working copy.
  const git = spawnSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' });
  if (git.status === 0) {
    const tracked = new Set(git.stdout.split('\n'));
    const stray = names.filter((n) => !tracked.has(n));
    check(stray.length === 0, `sources zip: files git does not track (untracked work in this checkout?): ${stray.join(', ')}`);
  }
}

checkPackage('chrome');
checkPackage('firefox');
checkSources();
if (problems.length) {
  console.error(`\nStore packages are not ready:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('\nStore packages: Chrome and Firefox zips and the Firefox sources zip check out.');
