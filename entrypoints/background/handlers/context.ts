// What every handler group gets: the repositories, hooks into the background, and helpers.
import type { Repositories } from '../../../lib/db/repositories';
import { getOrganisation } from '../../../lib/db/organisation';
import { calendarOf, type CalendarSettings } from '../deadlines';
import { getSettings } from '../settings';
import type { TeamSync } from '../../../lib/sync/engine';
import { ProgressBoard } from '../progress';

export interface BackgroundHooks {
  /** Called after any write that can change the badge or the reminders. */
  requestsChanged(): void;
  /** Opens the side panel's page, filtered to a requester or showing one breach. */
  openSidePanel(subjectId?: string, breachId?: string): Promise<boolean>;
  /** Called when this browser joined a team (sync alarms start). */
  teamChanged(): void;
  /** This browser's team sync; inert until it joins a team. */
  team: TeamSync;
  /** Injects the content script into open tabs of granted origins; returns how many took it. */
  injectIntoOpenTabs(): Promise<number>;
}

export interface HandlerContext {
  repos: Repositories;
  hooks: BackgroundHooks;
  team: TeamSync;
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
    team: hooks.team,
    actor: async () => (await getSettings(repos)).actorName,
    calendar: async () => calendarOf(await getOrganisation(repos)),
    progress: new ProgressBoard(),
  };
}
