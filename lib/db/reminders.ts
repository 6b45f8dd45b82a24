// Deadline reminders: which open requests crossed a lead time (e.g. 7 days, 1 day before the
// deadline) since the last check, and when the next one will. The background turns these into browser
// notifications and an alarm. Both are re-derived from the database on every start, so reminders
// survive browser restarts even when the browser drops its alarms; checking a time window rather than
// "everything due" keeps each check small however many requests are overdue.
import type { SubjectRequest } from '../model';
import type { Repositories } from './repositories';

export const DEFAULT_LEAD_DAYS = [7, 1] as const;
const DAY = 86_400_000;

export interface Reminder {
  request: SubjectRequest;
  leadDays: number;
}

/**
 * Open requests whose deadline minus a lead time fell in (from, to]. A request crossing several lead
 * times in one window is reported once, for the shortest.
 */
export async function dueReminders(repos: Repositories, leadDays: readonly number[], from: Date, to: Date): Promise<Reminder[]> {
  const out: Reminder[] = [];
  const seen = new Set<string>();
  for (const lead of [...leadDays].sort((a, b) => a - b)) {
    const lower = new Date(from.getTime() + lead * DAY).toISOString();
    const upper = new Date(to.getTime() + lead * DAY).toISOString();
    const requests = await repos.db.requests.where('[open+effectiveDueAt]').between([1, lower], [1, upper], false, true).toArray();
    for (const request of requests) {
      if (seen.has(request.id)) continue;
      seen.add(request.id);
      out.push({ request, leadDays: lead });
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
