import { z } from 'zod';
import { Actor, HttpUrl, Id, Instant, LocalDate, LongText, RecordMeta, ShortText, UiLanguage } from './common';
import { HelpdeskKind } from './helpdesk';
import { REQUEST_ARTICLE, REQUEST_TYPES } from './enums';

/** Data-subject request types and the article that grants each right. */
export { REQUEST_ARTICLE, REQUEST_TYPES };
export const RequestType = z.enum(REQUEST_TYPES);
export type RequestType = z.infer<typeof RequestType>;

export const REQUEST_STATUSES = ['received', 'identity-verification', 'in-progress', 'extended', 'completed', 'rejected', 'withdrawn'] as const;
export const RequestStatus = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof RequestStatus>;
export const OPEN_STATUSES: readonly RequestStatus[] = ['received', 'identity-verification', 'in-progress', 'extended'];

export const Transition = z.object({
  from: RequestStatus.optional(),
  to: RequestStatus,
  at: Instant,
  actor: Actor,
  reason: z.string().trim().max(2000).optional(),
  /**
   * Set on a transition another team member made concurrently that lost: the request had already
   * moved on when it arrived (lib/sync/merge.ts). Kept in the history, never applied.
   */
  conflict: z.string().max(500).optional(),
});
export type Transition = z.infer<typeof Transition>;

/** How the requester's identity was verified (Art. 12(6)). */
export const IdentityMethod = z.enum(['email-match', 'account-login', 'id-document', 'known-contact', 'other']);
export type IdentityMethod = z.infer<typeof IdentityMethod>;

export const IdentityVerification = z.object({
  method: IdentityMethod,
  evidence: z.string().trim().max(2000),
  by: Actor,
  at: Instant,
});

export const ChecklistItem = z.object({
  system: ShortText,
  done: z.boolean(),
  by: Actor.optional(),
  at: Instant.optional(),
  note: z.string().trim().max(1000).optional(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const SourceTicket = z.object({
  helpdesk: HelpdeskKind,
  ticketId: ShortText,
  url: HttpUrl,
  subject: z.string().trim().max(1000).optional(),
});
export type SourceTicket = z.infer<typeof SourceTicket>;

/** A data-subject request (Arts. 12–22) with its deadline per Art. 12(3). */
export const SubjectRequest = RecordMeta.extend({
  subjectId: Id,
  type: RequestType,
  status: RequestStatus,
  receivedAt: Instant,
  /** End of the one-month period, as an instant (see lib/law). */
  dueAt: Instant,
  /** Set when extended by two further months (Art. 12(3)); requires `extension`. */
  extendedDueAt: Instant.optional(),
  extension: z.object({ reason: z.string().trim().min(1, 'an extension needs a reason'), subjectToldOn: LocalDate, by: Actor, at: Instant }).optional(),
  /** The deadline in force: `extendedDueAt ?? dueAt`; indexed for the queue and the badge. */
  effectiveDueAt: Instant,
  /** 1 while open, 0 when closed: lets one compound index answer "open, by due date". */
  open: z.union([z.literal(0), z.literal(1)]),
  language: UiLanguage.optional(),
  transitions: z.array(Transition).min(1, 'a request has at least its receipt transition'),
  identity: IdentityVerification.optional(),
  checklist: z.array(ChecklistItem).default([]),
  notes: LongText.default(''),
  outcome: z
    .object({
      /** Legal ground of a rejection or partial refusal, e.g. "Art. 17(3)(b)". */
      ground: z.string().trim().max(200).optional(),
      summary: z.string().trim().max(5000),
    })
    .optional(),
  source: SourceTicket.optional(),
  /** `helpdesk:ticketId`, indexed so a second flag of the same ticket finds the first. */
  ticketKey: z.string().max(300).optional(),
});
export type SubjectRequest = z.infer<typeof SubjectRequest>;

export function ticketKey(helpdesk: string, ticketId: string): string {
  return `${helpdesk}:${ticketId}`;
}

/** A move along the lifecycle, as the side panel asks for it (`requests.transition` adds the request's id). */
export const TransitionFields = z.object({
  to: RequestStatus,
  reason: z.string().max(2000).optional(),
  /** For `extended`: the day the subject was told (Art. 12(3): within the first month). */
  subjectToldOn: LocalDate.optional(),
  /** For `rejected` or a partial refusal: the legal ground, e.g. "Art. 17(3)(b)". */
  ground: z.string().max(200).optional(),
});

/** What the side panel may change on a request (`requests.edit` adds the request's id). */
export const RequestEditFields = z.object({
  /** Identity verification (Art. 12(6)): how, with what evidence. */
  identity: z.object({ method: IdentityMethod, evidence: z.string().trim().min(1).max(2000) }).optional(),
  /** Tick or untick one system of the checklist; a new system name adds an item. */
  checklist: z.object({ system: z.string().trim().min(1).max(500), done: z.boolean(), note: z.string().max(1000).optional() }).optional(),
  removeChecklistItem: z.string().max(500).optional(),
  notes: z.string().max(20_000).optional(),
  /** Outcome summary and, for a partial refusal, its legal ground (e.g. Art. 17(3)(b)). */
  outcome: z.object({ summary: z.string().max(5000), ground: z.string().max(200).optional() }).optional(),
});

/** The queue's filters and page (`requests.query` adds `dueWithinDays`, which the background turns into `dueBefore`). */
export const QueueFilters = z.object({
  status: z.union([RequestStatus, z.literal('open')]).optional(),
  type: RequestType.optional(),
  helpdesk: z.string().max(40).optional(),
  search: z.string().max(200).optional(),
  subjectId: Id.optional(),
  /** Skip counting the total: the side panel paints the first page first and asks for the count after. */
  withTotal: z.boolean().optional(),
  /**
   * Count at most this many (the answer is then `countCap + 1` for "more"). Chromium counts an index
   * range at roughly 15 µs an entry and a long count blocks other reads, so the side panel counts
   * what it can show and grows the cap as the DPO scrolls.
   */
  countCap: z.number().int().min(1).max(1_000_000).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
