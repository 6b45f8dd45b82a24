// Data-subject requests: flagging from a ticket, lifecycle transitions, queue queries.
import type { z } from 'zod';
import { normaliseEmail, type DataSubject, type RequestType, type SubjectRequest, type TicketContext } from '../model';
import { OPEN_STATUSES, ticketKey, type QueueFilters, type RequestEditFields, type TransitionFields } from '../model/request';
import { canTransition, NEEDS_REASON } from '../model/lifecycle';
import { ConflictError } from './errors';
import type { Repositories } from './repositories';
import type { WriteOp } from './store';
import { findSubjectByEmail, subjectForTicket } from './subjects';
import { sealedSubjectSearch } from './crypto/lookup';

/** Computes the Art. 12(3) deadline instant for a receipt instant (lib/law, with the organisation's calendar). */
export type DeadlineFn = (receivedAt: string, extended: boolean) => string;

// Kept exported from here too: callers found it here before subjects.ts existed.
export { findSubjectByEmail };

export async function findRequestByTicket(repos: Repositories, helpdesk: string, ticketId: string): Promise<SubjectRequest | undefined> {
  const matches = await repos.db.requests.where('ticketKey').equals(ticketKey(helpdesk, ticketId)).toArray();
  return matches.find((r) => !r.deletedAt);
}

export interface FlagInput {
  ticket: TicketContext;
  type: RequestType;
  /** Defaults to now. */
  receivedAt?: string;
  /** The e-mail the agent typed when the page did not show one. */
  email?: string;
}

/**
 * Creates the subject (or links the existing one by e-mail) and the request with the ticket as its
 * source, in one audited commit. Flagging the same ticket again returns the first request.
 */
export async function flagTicket(
  repos: Repositories,
  actor: string,
  input: FlagInput,
  deadline: DeadlineFn,
  defaultChecklist: readonly string[] = [],
): Promise<{ request: SubjectRequest; subject: DataSubject; created: boolean }> {
  const { ticket } = input;
  const existing = await findRequestByTicket(repos, ticket.helpdesk, ticket.ticketId);
  if (existing) return { request: existing, subject: await repos.subjects.require(existing.subjectId), created: false };

  const { subject, createOp } = await subjectForTicket(repos, ticket, input.email);
  const ops: WriteOp[] = createOp ? [createOp] : [];
  const receivedAt = input.receivedAt ?? repos.store.nowIso();
  const dueAt = deadline(receivedAt, false);
  const request = repos.requests.prepareCreate({
    subjectId: subject.id,
    type: input.type,
    status: 'received',
    receivedAt,
    dueAt,
    effectiveDueAt: dueAt,
    open: 1,
    ...(subject.language ? { language: subject.language } : {}),
    transitions: [{ to: 'received', at: receivedAt, actor, reason: `flagged from ${ticket.helpdesk} ticket ${ticket.ticketId}` }],
    checklist: defaultChecklist.map((system) => ({ system, done: false })),
    notes: '',
    source: { helpdesk: ticket.helpdesk, ticketId: ticket.ticketId, url: ticket.ticketUrl, subject: ticket.subject },
    ticketKey: ticketKey(ticket.helpdesk, ticket.ticketId),
  });
  ops.push(repos.requests.createOp(request, `${input.type} request`));
  await repos.store.commit(actor, ops, async (db) => {
    // Re-check inside the transaction: two flags of one ticket must not both create a request.
    const raced = await db.requests.where('ticketKey').equals(request.ticketKey!).count();
    if (raced > 0) throw new ConflictError('This ticket was flagged a moment ago');
  });
  return { request, subject, created: true };
}

export type TransitionInput = z.infer<typeof TransitionFields> & { requestId: string };

/** Moves a request along its lifecycle, refusing transitions the lifecycle does not allow. */
export async function transitionRequest(
  repos: Repositories,
  actor: string,
  input: TransitionInput,
  deadline: DeadlineFn,
  canExtend: (request: SubjectRequest, nowIso: string) => boolean,
): Promise<SubjectRequest> {
  const request = await repos.requests.require(input.requestId);
  if (!canTransition(request.status, input.to))
    throw new ConflictError(`A request that is "${request.status}" cannot become "${input.to}"`);
  const reason = input.reason?.trim();
  if (NEEDS_REASON.includes(input.to) && !reason) throw new ConflictError(`Moving a request to "${input.to}" needs a reason`);
  if (input.to === 'rejected' && !input.ground?.trim()) throw new ConflictError('A rejection must cite its legal ground (e.g. Art. 12(5) or Art. 17(3)(b))');
  const now = repos.store.nowIso();
  const patch: Partial<SubjectRequest> = {
    status: input.to,
    open: OPEN_STATUSES.includes(input.to) ? 1 : 0,
    transitions: [...request.transitions, { from: request.status, to: input.to, at: now, actor, ...(reason ? { reason } : {}) }],
  };
  if (input.to === 'extended') {
    if (!canExtend(request, now)) throw new ConflictError('The one-month period has ended: Art. 12(3) allows an extension only while it runs');
    if (!input.subjectToldOn) throw new ConflictError('Record the day the subject was told of the extension');
    const extendedDueAt = deadline(request.receivedAt, true);
    Object.assign(patch, { extendedDueAt, effectiveDueAt: extendedDueAt, extension: { reason: reason!, subjectToldOn: input.subjectToldOn, by: actor, at: now } });
  }
  if (input.to === 'rejected') patch.outcome = { ground: input.ground!.trim(), summary: reason ?? '' };
  return repos.requests.update(actor, request.id, patch);
}

