// Loads the labelled corpora of test/fixtures/detect/ (one JSONL file per language + a hold-out).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DETECT_LANGUAGES, type DetectLanguage } from '../../lib/model/common';
import { parseCorpus, type LabelledMessage } from '../../lib/detect/evaluate';

const DIR = fileURLToPath(new URL('../fixtures/detect/', import.meta.url));

export function loadCorpus(name: string): LabelledMessage[] {
  return parseCorpus(readFileSync(`${DIR}${name}.jsonl`, 'utf8'), `${name}.jsonl`);
}

/** A hold-out file (holdout, holdout2) mixes languages; ids start with the language ("de-h3"). */
export function loadHoldout(name = 'holdout'): Map<DetectLanguage, LabelledMessage[]> {
  const byLanguage = new Map<DetectLanguage, LabelledMessage[]>(DETECT_LANGUAGES.map((l) => [l, []]));
  for (const message of loadCorpus(name)) {
    const language = DETECT_LANGUAGES.find((l) => message.id.startsWith(`${l}-`));
    if (!language) throw new Error(`holdout id ${message.id} does not start with a language code`);
    byLanguage.get(language)!.push(message);
  }
  return byLanguage;
}

const BLIND_DIR = fileURLToPath(new URL('../fixtures/detect-blind/', import.meta.url));

/**
 * The files of a language's blind corpora, in the order they were written: the first one
 * ("de.jsonl"), then the ones written later by other people who never saw the rules ("de-2.jsonl"
 * … "de-9.jsonl", when present; a language may lack some). The fourth, seventh and ninth files are
 * blind whole; the fifth, sixth and eighth training only (all "tune").
 */
export const BLIND_SOURCES = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'] as const;

/** One of BLIND_SOURCES, or all of them. */
export type BlindSource = (typeof BLIND_SOURCES)[number] | 'all';

function blindFile(language: DetectLanguage, source: Exclude<BlindSource, 'all'>): LabelledMessage[] {
  const n = BLIND_SOURCES.indexOf(source) + 1;
  const name = n === 1 ? `${language}.jsonl` : `${language}-${n}.jsonl`;
  if (n > 1 && !existsSync(`${BLIND_DIR}${name}`)) return [];
  return parseCorpus(readFileSync(`${BLIND_DIR}${name}`, 'utf8'), `detect-blind/${name}`);
}

/**
 * One language of the blind corpora (test/fixtures/detect-blind/), written by people who never saw
 * the rules. Only the "tune" split may inform the classifier; the "blind" split is scored in
 * aggregate only (test/detect/blind.test.ts, bench/detect.ts). All files of a language by default.
 */
export function loadBlind(language: DetectLanguage, split?: 'tune' | 'blind', source: BlindSource = 'all'): LabelledMessage[] {
  const all = BLIND_SOURCES.filter((s) => source === 'all' || source === s).flatMap((s) => blindFile(language, s));
  return split ? all.filter((m) => m.split === split) : all;
}

/** The older corpora: per language and both hold-outs. */
export function olderCorpus(): LabelledMessage[] {
  return [...DETECT_LANGUAGES.flatMap((l) => loadCorpus(l)), ...loadCorpus('holdout'), ...loadCorpus('holdout2')];
}

/** The tune split of every language of the blind corpora. */
export function tuneCorpus(): LabelledMessage[] {
  return DETECT_LANGUAGES.flatMap((l) => loadBlind(l, 'tune'));
}

/** Everything the learned scorer may be trained on, in a fixed order. */
export function trainingCorpus(): LabelledMessage[] {
  return [...olderCorpus(), ...tuneCorpus()];
}
