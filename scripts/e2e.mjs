// npm run test:e2e — builds the test flavour of the extension and runs the end-to-end tests in
// Debian's Chromium. Fails (never skips) when Chromium is missing, saying how to install it.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`e2e: Chromium not found at ${chromium}.\nInstall it with: apt-get update && apt-get install -y chromium\n(or point CHROMIUM_PATH at a Chromium binary).`);
  process.exit(1);
}
const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (process.env.PD_SKIP_BUILD !== '1') run('npm', ['run', '--silent', 'build:test']);
run('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)]);
