import { describe, expect, it } from 'vitest';
import { dueReminders, nextReminderAt, reminderKey } from '../../lib/db/reminders';
import { flagTicket, transitionRequest } from '../../lib/db/requests';
import { freshRepos, plainDeadline, sampleTicket } from './helpers';

describe('reminders', () => {
  it('finds requests inside each lead time once, shortest lead first, and the next reminder instant', async () => {
    const { repos } = freshRepos('2026-01-01T09:00:00.000Z');
    // plainDeadline: due 30 days after receipt.
    const a = await flagTicket(repos, 'a', { ticket: { ...sampleTicket, ticketId: 'a' }, type: 'access', receivedAt: '2025-12-03T08:00:00.000Z' }, plainDeadline); // due 2026-01-02 08:00, within a day
    const b = await flagTicket(repos, 'a', { ticket: { ...sampleTicket, ticketId: 'b' }, type: 'access', receivedAt: '2025-12-06T10:00:00.000Z' }, plainDeadline); // due 2026-01-05 10:00
    await flagTicket(repos, 'a', { ticket: { ...sampleTicket, ticketId: 'c' }, type: 'access', receivedAt: '2025-12-20T10:00:00.000Z' }, plainDeadline); // due 2026-01-19 10:00
    const now = new Date('2026-01-01T09:00:00.000Z');
    const due = await dueReminders(repos, [7, 1], now, new Set());
    expect(due.map((r) => `${r.request.source?.ticketId}:${r.leadDays}`)).toEqual(['a:1', 'b:7']);
    expect(due.find((r) => r.request.id === a.request.id)?.leadDays).toBe(1);
    expect(due.find((r) => r.request.id === b.request.id)?.leadDays).toBe(7);
    const sent = new Set(due.map((r) => r.key));
    expect(await dueReminders(repos, [7, 1], now, sent)).toEqual([]);
    // b crosses the 1-day lead on 2026-01-04 10:00; c crosses 7 days on 2026-01-12 10:00.
    expect((await nextReminderAt(repos, [7, 1], now))?.toISOString()).toBe('2026-01-04T10:00:00.000Z');
    expect(sent.has(reminderKey(b.request.id, 1))).toBe(false);
  });

  it('forgets closed requests', async () => {
    const { repos } = freshRepos('2026-01-01T09:00:00.000Z');
    const { request } = await flagTicket(repos, 'a', { ticket: sampleTicket, type: 'access', receivedAt: '2025-12-03T10:00:00.000Z' }, plainDeadline);
    await transitionRequest(repos, 'dpo', { requestId: request.id, to: 'withdrawn', reason: 'subject withdrew' }, plainDeadline, () => true);
    expect(await dueReminders(repos, [7], new Date('2026-01-01T09:00:00.000Z'), new Set())).toEqual([]);
    expect(await nextReminderAt(repos, [7], new Date('2026-01-01T09:00:00.000Z'))).toBeUndefined();
  });
});
