import { describe, expect, it } from 'vitest';
import { logEvent, logEventFromTicket, queryEvents } from '../../lib/db/events';
import { deleteActivity, saveActivity } from '../../lib/db/register';
import { ConflictError } from '../../lib/db/errors';
import { freshRepos, sampleTicket } from './helpers';

describe('processing-event log', () => {
  it('logs an event from a ticket, linked to the activity, the ticket and the person by e-mail', async () => {
    const { repos } = freshRepos();
    const activity = await saveActivity(repos, 'dpo', { name: 'Support', role: 'controller' });
    const event = await logEventFromTicket(repos, 'agent', { ticket: sampleTicket, activityId: activity.id, type: 'exported', description: 'sent CSV' });
    expect(event).toMatchObject({
      type: 'exported',
      activityId: activity.id,
      ticket: { helpdesk: 'demo', ticketId: '1042', url: sampleTicket.ticketUrl, subject: sampleTicket.subject },
      description: 'sent CSV',
      actor: 'agent',
      at: '2026-03-02T09:00:00.000Z',
    });
    const subject = await repos.subjects.require(event.subjectId!);
    expect(subject.emails).toEqual(['jan@example.nl']);
    // The same person again: no second subject.
    await logEventFromTicket(repos, 'agent', { ticket: { ...sampleTicket, ticketId: '7' }, activityId: activity.id, type: 'viewed', description: '' });
    expect(await repos.db.subjects.count()).toBe(1);
    // No e-mail on the page and none typed: the event keeps the ticket only.
    const { requesterEmail: _none, ...noEmail } = sampleTicket;
    const anonymous = await logEventFromTicket(repos, 'agent', { ticket: noEmail, activityId: activity.id, type: 'viewed', description: '' });
    expect(anonymous.subjectId).toBeUndefined();
  });

  it('refuses an event under a deleted activity', async () => {
    const { repos } = freshRepos();
    const activity = await saveActivity(repos, 'dpo', { name: 'Old', role: 'controller' });
    await deleteActivity(repos, 'dpo', activity.id);
    await expect(logEvent(repos, 'dpo', { type: 'viewed', activityId: activity.id })).rejects.toBeInstanceOf(ConflictError);
  });

  it('filters by activity, subject e-mail, date range and type, newest first', async () => {
    const { repos, setNow } = freshRepos();
    const support = await saveActivity(repos, 'dpo', { name: 'Support', role: 'controller' });
    const billing = await saveActivity(repos, 'dpo', { name: 'Billing', role: 'controller' });
    setNow('2026-03-05T10:00:00.000Z');
    await logEventFromTicket(repos, 'agent', { ticket: sampleTicket, activityId: support.id, type: 'viewed', description: 'a' });
    setNow('2026-03-10T10:00:00.000Z');
    await logEventFromTicket(repos, 'agent', { ticket: { ...sampleTicket, requesterEmail: 'emma@example.co.uk' }, activityId: billing.id, type: 'shared', description: 'b' });
    setNow('2026-03-20T10:00:00.000Z');
    await logEventFromTicket(repos, 'agent', { ticket: sampleTicket, activityId: billing.id, type: 'rectified', description: 'c' });

    const d = async (q: Parameters<typeof queryEvents>[1]) => (await queryEvents(repos, q)).items.map((e) => e.description);
    expect(await d({})).toEqual(['c', 'b', 'a']);
    expect(await d({ activityId: billing.id })).toEqual(['c', 'b']);
    expect(await d({ email: 'JAN@example.nl' })).toEqual(['c', 'a']);
    expect(await d({ email: 'nobody@example.org' })).toEqual([]);
    expect(await d({ from: '2026-03-06T00:00:00.000Z', to: '2026-03-15T23:59:59.999Z' })).toEqual(['b']);
    expect(await d({ type: 'rectified' })).toEqual(['c']);
    expect(await queryEvents(repos, { limit: 1, offset: 1 })).toMatchObject({ total: 3, items: [{ description: 'b' }] });
  });
});
