// Locale formatting for documents: one place, so every template formats dates and numbers alike.
import type { UiLanguage } from '../model/common';
import COUNTRY_NAMES from './country-names.json';
import { keepWhole } from './spans';

/** No-break space: a date is never split across lines (the layout engine prints it as a space). */
export const NBSP = '\u00A0';
const unbreakable = (s: string) => s.replace(/ /g, NBSP);

const LOCALE: Record<UiLanguage, string> = { en: 'en-GB', nl: 'nl-NL', de: 'de-DE', it: 'it-IT' };
export const localeOf = (lang: UiLanguage) => LOCALE[lang];

// Creating an Intl formatter costs far more than using one (a 500-row table formatted a date and
// a country per row with a new formatter each: ~30 ms of a render); keep one per language.
function perLanguage<T>(make: (locale: string) => T): (lang: UiLanguage) => T {
  const made = new Map<UiLanguage, T>();
  return (lang) => {
    let f = made.get(lang);
    if (f === undefined) {
      f = make(LOCALE[lang]);
      made.set(lang, f);
    }
    return f;
  };
}
const numbers = perLanguage((l) => new Intl.NumberFormat(l));
const lists = perLanguage((l) => new Intl.ListFormat(l, { style: 'long', type: 'conjunction' }));

/**
 * `2026-11-22` → "22 November 2026" / "22 november 2026" / "22. November 2026" / "22 novembre 2026",
 * with no-break spaces (U+00A0) between day, month and year.
 */
export function formatDate(isoDate: string, lang: UiLanguage): string {
  return unbreakable(longDate(isoDate, lang));
}

/** Formatted once per language and value: a long table prints the same few dates and countries on every row. */
function remembered(format: (value: string, lang: UiLanguage) => string): (value: string, lang: UiLanguage) => string {
  const made = new Map<string, string>();
  return (value, lang) => {
    const key = `${lang}\u0000${value}`;
    let text = made.get(key);
    if (text === undefined) {
      if (made.size >= 10_000) made.clear();
      text = format(value, lang);
      made.set(key, text);
    }
    return text;
  };
}

// Dates are spelt out from these tables rather than by Intl.DateTimeFormat: the same text in the
// extension and the CLI whatever their ICU versions, and no calendar data to load at render time.
// They write what CLDR's long and numeric dates say for en-GB, nl-NL, de-DE and it-IT
// (test/documents/format.test.ts compares them with Intl).
const MONTHS: Record<UiLanguage, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  it: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
};
/** Day, month and year, written with plain spaces ("22. November 2026"), and the numeric date's separator. */
const DATE_STYLE: Record<UiLanguage, { long: (d: number, month: string, y: number) => string; separator: string }> = {
  en: { long: (d, month, y) => `${d} ${month} ${y}`, separator: '/' },
  nl: { long: (d, month, y) => `${d} ${month} ${y}`, separator: '-' },
  de: { long: (d, month, y) => `${d}. ${month} ${y}`, separator: '.' },
  it: { long: (d, month, y) => `${d} ${month} ${y}`, separator: '/' },
};

/** `2026-11-22` → [2026, 11, 22]; the day part of an instant as written. */
function dateParts(isoDate: string): [number, number, number] {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return [y!, m!, d!];
}

const longDate = remembered((isoDate, lang) => {
  const [y, m, d] = dateParts(isoDate);
  return DATE_STYLE[lang].long(d, MONTHS[lang][m - 1]!, y);
});

/**
 * The same long date for table cells: day and month stay together, the year may go to the next
 * line ("10. September / 2024"), so a narrow column holds it without breaking a word. One date
 * format throughout a document, tables included.
 */
export function formatCellDate(isoDate: string, lang: UiLanguage): string {
  const text = longDate(isoDate, lang);
  const lastSpace = text.lastIndexOf(' ');
  return lastSpace < 0 ? keepWhole(text) : `${keepWhole(unbreakable(text.slice(0, lastSpace)))} ${text.slice(lastSpace + 1)}`;
}

/** `2026-11-22` → "22/11/2026" / "22-11-2026" / "22.11.2026" / "22/11/2026" (tables). */
export function formatShortDate(isoDate: string, lang: UiLanguage): string {
  const [y, m, d] = dateParts(isoDate);
  const two = (n: number) => String(n).padStart(2, '0');
  return [two(d), two(m), String(y)].join(DATE_STYLE[lang].separator);
}

// Whole numbers and amounts in the usual currencies are written from these rules rather than by
// Intl.NumberFormat: the first formatter of a process loads ICU's locale data (about 11 ms of a cold
// `privacy-desk render`), and the text stays the same whatever ICU the runtime has. They write
// what CLDR says for en-GB, nl-NL, de-DE and it-IT (test/documents/format.test.ts compares them
// with Intl); anything else (fractions, negative numbers, other currencies) goes to Intl.
const NUMBER_STYLE: Record<UiLanguage, { group: string; decimal: string; minGroupDigits: 1 | 2 }> = {
  en: { group: ',', decimal: '.', minGroupDigits: 1 },
  nl: { group: '.', decimal: ',', minGroupDigits: 1 },
  de: { group: '.', decimal: ',', minGroupDigits: 1 },
  // Italian groups only numbers of five digits or more: "1234", "12.345".
  it: { group: '.', decimal: ',', minGroupDigits: 2 },
};

