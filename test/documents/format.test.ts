// Dates and country names in documents come from our own tables (lib/documents/format.ts,
// lib/documents/country-names.json), not from the runtime's ICU at render time. These tests hold
// the tables to what CLDR says through Intl, so the text is the one documents always printed.
import { describe, expect, it } from 'vitest';
import COUNTRY_NAMES from '../../lib/documents/country-names.json';
import { countryName, formatCellDate, formatDate, formatMoney, formatNumber, formatShortDate, localeOf } from '../../lib/documents/format';
import { UI_LANGUAGES } from '../../lib/model/common';

const NBSP = '\u00a0';
const dates = ['2026-01-01', '2026-02-09', '2025-03-22', '2024-04-30', '2026-05-31', '2026-06-15', '2026-07-04', '2026-08-19', '2026-09-10', '2026-10-31', '2026-11-22', '2027-12-25'];

describe('document dates', () => {
  it.each(UI_LANGUAGES)('spells every month as Intl does (%s), with no-break spaces', (lang) => {
    const long = new Intl.DateTimeFormat(localeOf(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const short = new Intl.DateTimeFormat(localeOf(lang), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
    for (const iso of dates) {
      const date = new Date(`${iso}T00:00:00Z`);
      expect(formatDate(iso, lang)).toBe(long.format(date).replace(/ /g, NBSP));
      expect(formatShortDate(iso, lang)).toBe(short.format(date));
      // An instant's date is its first ten characters, as before.
      expect(formatDate(`${iso}T23:59:00.000Z`, lang)).toBe(formatDate(iso, lang));
    }
    // Years before 100 are those years (Date.UTC, used before, read 0026 as 1926).
    const early = new Date(Date.UTC(2000, 10, 22));
    early.setUTCFullYear(26);
    expect(formatDate('0026-11-22', lang)).toBe(long.format(early).replace(/ /g, NBSP));
  });

  it('writes the dates a reader of each language expects', () => {
    expect(formatDate('2026-03-01', 'de')).toBe(`1.${NBSP}März${NBSP}2026`);
    expect(formatDate('2026-03-01', 'nl')).toBe(`1${NBSP}maart${NBSP}2026`);
    expect(formatDate('2026-03-01', 'it')).toBe(`1${NBSP}marzo${NBSP}2026`);
    expect(formatDate('2026-03-01', 'en')).toBe(`1${NBSP}March${NBSP}2026`);
    expect(formatShortDate('2026-03-01', 'nl')).toBe('01-03-2026');
    expect(formatShortDate('2026-03-01', 'de')).toBe('01.03.2026');
    // In a table cell the year may wrap, day and month stay together.
    const cell = formatCellDate('2024-09-10', 'de');
    expect(cell).toContain(`10.${NBSP}September`);
    expect(cell.endsWith(' 2024')).toBe(true);
  });
});

describe('country names', () => {
  it('names countries in the document language', () => {
    expect(UI_LANGUAGES.map((lang) => countryName('DE', lang))).toEqual(['Germany', 'Duitsland', 'Deutschland', 'Germania']);
    expect(UI_LANGUAGES.map((lang) => countryName('CH', lang))).toEqual(['Switzerland', 'Zwitserland', 'Schweiz', 'Svizzera']);
    expect(countryName('IT', 'de')).toBe('Italien');
    expect(countryName('GB', 'it')).toBe('Regno Unito');
  });

  it('answers a code it has no name for with the code, and never a property of Object', () => {
    expect(countryName('QQ', 'en')).toBe('QQ');
    expect(countryName('constructor', 'nl')).toBe('constructor');
    expect(countryName('__proto__', 'de')).toBe('__proto__');
  });

  it('has every EU and EEA country, in all four languages alike', () => {
    const eea = 'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IS IT LI LT LU LV MT NL NO PL PT RO SE SI SK'.split(' ');
    const codes = Object.keys(COUNTRY_NAMES.en).sort();
    for (const lang of UI_LANGUAGES) {
      expect(Object.keys(COUNTRY_NAMES[lang]).sort()).toEqual(codes);
      for (const code of eea) expect(countryName(code, lang)).not.toBe(code);
    }
  });

  it('has the names this Node’s ICU gives, so no document changed its text', () => {
    // Documents printed Intl.DisplayNames' names before the table; scripts/country-names.mjs wrote
    // the table from the same ICU (Node 20's, fixed on these machines). After a Node update this
    // fails until the table is written again, on purpose: the diff shows what documents would change.
    for (const lang of UI_LANGUAGES) {
      const names = new Intl.DisplayNames([localeOf(lang)], { type: 'region' });
      for (const code of Object.keys(COUNTRY_NAMES.en)) expect(countryName(code, lang)).toBe(names.of(code));
    }
  });
});

describe('numbers and money', () => {
  const wholes = [0, 1, 7, 10, 99, 999, 1000, 1001, 1234, 9999, 10000, 12345, 99999, 100000, 123456, 999999, 1000000, 1234567, 25000000, 1234567890, Number.MAX_SAFE_INTEGER];

  it.each(UI_LANGUAGES)('writes whole numbers as Intl does (%s), and the rest through it', (lang) => {
    const intl = new Intl.NumberFormat(localeOf(lang));
    for (const n of [...wholes, ...Array.from({ length: 300 }, (_, i) => i * 337)]) expect(formatNumber(n, lang)).toBe(intl.format(n));
    for (const n of [2.5, -1234, 0.125, -0]) expect(formatNumber(n, lang)).toBe(intl.format(n));
  });

  it.each(UI_LANGUAGES)('writes amounts as Intl does (%s), in the currencies it spells and in others', (lang) => {
    const amounts = [...wholes.slice(0, -1), 0.5, 1.05, 2500.5, 1234.56, 99999.99, 1000000.01, 12.3, 7.07];
    for (const currency of ['EUR', 'GBP', 'USD', 'CHF', 'SEK', 'JPY', 'PLN']) {
      for (const amount of amounts) {
        const whole = Number.isInteger(amount);
        const intl = new Intl.NumberFormat(localeOf(lang), { style: 'currency', currency, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: whole ? 0 : 2 });
        expect(formatMoney(amount, currency, lang), `${amount} ${currency}`).toBe(intl.format(amount));
      }
    }
    // More than two decimals: rounded by Intl, as before.
    const intl = new Intl.NumberFormat(localeOf(lang), { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(formatMoney(1.005, 'EUR', lang)).toBe(intl.format(1.005));
    // Where doubles are coarser than a cent the decimal is Intl's to round.
    expect(formatMoney(90071992547409.9, 'EUR', lang)).toBe(intl.format(90071992547409.9));
    expect(formatMoney(-0, 'EUR', lang)).toBe(new Intl.NumberFormat(localeOf(lang), { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(-0));
  });

  it('reads like each language writes money', () => {
    expect(formatMoney(1000000, 'EUR', 'nl')).toBe(`€${NBSP}1.000.000`);
    expect(formatMoney(2500.5, 'EUR', 'de')).toBe(`2.500,50${NBSP}€`);
    expect(formatMoney(2500.5, 'EUR', 'it')).toBe(`2500,50${NBSP}€`);
    expect(formatMoney(1234, 'USD', 'en')).toBe('US$1,234');
  });
});
