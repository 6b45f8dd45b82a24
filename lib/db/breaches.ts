// The breach register (Art. 33(5) GDPR): reporting (from a ticket or by hand), editing the facts,
// the decision whether to notify, the authority's phases (Art. 33(4)), the lifecycle, and the queries
// the Breaches tab, the badge and the warnings run. Every write goes through the audited Store.
import { z } from 'zod';
import { type Breach, BreachFields, BREACH_NEEDS_REASON, canTransitionBreach, CLOCK_STATUSES, type BreachStatus, type NotificationPhase } from '../model/breach';
import type { TicketContext } from '../model/helpdesk';
import { ticketKey } from '../model/request';
import { parseOrThrow } from '../model/errors';
import { addElapsedHours, BREACH_NOTIFICATION_HOURS, BREACH_WARNING_HOURS } from '../law/breach-deadline';
import { ConflictError } from './errors';
import type { Repositories } from './repositories';
import { sourceOf } from './events';

export async function findBreachByTicket(repos: Repositories, helpdesk: string, ticketId: string): Promise<Breach | undefined> {
  const matches = await repos.db.breaches.where('ticketKey').equals(ticketKey(helpdesk, ticketId)).toArray();
  return matches.find((b) => !b.deletedAt);
}

export interface ReportInput {
  title?: string;
  /** When the organisation became aware; defaults to now. */
  awareAt?: string;
  ticket?: TicketContext;
  reporter?: 'agent' | 'processor' | 'staff' | 'other';
  how?: string;
  /** The supervisory authority the organisation answers to (its profile), pre-filled for the notification. */
  authorityName?: string;
}

/**
 * Opens a draft breach with the 72-hour clock running from `awareAt`. Reported from a ticket, the ticket is
 * its evidence and the agent its reporter; the same ticket reported again returns the first breach.
 */
export async function reportBreach(repos: Repositories, actor: string, input: ReportInput): Promise<{ breach: Breach; created: boolean }> {
  const { ticket } = input;
  if (ticket) {
    const existing = await findBreachByTicket(repos, ticket.helpdesk, ticket.ticketId);
    if (existing) return { breach: existing, created: false };
  }
  const now = repos.store.nowIso();
  const awareAt = new Date(input.awareAt ?? now).toISOString();
  const breach = repos.breaches.prepareCreate({
    title: input.title?.trim() || (ticket ? `Possible breach — ${ticket.helpdesk} ticket ${ticket.ticketId}${ticket.subject ? `: ${ticket.subject}` : ''}`.slice(0, 500) : 'Possible breach'),
    awareAt,
    dueAt: addElapsedHours(awareAt, BREACH_NOTIFICATION_HOURS),
    open: 1,
    awareness: { how: input.how ?? (ticket ? 'Reported by an agent from a helpdesk ticket' : ''), reporter: input.reporter ?? (ticket ? 'agent' : 'staff'), reporterName: actor },
    ...(input.authorityName ? { authority: { name: input.authorityName, phases: [] } } : {}),
    status: 'reported',
    transitions: [{ to: 'reported', at: now, actor, reason: ticket ? `reported from ${ticket.helpdesk} ticket ${ticket.ticketId}` : 'reported' }],
    ...(ticket ? { source: sourceOf(ticket), ticketKey: ticketKey(ticket.helpdesk, ticket.ticketId) } : {}),
  });
  await repos.store.commit(actor, [repos.breaches.createOp(breach, 'breach reported')], async (db) => {
    // Re-checked inside the transaction: two clicks on one ticket must not open two breaches.
    if (breach.ticketKey && (await db.breaches.where('ticketKey').equals(breach.ticketKey).count()) > 0) throw new ConflictError('This ticket was reported a moment ago');
  });
  return { breach, created: true };
}

/** The facts a user may edit; lifecycle, clock and decision have their own functions. */
export const BreachEdit = BreachFields.pick({
  title: true,
  occurred: true,
  awareAt: true,
  awareness: true,
  processor: true,
  natures: true,
  kind: true,
  description: true,
  affected: true,
  consequences: true,
  risk: true,
  measures: true,
  delayReasons: true,
  communication: true,
  subjectLanguage: true,
  notes: true,
})
  .extend({ authority: z.object({ name: z.string().trim().max(300), reference: z.string().trim().max(200).optional() }) })
  .partial();
