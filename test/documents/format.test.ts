// Dates and country names in documents come from our own tables (lib/documents/format.ts,
// lib/documents/country-names.json), not from the runtime's ICU at render time. These tests hold
// the tables to what CLDR says through Intl, so the text is the one documents always printed.
import { describe, expect, it } from 'vitest';
import COUNTRY_NAMES from '../../lib/documents/country-names.json';
import { countryName, formatCellDate, formatDate, formatShortDate, localeOf } from '../../lib/documents/format';
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
