// What the classifier returns. A zod schema because the content script sends results to the
// background and side panel: the receiving end validates them like any other message.
import { z } from 'zod';
import { DetectLanguage } from '../model/common';
import { REQUEST_TYPES, RequestType } from '../model/request';

/**
 * Why a phrase counted: a request type (the phrase points at that right), or context that makes a
 * request more likely (the writer's own personal data, a legal reference, formal request wording),
 * or `not-request` (a look-alike: a duplicate ticket, a report export, a question about GDPR).
 */
export const EVIDENCE_SIGNALS = [...REQUEST_TYPES, 'personal-data', 'legal-reference', 'request-wording', 'not-request'] as const;
export const EvidenceSignal = z.enum(EVIDENCE_SIGNALS);
export type EvidenceSignal = z.infer<typeof EvidenceSignal>;

/** A phrase exactly as it stands in the input: `text.slice(start, end) === phrase` (UTF-16 offsets). */
export const Evidence = z
  .object({
    phrase: z.string().min(1),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    signal: EvidenceSignal,
  })
  .refine((e) => e.end > e.start, 'evidence must span at least one character');
export type Evidence = z.infer<typeof Evidence>;

/** At most this many phrases are reported: enough to explain a decision, small enough to message. */
export const MAX_EVIDENCE = 24;

const DetectionFields = z.object({
  isRequest: z.boolean(),
  /** Present exactly when `isRequest`. */
  type: RequestType.optional(),
  /** The language the phrases were matched in; undefined when the text is too short to tell. */
  language: DetectLanguage.optional(),
  /**
   * Estimated probability that the message is a data-subject request (not "certainty of the
   * verdict"): `isRequest` ⇔ `confidence >= 0.5`, so a UI may use its own, stricter threshold.
   */
  confidence: z.number().min(0).max(1),
  evidence: z.array(Evidence).max(MAX_EVIDENCE),
});

function consistent<T extends { isRequest: boolean; type?: unknown; confidence: number }>(schema: z.ZodType<T>) {
  return schema
    .refine((r) => r.isRequest === (r.type !== undefined), 'type is set exactly when isRequest is true')
    .refine((r) => r.isRequest === r.confidence >= 0.5, 'isRequest must agree with confidence >= 0.5');
}

export const DetectionResult = consistent(DetectionFields);
export type DetectionResult = z.infer<typeof DetectionResult>;

/**
 * The strongest result among a ticket's customer messages. `messageIndex` says which message the
 * evidence offsets refer to; it is absent when the ticket has no customer message.
 */
export const TicketDetectionResult = consistent(DetectionFields.extend({ messageIndex: z.number().int().nonnegative().optional() }));
export type TicketDetectionResult = z.infer<typeof TicketDetectionResult>;

export const ClassifyOptions = z.object({
  /** Skip language detection, e.g. when the helpdesk already knows the customer's language. */
  language: DetectLanguage.optional(),
});
export type ClassifyOptions = z.infer<typeof ClassifyOptions>;
