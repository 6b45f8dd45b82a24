// Properties of the deadline that must hold for every receipt instant, zone, country and region.
// The expected end of the period is recomputed here with plain Date arithmetic, independent of luxon.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { canExtend, computeDeadline, daysUntil, holidaysFor, isWorkingDay, SUPPORTED_COUNTRIES, SUPPORTED_REGIONS } from '../../lib/law';

const RUNS = { numRuns: 200 };
const DAY_MS = 86_400_000;

const ZONES = ['Europe/Amsterdam', 'Europe/Berlin', 'Europe/Dublin', 'Europe/Lisbon', 'Europe/Helsinki', 'UTC', 'America/New_York', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];

const calendar = fc.constantFrom(
  ...SUPPORTED_COUNTRIES.flatMap((country) => [
    { country, region: undefined as string | undefined },
    ...SUPPORTED_REGIONS[country].map((r) => ({ country, region: r.code as string | undefined })),
  ]),
);
const instant = fc.integer({ min: Date.UTC(2018, 4, 25), max: Date.UTC(2099, 11, 31) }).map((ms) => new Date(ms).toISOString());
const zone = fc.constantFrom(...ZONES);

/** Days between two YYYY-MM-DD dates. */
const dayDiff = (later: string, earlier: string) => (Date.parse(`${later}T00:00:00Z`) - Date.parse(`${earlier}T00:00:00Z`)) / DAY_MS;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Regulation 1182/71, Art. 3(2)(c): same date `months` later, or the last day of that month. */
function periodEnd(start: string, months: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

function isHoliday(date: string, country: string, region?: string): boolean {
  return holidaysFor(country, Number(date.slice(0, 4)), region).some((h) => h.date === date);
}
const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

describe('deadline properties', () => {
  it('due is the first working day on or after the end of the month (or three months), never a weekend or holiday', () => {
    fc.assert(
      fc.property(instant, zone, calendar, fc.boolean(), (receivedAt, timeZone, { country, region }, extended) => {
        const d = computeDeadline({ receivedAt, timeZone, country, region, extended });
        const end = periodEnd(d.receivedLocalDay, extended ? 3 : 1);
        expect(d.due >= end).toBe(true);
        expect(isWeekend(d.due)).toBe(false);
        expect(isHoliday(d.due, country, region)).toBe(false);
        expect(isWorkingDay(d.due, { country, region })).toBe(true);
        for (let day = end; day < d.due; day = addDays(day, 1)) {
          expect(isWeekend(day) || isHoliday(day, country, region)).toBe(true);
        }
        // Never before receipt + 28 days (one month) or + 89 days (three months); at most a long weekend later.
        expect(dayDiff(d.due, d.receivedLocalDay)).toBeGreaterThanOrEqual(extended ? 89 : 28);
        expect(dayDiff(d.due, end)).toBeLessThanOrEqual(5);
      }),
      RUNS,
    );
  });

  it('receivedLocalDay is the day of receipt in the zone; dueAt is the last millisecond of the due day there', () => {
    fc.assert(
      fc.property(instant, zone, calendar, (receivedAt, timeZone, { country, region }) => {
        const d = computeDeadline({ receivedAt, timeZone, country, region });
        expect(d.received).toBe(receivedAt);
        expect(d.receivedLocalDay).toBe(DateTime.fromISO(receivedAt, { zone: timeZone }).toISODate());
        const end = DateTime.fromISO(d.dueAt, { zone: timeZone });
        expect(end.toISODate()).toBe(d.due);
        expect(end.plus({ milliseconds: 1 }).toISODate()).toBe(addDays(d.due, 1));
        expect(d.dueAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:59\.999Z$/);
      }),
      RUNS,
    );
  });

  it('is monotone in the receipt instant', () => {
    fc.assert(
      fc.property(instant, instant, zone, calendar, fc.boolean(), (a, b, timeZone, { country, region }, extended) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const first = computeDeadline({ receivedAt: early, timeZone, country, region, extended });
        const second = computeDeadline({ receivedAt: late, timeZone, country, region, extended });
        expect(first.due <= second.due).toBe(true);
        expect(first.dueAt <= second.dueAt).toBe(true);
      }),
      RUNS,
    );
  });

  it('gives the same due date for any two instants of the same local day, across daylight-saving changes', () => {
    // The Europe/Amsterdam switches: last Sunday of March and of October, 01:00 UTC.
    const switchDay = fc
      .tuple(fc.integer({ min: 2019, max: 2098 }), fc.constantFrom(3, 10))
      .map(([year, month]) => {
        const last = DateTime.fromObject({ year, month }, { zone: 'Europe/Amsterdam' }).endOf('month').startOf('day');
        return last.minus({ days: last.weekday % 7 });
      });
    fc.assert(
      fc.property(switchDay, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), calendar, (day, x, y, { country, region }) => {
        const start = day.toMillis();
        const length = day.plus({ days: 1 }).toMillis() - start; // 23 or 25 hours
        expect([23, 25]).toContain(length / 3_600_000);
        const at = (f: number) => new Date(start + Math.min(Math.floor(f * length), length - 1)).toISOString();
        const first = computeDeadline({ receivedAt: at(x), timeZone: 'Europe/Amsterdam', country, region });
        const second = computeDeadline({ receivedAt: at(y), timeZone: 'Europe/Amsterdam', country, region });
        expect(first.receivedLocalDay).toBe(day.toISODate());
        expect(second).toEqual({ ...first, received: second.received });
      }),
      RUNS,
    );
  });

  it('the extended deadline never comes before the one-month deadline; extension is possible exactly until the latter', () => {
    fc.assert(
      fc.property(instant, zone, calendar, fc.integer({ min: -40 * DAY_MS, max: 40 * DAY_MS }), (receivedAt, timeZone, { country, region }, offset) => {
        const request = { receivedAt, timeZone, country, region };
        const month = computeDeadline(request);
        const extended = computeDeadline({ ...request, extended: true });
        expect(extended.due > month.due).toBe(true);
        const now = new Date(Date.parse(month.dueAt) + offset).toISOString();
        expect(canExtend(request, now)).toBe(now <= month.dueAt);
      }),
      RUNS,
    );
  });

  it('daysUntil from receipt equals the calendar days between the local day of receipt and the due day', () => {
    fc.assert(
      fc.property(instant, zone, calendar, (receivedAt, timeZone, { country, region }) => {
        const d = computeDeadline({ receivedAt, timeZone, country, region });
        expect(daysUntil(d.dueAt, receivedAt, timeZone)).toBe(dayDiff(d.due, d.receivedLocalDay));
        expect(daysUntil(d.dueAt, d.dueAt, timeZone)).toBe(0);
        expect(daysUntil(d.dueAt, new Date(Date.parse(d.dueAt) + 1).toISOString(), timeZone)).toBe(-1);
      }),
      RUNS,
    );
  });
});
