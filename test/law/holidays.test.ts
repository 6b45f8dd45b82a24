// Each country's calendar for a known year, the observed-day rules, the regional variants, and the
// working-day test (Regulation 1182/71, Art. 3(4)).
import { describe, expect, it } from 'vitest';
import { holidaysFor, isWorkingDay, SUPPORTED_COUNTRIES, SUPPORTED_REGIONS } from '../../lib/law';

const dates = (country: string, year: number, region?: string) => holidaysFor(country, year, region).map((h) => h.date);
const nameOn = (country: string, date: string, region?: string) =>
  holidaysFor(country, Number(date.slice(0, 4)), region).find((h) => h.date === date)?.name;

describe('national calendars for 2026 (Easter Sunday 5 April)', () => {
  // Good Friday 3 Apr, Easter Monday 6 Apr, Ascension 14 May, Whit Monday 25 May, Corpus Christi 4 Jun.
  const expected: Record<string, string[]> = {
    NL: ['01-01', '04-06', '04-27', '05-05', '05-14', '05-25', '12-25', '12-26'],
    BE: ['01-01', '04-06', '05-01', '05-14', '05-25', '07-21', '08-15', '11-01', '11-11', '12-25'],
    DE: ['01-01', '04-03', '04-06', '05-01', '05-14', '05-25', '10-03', '12-25', '12-26'],
    AT: ['01-01', '01-06', '04-06', '05-01', '05-14', '05-25', '06-04', '08-15', '10-26', '11-01', '12-08', '12-25', '12-26'],
    FR: ['01-01', '04-06', '05-01', '05-08', '05-14', '05-25', '07-14', '08-15', '11-01', '11-11', '12-25'],
    IT: ['01-01', '01-06', '04-06', '04-25', '05-01', '06-02', '08-15', '10-04', '11-01', '12-08', '12-25', '12-26'],
    ES: ['01-01', '01-06', '04-03', '05-01', '08-15', '10-12', '11-01', '12-06', '12-08', '12-25'],
    IE: ['01-01', '02-02', '03-17', '04-06', '05-04', '06-01', '08-03', '10-26', '12-25', '12-26'],
    LU: ['01-01', '04-06', '05-01', '05-09', '05-14', '05-25', '06-23', '08-15', '11-01', '12-25', '12-26'],
  };
  for (const [country, days] of Object.entries(expected)) {
    it(`${country}`, () => {
      expect(dates(country, 2026)).toEqual(days.map((d) => `2026-${d}`));
    });
  }

  it('names each holiday in English and in the local language', () => {
    expect(holidaysFor('NL', 2026)[2]).toEqual({ date: '2026-04-27', name: "King's Day", localName: 'Koningsdag' });
    expect(nameOn('DE', '2026-04-03')).toBe('Good Friday');
    expect(nameOn('FR', '2026-07-14')).toBe('Bastille Day');
    expect(nameOn('IT', '2026-10-04')).toBe("St Francis of Assisi's Day");
  });

  it('covers every supported country', () => {
    expect([...SUPPORTED_COUNTRIES].sort()).toEqual(Object.keys(expected).sort());
  });
});

describe('Easter-based holidays move with Easter', () => {
  it('2025 (Easter 20 April) and 2027 (Easter 28 March)', () => {
    expect(dates('DE', 2025)).toEqual(expect.arrayContaining(['2025-04-18', '2025-04-21', '2025-05-29', '2025-06-09']));
    expect(dates('DE', 2027)).toEqual(expect.arrayContaining(['2027-03-26', '2027-03-29', '2027-05-06', '2027-05-17']));
  });

  it('Good Friday only where it is a public holiday', () => {
    expect(nameOn('DE', '2026-04-03')).toBe('Good Friday');
    expect(nameOn('ES', '2026-04-03')).toBe('Good Friday');
    expect(nameOn('FR', '2026-04-03', 'FR-57')).toBe('Good Friday');
    for (const country of ['NL', 'BE', 'AT', 'FR', 'IT', 'IE', 'LU']) expect(nameOn(country, '2026-04-03')).toBeUndefined();
  });

  it('merges two holidays on one day (Labour Day and Ascension, 1 May 2008)', () => {
    expect(holidaysFor('DE', 2008).filter((h) => h.date === '2008-05-01')).toEqual([
      { date: '2008-05-01', name: 'Labour Day / Ascension Day', localName: 'Tag der Arbeit / Christi Himmelfahrt' },
    ]);
  });
});

