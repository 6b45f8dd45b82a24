// What every handler group gets: the repositories, hooks into the background, and helpers.
import type { Repositories } from '../../../lib/db/repositories';
import { getOrganisation } from '../../../lib/db/organisation';
import { calendarOf, type CalendarSettings } from '../deadlines';
import { getSettings } from '../settings';

export interface BackgroundHooks {
  /** Called after any write that can change the badge or the reminders. */
  requestsChanged(): void;
  /** Opens the side panel's page, filtered to a requester or showing one breach. */
  openSidePanel(subjectId?: string, breachId?: string): Promise<boolean>;
}

export interface HandlerContext {
  repos: Repositories;
  hooks: BackgroundHooks;
  /** The name this browser's user recorded in the audit trail. */
  actor(): Promise<string>;
  calendar(): Promise<CalendarSettings>;
}

export function createContext(repos: Repositories, hooks: BackgroundHooks): HandlerContext {
  return {
    repos,
    hooks,
    actor: async () => (await getSettings(repos)).actorName,
    calendar: async () => calendarOf(await getOrganisation(repos)),
  };
}
