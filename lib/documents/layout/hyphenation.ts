// Hyphenation points of words in the document language (Liang's patterns from TeX, via `hyphen`).
// German uses the 1996 reformed spelling; English the British patterns (documents are en-GB).
import { loadHyphenation } from './hyphenation-patterns';
import type { DocumentLanguage } from './labels';

const SOFT_HYPHEN = '\u00AD';

export type Hyphenator = (word: string) => readonly number[];

/**
 * Returns a function giving the offsets inside a word after which it may be broken with a hyphen
 * added. Results are cached: a document repeats its words.
 */
export async function hyphenatorFor(language: DocumentLanguage): Promise<Hyphenator> {
  const hyphenate = await loadHyphenation(language);
  const cache = new Map<string, readonly number[]>();
  return (word) => {
    let points = cache.get(word);
    if (!points) {
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
