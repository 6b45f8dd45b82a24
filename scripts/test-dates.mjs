// npm run test:dates — the unit tests again, under a faked system date at moments where date code
// breaks: the last half hour of a year, a leap day, and the nights the clocks change (Europe's
// summer-time rules). libfaketime (Debian's `faketime`) starts the clock at that local time and lets it
// run, so a test that reads the machine's date or time zone instead of its own clock fails the day it
// is written, not the day it goes off.
import { spawnSync } from 'node:child_process';

const MOMENTS = [
  { tz: 'Europe/Amsterdam', at: '2026-12-31 23:30:00', why: 'new year in 30 minutes' },
  { tz: 'Europe/Rome', at: '2028-02-29 23:45:00', why: 'a leap day, ending' },
  { tz: 'Europe/Berlin', at: '2027-03-28 01:59:30', why: 'clocks go forward during the run' },
  { tz: 'Europe/Amsterdam', at: '2026-10-25 02:30:00', why: 'the hour that happens twice' },
];

if (spawnSync('faketime', ['-f', '+0', 'true']).error) {
  console.error('test:dates needs libfaketime: apt-get install -y faketime');
  process.exit(1);
}
const only = process.argv.slice(2);
for (const m of MOMENTS) {
  console.log(`\n== unit tests at ${m.at} ${m.tz} (${m.why})`);
  const r = spawnSync('faketime', [m.at, 'npx', 'vitest', 'run', ...only], { stdio: 'inherit', env: { ...process.env, TZ: m.tz } });
  if (r.status !== 0) {
    console.error(`test:dates: the unit tests fail at ${m.at} ${m.tz} (${m.why})`);
    process.exit(r.status ?? 1);
  }
}