export type BreachEdit = z.input<typeof BreachEdit>;

/** Edits the facts; a new awareness time moves the deadline with it. Linked activities and subprocessors must exist. */
export async function editBreach(repos: Repositories, actor: string, id: string, edit: unknown): Promise<Breach> {
  const patch = parseOrThrow(BreachEdit, edit, 'breach');
  const breach = await repos.breaches.require(id);
  const next: Partial<Breach> = { ...patch } as Partial<Breach>;
  if (patch.authority) next.authority = { ...breach.authority, name: patch.authority.name, ...(patch.authority.reference ? { reference: patch.authority.reference } : {}) };
  if (patch.awareAt) next.dueAt = addElapsedHours(patch.awareAt, BREACH_NOTIFICATION_HOURS);
  if (patch.affected) {
    const missing = [
      ...(await repos.db.activities.bulkGet(patch.affected.activityIds ?? [])).flatMap((a, i) => (a && !a.deletedAt ? [] : [patch.affected!.activityIds![i]])),
      ...(await repos.db.subprocessors.bulkGet(patch.affected.subprocessorIds ?? [])).flatMap((s, i) => (s && !s.deletedAt ? [] : [patch.affected!.subprocessorIds![i]])),
    ];
    if (missing.length) throw new ConflictError(`Linked records no longer exist (deleted?): ${missing.join(', ')}`);
  }
  return repos.breaches.update(actor, id, next);
}

function moved(breach: Breach, to: BreachStatus, actor: string, at: string, reason?: string): Partial<Breach> {
  if (!canTransitionBreach(breach.status, to)) throw new ConflictError(`A breach that is "${breach.status}" cannot become "${to}"`);
  return {
    status: to,
    open: CLOCK_STATUSES.includes(to) ? 1 : 0,
    transitions: [...breach.transitions, { from: breach.status, to, at, actor, ...(reason ? { reason } : {}) }],
  };
}

/** Moves a breach along its lifecycle (assessing, closed, dismissed); notifying has its own step. */
export async function transitionBreach(repos: Repositories, actor: string, id: string, to: BreachStatus, reason?: string): Promise<Breach> {
  const breach = await repos.breaches.require(id);
  const why = reason?.trim();
  if (BREACH_NEEDS_REASON.includes(to) && !why) throw new ConflictError(`Moving a breach to "${to}" needs a reason`);
  if (to === 'notified' && !breach.authority.phases.some((p) => p.phase === 'initial')) throw new ConflictError('Record the initial notification to the authority first');
  return repos.breaches.update(actor, id, moved(breach, to, actor, repos.store.nowIso(), why));
}

/**
 * The decision whether to notify the authority, with its reasons — kept even when not notifying (Art. 33(5)).
 * Not notifying stops the clock at once; notifying stops it when the initial notification is recorded.
 */
export async function decideBreach(repos: Repositories, actor: string, id: string, decision: { notifyAuthority: boolean; reasons: string }): Promise<Breach> {
  const breach = await repos.breaches.require(id);
  const now = repos.store.nowIso();
  const reasons = decision.reasons.trim();
  if (!reasons) throw new ConflictError('Give the reasons for the decision: they are kept even when the authority is not notified (Art. 33(5))');
  const patch: Partial<Breach> = { decision: { notifyAuthority: decision.notifyAuthority, reasons, by: actor, at: now } };
  if (!decision.notifyAuthority && breach.status !== 'not-notified') Object.assign(patch, moved(breach, 'not-notified', actor, now, reasons));
  return repos.breaches.update(actor, id, patch);
}

export type PhaseInput = Pick<NotificationPhase, 'phase' | 'at'> & { channel?: string; reference?: string; summary?: string };

/**
 * Records a submission to the authority (Art. 33(4): the information may come in phases). The initial one
 * needs a decision to notify, the reasons for any delay past 72 hours (Art. 33(1)), and stops the clock.
 */
