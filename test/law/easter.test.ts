// Easter Sunday anchors every movable holiday; checked against published dates and its known bounds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { easterSunday } from '../../lib/law';

describe('easterSunday', () => {
  it.each([
    [1818, '1818-03-22'], // earliest possible date
    [1943, '1943-04-25'], // latest possible date
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter %i is %s', (year, expected) => {
    expect(easterSunday(year).toISODate()).toBe(expected);
  });

  it('is always a Sunday between 22 March and 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 4099 }), (year) => {
        const easter = easterSunday(year);
        expect(easter.weekday).toBe(7);
        const monthDay = easter.month * 100 + easter.day;
        expect(monthDay).toBeGreaterThanOrEqual(322);
        expect(monthDay).toBeLessThanOrEqual(425);
      }),
      { numRuns: 300 },
    );
  });
});
