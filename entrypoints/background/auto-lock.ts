// Closes the passphrase lock when the user is away: the browser's idle API reports "idle" after the
// configured minutes without input and "locked" when the screen locks (lib/db/crypto/auto-lock.ts).
// An alarm closes it at the end of the key's lifetime even if no message comes in.
import type { PassphraseLock } from '../../lib/db/crypto/lock';
import type { AutoLockSettings } from '../../lib/db/crypto/auto-lock';

export interface IdleApi {
  setDetectionInterval(seconds: number): void;
  onStateChanged: { addListener(listener: (state: string) => void): void };
}
export interface AlarmApi {
  create(name: string, info: { when: number }): void | Promise<void>;
  clear(name: string): unknown;
  onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
}

export const EXPIRY_ALARM = 'lock-expiry';

export interface AutoLock {
  /** Applies changed settings (the idle interval) and re-plans the expiry alarm. */
  apply(settings: AutoLockSettings): Promise<void>;
  /** Plans the expiry alarm for the lock as it is now (after an unlock, a lock, a passphrase change). */
  plan(): Promise<void>;
}

export function watchIdle(lock: PassphraseLock, idle: IdleApi | undefined, alarms: AlarmApi | undefined): AutoLock {
  const close = () => void lock.lock().catch((e: unknown) => console.error('Privacy Desk auto-lock', e));
  idle?.onStateChanged.addListener((state) => {
    if (state === 'idle' || state === 'locked') close();
  });
  alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === EXPIRY_ALARM) void lock.expire().catch((e: unknown) => console.error('Privacy Desk auto-lock', e));
  });
  const plan = async () => {
    const at = await lock.closesAt();
    if (at === undefined) await alarms?.clear(EXPIRY_ALARM);
    // A second late, so expire() finds the lifetime passed.
    else await alarms?.create(EXPIRY_ALARM, { when: at + 1_000 });
  };
  return {
    apply: async (settings) => {
      idle?.setDetectionInterval(Math.max(15, settings.idleMinutes * 60));
      await plan();
    },
    plan,
  };
}

/** The browser's idle and alarms APIs, when this runs in an extension. */
export function browserApis(): { idle: IdleApi | undefined; alarms: AlarmApi | undefined } {
  const g = globalThis as { browser?: { idle?: IdleApi; alarms?: AlarmApi }; chrome?: { idle?: IdleApi; alarms?: AlarmApi } };
  return { idle: g.browser?.idle ?? g.chrome?.idle, alarms: g.browser?.alarms ?? g.chrome?.alarms };
}