export async function recordPhase(repos: Repositories, actor: string, id: string, input: PhaseInput): Promise<Breach> {
  const breach = await repos.breaches.require(id);
  const phases = breach.authority.phases;
  if (input.phase === 'initial' && phases.some((p) => p.phase === 'initial')) throw new ConflictError('The initial notification is already recorded: add a follow-up');
  if (input.phase === 'follow-up' && !phases.some((p) => p.phase === 'initial')) throw new ConflictError('Record the initial notification before a follow-up');
  if (!breach.decision?.notifyAuthority && input.phase === 'initial') throw new ConflictError('Record the decision to notify the authority first');
  if (input.phase === 'initial' && input.at > breach.dueAt && !breach.delayReasons?.trim())
    throw new ConflictError('The notification comes after 72 hours: record the reasons for the delay first (Art. 33(1))');
  const phase = { phase: input.phase, at: input.at, channel: input.channel ?? '', summary: input.summary ?? '', ...(input.reference ? { reference: input.reference } : {}) };
  const patch: Partial<Breach> = {
    authority: { ...breach.authority, phases: [...phases, phase], ...(input.reference && !breach.authority.reference ? { reference: input.reference } : {}) },
  };
  if (input.phase === 'initial' && breach.status !== 'notified') Object.assign(patch, moved(breach, 'notified', actor, repos.store.nowIso(), `initial notification${input.reference ? `, reference ${input.reference}` : ''}`));
  return repos.breaches.update(actor, id, patch);
}

/** Live breaches: running clocks first by due time, then the decided ones, newest awareness first. */
export async function listBreaches(repos: Repositories): Promise<Breach[]> {
  const all = await repos.breaches.listLive();
  return all.sort((a, b) => b.open - a.open || (a.open ? a.dueAt.localeCompare(b.dueAt) : b.awareAt.localeCompare(a.awareAt)));
}

/** Breaches whose 72-hour clock runs (no decision yet), for the badge. */
export function countRunningClocks(repos: Repositories): Promise<number> {
  return repos.db.breaches.where('[open+dueAt]').between([1, ''], [1, '\uffff'], true, true).count();
}

const HOUR = 3_600_000;

export interface BreachWarning {
  breach: Breach;
  /** Hours left at the warning: 48, 24, 4, or 0 for overdue. */
  hoursLeft: number;
}

/**
 * Running clocks that crossed a warning (48, 24, 4 hours left, or the deadline itself) in (from, to]. A
 * breach crossing several in one window is reported once, for the latest (fewest hours left). Derived
 * from the records on every check, like request reminders, so warnings survive browser restarts.
 */
export async function breachWarnings(repos: Repositories, from: Date, to: Date, leadHours: readonly number[] = BREACH_WARNING_HOURS): Promise<BreachWarning[]> {
  const out: BreachWarning[] = [];
  const seen = new Set<string>();
  for (const lead of [...leadHours].sort((a, b) => a - b)) {
    const lower = new Date(from.getTime() + lead * HOUR).toISOString();
    const upper = new Date(to.getTime() + lead * HOUR).toISOString();
    for (const breach of await repos.db.breaches.where('[open+dueAt]').between([1, lower], [1, upper], false, true).toArray()) {
      if (seen.has(breach.id)) continue;
      seen.add(breach.id);
      out.push({ breach, hoursLeft: lead });
    }
  }
  return out;
}

/** The next instant a running clock crosses a warning, or undefined when none will. */
export async function nextBreachWarningAt(repos: Repositories, now: Date, leadHours: readonly number[] = BREACH_WARNING_HOURS): Promise<Date | undefined> {
  let next: number | undefined;
  for (const lead of leadHours) {
    const after = new Date(now.getTime() + lead * HOUR).toISOString();
    const first = await repos.db.breaches.where('[open+dueAt]').between([1, after], [1, '\uffff'], false, true).first();
    if (!first) continue;
    const at = Date.parse(first.dueAt) - lead * HOUR;
    if (next === undefined || at < next) next = at;
  }
  return next === undefined ? undefined : new Date(next);
}
