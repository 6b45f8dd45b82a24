// npm run bench [names…]: builds the test flavour, then runs bench/run.ts in one Node process
// (tsx, with the .hbs hook so document benchmarks use the same precompiled templates as the CLI).
import { spawnSync } from 'node:child_process';

if (process.env.PD_SKIP_BUILD !== '1') {
  const b = spawnSync('npm', ['run', '--silent', 'build:test'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', './build/register-hbs.mjs', 'bench/run.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
