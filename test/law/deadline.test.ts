// Worked examples of the Art. 12(3) GDPR deadline counted per Regulation 1182/71, Art. 3.
import { describe, expect, it } from 'vitest';
import { canExtend, computeDeadline, daysUntil, Deadline } from '../../lib/law';

const AMS = 'Europe/Amsterdam';
const due = (receivedAt: string, extra: Partial<Parameters<typeof computeDeadline>[0]> = {}) =>
  computeDeadline({ receivedAt, timeZone: AMS, country: 'NL', ...extra }).due;

describe('computeDeadline', () => {
  it('31 January: no 31 February, so the last day of February; a Saturday, so the next working day', () => {
    const deadline = computeDeadline({ receivedAt: '2026-01-31T10:00:00Z', timeZone: AMS, country: 'NL' });
    expect(Deadline.parse(deadline)).toEqual(deadline);
    expect(deadline).toEqual({
      received: '2026-01-31T10:00:00.000Z',
      receivedLocalDay: '2026-01-31',
      due: '2026-03-02',
      dueAt: '2026-03-02T22:59:59.999Z',
      extended: false,
      rule: expect.stringContaining('Art. 12(3) GDPR: one month from 2026-01-31'),
    });
    expect(deadline.rule).toContain('→ 2026-02-28 (no 31 February: last day of month');
    expect(deadline.rule).toContain('2026-02-28 is a Saturday, 2026-03-01 is a Sunday → next working day 2026-03-02');
  });

  it('a day that exists in the later month keeps its date; dueAt is the end of that day in the zone', () => {
    const deadline = computeDeadline({ receivedAt: '2026-11-22T09:30:00Z', timeZone: AMS, country: 'NL' });
    expect(deadline.due).toBe('2026-12-22');
    expect(deadline.dueAt).toBe('2026-12-22T22:59:59.999Z'); // CET, UTC+1
    expect(deadline.rule).not.toContain('next working day');
    expect(computeDeadline({ receivedAt: '2026-05-12T09:30:00Z', timeZone: AMS, country: 'NL' }).dueAt).toBe('2026-06-12T21:59:59.999Z'); // CEST
  });

  it('leap years: 29 February 2028 exists, 29 February 2027 does not', () => {
    expect(due('2028-01-31T10:00:00Z')).toBe('2028-02-29'); // a Tuesday
    expect(due('2028-01-29T10:00:00Z')).toBe('2028-02-29');
    expect(due('2028-01-30T10:00:00Z')).toBe('2028-02-29');
    expect(due('2027-01-31T10:00:00Z')).toBe('2027-03-01'); // 28 February 2027 is a Sunday
    expect(due('2028-02-29T10:00:00Z')).toBe('2028-03-29');
    expect(due('2027-01-28T10:00:00Z')).toBe('2027-03-01'); // 28 February 2027 is a Sunday
  });

  it('Easter-based holidays push the deadline on', () => {
    // Easter Monday 6 April 2026
    expect(due('2026-03-06T10:00:00Z')).toBe('2026-04-07');
    // Good Friday 3 April 2026: a working day in NL, a holiday in DE (then Sat, Sun, Easter Monday)
    expect(due('2026-03-03T10:00:00Z')).toBe('2026-04-03');
    expect(due('2026-03-03T10:00:00Z', { country: 'DE', timeZone: 'Europe/Berlin' })).toBe('2026-04-07');
    // Ascension 14 May 2026
    expect(due('2026-04-14T10:00:00Z')).toBe('2026-05-15');
    // Whit Monday 25 May 2026
    expect(due('2026-04-25T10:00:00Z')).toBe('2026-05-26');
    // Corpus Christi 4 June 2026: in Bavaria, not in Berlin
    expect(due('2026-05-04T10:00:00Z', { country: 'DE', region: 'DE-BY', timeZone: 'Europe/Berlin' })).toBe('2026-06-05');
    expect(due('2026-05-04T10:00:00Z', { country: 'DE', region: 'DE-BE', timeZone: 'Europe/Berlin' })).toBe('2026-06-04');
  });

  it('explains every day it skipped', () => {
    const deadline = computeDeadline({ receivedAt: '2026-11-25T10:00:00Z', timeZone: AMS, country: 'NL' });
    expect(deadline.due).toBe('2026-12-28');
    expect(deadline.rule).toContain(
      '2026-12-25 is a public holiday (Christmas Day), 2026-12-26 is a Saturday, 2026-12-27 is a Sunday → next working day 2026-12-28 (Reg. 1182/71 Art. 3(4))',
    );
  });

  it('the day of receipt is the calendar day in the controller’s time zone', () => {
    // 23:30 UTC on 14 March is 00:30 on 15 March in Amsterdam
    const amsterdam = computeDeadline({ receivedAt: '2026-03-14T23:30:00Z', timeZone: AMS, country: 'NL' });
    expect(amsterdam.receivedLocalDay).toBe('2026-03-15');
    expect(amsterdam.due).toBe('2026-04-15');
    expect(amsterdam.dueAt).toBe('2026-04-15T21:59:59.999Z');
    const dublin = computeDeadline({ receivedAt: '2026-03-14T23:30:00Z', timeZone: 'Europe/Dublin', country: 'IE' });
    expect(dublin.receivedLocalDay).toBe('2026-03-14');
    expect(dublin.due).toBe('2026-04-14');
    expect(dublin.dueAt).toBe('2026-04-14T22:59:59.999Z'); // IST, UTC+1
  });

  it('accepts an instant with an offset and normalises it to UTC with milliseconds', () => {
    const deadline = computeDeadline({ receivedAt: '2026-01-31T23:30:00-05:00', timeZone: AMS, country: 'NL' });
    expect(deadline.received).toBe('2026-02-01T04:30:00.000Z');
    expect(deadline.receivedLocalDay).toBe('2026-02-01');
    expect(deadline.due).toBe('2026-03-02'); // 1 March 2026 is a Sunday
    expect(computeDeadline({ receivedAt: '2026-01-31T10:00:00.1234Z', timeZone: AMS, country: 'NL' }).received).toBe('2026-01-31T10:00:00.123Z');
  });

  it('extension: three months from receipt, same date rules', () => {
    const extended = computeDeadline({ receivedAt: '2026-01-31T10:00:00Z', timeZone: AMS, country: 'NL', extended: true });
    expect(extended).toMatchObject({ due: '2026-04-30', dueAt: '2026-04-30T21:59:59.999Z', extended: true });
    expect(extended.rule).toContain('extended by two further months: three months from 2026-01-31');
    expect(extended.rule).toContain('no 31 April');
    expect(due('2026-11-27T10:00:00Z', { extended: true })).toBe('2027-03-01'); // 27 February 2027 is a Saturday
  });

  it('organisation closing days count as non-working days', () => {
    expect(due('2026-02-10T10:00:00Z')).toBe('2026-03-10');
    const deadline = computeDeadline({
      receivedAt: '2026-02-10T10:00:00Z',
      timeZone: AMS,
      country: 'NL',
      closingDays: ['2026-03-10', '2026-03-11'],
    });
    expect(deadline.due).toBe('2026-03-12');
    expect(deadline.rule).toContain('2026-03-10 is an organisation closing day, 2026-03-11 is an organisation closing day');
  });

  it('uses the regional calendar', () => {
    // 15 August 2025 is a Friday: a holiday in Saarland and Catholic Bavaria, not in Bavaria as a whole
    expect(due('2025-07-15T10:00:00Z', { country: 'DE', region: 'DE-SL', timeZone: 'Europe/Berlin' })).toBe('2025-08-18');
    expect(due('2025-07-15T10:00:00Z', { country: 'DE', region: 'DE-BY-CATHOLIC', timeZone: 'Europe/Berlin' })).toBe('2025-08-18');
    expect(due('2025-07-15T10:00:00Z', { country: 'DE', region: 'DE-BY', timeZone: 'Europe/Berlin' })).toBe('2025-08-15');
  });

  describe('bad input throws naming the field', () => {
    const base = { receivedAt: '2026-01-31T10:00:00Z', timeZone: AMS, country: 'NL' };
    it.each([
      [{ receivedAt: '2026-01-31' }, /receivedAt: must be an ISO 8601 instant/],
      [{ receivedAt: '2026-01-31T10:00:00' }, /receivedAt: must be an ISO 8601 instant/],
      [{ receivedAt: '2026-02-30T10:00:00Z' }, /receivedAt/],
      [{ receivedAt: 'yesterday' }, /receivedAt/],
      [{ timeZone: 'Europe/Atlantis' }, /timeZone: must be an IANA time zone/],
      [{ country: 'US' }, /country: unsupported country "US"/],
      [{ country: 'DE', region: 'DE-XX' }, /region: unknown region "DE-XX"/],
      [{ closingDays: ['2026-3-10'] }, /closingDays\.0: must be a date/],
    ])('%o', (override, message) => {
      expect(() => computeDeadline({ ...base, ...override })).toThrow(message);
    });
  });
});

