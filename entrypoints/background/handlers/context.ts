// What every handler group gets: the repositories, hooks into the background, and helpers.
import type { Repositories } from '../../../lib/db/repositories';
import { getOrganisation } from '../../../lib/db/organisation';
import { calendarOf, type CalendarSettings } from '../deadlines';
import { getSettings } from '../settings';

export interface BackgroundHooks {
  /** Called after any write that can change the badge or the reminders. */
  requestsChanged(): void;
  openSidePanel(subjectId?: string): Promise<boolean>;
  /** Injects the content script into open tabs of granted origins; returns how many took it. */
  injectIntoOpenTabs(): Promise<number>;
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
