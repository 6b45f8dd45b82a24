// The Art. 33(1) clock: 72 elapsed hours from awareness, never moved for weekends or holidays.
import { describe, expect, it } from 'vitest';
import { breachDeadline, inZone, warningStage } from '../../lib/law';
import type { CliIO } from '../../lib/cli/io';
import { main } from '../../lib/cli/main';

describe('breachDeadline', () => {
  it('is awareness + 72 hours, shown with the zone offset', () => {
    const d = breachDeadline({ awareAt: '2026-06-10T08:15:00Z', timeZone: 'Europe/Amsterdam' });
    expect(d.dueUtc).toBe('2026-06-13T08:15:00.000Z');
    expect(d.due).toBe('2026-06-13T10:15:00.000+02:00');
    expect(d.hours).toBe(72);
  });

  it('runs through a weekend and a public holiday without extension', () => {
    // Friday 24 December 2027, 16:00 in Rome: Christmas (Saturday) and Santo Stefano (Sunday) count.
    const d = breachDeadline({ awareAt: '2027-12-24T16:00:00+01:00', timeZone: 'Europe/Rome' });
    expect(d.due).toBe('2027-12-27T16:00:00.000+01:00');
    expect(d.rule).toContain('not moved for weekends');
  });

  it('counts elapsed hours across the spring daylight-saving change (73 hours on the wall clock: 10:00 → 11:00)', () => {
    // Europe/Amsterdam moves from +01:00 to +02:00 on Sunday 29 March 2026 at 02:00.
    const d = breachDeadline({ awareAt: '2026-03-27T10:00:00+01:00', timeZone: 'Europe/Amsterdam' });
    expect(d.dueUtc).toBe('2026-03-30T09:00:00.000Z');
    expect(d.due).toBe('2026-03-30T11:00:00.000+02:00');
    expect(d.rule).toContain('73 hours on the local clock');
  });

  it('and across the autumn change (71 on the wall clock: 18:30 → 17:30)', () => {
    // Europe/Berlin returns to +01:00 on Sunday 25 October 2026 at 03:00.
    const d = breachDeadline({ awareAt: '2026-10-23T18:30:00+02:00', timeZone: 'Europe/Berlin' });
    expect(d.due).toBe('2026-10-26T17:30:00.000+01:00');
    expect(d.rule).toContain('71 hours on the local clock');
  });

  it("gives the processor's own deadline from its DPA clause", () => {
    const d = breachDeadline({ awareAt: '2026-06-10T12:00:00Z', timeZone: 'UTC', processorAwareAt: '2026-06-09T12:00:00Z', processorHours: 24 });
    expect(d.processorDue).toBe('2026-06-10T12:00:00.000Z');
  });

  it('refuses a local time without a zone and an unknown zone, naming the field', () => {
    expect(() => breachDeadline({ awareAt: '2026-06-10T08:15:00', timeZone: 'Europe/Amsterdam' })).toThrow(/awareAt/);
    expect(() => breachDeadline({ awareAt: '2026-06-10T08:15:00Z', timeZone: 'Mars/Olympus' })).toThrow(/timeZone/);
  });
});

describe('warningStage', () => {
  const due = '2026-06-13T08:00:00.000Z';
  it.each([
    ['2026-06-11T07:59:59.000Z', undefined],
    ['2026-06-11T08:00:00.000Z', 48],
    ['2026-06-12T08:00:00.000Z', 24],
    ['2026-06-13T04:30:00.000Z', 4],
    ['2026-06-13T08:00:00.000Z', 0],
    ['2026-06-14T08:00:00.000Z', 0],
  ])('at %s → %s', (now, stage) => expect(warningStage(due, now)).toBe(stage));
  it('inZone keeps the instant', () => expect(Date.parse(inZone(due, 'America/New_York'))).toBe(Date.parse(due)));
});

describe('privacy-desk breach-deadline', () => {
  async function run(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: async () => '' };
    return { code: await main(['breach-deadline', ...argv], io), stdout, stderr };
  }
  it('prints JSON with due as an instant with offset', async () => {
    const { code, stdout, stderr } = await run('--aware', '2026-03-27T10:00:00+01:00', '--tz', 'Europe/Amsterdam');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ due: '2026-03-30T11:00:00.000+02:00', dueUtc: '2026-03-30T09:00:00.000Z', timeZone: 'Europe/Amsterdam', hours: 72 });
  });
  it('names the bad option and exits 2', async () => {
    const { code, stderr } = await run('--aware', 'yesterday', '--tz', 'Europe/Amsterdam');
    expect(code).toBe(2);
    expect(stderr).toContain('--aware');
    expect((await run('--tz', 'UTC')).stderr).toContain('missing --aware');
  });
});