export type QueueQuery = z.input<typeof QueueFilters> & {
  /** Only requests due on or before this instant (due soon / overdue). */
  dueBefore?: string;
};

/**
 * Requests for the queue, by deadline. Each query starts from the narrowest index — the requester's
 * requests, one type's, one status's, or the open ones — and only filters in JavaScript what that index
 * cannot answer, so the default view (open, by due date) counts and pages on the index alone.
 */
export async function queryQueue(repos: Repositories, q: QueueQuery): Promise<{ total: number; items: SubjectRequest[] }> {
  const { requests } = repos.db;
  const upper = q.dueBefore ?? '\uffff';
  const offset = q.offset ?? 0;
  const limit = q.limit ?? 50;
  const wantOpen = q.status === undefined || q.status === 'open';
  const statusOk = (r: SubjectRequest) => (wantOpen ? r.open === 1 : r.status === q.status);
  const rest = (r: SubjectRequest) =>
    !r.deletedAt && statusOk(r) && (!q.type || r.type === q.type) && (!q.helpdesk || r.source?.helpdesk === q.helpdesk) && r.effectiveDueAt <= upper;

  if (q.subjectId || q.search?.trim()) {
    // A person has few requests: fetch theirs and sort in memory.
    const ids = q.subjectId ? [q.subjectId] : [...(await searchSubjects(repos, q.search!))];
    const rows = (await requests.where('subjectId').anyOf(ids).toArray()).filter(rest).sort((a, b) => a.effectiveDueAt.localeCompare(b.effectiveDueAt));
    return { total: q.countCap === undefined ? rows.length : Math.min(rows.length, q.countCap + 1), items: rows.slice(offset, offset + limit) };
  }
  const base = q.type
    ? requests.where('[type+effectiveDueAt]').between([q.type, ''], [q.type, upper], true, true)
    : wantOpen
      ? requests.where('[open+effectiveDueAt]').between([1, ''], [1, upper], true, true)
      : requests.where('[status+effectiveDueAt]').between([q.status!, ''], [q.status!, upper], true, true);
  // Soft-deleted requests are never in the open index (Repositories' soft-delete rules).
  const needsFilter = !!q.type || !!q.helpdesk || !wantOpen;
  const collection = needsFilter ? base.filter(rest) : base;
  const items = await collection.clone().offset(offset).limit(limit).toArray();
  const total =
    q.withTotal === false
      ? -1
      : q.countCap === undefined
        ? await collection.clone().count()
        : (await collection.clone().limit(q.countCap + 1).primaryKeys()).length;
  return { total, items };
}

/** Subjects whose e-mail or name starts with the search text (case-insensitive). */
export async function searchSubjects(repos: Repositories, text: string): Promise<Set<string>> {
  // With the passphrase lock on, the indexes hold keyed hashes: whole e-mails and whole name words only.
  const sealed = sealedSubjectSearch(repos.db, text);
  if (sealed) return sealed;
  const needle = text.trim().toLowerCase();
  const byEmail = await repos.db.subjects.where('emails').startsWith(needle).primaryKeys();
  const byName = await repos.db.subjects.where('names').startsWithIgnoreCase(text.trim()).primaryKeys();
  return new Set([...byEmail, ...byName].map(String));
}

/**
 * Open requests due on or before `before` (the toolbar badge), counted up to `cap`: a badge shows at
 * most four characters, and counting tens of thousands of overdue requests on every change costs a
 * second in Chromium, so past the cap the badge says "99+".
 */
export async function countDueBefore(repos: Repositories, before: string, cap = Infinity): Promise<number> {
  const range = repos.db.requests.where('[open+effectiveDueAt]').between([1, ''], [1, before], true, true);
  return cap === Infinity ? range.count() : (await range.limit(cap).primaryKeys()).length;
}

export type RequestEdit = z.infer<typeof RequestEditFields> & { requestId: string };

/** Edits the parts of a request that are not its lifecycle: identity check, checklist, notes, outcome. */
export async function editRequest(repos: Repositories, actor: string, edit: RequestEdit): Promise<SubjectRequest> {
  const request = await repos.requests.require(edit.requestId);
  const now = repos.store.nowIso();
  const patch: Partial<SubjectRequest> = {};
  if (edit.identity) patch.identity = { ...edit.identity, by: actor, at: now };
  if (edit.checklist) {
    const { system, done, note } = edit.checklist;
    const item = { system, done, ...(done ? { by: actor, at: now } : {}), ...(note ? { note } : {}) };
    const exists = request.checklist.some((c) => c.system === system);
    patch.checklist = exists ? request.checklist.map((c) => (c.system === system ? item : c)) : [...request.checklist, item];
  }
  if (edit.removeChecklistItem) patch.checklist = (patch.checklist ?? request.checklist).filter((c) => c.system !== edit.removeChecklistItem);
  if (edit.notes !== undefined) patch.notes = edit.notes;
  if (edit.outcome) patch.outcome = { summary: edit.outcome.summary, ...(edit.outcome.ground?.trim() ? { ground: edit.outcome.ground.trim() } : {}) };
  return repos.requests.update(actor, request.id, patch);
}
