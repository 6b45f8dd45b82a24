// The Liang patterns of every document language, loaded with the engine. The extension's background
// may not use dynamic import() (its build's preload helper touches `document`), so it carries all
// four. The CLI bundle swaps this module for ./hyphenation-patterns-lazy.ts (scripts/build-cli.mjs),
// which loads only the patterns of the language a document is written in.
import de from 'hyphen/de';
import en from 'hyphen/en-gb';
import it from 'hyphen/it';
import nl from 'hyphen/nl';
import type { DocumentLanguage } from './labels';

const PATTERNS: Record<DocumentLanguage, (word: string) => string> = {
  en: (w) => en.hyphenateSync(w),
  nl: (w) => nl.hyphenateSync(w),
  de: (w) => de.hyphenateSync(w),
  it: (w) => it.hyphenateSync(w),
};

/** A function that puts soft hyphens (U+00AD) at a word's hyphenation points. */
export async function loadHyphenation(language: DocumentLanguage): Promise<(word: string) => string> {
  return PATTERNS[language];
}