describe('observed and substitute days', () => {
  it("NL King's Day moves to Saturday 26 April when 27 April is a Sunday", () => {
    expect(nameOn('NL', '2025-04-26')).toBe("King's Day");
    expect(nameOn('NL', '2025-04-27')).toBeUndefined();
    expect(nameOn('NL', '2014-04-26')).toBe("King's Day");
    expect(nameOn('NL', '2013-04-30')).toBe("Queen's Day");
    expect(nameOn('NL', '2027-04-27')).toBe("King's Day");
  });

  it('IE bank holidays fall on Mondays; St Brigid on the first Monday of February or Friday 1 February', () => {
    expect(dates('IE', 2025)).toEqual(
      ['01-01', '02-03', '03-17', '04-21', '05-05', '06-02', '08-04', '10-27', '12-25', '12-26'].map((d) => `2025-${d}`),
    );
    expect(nameOn('IE', '2030-02-01')).toBe("St Brigid's Day");
    expect(nameOn('IE', '2024-02-05')).toBe("St Brigid's Day");
    expect(dates('IE', 2022)).not.toContain('2022-02-07'); // St Brigid's Day exists from 2023
    expect(nameOn('IE', '2022-03-18')).toBe('Day of Remembrance and Recognition');
  });

  it('IT St Francis of Assisi is a national holiday from 2026', () => {
    expect(dates('IT', 2025)).not.toContain('2025-10-04');
    expect(dates('IT', 2027)).toContain('2027-10-04');
  });

  it('LU Europe Day from 2019', () => {
    expect(dates('LU', 2018)).not.toContain('2018-05-09');
    expect(dates('LU', 2019)).toContain('2019-05-09');
  });
});

describe('regional calendars', () => {
  it('German Länder add their own holidays', () => {
    const by = dates('DE', 2026, 'DE-BY');
    expect(by).toEqual(expect.arrayContaining(['2026-01-06', '2026-06-04', '2026-11-01']));
    expect(by).not.toContain('2026-08-15'); // only in Catholic municipalities
    expect(dates('DE', 2026, 'DE-BY-CATHOLIC')).toEqual(expect.arrayContaining(['2026-01-06', '2026-06-04', '2026-08-15', '2026-11-01']));
    expect(dates('DE', 2026, 'DE-BY-AUGSBURG')).toEqual(expect.arrayContaining(['2026-08-08', '2026-08-15']));
    expect(dates('DE', 2026, 'DE-BW')).toEqual(expect.arrayContaining(['2026-01-06', '2026-06-04', '2026-11-01']));
    expect(dates('DE', 2026, 'DE-NW')).toEqual(expect.arrayContaining(['2026-06-04', '2026-11-01']));
    expect(dates('DE', 2026, 'DE-NW')).not.toContain('2026-01-06');
    expect(dates('DE', 2026, 'DE-SL')).toEqual(expect.arrayContaining(['2026-06-04', '2026-08-15', '2026-11-01']));
    expect(dates('DE', 2026, 'DE-SN')).toEqual(expect.arrayContaining(['2026-10-31', '2026-11-18'])); // Repentance Day: Wednesday before 23 Nov
    expect(dates('DE', 2027, 'DE-SN')).toContain('2027-11-17');
    expect(dates('DE', 2026, 'DE-TH')).toEqual(expect.arrayContaining(['2026-09-20', '2026-10-31']));
    expect(dates('DE', 2027, 'DE-BE')).toContain('2027-03-08'); // International Women's Day
    expect(dates('DE', 2025, 'DE-BE')).toContain('2025-05-08'); // one-off, 80 years since 1945
    expect(dates('DE', 2022, 'DE-MV')).not.toContain('2022-03-08');
    expect(dates('DE', 2023, 'DE-MV')).toContain('2023-03-08');
    expect(dates('DE', 2026, 'DE-HH')).toContain('2026-10-31');
    expect(dates('DE', 2017, 'DE-HH')).toContain('2017-10-31');
    expect(dates('DE', 2016, 'DE-HH')).not.toContain('2016-10-31');
    expect(dates('DE', 2017)).toContain('2017-10-31'); // 500 years of the Reformation, everywhere
    expect(dates('DE', 2026)).not.toContain('2026-06-04');
  });

  it('France: Alsace-Moselle and the overseas departments', () => {
    expect(dates('FR', 2026, 'FR-67')).toEqual(expect.arrayContaining(['2026-04-03', '2026-12-26']));
    expect(dates('FR', 2026, 'FR-974')).toContain('2026-12-20');
    expect(dates('FR', 2026)).not.toContain('2026-12-26');
  });

  it('Italy: South Tyrol and patron saints', () => {
    expect(dates('IT', 2026, 'IT-BZ')).toContain('2026-05-25');
    expect(dates('IT', 2026, 'IT-RM')).toContain('2026-06-29');
    expect(dates('IT', 2026, 'IT-MI')).toContain('2026-12-07');
  });

  it('Spain: the communities', () => {
    expect(dates('ES', 2026, 'ES-MD')).toEqual(expect.arrayContaining(['2026-04-02', '2026-05-02']));
    const ct = dates('ES', 2026, 'ES-CT');
    expect(ct).toEqual(expect.arrayContaining(['2026-04-06', '2026-06-24', '2026-09-11', '2026-12-26']));
    expect(ct).not.toContain('2026-04-02'); // Catalonia keeps Easter Monday, not Maundy Thursday
  });

  it('accepts a region without its country prefix and in any case', () => {
    expect(dates('de', 2026, 'by')).toEqual(dates('DE', 2026, 'DE-BY'));
    expect(dates('DE', 2026, '')).toEqual(dates('DE', 2026));
  });

  it('lists region codes under their own country', () => {
    for (const country of SUPPORTED_COUNTRIES) {
      for (const region of SUPPORTED_REGIONS[country]) {
        expect(region.code.startsWith(`${country}-`)).toBe(true);
        expect(() => holidaysFor(country, 2026, region.code)).not.toThrow();
      }
    }
    expect(SUPPORTED_REGIONS.DE.map((r) => r.code)).toEqual(expect.arrayContaining(['DE-BY', 'DE-BW', 'DE-NW', 'DE-BE', 'DE-SN']));
  });
});

