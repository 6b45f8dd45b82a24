// Folds text for matching (NFKD, no diacritics, lower case) while remembering where each folded
// character came from, so evidence is reported as the customer's own words and offsets.

/** Folded text plus, per folded character, the span of the original text it came from. */
export interface Folded {
  readonly text: string;
  /** start[i]: offset in the original of the character that produced folded character i. */
  readonly start: readonly number[];
  /** end[i]: offset just past that original character (and past any combining marks after it). */
  readonly end: readonly number[];
}

// Letters NFKD leaves whole but customers type interchangeably with their ASCII spellings
// ("Strasse"/"Straße", "oeuvre"/"œuvre"), and typographic quotes that would break "l'effacement".
const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  œ: 'oe',
  Œ: 'oe',
  æ: 'ae',
  Æ: 'ae',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  '\u2019': "'",
  '\u2018': "'",
  '\u02bc': "'",
  '\u00b4': "'",
  '`': "'",
};
const COMBINING = /[\u0300-\u036f]/g;
// Folding a non-ASCII character goes through String.normalize, which is slow per call; the set of
// distinct characters in real text is small, so the results are remembered.
const cache = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = cache.get(ch);
  if (folded === undefined) {
    folded = SPECIAL[ch] ?? ch.normalize('NFKD').replace(COMBINING, '').toLowerCase();
    // Lower-casing can itself produce combining marks (İ → i̇); drop those too.
    folded = folded.normalize('NFKD').replace(COMBINING, '');
    if (cache.size < 4096) cache.set(ch, folded);
  }
  return folded;
}

export function fold(original: string): Folded {
  const out: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < original.length; ) {
    const code = original.charCodeAt(i);
    if (code < 0x80) {
      // ASCII fast path: most of every message.
      out.push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : original[i]!);
      start.push(i);
      end.push(i + 1);
      i += 1;
      continue;
    }
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldChar(original.slice(i, i + width));
    if (folded.length === 0) {
      // A bare combining mark (text typed already decomposed): it belongs to the previous letter.
      if (end.length > 0) end[end.length - 1] = i + width;
    }
    // Per UTF-16 code unit, like the offsets: an emoji folds to itself, two units long.
    for (let k = 0; k < folded.length; k += 1) {
      out.push(folded[k]!);
      start.push(i);
      end.push(i + width);
    }
    i += width;
  }
  return { text: out.join(''), start, end };
}

/** Maps a match [from, to) in the folded text back to [start, end) in the original text. */
export function originalSpan(folded: Folded, from: number, to: number): { start: number; end: number } {
  return { start: folded.start[from] ?? 0, end: folded.end[to - 1] ?? folded.start[from] ?? 0 };
}
