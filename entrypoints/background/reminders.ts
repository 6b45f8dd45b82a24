// Badge and deadline notifications. Alarms are re-derived from the database on every start
// (browsers may drop alarms on restart), so a reminder is never lost: a periodic check alarm plus a
// one-shot alarm at the next instant a request crosses a lead time or a breach's 72-hour clock
// crosses a warning (48, 24, 4 hours left, overdue). The badge counts requests due soon and every
// breach whose clock runs.
import browser from 'webextension-polyfill';
import type { Repositories } from '../../lib/db/repositories';
import type { Clock } from '../../lib/db/store';
import { countDueBefore } from '../../lib/db/requests';
import { dueReminders, nextReminderAt } from '../../lib/db/reminders';
import { breachWarnings, countRunningClocks, nextBreachWarningAt } from '../../lib/db/breaches';
import { getSettings } from './settings';
import { formatDateTime, formatDue, t } from '../shared/i18n';
import { toSystemTime } from '../shared/test-clock';

export const CHECK_ALARM = 'pd-reminders-check';
export const NEXT_ALARM = 'pd-reminders-next';
const LAST_CHECK_KEY = 'remindersCheckedAt';

/** `clock` is the records' clock by default, so a deadline and the reminder about it agree on "now". */
export function createReminders(repos: Repositories, clock: Clock = repos.store.clock) {
  async function updateBadge() {
    const { badgeDays } = await getSettings(repos);
    const requests = await countDueBefore(repos, new Date(clock.now().getTime() + badgeDays * 86_400_000).toISOString(), 100);
    const breaches = await countRunningClocks(repos);
    const count = requests + breaches;
    await browser.action.setBadgeText({ text: count > 99 ? '99+' : count > 0 ? String(count) : '' });
    await browser.action.setBadgeBackgroundColor({ color: '#b42318' });
    const parts = [...(requests > 0 ? [t('badgeTitle', [String(requests), String(badgeDays)])] : []), ...(breaches > 0 ? [t('badgeBreaches', [String(breaches)])] : [])];
    await browser.action.setTitle({ title: parts.length ? `Privacy Desk — ${parts.join('; ')}` : 'Privacy Desk' });
  }

  async function schedule() {
    const { reminderLeadDays } = await getSettings(repos);
    await browser.alarms.create(CHECK_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
    const now = clock.now();
    const candidates = [await nextReminderAt(repos, reminderLeadDays, now), await nextBreachWarningAt(repos, now)].filter((d): d is Date => !!d);
    await browser.alarms.clear(NEXT_ALARM);
    if (candidates.length) await browser.alarms.create(NEXT_ALARM, { when: toSystemTime(Math.max(Math.min(...candidates.map((d) => d.getTime())), now.getTime() + 1000)) });
  }

  /** Notifies about requests that crossed a lead time since the last check (at most a day back). */
  async function notify() {
    const { reminderLeadDays } = await getSettings(repos);
    const now = clock.now();
    const last = await repos.db.settings.get(LAST_CHECK_KEY);
    const from = new Date(Math.max(typeof last?.value === 'string' ? Date.parse(last.value) : 0, now.getTime() - 86_400_000));
    const due = await dueReminders(repos, reminderLeadDays, from, now);
    const warnings = await breachWarnings(repos, from, now);
    await repos.db.settings.put({ key: LAST_CHECK_KEY, value: now.toISOString() });
    // One notification per breach: each clock is urgent on its own.
    for (const { breach, hoursLeft } of warnings) {
      await browser.notifications.create(`pd-breach-${breach.id}-${hoursLeft}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: `Privacy Desk — ${t('breachNotificationTitle')}`,
        message: hoursLeft === 0 ? t('breachOverdue', [breach.title, formatDateTime(breach.dueAt)]) : t('breachHoursLeft', [breach.title, String(hoursLeft), formatDateTime(breach.dueAt)]),
      });
    }
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
