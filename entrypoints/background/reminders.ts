// Badge and deadline notifications. Alarms are re-derived from the database on every start
// (browsers may drop alarms on restart), so a reminder is never lost: a periodic check alarm plus a
// one-shot alarm at the next instant a request crosses a lead time.
import browser from 'webextension-polyfill';
import type { Repositories } from '../../lib/db/repositories';
import { countDueBefore } from '../../lib/db/requests';
import { dueReminders, nextReminderAt } from '../../lib/db/reminders';
import { getSettings } from './settings';
import { formatDue, t } from '../shared/i18n';
import { toSystemTime } from '../shared/test-clock';

export const CHECK_ALARM = 'pd-reminders-check';
export const NEXT_ALARM = 'pd-reminders-next';
const LAST_CHECK_KEY = 'remindersCheckedAt';

export function createReminders(repos: Repositories) {
  async function updateBadge() {
    const { badgeDays } = await getSettings(repos);
    const count = await countDueBefore(repos, new Date(Date.now() + badgeDays * 86_400_000).toISOString(), 100);
    await browser.action.setBadgeText({ text: count > 99 ? '99+' : count > 0 ? String(count) : '' });
    await browser.action.setBadgeBackgroundColor({ color: '#b42318' });
    await browser.action.setTitle({ title: count > 0 ? `Privacy Desk — ${t('badgeTitle', [String(count), String(badgeDays)])}` : 'Privacy Desk' });
  }

  async function schedule() {
    const { reminderLeadDays } = await getSettings(repos);
    await browser.alarms.create(CHECK_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
    const next = await nextReminderAt(repos, reminderLeadDays, new Date());
    await browser.alarms.clear(NEXT_ALARM);
    if (next) await browser.alarms.create(NEXT_ALARM, { when: toSystemTime(Math.max(next.getTime(), Date.now() + 1000)) });
  }

  /** Notifies about requests that crossed a lead time since the last check (at most a day back). */
  async function notify() {
    const { reminderLeadDays } = await getSettings(repos);
    const now = new Date();
    const last = await repos.db.settings.get(LAST_CHECK_KEY);
    const from = new Date(Math.max(typeof last?.value === 'string' ? Date.parse(last.value) : 0, now.getTime() - 86_400_000));
    const due = await dueReminders(repos, reminderLeadDays, from, now);
    await repos.db.settings.put({ key: LAST_CHECK_KEY, value: now.toISOString() });
    if (due.length === 0) return;
    const first = due.reduce((a, b) => (a.request.effectiveDueAt <= b.request.effectiveDueAt ? a : b));
    await browser.notifications.create(`pd-due-${now.getTime()}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: 'Privacy Desk',
      message: t('reminderMessage', [String(due.length), formatDue(first.request.effectiveDueAt)]),
    });
  }

  /** After a write: the badge and the next alarm may have moved. */
  async function refresh() {
    await updateBadge();
    await schedule();
  }

  /** On an alarm or a start: notify, then refresh. */
  async function check() {
    await notify();
    await refresh();
  }

  return { updateBadge, schedule, notify, refresh, check };
}
