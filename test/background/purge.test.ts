// Recently deleted and the daily purge: every table that soft-deletes is listed with its purge date,
// restore brings a record back, and the purge alarm removes what is past the recovery window — each
// purge leaving its own audit entry.
import { describe, expect, it, vi } from 'vitest';

const alarms: Array<{ name: string; info: unknown }> = [];
// The purge module schedules through browser.alarms, which exists only in an extension.
vi.mock('webextension-polyfill', () => ({
  default: { alarms: { create: async (name: string, info: unknown) => void alarms.push({ name, info }) } },
}));

const { createPurge, PURGE_ALARM, PURGE_ACTOR } = await import('../../entrypoints/background/purge');
const { listDeleted, restoreDeleted } = await import('../../lib/db/recently-deleted');
const { flagTicket } = await import('../../lib/db/requests');
const { reportBreach } = await import('../../lib/db/breaches');
const { saveActivity } = await import('../../lib/db/register');
const { verifyAudit } = await import('../../lib/audit/verify');
const { freshRepos, plainDeadline, sampleTicket } = await import('../db/helpers');

async function seed(repos: Awaited<ReturnType<typeof freshRepos>>['repos']) {
  const flagged = await flagTicket(repos, 'DPO', { ticket: sampleTicket, type: 'access' }, plainDeadline);
  const activity = await saveActivity(repos, 'DPO', { name: 'Customer support', role: 'controller', purposes: ['support'] });
  const event = await repos.events.create('DPO', { type: 'exported', activityId: activity.id, at: repos.store.nowIso(), description: 'CSV sent', actor: 'DPO' });
  const sub = await repos.subprocessors.create('DPO', {
    name: 'Helpdesk Inc.',
    legalEntity: 'Helpdesk Inc.',
    purpose: 'Ticketing',
    dataCategories: ['contact details'],
    locations: ['US'],
    transferMechanism: 'scc',
    addedOn: '2026-01-05',
  });
  const { breach } = await reportBreach(repos, 'DPO', { title: 'Lost laptop' });
  return { request: flagged.request, subject: flagged.subject, activity, event, sub, breach };
}

describe('recently deleted', () => {
  it('lists soft-deleted records of every table with the day they will be purged, and restores them', async () => {
    const { repos } = freshRepos('2027-01-01T10:00:00.000Z');
    const r = await seed(repos);
    await repos.requests.softDelete('DPO', r.request.id);
    await repos.subjects.softDelete('DPO', r.subject.id);
    await repos.activities.softDelete('DPO', r.activity.id);
    await repos.events.softDelete('DPO', r.event.id);
    await repos.subprocessors.softDelete('DPO', r.sub.id);
    await repos.breaches.softDelete('DPO', r.breach.id);
    const items = await listDeleted(repos);
    expect(items.map((i) => i.table).sort()).toEqual(['activities', 'breaches', 'events', 'requests', 'subjects', 'subprocessors']);
    expect(new Set(items.map((i) => i.purgeAt))).toEqual(new Set(['2027-03-02T10:00:00.000Z']));
    expect(items.find((i) => i.table === 'requests')).toMatchObject({ title: 'Jan de Vries', requestType: 'access' });
    expect(items.find((i) => i.table === 'breaches')?.title).toBe('Lost laptop');

    await restoreDeleted(repos, 'DPO', 'requests', r.request.id);
    expect((await repos.requests.require(r.request.id)).deletedAt).toBeUndefined();
    // Restored into the open index again: back in the queue and the badge.
    expect((await repos.requests.require(r.request.id)).open).toBe(1);
    await expect(restoreDeleted(repos, 'DPO', 'requests', r.request.id)).rejects.toThrow(/No deleted request/);
    expect((await listDeleted(repos)).map((i) => i.table)).not.toContain('requests');
    const last = await repos.db.audit.orderBy('seq').last();
    expect(last).toMatchObject({ action: 'restore', table: 'requests', recordId: r.request.id, actor: 'DPO' });
  });
});

describe('the daily purge alarm', () => {
  it('purges what was deleted 61 days ago, keeps what was deleted 59 days ago, one audit entry per purge', async () => {
    const { repos, setNow } = freshRepos('2027-01-01T10:00:00.000Z');
    const r = await seed(repos);
    // Deleted on 1 January: 61 days before 3 March.
    for (const [table, id] of [['requests', r.request.id], ['activities', r.activity.id], ['breaches', r.breach.id]] as const) await repos[table].softDelete('DPO', id);
    // Deleted on 3 January: 59 days before 3 March.
    setNow('2027-01-03T10:00:00.000Z');
    for (const [table, id] of [['events', r.event.id], ['subprocessors', r.sub.id], ['subjects', r.subject.id]] as const) await repos[table].softDelete('DPO', id);

    // Outside a team, or as an agent in one, the browser purges its own replica without sending (an
    // agent's purge would be refused); test/sync/purge.test.ts covers the DPO's purge that travels.
    repos.store.hook = {
      tables: [],
      onCommit: async (_db, _actor, _at, ops) => {
        if (ops.some((op) => op.action === 'purge')) throw new Error('an agent may not make a purge');
      },
    };
    const purge = createPurge(repos, { state: async () => undefined });
    await purge.schedule();
    expect(alarms).toContainEqual({ name: PURGE_ALARM, info: { periodInMinutes: 1440, delayInMinutes: 1 } });
    expect(await purge.onAlarm('pd-reminders-check')).toBeUndefined();

    setNow('2027-03-03T10:00:00.000Z');
    const before = (await repos.db.audit.orderBy('seq').last())!.seq;
    const counts = await purge.onAlarm(PURGE_ALARM);
    expect(counts).toEqual({ requests: 1, subjects: 0, activities: 1, events: 0, subprocessors: 0, breaches: 1 });
    expect(await repos.requests.get(r.request.id)).toBeUndefined();
    expect(await repos.activities.get(r.activity.id)).toBeUndefined();
    expect(await repos.breaches.get(r.breach.id)).toBeUndefined();
    expect((await repos.events.get(r.event.id))?.deletedAt).toBe('2027-01-03T10:00:00.000Z');
    expect((await repos.subjects.get(r.subject.id))?.deletedAt).toBeDefined();

    const entries = await repos.db.audit.where('seq').above(before).toArray();
    expect(entries.map((e) => [e.action, e.table, e.recordId, e.actor, e.at])).toEqual(
      [['requests', r.request.id], ['activities', r.activity.id], ['breaches', r.breach.id]].map(([table, id]) => ['purge', table, id, PURGE_ACTOR, '2027-03-03T10:00:00.000Z']),
    );
    expect(await verifyAudit(repos.db)).toMatchObject({ ok: true });

    // A second run the same day has nothing left to purge and writes nothing.
    await purge.onAlarm(PURGE_ALARM);
    expect((await repos.db.audit.orderBy('seq').last())!.seq).toBe(before + 3);
    // Once the second batch is past its window too, it goes.
    setNow('2027-03-05T10:00:00.000Z');
    expect(await purge.onAlarm(PURGE_ALARM)).toMatchObject({ subjects: 1, events: 1, subprocessors: 1 });
    expect(await listDeleted(repos)).toEqual([]);
  });
});
