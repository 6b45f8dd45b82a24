// Precision and recall over the hand-written corpora (test/fixtures/detect/<lang>.jsonl). The
// numbers are computed here from the classifier's answers, so a rule change that hurts fails.
import { describe, expect, it } from 'vitest';
import { DETECT_LANGUAGES } from '../../lib/model/common';
import { REQUEST_TYPES } from '../../lib/model/request';
import { evaluate, type Evaluation } from '../../lib/detect/evaluate';
import { loadCorpus, loadHoldout } from './corpus';

function explain(e: Evaluation): string {
  return e.mistakes.map((m) => `${m.id}: expected ${m.expected}, got ${m.got} (${m.result.confidence})`).join('\n');
}

describe.each(DETECT_LANGUAGES)('corpus %s', (language) => {
  const corpus = loadCorpus(language);

  it('is big enough and balanced: ≥ 30 messages, about half requests, every type at least twice', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    const requests = corpus.filter((m) => m.isRequest);
    expect(requests.length / corpus.length).toBeGreaterThanOrEqual(0.4);
    expect(requests.length / corpus.length).toBeLessThanOrEqual(0.6);
    for (const type of REQUEST_TYPES) expect(requests.filter((m) => m.type === type).length, type).toBeGreaterThanOrEqual(2);
    expect(new Set(corpus.map((m) => m.id)).size).toBe(corpus.length);
  });

  const result = evaluate(corpus, language);

  it('finds requests with precision and recall ≥ 0.9', () => {
    expect(result.isRequest.precision, explain(result)).toBeGreaterThanOrEqual(0.9);
    expect(result.isRequest.recall, explain(result)).toBeGreaterThanOrEqual(0.9);
  });

  it('names the right type for ≥ 85 % of true requests', () => {
    expect(result.typeAccuracy, explain(result)).toBeGreaterThanOrEqual(0.85);
  });

  it('detects the language of ≥ 95 % of the messages', () => {
    expect(result.languageAccuracy).toBeGreaterThanOrEqual(0.95);
  });
});

describe('hold-out corpus (written after the rules were fixed)', () => {
  const holdout = loadHoldout();

  it('has at least 5 messages per language', () => {
    for (const language of DETECT_LANGUAGES) expect(holdout.get(language)!.length, language).toBeGreaterThanOrEqual(5);
  });

  // Lower bars than the corpus. holdout.jsonl (60) was scored at P 0.95 / R 0.63 / type 0.63 and its
  // misses then informed the sentence-combination rule, so it is no longer blind (now 1.00 on all
  // three). holdout2.jsonl (60) was written before that rule and scored once at the end: P 1.00,
  // R 0.89, type 0.83 (R 0.92, type 0.86 after a sentence-splitting bug fix found on it). The bars
  // are those numbers minus a margin, over both files together and over the blinder one alone.
  const holdout2 = loadHoldout('holdout2');
  const all = evaluate([...holdout.values(), ...holdout2.values()].flat());
  const second = evaluate([...holdout2.values()].flat());
  it('finds requests with precision ≥ 0.9 over both hold-outs', () => {
    expect(all.isRequest.precision, explain(all)).toBeGreaterThanOrEqual(0.9);
  });
  it('finds requests with recall ≥ 0.85 over both hold-outs, ≥ 0.8 on holdout2 alone', () => {
    expect(all.isRequest.recall, explain(all)).toBeGreaterThanOrEqual(0.85);
    expect(second.isRequest.recall, explain(second)).toBeGreaterThanOrEqual(0.8);
  });
  it('names the right type for ≥ 80 % of the true requests over both hold-outs, ≥ 75 % on holdout2', () => {
    expect(all.typeAccuracy, explain(all)).toBeGreaterThanOrEqual(0.8);
    expect(second.typeAccuracy, explain(second)).toBeGreaterThanOrEqual(0.75);
  });
  it('keeps holdout2 balanced: 10 messages per language, 6 requests and 4 look-alikes', () => {
    for (const language of DETECT_LANGUAGES) {
      const messages = holdout2.get(language)!;
      expect(messages.length, language).toBe(10);
      expect(messages.filter((m) => m.isRequest).length, language).toBe(6);
    }
  });

  it('detects the language of ≥ 90 % of the hold-out messages', () => {
    let right = 0;
    let total = 0;
    for (const [language, messages] of holdout) {
      const e = evaluate(messages, language);
      right += (e.languageAccuracy ?? 0) * messages.length;
      total += messages.length;
    }
    expect(right / total).toBeGreaterThanOrEqual(0.9);
  });
});
