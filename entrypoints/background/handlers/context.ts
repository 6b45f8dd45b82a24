// What every handler group gets: the repositories, hooks into the background, and helpers.
import type { Repositories } from '../../../lib/db/repositories';
import { getOrganisation } from '../../../lib/db/organisation';
import { calendarOf, type CalendarSettings } from '../deadlines';
import { getSettings } from '../settings';
import { ProgressBoard } from '../progress';

export interface BackgroundHooks {
  /** Called after any write that can change the badge or the reminders. */
  requestsChanged(): void;
  openSidePanel(subjectId?: string): Promise<boolean>;
}

export interface HandlerContext {
  repos: Repositories;
  hooks: BackgroundHooks;
  /** The name this browser's user recorded in the audit trail. */
  actor(): Promise<string>;
  calendar(): Promise<CalendarSettings>;
  /** The long operation under way (lock, restore, rebuild), polled by pages ('trust.progress'). */
  progress: ProgressBoard;
}

export function createContext(repos: Repositories, hooks: BackgroundHooks): HandlerContext {
  return {
    repos,
    hooks,
    actor: async () => (await getSettings(repos)).actorName,
    calendar: async () => calendarOf(await getOrganisation(repos)),
    progress: new ProgressBoard(),
  };
}
