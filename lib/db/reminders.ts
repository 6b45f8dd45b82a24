// Deadline reminders: which open requests have crossed a lead time (e.g. 7 days, 1 day before the
// deadline) without a notification yet, and when the next one falls due. The background turns these
// into browser notifications and an alarm; both are re-derived from the database on every start, so
// reminders survive browser restarts even when the browser drops its alarms.
import type { SubjectRequest } from '../model';
import type { Repositories } from './repositories';

export const DEFAULT_LEAD_DAYS = [7, 1] as const;
const DAY = 86_400_000;

export interface Reminder {
  request: SubjectRequest;
  leadDays: number;
  key: string;
}

export const reminderKey = (requestId: string, leadDays: number) => `${requestId}:${leadDays}`;

/** Open requests whose deadline is within a lead time and not yet notified for that lead time. */
export async function dueReminders(repos: Repositories, leadDays: readonly number[], now: Date, sent: ReadonlySet<string>): Promise<Reminder[]> {
  const out: Reminder[] = [];
  const seen = new Set<string>();
  // Shortest lead first: a request due tomorrow gets the 1-day reminder, not also the 7-day one.
  for (const lead of [...leadDays].sort((a, b) => a - b)) {
    const horizon = new Date(now.getTime() + lead * DAY).toISOString();
    const requests = await repos.db.requests.where('[open+effectiveDueAt]').between([1, ''], [1, horizon], true, true).toArray();
    for (const request of requests) {
      const key = reminderKey(request.id, lead);
      if (request.deletedAt || seen.has(request.id)) continue;
      // Notified at this or a shorter lead already: a longer lead's reminder would be stale news.
      seen.add(request.id);
      if (!sent.has(key)) out.push({ request, leadDays: lead, key });
    }
  }
  return out;
}

/** The next instant at which some open request crosses a lead time, or undefined when none will. */
export async function nextReminderAt(repos: Repositories, leadDays: readonly number[], now: Date): Promise<Date | undefined> {
  let next: number | undefined;
  for (const lead of leadDays) {
    const after = new Date(now.getTime() + lead * DAY).toISOString();
    const first = await repos.db.requests.where('[open+effectiveDueAt]').between([1, after], [1, '\uffff'], false, true).first();
    if (!first) continue;
    const at = Date.parse(first.effectiveDueAt) - lead * DAY;
    if (next === undefined || at < next) next = at;
  }
  return next === undefined ? undefined : new Date(next);
}
