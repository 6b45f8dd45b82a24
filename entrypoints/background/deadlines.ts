// The organisation's deadline policy: Art. 12(3) periods counted in its time zone and country calendar.
import { canExtend, computeDeadline } from '../../lib/law/deadline';
import type { OrganisationProfile, SubjectRequest } from '../../lib/model';
import type { DeadlineFn } from '../../lib/db/requests';

export interface CalendarSettings {
  timeZone: string;
  country: string;
  region?: string;
  closingDays: string[];
}

/** Without a profile yet, count in the browser's time zone with the Dutch calendar until one is saved. */
export function calendarOf(org: OrganisationProfile | undefined): CalendarSettings {
  if (!org) return { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Amsterdam', country: 'NL', closingDays: [] };
  return { timeZone: org.timeZone, country: org.country, ...(org.region ? { region: org.region } : {}), closingDays: org.closingDays };
}

export function deadlineFn(calendar: CalendarSettings): DeadlineFn {
  return (receivedAt, extended) => computeDeadline({ receivedAt, ...calendar, extended }).dueAt;
}

export function canExtendFn(calendar: CalendarSettings) {
  return (request: SubjectRequest, nowIso: string) => canExtend({ receivedAt: request.receivedAt, ...calendar }, nowIso);
}
