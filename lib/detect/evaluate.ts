// Scores the classifier against labelled messages (test/fixtures/detect/*.jsonl). Shared by the
// unit tests and bench/detect.ts so both report the same numbers; not exported from index.ts, so
// the content script does not carry it.
import { z } from 'zod';
import { DetectLanguage } from '../model/common';
import { REQUEST_TYPES, RequestType } from '../model/request';
import { classify } from './classify';
import { detectLanguage } from './language';
import type { DetectionResult } from './result';

/** One line of a corpus file. */
export const LabelledMessage = z
  .object({
    id: z.string().min(1),
    text: z.string().min(1),
    isRequest: z.boolean(),
    type: RequestType.optional(),
    /** Other rights the same message also asks for; informative: predicting `type` is exact. */
    alsoTypes: z.array(RequestType).optional(),
    /** Blind corpora (test/fixtures/detect-blind/): "tune" may inform the classifier, "blind" never. */
    split: z.enum(['tune', 'blind']).optional(),
  })
  .refine((m) => m.isRequest === (m.type !== undefined), 'a request needs a type, a non-request must not have one')
  .refine((m) => m.isRequest || m.alsoTypes === undefined, 'a non-request has no further types');
export type LabelledMessage = z.infer<typeof LabelledMessage>;

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}
export interface PrecisionRecall extends Counts {
  /** 1 when nothing was predicted positive (no false alarms possible). */
  precision: number;
  /** 1 when nothing was actually positive. */
  recall: number;
}

export interface Mistake {
  id: string;
  expected: string;
  got: string;
  result: DetectionResult;
}

export interface Evaluation {
  n: number;
  isRequest: PrecisionRecall;
  /** Share of true requests that were detected with the right type. */
  typeAccuracy: number;
  /** Share of all messages answered exactly: a request with its main type, or a look-alike left alone. */
  exact: number;
  /** Share of look-alikes (non-requests) wrongly flagged as requests. */
  falseFlagRate: number;
  perType: Record<RequestType, PrecisionRecall>;
  /** Share of messages whose detected language is `language` (only when a language was given). */
  languageAccuracy?: number;
  mistakes: Mistake[];
}

function ratio(num: number, den: number): number {
  return den === 0 ? 1 : num / den;
}

function score(c: Counts): PrecisionRecall {
  return { ...c, precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn) };
}

const label = (isRequest: boolean, type: RequestType | undefined): string => (isRequest ? `request:${type}` : 'not-request');

export function evaluate(
  messages: readonly LabelledMessage[],
  language?: DetectLanguage,
  classifier: (text: string) => DetectionResult = classify,
): Evaluation {
  const req: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const perType = Object.fromEntries(REQUEST_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0, tn: 0 }])) as Record<RequestType, Counts>;
  let typedRight = 0;
  let requests = 0;
  let languageRight = 0;
  let exact = 0;
  const mistakes: Mistake[] = [];
  for (const m of messages) {
    const result = classifier(m.text);
    if (language && detectLanguage(m.text) === language) languageRight += 1;
    if (m.isRequest && result.isRequest) req.tp += 1;
    else if (!m.isRequest && result.isRequest) req.fp += 1;
    else if (m.isRequest) req.fn += 1;
    else req.tn += 1;
    if (m.isRequest) {
      requests += 1;
      if (result.type === m.type) typedRight += 1;
    }
    for (const t of REQUEST_TYPES) {
      const actual = m.type === t;
      const predicted = result.type === t;
      const c = perType[t];
      if (actual && predicted) c.tp += 1;
      else if (predicted) c.fp += 1;
      else if (actual) c.fn += 1;
      else c.tn += 1;
    }
    if (m.isRequest === result.isRequest && m.type === result.type) exact += 1;
    else {
      mistakes.push({ id: m.id, expected: label(m.isRequest, m.type), got: label(result.isRequest, result.type), result });
    }
  }
  return {
    n: messages.length,
    isRequest: score(req),
    typeAccuracy: ratio(typedRight, requests),
    exact: ratio(exact, messages.length),
    falseFlagRate: 1 - ratio(req.tn, req.tn + req.fp),
    perType: Object.fromEntries(REQUEST_TYPES.map((t) => [t, score(perType[t])])) as Record<RequestType, PrecisionRecall>,
    ...(language ? { languageAccuracy: ratio(languageRight, messages.length) } : {}),
    mistakes,
  };
}

/** Parses a JSONL corpus; a bad line throws naming its line number. */
export function parseCorpus(jsonl: string, source = 'corpus'): LabelledMessage[] {
  const out: LabelledMessage[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = LabelledMessage.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${source}:${i + 1}: ${parsed.error.issues.map((x) => x.message).join('; ')}`);
    out.push(parsed.data);
  });
  return out;
}
