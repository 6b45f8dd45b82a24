// The learned scorer's features (lib/detect/model.ts): hashed word unigrams, bigrams and bigrams
// that skip one word ("delete … data" in "delete my data", "delete all data"), character 3–5-grams
// of each word (so "verwijderd", "verwijderen" and the typo "verwijdren" share most of their
// features across languages' inflections and missing accents), character 4–6-grams across the gap
// between two words (" my da", "n mijn g": a verb's ending and the object's start, whatever
// the inflection), and the phrase rules' own
// findings ("the rules saw a strong erasure cue", "a look-alike cue"). Shared by the classifier
// and the training script (scripts/detect-train.ts) so both see exactly the same features.
// Hashing (FNV-1a, 32 bit) keeps the weights a fixed-size table with no vocabulary to ship.
import { REQUEST_TYPES, type RequestType } from '../model/request';

export const HASH_BITS = 15;
export const BUCKETS = 1 << HASH_BITS;
/** Classes the scorer chooses between: no request, or one of the request types. */
export const CLASSES = ['none', ...REQUEST_TYPES] as const;
export type ModelClass = (typeof CLASSES)[number];

/** What the phrase rules found, as the scorer sees it. */
export interface RuleFindings {
  readonly type: RequestType | undefined;
  readonly isRequest: boolean;
  readonly strong: ReadonlyMap<RequestType, number>;
  readonly weak: ReadonlySet<RequestType>;
  readonly negative: number;
  readonly context: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
function mix(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME) >>> 0;
}
function hashString(h: number, s: string): number {
  for (let i = 0; i < s.length; i += 1) h = mix(h, s.charCodeAt(i));
  return h;
}
const bucketOf = (h: number): number => h & (BUCKETS - 1);

// Distinct seeds per kind of feature, so the word "data" and the 4-gram "data" differ.
const WORD_SEED = hashString(FNV_OFFSET, 'w:');
const BIGRAM_SEED = hashString(FNV_OFFSET, 'b:');
const CHAR_SEED = hashString(FNV_OFFSET, 'c:');
const CROSS_SEED = hashString(FNV_OFFSET, 'x:');
const SKIP_SEED = hashString(FNV_OFFSET, 's:');

/** A feature and the span of the (prepared, folded) text it came from; rule features span nothing. */
export interface Feature {
  readonly bucket: number;
  readonly from: number;
  readonly to: number;
}

const WORD = /[a-z0-9]+/g;
const MIN_GRAM = 3;
const MAX_GRAM = 5;
const MIN_CROSS = 4;
const MAX_CROSS = 6;
/** Long words (URLs, hashes) add nothing but cost; only their first letters count. */
const MAX_WORD = 24;
/** A bigram never joins words across a sentence end: "…the ticket. My data…". */
const BREAKS = new Set(['.', '!', '?', ';', ':', '\n', '\u00bf', '\u00a1']);
function breaksBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) if (BREAKS.has(text[i]!)) return true;
  return false;
}

export function ruleFeatureNames(rules: RuleFindings): string[] {
  const names = [rules.isRequest ? `r:req:${rules.type}` : 'r:none'];
  for (const t of REQUEST_TYPES) {
    const s = rules.strong.get(t) ?? 0;
    if (s >= 3) names.push(`r:strong3:${t}`);
    else if (s >= 2) names.push(`r:strong2:${t}`);
    if (rules.weak.has(t)) names.push(`r:weak:${t}`);
  }
  if (rules.negative > 0) names.push(rules.negative >= 3 ? 'r:neg3' : 'r:neg');
  if (rules.context > 0) names.push('r:ctx');
  names.push('bias');
  return names;
}

/** Every feature of a message, repeats included (the scorer counts each bucket once). */
export function extractFeatures(haystack: string, rules: RuleFindings): Feature[] {
  const out: Feature[] = [];
  for (const name of ruleFeatureNames(rules)) out.push({ bucket: bucketOf(hashString(FNV_OFFSET, name)), from: 0, to: 0 });
  let previous: { word: string; from: number; to: number } | undefined;
  let beforePrevious: { word: string; from: number; to: number } | undefined;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(haystack); m; m = WORD.exec(haystack)) {
    const word = m[0].length > MAX_WORD ? m[0].slice(0, MAX_WORD) : m[0];
    const from = m.index;
    const to = from + m[0].length;
    out.push({ bucket: bucketOf(hashString(WORD_SEED, word)), from, to });
    const joined = previous !== undefined && !breaksBetween(haystack, previous.to, from);
    if (previous && joined) {
      out.push({ bucket: bucketOf(hashString(hashString(hashString(BIGRAM_SEED, previous.word), ' '), word)), from: previous.from, to });
      if (beforePrevious) {
        out.push({ bucket: bucketOf(hashString(hashString(hashString(SKIP_SEED, beforePrevious.word), ' '), word)), from: beforePrevious.from, to });
      }
      // Letter groups across the gap: up to three letters of the first word, the space, and at
      // least one letter of the second.
      const pair = ` ${previous.word} ${word} `;
      const gap = previous.word.length + 1;
      for (let i = Math.max(0, gap - 3); i < gap; i += 1) {
        let h = CROSS_SEED;
        for (let n = 1; n <= MAX_CROSS && i + n <= pair.length; n += 1) {
          h = mix(h, pair.charCodeAt(i + n - 1));
          if (n >= MIN_CROSS && i + n - 1 > gap) out.push({ bucket: bucketOf(h), from: previous.from, to });
        }
      }
    }
    beforePrevious = joined ? previous : undefined;
    previous = { word, from, to };
    // Character n-grams of " word ", computed incrementally per start position.
    const padded = ` ${word} `;
    for (let i = 0; i + MIN_GRAM <= padded.length; i += 1) {
      let h = CHAR_SEED;
      for (let n = 1; n <= MAX_GRAM && i + n <= padded.length; n += 1) {
        h = mix(h, padded.charCodeAt(i + n - 1));
        if (n >= MIN_GRAM) out.push({ bucket: bucketOf(h), from, to });
      }
    }
  }
  return out;
}
