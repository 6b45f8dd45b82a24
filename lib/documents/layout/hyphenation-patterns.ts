// The Liang patterns of every document language, loaded with the engine. The extension's background
// may not use dynamic import() (its build's preload helper touches `document`), so it carries all
// four. The CLI bundle's engine.js takes this module's one function from its loader instead, which
// uses ./hyphenation-patterns-lazy.ts to load only the patterns of a document's languages
// (scripts/build-cli.mjs, lib/cli/engine-loader.ts).
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
