import { z } from 'zod';
import { Email, RecordMeta, ShortText, UiLanguage } from './common';
import { HelpdeskKind } from './helpdesk';

/** A data subject (Art. 4(1)): the person a request, consent or event is about. */
export const DataSubject = RecordMeta.extend({
  /** Normalised (trimmed, lower case); the first is the primary address. */
  emails: z.array(Email).max(20),
  names: z.array(ShortText).max(20),
  /** Ids the subject has in each helpdesk (contact / requester ids). */
  helpdeskContacts: z.array(z.object({ helpdesk: HelpdeskKind, contactId: ShortText })).max(50).default([]),
  language: UiLanguage.optional(),
  /** Set when an erasure replaced the identifiers by a keyed hash. */
  erasedAt: z.iso.datetime().optional(),
}).refine((s) => s.emails.length > 0 || s.names.length > 0 || s.erasedAt, {
  message: 'a data subject needs at least an e-mail or a name',
  path: ['emails'],
});
export type DataSubject = z.infer<typeof DataSubject>;
