// Attack: someone at a browser left unlocked. Before, the key stayed in storage.session for the whole
// browser session: the lock never closed by itself. Now it closes after the chosen idle minutes, when
// the screen locks, and at the latest the chosen hours after it was opened — also across restarts of
// the background, which find the kept key too old.
import { describe, expect, it } from 'vitest';
import { PassphraseLock, type KeyKeeper } from '../../lib/db/crypto/lock';
import { DEFAULT_AUTO_LOCK, keyLifetime, saveAutoLock } from '../../lib/db/crypto/auto-lock';
import { watchIdle, EXPIRY_ALARM } from '../../entrypoints/background/auto-lock';
import { FAST, PASS, setup } from './helpers';

function memoryKeeper() {
  const box: { kept?: { keyId: string; master: Uint8Array; openedAt: number } } = {};
  const keeper: KeyKeeper = {
    keep: async (keyId, master, openedAt) => void (box.kept = { keyId, master: master.slice(), openedAt }),
    recall: async () => box.kept && { ...box.kept, master: box.kept.master.slice() },
    forget: async () => void delete box.kept,
  };
  return { keeper, box };
}

const HOUR = 3_600_000;

describe('auto-lock', () => {
  it('closes the lock, and forgets the kept key, once it has been open longer than its lifetime', async () => {
    let now = Date.UTC(2026, 2, 2, 9);
    const { keeper, box } = memoryKeeper();
    const first = setup({ keeper });
    const lock = new PassphraseLock(first.repos, keeper, FAST, keyLifetime(first.repos.db, () => now));
    await lock.enable(PASS);
    now += DEFAULT_AUTO_LOCK.maxHours * HOUR - 1;
    expect(await lock.expire()).toBe(false);
    // The background restarts within the lifetime: the kept key opens the lock again.
    const restarted = new PassphraseLock(setup({ name: first.name, keeper }).repos, keeper, FAST, keyLifetime(first.repos.db, () => now));
    await restarted.ready();
    expect(restarted.status().state).toBe('unlocked');
    now += 2;
    expect(await lock.expire()).toBe(true);
    expect(lock.status().state).toBe('locked');
    expect(box.kept).toBeUndefined();
  });

  it('a restart of the background after the lifetime finds the kept key too old', async () => {
    let now = Date.UTC(2026, 2, 2, 9);
    const { keeper, box } = memoryKeeper();
    const first = setup({ keeper });
    await saveAutoLock(first.repos.db, { idleMinutes: 5, maxHours: 1 });
    await new PassphraseLock(first.repos, keeper, FAST, keyLifetime(first.repos.db, () => now)).enable(PASS);
    first.repos.db.close();
    now += HOUR + 1;
    const second = setup({ name: first.name, keeper });
    const lock = new PassphraseLock(second.repos, keeper, FAST, keyLifetime(second.repos.db, () => now));
    await lock.ready();
    expect(lock.status().state).toBe('locked');
    expect(box.kept).toBeUndefined();
  });

  it('closes the lock when the user goes idle or the screen locks, and plans an alarm for the lifetime', async () => {
    const now = Date.UTC(2026, 2, 2, 9);
    const { repos } = setup();
    const lock = new PassphraseLock(repos, undefined, FAST, keyLifetime(repos.db, () => now));
    const listeners: Array<(state: string) => void> = [];
    const alarms: Record<string, number> = {};
    let interval = 0;
    const auto = watchIdle(
      lock,
      { setDetectionInterval: (s) => void (interval = s), onStateChanged: { addListener: (l) => void listeners.push(l) } },
      { create: (name, { when }) => void (alarms[name] = when), clear: (name) => delete alarms[name], onAlarm: { addListener: () => undefined } },
    );
    await auto.apply({ idleMinutes: 10, maxHours: 2 });
    expect(interval).toBe(600);
    await saveAutoLock(repos.db, { idleMinutes: 10, maxHours: 2 });
    await lock.enable(PASS);
    await auto.plan();
    expect(alarms[EXPIRY_ALARM]).toBe(now + 2 * HOUR + 1_000);
    for (const state of ['locked', 'idle']) {
      listeners.forEach((l) => l(state));
      await new Promise((r) => setTimeout(r, 10));
      expect(lock.status().state, state).toBe('locked');
      await lock.unlock(PASS);
    }
    await lock.lock();
    await auto.plan();
    expect(alarms[EXPIRY_ALARM]).toBeUndefined();
  });
});
