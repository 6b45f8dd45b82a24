// Badge and deadline notifications. Alarms are re-derived from the database on every start
// (browsers may drop alarms on restart), so a reminder is never lost: a periodic check alarm plus a
// one-shot alarm at the next instant a request crosses a lead time.
import browser from 'webextension-polyfill';
import type { Repositories } from '../../lib/db/repositories';
import { countDueBefore } from '../../lib/db/requests';
import { dueReminders, nextReminderAt } from '../../lib/db/reminders';
import { getSettings } from './settings';
import { formatDue, t } from '../shared/i18n';

export const CHECK_ALARM = 'pd-reminders-check';
export const NEXT_ALARM = 'pd-reminders-next';
const SENT_KEY = 'remindersSent';

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
    if (next) await browser.alarms.create(NEXT_ALARM, { when: Math.max(next.getTime(), Date.now() + 1000) });
  }

  async function notify() {
    const { reminderLeadDays } = await getSettings(repos);
    const sentRow = await repos.db.settings.get(SENT_KEY);
    const sent = new Set(Array.isArray(sentRow?.value) ? (sentRow.value as string[]) : []);
    const due = await dueReminders(repos, reminderLeadDays, new Date(), sent);
    if (due.length === 0) return;
    const first = due.reduce((a, b) => (a.request.effectiveDueAt <= b.request.effectiveDueAt ? a : b));
    await browser.notifications.create(`pd-due-${Date.now()}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: 'Privacy Desk',
      message: t('reminderMessage', [String(due.length), formatDue(first.request.effectiveDueAt)]),
    });
    for (const r of due) sent.add(r.key);
    // Keep only keys of requests that are still open, so the list does not grow forever.
    const open = new Set((await repos.db.requests.where('[open+effectiveDueAt]').between([1, ''], [1, '\uffff']).primaryKeys()).map(String));
    await repos.db.settings.put({ key: SENT_KEY, value: [...sent].filter((k) => open.has(k.slice(0, k.lastIndexOf(':')))) });
  }

  async function refresh() {
    await updateBadge();
    await notify();
    await schedule();
  }

  return { updateBadge, schedule, notify, refresh };
}
