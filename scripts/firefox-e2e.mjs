// npm run test:firefox — builds the test flavour for Firefox and runs test/firefox/ in Debian's
// firefox-esr through puppeteer-core (WebDriver BiDi). Fails (never skips) when Firefox is missing.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
if (!existsSync(firefox)) {
  console.error(`firefox e2e: Firefox not found at ${firefox}.\nInstall it with: apt-get update && apt-get install -y firefox-esr\n(or point FIREFOX_PATH at a Firefox binary).`);
  process.exit(1);
}
const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (process.env.PD_SKIP_BUILD !== '1') {
  run('node', ['scripts/locales.mjs']);
  run('node', ['scripts/icons.mjs']);
  // The harness cannot reach the add-on's storage over BiDi: this build opens the overlay's shadow
  // root from the start (the Chromium e2e keeps it closed where it tests attacks from the page).
  run('npx', ['wxt', 'build', '-b', 'firefox'], { PD_TEST_BUILD: '1', PD_TEST_OPEN_OVERLAY: '1' });
}
run('npx', ['vitest', 'run', '--config', 'test/firefox/vitest.config.ts', ...process.argv.slice(2)]);
