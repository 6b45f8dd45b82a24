import { describe, expect, it } from 'vitest';
import { dueReminders, nextReminderAt } from '../../lib/db/reminders';
import { flagTicket, transitionRequest } from '../../lib/db/requests';
import { freshRepos, plainDeadline, sampleTicket } from './helpers';

describe('reminders', () => {
  it('reports requests crossing a lead time inside the window once, for the shortest lead, and finds the next instant', async () => {
    const { repos } = freshRepos('2026-01-01T09:00:00.000Z');
    // plainDeadline: due 30 days after receipt.
    const flag = (id: string, receivedAt: string) => flagTicket(repos, 'a', { ticket: { ...sampleTicket, ticketId: id }, type: 'access', receivedAt }, plainDeadline);
    await flag('a', '2025-12-03T08:00:00.000Z'); // due 2026-01-02 08:00: crosses 1 day on 01-01 08:00 and 7 days on 12-26
    await flag('b', '2025-12-06T10:00:00.000Z'); // due 2026-01-05 10:00: crosses 7 days on 2025-12-29 10:00
    await flag('c', '2025-12-20T10:00:00.000Z'); // due 2026-01-19 10:00: crosses 7 days on 2026-01-12 10:00
    const window = await dueReminders(repos, [7, 1], new Date('2025-12-25T00:00:00.000Z'), new Date('2026-01-01T09:00:00.000Z'));
    expect(window.map((r) => `${r.request.source?.ticketId}:${r.leadDays}`)).toEqual(['a:1', 'b:7']);
    // The next window reports nothing new until c crosses its 7-day lead.
    expect(await dueReminders(repos, [7, 1], new Date('2026-01-01T09:00:00.000Z'), new Date('2026-01-03T00:00:00.000Z'))).toEqual([]);
    // b crosses its 1-day lead on 2026-01-04 10:00, before c's 7-day lead on 2026-01-12.
    expect((await nextReminderAt(repos, [7, 1], new Date('2026-01-01T09:00:00.000Z')))?.toISOString()).toBe('2026-01-04T10:00:00.000Z');
    const later = await dueReminders(repos, [7, 1], new Date('2026-01-03T00:00:00.000Z'), new Date('2026-01-12T12:00:00.000Z'));
    expect(later.map((r) => `${r.request.source?.ticketId}:${r.leadDays}`)).toEqual(['b:1', 'c:7']);
  });

  it('forgets closed requests', async () => {
    const { repos } = freshRepos('2026-01-01T09:00:00.000Z');
    const { request } = await flagTicket(repos, 'a', { ticket: sampleTicket, type: 'access', receivedAt: '2025-12-03T10:00:00.000Z' }, plainDeadline);
    await transitionRequest(repos, 'dpo', { requestId: request.id, to: 'withdrawn', reason: 'subject withdrew' }, plainDeadline, () => true);
    expect(await dueReminders(repos, [7], new Date('2025-12-01T00:00:00.000Z'), new Date('2026-01-01T09:00:00.000Z'))).toEqual([]);
    expect(await nextReminderAt(repos, [7], new Date('2026-01-01T09:00:00.000Z'))).toBeUndefined();
  });
});