describe('canExtend', () => {
  const request = { receivedAt: '2026-01-31T10:00:00Z', timeZone: AMS, country: 'NL' };
  // The one-month deadline ends at 2026-03-02T22:59:59.999Z.
  it('only while the first month is running', () => {
    expect(canExtend(request, '2026-02-15T12:00:00Z')).toBe(true);
    expect(canExtend(request, '2026-03-02T22:59:59.999Z')).toBe(true);
    expect(canExtend(request, '2026-03-02T23:00:00Z')).toBe(false);
    expect(canExtend(request, '2026-03-03T00:30:00+01:00')).toBe(false);
    expect(canExtend({ ...request, extended: true }, '2026-02-15T12:00:00Z')).toBe(true);
  });
  it('rejects a bad now', () => {
    expect(() => canExtend(request, 'now')).toThrow(/now is invalid/);
  });
});

describe('daysUntil', () => {
  const dueAt = '2026-03-02T22:59:59.999Z'; // end of 2 March in Amsterdam
  it('counts whole local calendar days, negative when overdue', () => {
    expect(daysUntil(dueAt, '2026-03-02T08:00:00Z', AMS)).toBe(0);
    expect(daysUntil(dueAt, '2026-03-01T23:30:00Z', AMS)).toBe(0); // already 2 March in Amsterdam
    expect(daysUntil(dueAt, '2026-03-01T22:30:00Z', AMS)).toBe(1);
    expect(daysUntil(dueAt, '2026-02-28T12:00:00Z', AMS)).toBe(2);
    expect(daysUntil(dueAt, '2026-03-02T23:00:00Z', AMS)).toBe(-1);
    expect(daysUntil(dueAt, '2026-03-12T12:00:00Z', AMS)).toBe(-10);
  });
  it('is not thrown off by a daylight-saving change', () => {
    // Europe/Amsterdam moves to summer time on 29 March 2026
    const afterSwitch = computeDeadline({ receivedAt: '2026-03-01T10:00:00Z', timeZone: AMS, country: 'NL' }).dueAt; // 1 April
    expect(daysUntil(afterSwitch, '2026-03-28T12:00:00Z', AMS)).toBe(4);
    expect(daysUntil(afterSwitch, '2026-03-01T10:00:00Z', AMS)).toBe(31);
  });
  it('rejects bad input by name', () => {
    expect(() => daysUntil('soon', '2026-03-01T10:00:00Z', AMS)).toThrow(/dueAt:/);
    expect(() => daysUntil(dueAt, '2026-03-01T10:00:00Z', 'Nowhere/Land')).toThrow(/timeZone:/);
  });
});
