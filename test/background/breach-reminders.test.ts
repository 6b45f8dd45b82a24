// The breach clock through the background's reminder machinery (entrypoints/background/reminders.ts):
// the badge counts running clocks, the one-shot alarm is set at the next warning (48, 24, 4 hours left,
// overdue), and a restarted background — a new reminders object over the same database — notifies what
// crossed since the last check and re-creates the alarm. Time is the records' injected clock; the browser
// is a recorder.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const browser = vi.hoisted(() => ({
  badge: [] as string[],
  alarms: new Map<string, { when?: number; periodInMinutes?: number }>(),
  notifications: [] as Array<{ id: string; message: string }>,
}));
vi.mock('webextension-polyfill', () => ({
  default: {
    action: {
      setBadgeText: async ({ text }: { text: string }) => void browser.badge.push(text),
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async () => undefined,
    },
    alarms: {
      create: async (name: string, info: { when?: number }) => void browser.alarms.set(name, info),
      clear: async (name: string) => browser.alarms.delete(name),
    },
    notifications: { create: async (id: string, options: { message: string }) => void browser.notifications.push({ id, message: options.message }) },
    runtime: { getURL: (path: string) => path },
    i18n: { getMessage: (key: string, subs?: string | string[]) => `${key}(${[subs ?? []].flat().join('|')})`, getUILanguage: () => 'en-GB' },
  },
}));

const { createReminders, NEXT_ALARM } = await import('../../entrypoints/background/reminders');
const { decideBreach, reportBreach } = await import('../../lib/db/breaches');
const { freshRepos } = await import('../db/helpers');

const T0 = Date.parse('2026-06-10T08:00:00.000Z');
const HOUR = 3_600_000;

beforeEach(() => {
  browser.badge.length = 0;
  browser.alarms.clear();
  browser.notifications.length = 0;
});

describe('breach warnings in the background', () => {
  it('badge, alarm at the next warning, notifications after a restart, and the clock stopping', async () => {
    const { repos, setNow } = freshRepos(new Date(T0).toISOString());
    const { breach } = await reportBreach(repos, 'DPO', { title: 'Lost laptop' });
    await createReminders(repos).check();
    expect(browser.badge.at(-1)).toBe('1');
    expect(browser.alarms.get(NEXT_ALARM)?.when).toBe(T0 + 24 * HOUR); // 48 hours left
    expect(browser.notifications).toEqual([]);

    // A day later the browser starts again: a new background, the same database.
    setNow(new Date(T0 + 24 * HOUR + 60_000).toISOString());
    await createReminders(repos).check();
    expect(browser.notifications.map((n) => n.message)).toEqual([expect.stringMatching(/^breachHoursLeft\(Lost laptop\|48\|/)]);
    expect(browser.alarms.get(NEXT_ALARM)?.when).toBe(T0 + 48 * HOUR); // 24 hours left

    // Past the deadline: the 24 h, 4 h and overdue warnings fall in one window and give one notification.
    setNow(new Date(T0 + 73 * HOUR).toISOString());
    await createReminders(repos).check();
    expect(browser.notifications.slice(1).map((n) => n.message)).toEqual([expect.stringMatching(/^breachOverdue\(Lost laptop\|/)]);
    expect(browser.alarms.has(NEXT_ALARM)).toBe(false);
    expect(browser.badge.at(-1)).toBe('1');

    // The decision not to notify stops the clock: the badge clears.
    await decideBreach(repos, 'DPO', breach.id, { notifyAuthority: false, reasons: 'Encrypted disk, key not with the laptop' });
    await createReminders(repos).refresh();
    expect(browser.badge.at(-1)).toBe('');
  });
});
