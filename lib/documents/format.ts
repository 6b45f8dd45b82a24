// Locale formatting for documents: one place, so every template formats dates and numbers alike.
import type { UiLanguage } from '../model/common';

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
const longDate = perLanguage((l) => new Intl.DateTimeFormat(l, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
const shortDate = perLanguage((l) => new Intl.DateTimeFormat(l, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }));
const numbers = perLanguage((l) => new Intl.NumberFormat(l));
const regions = perLanguage((l) => new Intl.DisplayNames([l], { type: 'region' }));
const lists = perLanguage((l) => new Intl.ListFormat(l, { style: 'long', type: 'conjunction' }));

/**
 * `2026-11-22` → "22 November 2026" / "22 november 2026" / "22. November 2026" / "22 novembre 2026",
 * with no-break spaces (U+00A0) between day, month and year.
 */
export function formatDate(isoDate: string, lang: UiLanguage): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return unbreakable(longDate(lang).format(date));
}

/** `2026-11-22` → "22/11/2026" / "22-11-2026" / "22.11.2026" / "22/11/2026" (tables). */
export function formatShortDate(isoDate: string, lang: UiLanguage): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return unbreakable(shortDate(lang).format(date));
}

export function formatNumber(n: number, lang: UiLanguage): string {
  return numbers(lang).format(n);
}

/** `DE` → "Germany" / "Duitsland" / "Deutschland" / "Germania". */
export function countryName(code: string, lang: UiLanguage): string {
  return regions(lang).of(code) ?? code;
}

/** ["a","b","c"] → "a, b and c" in the document language. */
export function formatList(items: readonly string[], lang: UiLanguage): string {
  return lists(lang).format(items);
}
