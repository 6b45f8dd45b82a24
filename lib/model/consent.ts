import { z } from 'zod';
import { CONSENT_CHANNELS } from './enums';
import { Actor, HttpUrl, Id, Instant, RecordMeta, Sha256Hex, ShortText, UiLanguage } from './common';

/** A purpose consent is asked for, e.g. "newsletter". */
export const ConsentPurpose = RecordMeta.extend({
  key: z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be lower-case letters, digits and dashes'),
  name: ShortText,
  activityId: Id.optional(),
});
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;

/** One immutable version of a consent text; a changed text is a new version (Art. 7(1) proof). */
export const ConsentTextVersion = RecordMeta.extend({
  purposeId: Id,
  version: z.number().int().positive(),
  language: UiLanguage,
  text: z.string().trim().min(1, 'consent text must not be empty').max(20_000),
  sha256: Sha256Hex,
});
export type ConsentTextVersion = z.infer<typeof ConsentTextVersion>;

export const ConsentChannel = z.enum(CONSENT_CHANNELS);
export type ConsentChannel = z.infer<typeof ConsentChannel>;

/**
 * A consent given or withdrawn. History is never overwritten: a withdrawal is a new record
 * with `action: 'withdraw'` pointing at the consent it withdraws.
 */
export const ConsentRecord = RecordMeta.extend({
  subjectId: Id,
  purposeId: Id,
  action: z.enum(['give', 'withdraw']),
  textVersionId: Id.optional(),
  textSha256: Sha256Hex.optional(),
  language: UiLanguage,
  channel: ConsentChannel,
  at: Instant,
  evidence: z.object({
    ticketUrl: HttpUrl.optional(),
    quote: z.string().trim().max(5000).default(''),
  }),
  recordedBy: Actor,
  withdraws: Id.optional(),
}).superRefine((c, ctx) => {
  if (c.action === 'give' && (!c.textVersionId || !c.textSha256))
    ctx.addIssue({ code: 'custom', path: ['textVersionId'], message: 'a given consent must name the text version shown' });
  if (c.action === 'withdraw' && !c.withdraws)
    ctx.addIssue({ code: 'custom', path: ['withdraws'], message: 'a withdrawal must name the consent it withdraws' });
});
export type ConsentRecord = z.infer<typeof ConsentRecord>;
