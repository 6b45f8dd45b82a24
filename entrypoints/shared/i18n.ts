// UI strings through browser.i18n (_locales in en, nl, de, it); the UI language follows the browser.
import browser from 'webextension-polyfill';
import type { UiLanguage } from '../../lib/model/common';
import type { KeyOf } from './message-keys';

/**
 * A UI string. `key` is typed by the table in scripts/locales.mjs: a key it lacks does not compile, and a
 * key built from a value (t(`status_${s}`)) must be a template over a typed union.
 */
export function t<K extends string>(key: KeyOf<K>, substitutions?: string | string[]): string {
  // Chrome message names allow only [A-Za-z0-9_]; our keys may carry a request type like withdraw-consent.
  return browser.i18n.getMessage(key.replace(/-/g, '_'), substitutions) || key;
}

/** The UI language browser.i18n picked (one of ours, else English). */
export function uiLanguage(): UiLanguage {
  const lang = browser.i18n.getUILanguage().slice(0, 2);
  return (['en', 'nl', 'de', 'it'] as const).find((l) => l === lang) ?? 'en';
}

const LOCALES: Record<UiLanguage, string> = { en: 'en-GB', nl: 'nl-NL', de: 'de-DE', it: 'it-IT' };

/** A deadline instant as a local date in the user's time zone, e.g. "22 dic 2026". */
export function formatDue(instant: string, lang: UiLanguage = uiLanguage()): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(instant));
}

/** A count as the UI language writes it: 1,234 · 1.234 · 1234 (Intl, not String(n)). */
export function formatNumber(n: number, lang: UiLanguage = uiLanguage()): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(n);
}

export function formatDateTime(instant: string, lang: UiLanguage = uiLanguage()): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
}

/** An instant with date, time and time-zone name in the user's zone, e.g. "5 Dec 2026, 14:00 CET" (a breach's 72-hour deadline). */
export function formatDateTimeWithZone(instant: string, lang: UiLanguage = uiLanguage()): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName: the fields are spelled out.
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(new Date(instant));
}

/** Whole days from now until the instant (negative when overdue). */
export function daysLeft(instant: string, now = Date.now()): number {
  return Math.floor((new Date(instant).getTime() - now) / 86_400_000);
}
