// Team sync in the service worker: a sync round after every local write (soon, batched), on an alarm
// every 30 s (MV3 stops idle workers; alarms survive), and on demand from an open side panel, which
// keeps it live while the DPO works. Long polls are never held open in the worker.
import browser from 'webextension-polyfill';
import type { Repositories } from '../../lib/db/repositories';
import { TeamSync } from '../../lib/sync/engine';
import { rebuildDatabase } from '../../lib/db/rebuild';

export const SYNC_ALARM = 'pd-team-sync';
const AFTER_WRITE_MS = 300;

export function createTeam(repos: Repositories, onApplied: () => void) {
  const team = new TeamSync(repos, undefined, onApplied);
  // A DPO's erasure arrived: the subject's destroyed keys and old identifiers must not stay readable in
  // the browser's storage files, as after an erasure made here (lib/db/rebuild.ts).
  team.onErased = () => repos.store.serialise(() => rebuildDatabase(repos.db)).then(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void team.sync().catch((e: unknown) => console.error('Privacy Desk team sync', e)), AFTER_WRITE_MS);
  };
  repos.store.hook = {
    tables: team.hook.tables,
    onCommit: async (db, actor, at, ops) => {
      await team.hook.onCommit(db, actor, at, ops);
      soon();
    },
  };
  /** Starts the alarm when this browser is in a team (at every worker start, and after joining). */
  const schedule = async () => {
    if (await team.state()) {
      await browser.alarms.create(SYNC_ALARM, { periodInMinutes: 0.5 });
      soon();
    }
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) soon();
  });
  return { team, schedule };
}
