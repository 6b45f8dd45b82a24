// The processing-event log: what was done with personal data, under which activity of the
// register, for whom and from which ticket. Events are appended, never edited: they are the evidence
// the controller keeps to demonstrate compliance (Art. 5(2), Art. 24(1)).
import type { EventType, ProcessingEvent } from '../model/event';
import type { SourceTicket } from '../model/request';
import type { TicketContext } from '../model/helpdesk';
import { ConflictError } from './errors';
import type { Repositories } from './repositories';
import type { WriteOp } from './store';
import { assertStillUnknown, findSubjectByEmail, subjectForTicket } from './subjects';

export interface EventInput {
  type: EventType;
  activityId: string;
  subjectId?: string;
  ticket?: SourceTicket;
  recipient?: string;
  description?: string;
  /** When it happened; defaults to now. */
  at?: string;
}

export function sourceOf(ticket: TicketContext): SourceTicket {
  return { helpdesk: ticket.helpdesk, ticketId: ticket.ticketId, url: ticket.ticketUrl, ...(ticket.subject ? { subject: ticket.subject } : {}) };
}

/** Validates an event against a live activity, without writing: for commits that write more. */
export async function prepareEvent(
  repos: Repositories,
  actor: string,
  input: EventInput,
  /** The subject is created in the same commit, so it is not in the table yet. */
  subjectIsNew = false,
): Promise<{ event: ProcessingEvent; op: WriteOp }> {
  const activity = await repos.activities.require(input.activityId);
  if (activity.deletedAt) throw new ConflictError(`The activity "${activity.name}" was deleted; restore it first`);
  if (input.subjectId && !subjectIsNew) await repos.subjects.require(input.subjectId);
  const event = repos.events.prepareCreate({
    type: input.type,
    activityId: input.activityId,
    ...(input.subjectId ? { subjectId: input.subjectId } : {}),
    ...(input.ticket ? { ticket: input.ticket } : {}),
    ...(input.recipient?.trim() ? { recipient: input.recipient.trim() } : {}),
    description: input.description ?? '',
    actor,
    at: input.at ?? repos.store.nowIso(),
  });
  return { event, op: repos.events.createOp(event, `${event.type} under activity ${event.activityId}`) };
}

export async function logEvent(repos: Repositories, actor: string, input: EventInput): Promise<ProcessingEvent> {
  const { event, op } = await prepareEvent(repos, actor, input);
  await repos.store.commit(actor, [op]);
  return event;
}

/**
 * An event from the overlay: linked to the ticket and, when the ticket (or the agent) gives an e-mail,
 * to that person's subject — created in the same commit if they are new.
 */
export async function logEventFromTicket(
  repos: Repositories,
  actor: string,
  input: { ticket: TicketContext; activityId: string; type: EventType; description: string; email?: string },
): Promise<ProcessingEvent> {
  const email = input.email ?? input.ticket.requesterEmail;
  const found = email ? await subjectForTicket(repos, input.ticket, email) : undefined;
  const { event, op } = await prepareEvent(
    repos,
    actor,
    {
      type: input.type,
      activityId: input.activityId,
      ...(found ? { subjectId: found.subject.id } : {}),
      ticket: sourceOf(input.ticket),
      description: input.description,
    },
    !!found?.createOp,
  );
  const ops = found?.createOp ? [found.createOp, op] : [op];
  await repos.store.commit(actor, ops, found?.createOp ? (db) => assertStillUnknown(db, found.subject) : undefined);
  return event;
}

export interface EventQuery {
  activityId?: string;
  /** The subject's e-mail (any of their addresses). */
  email?: string;
  /** Instants, inclusive. */
  from?: string;
  to?: string;
  type?: EventType;
  offset?: number;
  limit?: number;
}

/** Events newest first, filtered; walks the `at` index and filters the rest in the cursor. */
export async function queryEvents(repos: Repositories, q: EventQuery): Promise<{ total: number; items: ProcessingEvent[] }> {
  let subjectId: string | undefined;
  if (q.email?.trim()) {
    subjectId = (await findSubjectByEmail(repos, q.email))?.id;
    if (!subjectId) return { total: 0, items: [] };
  }
  const collection = repos.db.events
    .where('at')
    .between(q.from ?? '', q.to ?? '\uffff', true, true)
    .reverse()
    .filter((e) => !e.deletedAt && (!q.activityId || e.activityId === q.activityId) && (!subjectId || e.subjectId === subjectId) && (!q.type || e.type === q.type));
  const total = await collection.clone().count();
  const items = await collection
    .offset(q.offset ?? 0)
    .limit(q.limit ?? 100)
    .toArray();
  return { total, items };
}
