// Personal settings of this browser's user (name used as the actor in the audit log, badge window).
// Not records about people, so they live in the settings table without audit entries.
import type { Repositories } from '../../lib/db/repositories';

export interface Settings {
  actorName: string;
  badgeDays: number;
}
const DEFAULTS: Settings = { actorName: 'Privacy Desk user', badgeDays: 7 };

export async function getSettings(repos: Repositories): Promise<Settings> {
  const rows = await repos.db.settings.bulkGet(['actorName', 'badgeDays']);
  return {
    actorName: typeof rows[0]?.value === 'string' ? rows[0].value : DEFAULTS.actorName,
    badgeDays: typeof rows[1]?.value === 'number' ? rows[1].value : DEFAULTS.badgeDays,
  };
}

export async function saveSettings(repos: Repositories, patch: Partial<Settings>): Promise<Settings> {
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined).map(([key, value]) => ({ key, value }));
  await repos.db.settings.bulkPut(entries);
  return getSettings(repos);
}
