// Personal settings of this browser's user (name used as the actor in the audit log, badge window,
// reminder lead times). Not records about people: they live in the settings table without audit entries.
import type { Repositories } from '../../lib/db/repositories';
import { DEFAULT_LEAD_DAYS } from '../../lib/db/reminders';
import type { Settings } from '../../lib/messaging/messages/core';

const DEFAULTS: Settings = { actorName: 'Privacy Desk user', badgeDays: 7, reminderLeadDays: [...DEFAULT_LEAD_DAYS] };
const KEYS = Object.keys(DEFAULTS) as (keyof Settings)[];

export async function getSettings(repos: Repositories): Promise<Settings> {
  const rows = await repos.db.settings.bulkGet(KEYS);
  const out = { ...DEFAULTS } as Record<keyof Settings, unknown>;
  KEYS.forEach((key, i) => {
    const value = rows[i]?.value;
    if (value !== undefined && typeof value === typeof DEFAULTS[key]) out[key] = value;
  });
  return out as Settings;
}

export async function saveSettings(repos: Repositories, patch: Partial<Settings>): Promise<Settings> {
  const entries = KEYS.filter((k) => patch[k] !== undefined).map((key) => ({ key, value: patch[key] }));
  await repos.db.settings.bulkPut(entries);
  return getSettings(repos);
}

/** A per-install secret for keyed hashes of erased identifiers; created on first use, never exported in clear. */
export async function installSecret(repos: Repositories): Promise<string> {
  const row = await repos.db.settings.get('installSecret');
  if (typeof row?.value === 'string') return row.value;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const secret = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  await repos.db.settings.put({ key: 'installSecret', value: secret });
  return secret;
}
