// Language detection for the six classifier languages by frequent short words, with a few letters
// (ß, ñ, ç…) as tie-breakers. Customer messages are short and informal; function words are the
// part of them that does not vary with the topic.
import { DETECT_LANGUAGES, type DetectLanguage } from '../model/common';
import { fold } from './normalise';
import { TABLES } from './phrases';

/** Fewer words than this is "too little text" (a subject line, "GDPR?", a signature). */
const MIN_WORDS = 3;
/** A language needs this much stop-word weight to be reported at all. */
const MIN_SCORE = 1;

// word → the languages it is a stop word of. A word several languages share ("de", "la", "in")
// counts 1/n towards each of them.
let stopWords: Map<string, DetectLanguage[]> | undefined;
function stopWordIndex(): Map<string, DetectLanguage[]> {
  if (stopWords) return stopWords;
  stopWords = new Map();
  for (const language of DETECT_LANGUAGES) {
    for (const word of TABLES[language].stop.split(' ')) {
      const list = stopWords.get(word) ?? [];
      if (!list.includes(language)) list.push(language);
      stopWords.set(word, list);
    }
  }
  return stopWords;
}

// Letters (before folding) that only some of the languages use.
const LETTERS: Readonly<Record<string, readonly DetectLanguage[]>> = {
  ß: ['de'],
  ä: ['de'],
  ö: ['de'],
  ü: ['de'],
  ñ: ['es'],
  '¿': ['es'],
  '¡': ['es'],
  á: ['es'],
  í: ['es'],
  ó: ['es'],
  ú: ['es'],
  ç: ['fr'],
  œ: ['fr'],
  ê: ['fr'],
  â: ['fr'],
  î: ['fr'],
  û: ['fr'],
  é: ['fr', 'es', 'it'],
  è: ['fr', 'it'],
  à: ['fr', 'it'],
  ù: ['fr', 'it'],
  ì: ['it'],
  ò: ['it'],
  ë: ['nl', 'fr'],
  ï: ['nl', 'fr'],
};
const LETTER_WEIGHT = 0.25;
const LETTER_CAP = 1.5;
const WORD = /[a-z]+/g;

/** Detects the language of `text` from already folded text (the classifier folds only once). */
export function detectFolded(foldedText: string, original: string): DetectLanguage | undefined {
  const index = stopWordIndex();
  const score: Record<DetectLanguage, number> = { en: 0, nl: 0, de: 0, it: 0, fr: 0, es: 0 };
  let words = 0;
  // Distinct words: a repeated name that happens to be a stop word ("Ben", "Van") counts once.
  const seen = new Set<string>();
  for (const [word] of foldedText.matchAll(WORD)) {
    words += 1;
    if (seen.has(word)) continue;
    seen.add(word);
    const languages = index.get(word);
    if (languages) for (const language of languages) score[language] += 1 / languages.length;
  }
  if (words < MIN_WORDS) return undefined;
  const letters: Record<DetectLanguage, number> = { en: 0, nl: 0, de: 0, it: 0, fr: 0, es: 0 };
  for (const ch of original.toLowerCase()) {
    const languages = LETTERS[ch];
    if (languages) for (const language of languages) letters[language] += LETTER_WEIGHT / languages.length;
  }
  let best: DetectLanguage | undefined;
  let bestScore = 0;
  let second = 0;
  for (const language of DETECT_LANGUAGES) {
    const total = score[language] + Math.min(LETTER_CAP, letters[language]);
    if (total > bestScore) {
      second = bestScore;
      bestScore = total;
      best = language;
    } else if (total > second) {
      second = total;
    }
  }
  // Nothing recognisable, or two languages equally likely: better unknown than wrong.
  if (bestScore < MIN_SCORE || bestScore === second) return undefined;
  return best;
}

export function detectLanguage(text: string): DetectLanguage | undefined {
  return detectFolded(fold(text).text, text);
}