describe('calendar invariants', () => {
  it('one sorted, valid entry per day, in the year asked, for every country, region and year 2000–2100', () => {
    for (const country of SUPPORTED_COUNTRIES) {
      for (const region of [undefined, ...SUPPORTED_REGIONS[country].map((r) => r.code)]) {
        for (let year = 2000; year <= 2100; year += 17) {
          const list = dates(country, year, region);
          expect(list.length).toBeGreaterThanOrEqual(7);
          expect([...list].sort()).toEqual(list);
          expect(new Set(list).size).toBe(list.length);
          for (const date of list) expect(date.startsWith(`${year}-`)).toBe(true);
        }
      }
    }
  });
});

describe('bad input names the field', () => {
  it('unknown country', () => {
    expect(() => holidaysFor('XX', 2026)).toThrow(/country: unsupported country "XX"/);
  });
  it('unknown region', () => {
    expect(() => holidaysFor('DE', 2026, 'DE-ZZ')).toThrow(/region: unknown region "DE-ZZ" for DE/);
    expect(() => holidaysFor('NL', 2026, 'NL-NH')).toThrow(/region: .*no regional holidays/);
  });
  it('year', () => {
    expect(() => holidaysFor('NL', 2026.5)).toThrow(/year: must be a whole year/);
    expect(() => holidaysFor('NL', 1500)).toThrow(/year: must be from 1900/);
  });
});

describe('isWorkingDay', () => {
  const nl = { country: 'NL' };
  it('weekends, public holidays and closing days are not working days', () => {
    expect(isWorkingDay('2026-03-02', nl)).toBe(true); // Monday
    expect(isWorkingDay('2026-02-28', nl)).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-01', nl)).toBe(false); // Sunday
    expect(isWorkingDay('2026-04-06', nl)).toBe(false); // Easter Monday
    expect(isWorkingDay('2026-04-03', nl)).toBe(true); // Good Friday: no public holiday in NL
    expect(isWorkingDay('2026-04-03', { country: 'DE' })).toBe(false);
    expect(isWorkingDay('2026-06-04', { country: 'DE', region: 'DE-BY' })).toBe(false);
    expect(isWorkingDay('2026-06-04', { country: 'DE', region: 'DE-BE' })).toBe(true);
    expect(isWorkingDay('2026-03-03', { country: 'NL', closingDays: ['2026-03-03'] })).toBe(false);
  });
  it('rejects a bad date or country by name', () => {
    expect(() => isWorkingDay('2026-02-30', nl)).toThrow(/date: must be a date/);
    expect(() => isWorkingDay('2026-03-02', { country: 'US' })).toThrow(/options\.country: unsupported country/);
    expect(() => isWorkingDay('2026-03-02', { country: 'NL', closingDays: ['3 March'] })).toThrow(/options\.closingDays\.0/);
  });
});
