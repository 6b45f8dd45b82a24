// `privacy-desk deadline` through main(), with captured streams.
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../lib/cli/io';
import { main } from '../../lib/cli/main';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => '',
  };
  const code = await main(['deadline', ...argv], io);
  return { code, stdout, stderr };
}

const BASE = ['--received', '2026-01-31T10:00:00Z', '--tz', 'Europe/Amsterdam', '--country', 'NL'];

describe('privacy-desk deadline', () => {
  it('prints one JSON object and exits 0', async () => {
    const { code, stdout, stderr } = await run(...BASE);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['received', 'receivedLocalDay', 'due', 'dueAt', 'extended', 'rule']);
    expect(result).toMatchObject({
      received: '2026-01-31T10:00:00.000Z',
      receivedLocalDay: '2026-01-31',
      due: '2026-03-02',
      dueAt: '2026-03-02T22:59:59.999Z',
      extended: false,
    });
    expect(result.rule).toContain('2026-02-28 is a Saturday');
  });

  it('--extended, --region and repeated --closing-day', async () => {
    const extended = JSON.parse((await run(...BASE, '--extended')).stdout) as Record<string, unknown>;
    expect(extended).toMatchObject({ due: '2026-04-30', extended: true });
    const bavaria = await run('--received', '2026-05-04T10:00:00Z', '--tz', 'Europe/Berlin', '--country', 'DE', '--region', 'DE-BY');
    expect(JSON.parse(bavaria.stdout)).toMatchObject({ due: '2026-06-05' }); // Corpus Christi on 4 June
    const closed = await run(...BASE, '--closing-day', '2026-03-02', '--closing-day', '2026-03-03');
    expect(JSON.parse(closed.stdout)).toMatchObject({ due: '2026-03-04' });
  });

  it('--help prints usage and exits 0', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('--received');
    expect(stdout).toContain('DE-BY');
  });

  it('is listed by privacy-desk --help', async () => {
    let stdout = '';
    await main(['--help'], { stdout: (t) => void (stdout += t), stderr: () => {}, readStdin: async () => '' });
    expect(stdout).toMatch(/deadline\s+Art\. 12\(3\)/);
  });

  it.each([
    [['--tz', 'Europe/Amsterdam', '--country', 'NL'], /missing --received/],
    [['--received', '2026-01-31T10:00:00Z', '--country', 'NL'], /missing --tz/],
    [['--received', '2026-01-31T10:00:00Z', '--tz', 'Europe/Amsterdam'], /missing --country/],
    [['--received', 'tomorrow', '--tz', 'Europe/Amsterdam', '--country', 'NL'], /--received: must be an ISO 8601 instant/],
    [['--received', '2026-01-31T10:00:00Z', '--tz', 'Europe/Nowhere', '--country', 'NL'], /--tz: must be an IANA time zone/],
    [['--received', '2026-01-31T10:00:00Z', '--tz', 'Europe/Amsterdam', '--country', 'ZZ'], /--country: unsupported country "ZZ"/],
    [[...BASE.slice(0, 4), '--country', 'DE', '--region', 'DE-XX'], /--region: unknown region "DE-XX"/],
    [[...BASE, '--closing-day', 'soon'], /--closing-day #1: must be a date/],
    [[...BASE, '--frobnicate'], /--frobnicate/],
    [[...BASE, '--received'], /--received/],
    [[...BASE, 'extra'], /extra/],
  ])('%j fails with a message naming the option', async (argv, message) => {
    const { code, stdout, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});