/** The digits of a whole number ≥ 0, grouped by thousands as the language does. */
function groupDigits(whole: number, lang: UiLanguage): string {
  const digits = String(whole);
  const { group, minGroupDigits } = NUMBER_STYLE[lang];
  if (digits.length < 3 + minGroupDigits) return digits;
  return digits.replace(/\B(?=(\d{3})+$)/g, group);
}

const isPlainWhole = (n: number) => Number.isSafeInteger(n) && (n > 0 || Object.is(n, 0));

export function formatNumber(n: number, lang: UiLanguage): string {
  return isPlainWhole(n) ? groupDigits(n, lang) : numbers(lang).format(n);
}

/** Currency symbols as CLDR writes them in each language, for the currencies written here. */
const CURRENCY_SYMBOL: Record<string, Record<UiLanguage, string>> = {
  EUR: { en: '€', nl: '€', de: '€', it: '€' },
  GBP: { en: '£', nl: '£', de: '£', it: '£' },
  USD: { en: 'US$', nl: 'US$', de: '$', it: 'USD' },
  CHF: { en: 'CHF', nl: 'CHF', de: 'CHF', it: 'CHF' },
};
const moneyFormats = perLanguage(() => new Map<string, Intl.NumberFormat>());

/**
 * An amount of money: "€1,000,000" / "€ 1.000.000" / "1.000.000 €" / "1.000.000 €", with cents
 * ("2.500,50 €") unless the amount is whole. Symbol and number are held together by a no-break space.
 */
export function formatMoney(amount: number, currency: string, lang: UiLanguage): string {
  const whole = Number.isInteger(amount);
  const cents = Math.round(amount * 100);
  const symbol = CURRENCY_SYMBOL[currency]?.[lang];
  // Cents are exact only while doubles are much finer than a cent; beyond, Intl rounds the decimal.
  const exact = whole ? Number.isSafeInteger(amount) : amount < 1e12 && cents / 100 === amount;
  if (symbol !== undefined && exact && (amount > 0 || Object.is(amount, 0))) {
    const number = whole ? groupDigits(amount, lang) : `${groupDigits(Math.floor(cents / 100), lang)}${NUMBER_STYLE[lang].decimal}${String(cents % 100).padStart(2, '0')}`;
    const code = /^[A-Z]{3}$/.test(symbol);
    if (lang === 'en') return code ? `${symbol}${NBSP}${number}` : `${symbol}${number}`;
    if (lang === 'nl') return `${symbol}${NBSP}${number}`;
    return `${number}${NBSP}${symbol}`;
  }
  // One formatter per currency and kind of amount: making one costs far more than using it.
  const key = `${currency} ${whole}`;
  const formats = moneyFormats(lang);
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: whole ? 0 : 2 });
    formats.set(key, format);
  }
  return format.format(amount);
}

/**
 * `DE` → "Germany" / "Duitsland" / "Deutschland" / "Germania"; a code with no name, as itself. The
 * names are CLDR's, written into country-names.json by scripts/country-names.mjs (why: see there).
 */
export function countryName(code: string, lang: UiLanguage): string {
  const names: Partial<Record<string, string>> = COUNTRY_NAMES[lang];
  return Object.hasOwn(names, code) ? names[code]! : code;
}

/** ["a","b","c"] → "a, b and c" in the document language. */
export function formatList(items: readonly string[], lang: UiLanguage): string {
  return lists(lang).format(items);
}

/** Units of the periods documents state; German also needs the dative plural ("innerhalb von 30 Tagen"). */
export type PeriodUnit = 'day' | 'hour';
type UnitForms = { one: string; other: string; otherDative?: string };
const UNIT_FORMS: Record<UiLanguage, Record<PeriodUnit, UnitForms>> = {
  en: { day: { one: 'day', other: 'days' }, hour: { one: 'hour', other: 'hours' } },
  nl: { day: { one: 'dag', other: 'dagen' }, hour: { one: 'uur', other: 'uur' } },
  de: { day: { one: 'Tag', other: 'Tage', otherDative: 'Tagen' }, hour: { one: 'Stunde', other: 'Stunden' } },
  it: { day: { one: 'giorno', other: 'giorni' }, hour: { one: 'ora', other: 'ore' } },
};
const plurals = perLanguage((l) => new Intl.PluralRules(l));

/**
 * "1 day" / "30 days", "1 dag" / "30 dagen", "1 Tag" / "30 Tage" (dative "30 Tagen"), "1 giorno" /
 * "30 giorni": the unit's form chosen by Intl.PluralRules, joined to the number by a no-break space.
 */
export function formatPeriod(n: number, unit: PeriodUnit, lang: UiLanguage, dative = false): string {
  const rules = plurals(lang);
  const forms = UNIT_FORMS[lang][unit];
  const word = rules.select(n) === 'one' ? forms.one : dative ? (forms.otherDative ?? forms.other) : forms.other;
  return `${formatNumber(n, lang)}${NBSP}${word}`;
}

/** A period as templates print it: `text` after "at least" / "mindestens", `dative` after "within" / "innerhalb von". */
export interface PeriodView {
  text: string;
  dative: string;
}
export const periodView = (n: number, unit: PeriodUnit, lang: UiLanguage): PeriodView => ({
  text: formatPeriod(n, unit, lang),
  dative: formatPeriod(n, unit, lang, true),
});
