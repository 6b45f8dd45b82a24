// ./hyphenation-patterns.ts for Node programs that load code on demand (the CLI package's engine
// loader, lib/cli/engine-loader.ts): only the patterns of the document's language are read
// (German's alone are 0.7 MB of JavaScript).
import type { DocumentLanguage } from './labels';

type Patterns = { default: { hyphenateSync(text: string): string } };

const LOADERS: Record<DocumentLanguage, () => Promise<Patterns>> = {
  en: () => import('hyphen/en-gb'),
  nl: () => import('hyphen/nl'),
  de: () => import('hyphen/de'),
  it: () => import('hyphen/it'),
};

/** A function that puts soft hyphens (U+00AD) at a word's hyphenation points. */
export async function loadHyphenation(language: DocumentLanguage): Promise<(word: string) => string> {
  const patterns = (await LOADERS[language]()).default;
  return (w) => patterns.hyphenateSync(w);
}
