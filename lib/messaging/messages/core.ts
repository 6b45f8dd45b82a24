// Core messages: the overlay's and the queue's.
import { z } from 'zod';
import { Email, Id, Instant, UiLanguage } from '../../model/common';
import { TicketContext } from '../../model/helpdesk';
import { QueueFilters, RequestEditFields, RequestStatus, RequestType, SubjectRequest, TransitionFields } from '../../model/request';
import { OrganisationProfile } from '../../model/organisation';
import { DataSubject } from '../../model/subject';
import { SubjectExport } from '../../model/subject-export';
import { ConsentChannel } from '../../model/consent';
import { EventType } from '../../model/event';
import { MessageAuthor } from '../../model/helpdesk';
import { TicketDetectionResult } from '../../detect/result';
import { CLASSIFY_MAX_MESSAGE_CHARS, CLASSIFY_MAX_MESSAGES } from '../../detect/bounds';

import { ANYONE, PAGES, def } from '../define';

export const SubjectSummary = z.object({
  subjectId: Id.optional(),
  openRequests: z.array(z.object({ id: Id, type: RequestType, status: RequestStatus, effectiveDueAt: Instant })),
  consents: z.object({ given: z.number().int(), withdrawn: z.number().int() }),
  /** The request already flagged from this very ticket, if any. */
  ticketRequestId: Id.optional(),
});
export type SubjectSummary = z.infer<typeof SubjectSummary>;

/** This browser's user's settings. */
export const Settings = z.object({ actorName: z.string(), badgeDays: z.number().int(), reminderLeadDays: z.array(z.number().int()) });
export type Settings = z.infer<typeof Settings>;

export const VerifyResult = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    entries: z.number().int(),
    head: z.string(),
    records: z.number().int().optional(),
    /** The keyed checkpoint (lib/audit/seal.ts): off without the lock; `upTo` the entry it seals. */
    keyed: z.discriminatedUnion('state', [z.object({ state: z.literal('off') }), z.object({ state: z.enum(['locked', 'checked']), upTo: z.number().int().nonnegative() })]).optional(),
  }),
  z.object({ ok: z.literal(false), entries: z.number().int(), brokenAt: z.number().int(), reason: z.string() }),
]);
/** A verification with the instant it ran. */
export const DatedVerifyResult = z.intersection(VerifyResult, z.object({ at: Instant }));

export const CORE_MESSAGES = {
  // — overlay (content script) —
  'overlay.lookup': def(ANYONE, z.object({ email: Email.optional(), helpdesk: z.string().max(40), ticketId: z.string().max(200) }), SubjectSummary),
  'overlay.flag': def(
    ANYONE,
    z.object({ ticket: TicketContext, type: RequestType, email: Email.optional() }),
    z.object({ requestId: Id, subjectId: Id, created: z.boolean(), effectiveDueAt: Instant }),
  ),
  'overlay.recordConsent': def(
    ANYONE,
    z.object({ ticket: TicketContext, purposeId: Id, quote: z.string().max(5000), channel: ConsentChannel, email: Email.optional() }),
    z.object({ consentId: Id }),
  ),
  'overlay.logEvent': def(
    ANYONE,
    z.object({ ticket: TicketContext, activityId: Id, type: EventType, description: z.string().max(5000), email: Email.optional() }),
    z.object({ eventId: Id }),
  ),
  'overlay.choices': def(
    ANYONE,
    z.object({}),
    z.object({
      purposes: z.array(z.object({ id: Id, name: z.string() })),
      activities: z.array(z.object({ id: Id, name: z.string() })),
      locked: z.boolean(),
    }),
  ),
  /** The classifier runs in the background: its tables stay out of the helpdesk page, and a long thread never blocks the tab. */
  'overlay.classify': def(
    ANYONE,
    z.object({ messages: z.array(z.object({ author: MessageAuthor, text: z.string().max(CLASSIFY_MAX_MESSAGE_CHARS) })).max(CLASSIFY_MAX_MESSAGES) }),
    TicketDetectionResult,
    // Classifies the text the overlay sends; reads nothing stored.
    { whileLocked: true },
  ),
  'overlay.openSidePanel': def(ANYONE, z.object({ subjectId: Id.optional(), breachId: Id.optional() }), z.object({ opened: z.boolean() }), { whileLocked: true }),

  // — extension pages —
  'organisation.get': def(PAGES, z.object({}), OrganisationProfile.nullable(), { whileLocked: true }),
  'organisation.save': def(PAGES, z.object({ profile: z.unknown() }), OrganisationProfile),
  'requests.query': def(
    PAGES,
    QueueFilters.extend({ dueWithinDays: z.number().int().min(-36500).max(36500).optional() }),
    z.object({ total: z.number().int().min(-1), items: z.array(SubjectRequest), subjects: z.record(z.string(), DataSubject) }),
  ),
  'requests.get': def(PAGES, z.object({ id: Id }), z.object({ request: SubjectRequest, subject: DataSubject })),
  'requests.transition': def(PAGES, TransitionFields.extend({ id: Id }), SubjectRequest),
  'requests.edit': def(
    PAGES,
    RequestEditFields.extend({ id: Id }),
    SubjectRequest,
  ),
  'subjects.export': def(PAGES, z.object({ subjectId: Id }), SubjectExport),
  'subjects.erase': def(PAGES, z.object({ subjectId: Id, confirm: z.literal(true) }), DataSubject),
  'audit.verify': def(
    PAGES,
    z.object({
      /** A head kept outside the browser (exported earlier): the log must still hold it. */
      kept: z.object({ entries: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be the 64-character hash of a kept head') }).optional(),
      /** Only what follows the last verified head (fast on a long log); the records are not re-read. */
      routine: z.boolean().optional(),
    }),
    VerifyResult,
    // The audit chain holds no personal data.
    { whileLocked: true },
  ),
  /** The last verification and the chain's length: verifying a million entries takes a minute. */
  'audit.status': def(PAGES, z.object({}), z.object({ entries: z.number().int(), last: DatedVerifyResult.nullable() }), { whileLocked: true }),
  'settings.get': def(PAGES, z.object({}), Settings, { whileLocked: true }),
  'settings.save': def(
    PAGES,
    z.object({
      actorName: z.string().trim().min(1).max(200).optional(),
      badgeDays: z.number().int().min(1).max(60).optional(),
      reminderLeadDays: z.array(z.number().int().min(0).max(60)).max(5).optional(),
    }),
    Settings,
  ),
} as const;
