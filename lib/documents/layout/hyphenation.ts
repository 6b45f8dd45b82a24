// Hyphenation points of words in the document language (Liang's patterns from TeX, via `hyphen`).
// German uses the 1996 reformed spelling; English the British patterns (documents are en-GB).
import { loadHyphenation } from './hyphenation-patterns';
import type { DocumentLanguage } from './labels';

const SOFT_HYPHEN = '\u00AD';

export type Hyphenator = (word: string) => readonly number[];

/** Words remembered per language: documents repeat their words, and one another's. */
const CACHE_LIMIT = 50_000;
const hyphenators = new Map<DocumentLanguage, Promise<Hyphenator>>();

/**
 * Returns a function giving the offsets inside a word after which it may be broken with a hyphen
 * added. Results are cached for the program (the patterns never change), up to CACHE_LIMIT words
 * per language. Asked again while the patterns load, it answers with the same load.
 */
export function hyphenatorFor(language: DocumentLanguage): Promise<Hyphenator> {
  let known = hyphenators.get(language);
  if (!known) {
    known = makeHyphenator(language);
    hyphenators.set(language, known);
    const loading = known;
    // A failed load is tried again next time (unless a newer load has taken its place).
    loading.catch(() => {
      if (hyphenators.get(language) === loading) hyphenators.delete(language);
    });
  }
  return known;
}

async function makeHyphenator(language: DocumentLanguage): Promise<Hyphenator> {
  const hyphenate = await loadHyphenation(language);
  const cache = new Map<string, readonly number[]>();
  return (word) => {
    let points = cache.get(word);
    if (!points) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      points = softHyphenOffsets(hyphenate(word));
      cache.set(word, points);
    }
    return points;
  };
}

function softHyphenOffsets(hyphenated: string): number[] {
  const offsets: number[] = [];
  let offset = 0;
  for (let i = 0; i < hyphenated.length; i++) {
    if (hyphenated[i] === SOFT_HYPHEN) offsets.push(offset);
    else offset++;
  }
  return offsets;
}
