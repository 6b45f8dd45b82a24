// Marks a view puts around a value so the layout engine sets it as what it is: a name that must
// never be hyphenated ("LiveAgent", "Nordwolke Rechenzentren GmbH"), or text written in another
// language than the document's (hyphenated with that language's patterns). The marks are
// private-use characters: they pass through Handlebars, the Markdown escaping and marked
// unchanged, and the layout engine removes them (layout/inline.ts), so they never print.
import type { UiLanguage } from '../model/common';

export const KEEP_OPEN = '\uE000';
export const KEEP_CLOSE = '\uE001';
const LANG_OPEN: Record<UiLanguage, string> = { en: '\uE010', nl: '\uE011', de: '\uE012', it: '\uE013' };
export const LANG_CLOSE = '\uE01F';
const LANG_OF = new Map(Object.entries(LANG_OPEN).map(([lang, mark]) => [mark, lang as UiLanguage]));

/** Any mark, for splitting text at them. */
export const SPAN_MARK = /[\uE000\uE001\uE010-\uE013\uE01F]/;

/** A name, e-mail address or citation: set whole, never hyphenated. */
export const keepWhole = (text: string): string => (text ? `${KEEP_OPEN}${text}${KEEP_CLOSE}` : text);

/** The languages a text marks values as written in. */
export function languagesMarkedIn(text: string): UiLanguage[] {
  return (Object.entries(LANG_OPEN) as [UiLanguage, string][]).filter(([, mark]) => text.includes(mark)).map(([lang]) => lang);
}

/** Text written in `lang`, hyphenated in that language wherever the document's language differs. */
export const inLanguage = (text: string, lang: UiLanguage | undefined): string => (text && lang ? `${LANG_OPEN[lang]}${text}${LANG_CLOSE}` : text);

/** What a mark does: opens or closes a keep-whole span, or opens a language span. */
export function markOf(ch: string): { keep: boolean } | { lang: UiLanguage | null } | undefined {
  if (ch === KEEP_OPEN) return { keep: true };
  if (ch === KEEP_CLOSE) return { keep: false };
  if (ch === LANG_CLOSE) return { lang: null };
  const lang = LANG_OF.get(ch);
  return lang ? { lang } : undefined;
}

/** The text without marks (metadata, plain-text output). */
export const withoutMarks = (text: string): string => text.replace(new RegExp(SPAN_MARK.source, 'g'), '');
