// When the passphrase lock closes by itself: after a time without keyboard or mouse input, when the
// screen locks (the browser's idle API, wired in entrypoints/background/auto-lock.ts), and at the
// latest a fixed time after it was opened, however busy the user is (PassphraseLock.expire). Without
// these the key stays in storage.session for the whole browser session: someone at a browser left
// open would read everything.
import { AutoLockSettings } from '../../messaging/messages/trust';
import type { PrivacyDeskDb } from '../schema';
import type { KeyLifetime } from './lock';

export { AutoLockSettings };

/** A quarter of an hour idle, and a working day at most. */
export const DEFAULT_AUTO_LOCK: AutoLockSettings = { idleMinutes: 15, maxHours: 8 };
export const AUTO_LOCK_SETTING = 'autoLock';

export async function getAutoLock(db: PrivacyDeskDb): Promise<AutoLockSettings> {
  const parsed = AutoLockSettings.safeParse((await db.settings.get(AUTO_LOCK_SETTING))?.value);
  return parsed.success ? parsed.data : DEFAULT_AUTO_LOCK;
}

export async function saveAutoLock(db: PrivacyDeskDb, settings: AutoLockSettings): Promise<AutoLockSettings> {
  const valid = AutoLockSettings.parse(settings);
  await db.settings.put({ key: AUTO_LOCK_SETTING, value: valid });
  return valid;
}

/** The key's lifetime as the lock reads it: from the stored settings, on the given clock. */
export function keyLifetime(db: PrivacyDeskDb, now: () => number = Date.now): KeyLifetime {
  return { now, maxAgeMs: async () => (await getAutoLock(db)).maxHours * 3_600_000 };
}
