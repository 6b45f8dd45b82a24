// The daily purge: records soft-deleted longer ago than the recovery window are removed for good, each
// with its own audit entry (README: soft delete, then purge). Like the reminders, the alarm is created
// again at every start of the service worker (browsers may drop alarms on restart), and a start runs
// the purge at once, so a browser closed for weeks purges when it next opens.
import browser from 'webextension-polyfill';
import type { Repositories } from '../../lib/db/repositories';
import { DEFAULT_RECOVERY_DAYS } from '../../lib/db/store';
import type { TeamSync } from '../../lib/sync/engine';
import { purgeInTeam } from '../../lib/sync/purge';

export const PURGE_ALARM = 'pd-purge-daily';
/** The actor the audit trail names for purges nobody started by hand. */
export const PURGE_ACTOR = 'Privacy Desk (daily purge)';

export function createPurge(repos: Repositories, team: Pick<TeamSync, 'state'>) {
  async function schedule() {
    await browser.alarms.create(PURGE_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
  }

  /** Purges what the window let go of; the counts per table. In a team only the DPO's purge is sent. */
  async function run() {
    return purgeInTeam(repos, team, PURGE_ACTOR, DEFAULT_RECOVERY_DAYS);
  }

  /** The alarm listener's part: runs the purge when the daily alarm fires; undefined for other alarms. */
  async function onAlarm(name: string) {
    return name === PURGE_ALARM ? run() : undefined;
  }

  return { schedule, run, onAlarm };
}
