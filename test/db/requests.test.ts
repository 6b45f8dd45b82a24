import { describe, expect, it } from 'vitest';
import { countDueBefore, flagTicket, queryQueue, transitionRequest } from '../../lib/db/requests';
import { ConflictError } from '../../lib/db/errors';
import { verifyAudit } from '../../lib/audit/verify';
import { freshRepos, plainDeadline, sampleTicket } from './helpers';

const canExtendAlways = () => true;

describe('flagging a ticket', () => {
  it('creates the subject and the request with the ticket as its source', async () => {
    const { repos } = freshRepos();
    const { request, subject, created } = await flagTicket(repos, 'agent', { ticket: sampleTicket, type: 'access' }, plainDeadline, ['Helpdesk', 'CRM']);
    expect(created).toBe(true);
    expect(subject.emails).toEqual(['jan@example.nl']);
    expect(request).toMatchObject({ type: 'access', status: 'received', open: 1, source: { helpdesk: 'demo', ticketId: '1042' }, ticketKey: 'demo:1042' });
    expect(request.effectiveDueAt).toBe('2026-04-01T09:00:00.000Z');
    expect(request.checklist.map((c) => c.system)).toEqual(['Helpdesk', 'CRM']);
    expect(request.transitions[0]).toMatchObject({ to: 'received', actor: 'agent' });
  });

  it('does not duplicate a request when the same ticket is flagged again', async () => {
    const { repos } = freshRepos();
    const first = await flagTicket(repos, 'agent', { ticket: sampleTicket, type: 'access' }, plainDeadline);
    const second = await flagTicket(repos, 'agent', { ticket: sampleTicket, type: 'erasure' }, plainDeadline);
    expect(second.created).toBe(false);
    expect(second.request.id).toBe(first.request.id);
    expect(await repos.db.requests.count()).toBe(1);
  });

  it('links a second ticket of the same person by e-mail, case-insensitively', async () => {
    const { repos } = freshRepos();
    const a = await flagTicket(repos, 'agent', { ticket: sampleTicket, type: 'access' }, plainDeadline);
    const b = await flagTicket(repos, 'agent', { ticket: { ...sampleTicket, ticketId: '2000', requesterEmail: 'JAN@Example.NL' }, type: 'erasure' }, plainDeadline);
    expect(b.subject.id).toBe(a.subject.id);
    expect(await repos.db.subjects.count()).toBe(1);
  });

  it('accepts a ticket whose e-mail the page did not show, with the e-mail the agent typed', async () => {
    const { repos } = freshRepos();
    const { requesterEmail: _none, ...noEmail } = sampleTicket;
    const { subject } = await flagTicket(repos, 'agent', { ticket: noEmail, type: 'access', email: 'typed@example.nl' }, plainDeadline);
    expect(subject.emails).toEqual(['typed@example.nl']);
  });
});

describe('request lifecycle', () => {
  it('walks received → identity verification → in progress → extended → completed, recording each step', async () => {
    const { repos, setNow } = freshRepos();
    const { request } = await flagTicket(repos, 'agent', { ticket: sampleTicket, type: 'access' }, plainDeadline);
    await transitionRequest(repos, 'dpo', { requestId: request.id, to: 'identity-verification' }, plainDeadline, canExtendAlways);
    await transitionRequest(repos, 'dpo', { requestId: request.id, to: 'in-progress' }, plainDeadline, canExtendAlways);
    setNow('2026-03-10T09:00:00.000Z');
    const extended = await transitionRequest(repos, 'dpo', { requestId: request.id, to: 'extended', reason: 'many systems', subjectToldOn: '2026-03-10' }, plainDeadline, canExtendAlways);
    expect(extended.effectiveDueAt).toBe('2026-05-31T09:00:00.000Z');
    expect(extended.extension).toMatchObject({ reason: 'many systems', subjectToldOn: '2026-03-10', by: 'dpo' });
    const done = await transitionRequest(repos, 'dpo', { requestId: request.id, to: 'completed' }, plainDeadline, canExtendAlways);
    expect(done.open).toBe(0);
    expect(done.transitions.map((t) => `${t.from ?? ''}>${t.to}`)).toEqual([
      '>received',
      'received>identity-verification',
      'identity-verification>in-progress',
      'in-progress>extended',
      'extended>completed',
    ]);
    expect(await verifyAudit(repos.db)).toMatchObject({ ok: true, entries: 6 });
  });

  it('refuses invalid transitions, extensions without reason or too late, and rejections without ground', async () => {
    const { repos } = freshRepos();
    const { request } = await flagTicket(repos, 'agent', { ticket: sampleTicket, type: 'erasure' }, plainDeadline);
    const go = (input: Omit<Parameters<typeof transitionRequest>[2], 'requestId'>, canExtend = canExtendAlways) =>
      transitionRequest(repos, 'dpo', { requestId: request.id, ...input }, plainDeadline, canExtend);
    await expect(go({ to: 'completed' })).rejects.toThrow('cannot become "completed"');
    await go({ to: 'in-progress' });
    await expect(go({ to: 'extended', subjectToldOn: '2026-03-03' })).rejects.toThrow('needs a reason');
    await expect(go({ to: 'extended', reason: 'x', subjectToldOn: '2026-03-03' }, () => false)).rejects.toThrow('Art. 12(3)');
    await expect(go({ to: 'rejected', reason: 'manifestly unfounded' })).rejects.toBeInstanceOf(ConflictError);
    const rejected = await go({ to: 'rejected', reason: 'legal retention', ground: 'Art. 17(3)(b)' });
    expect(rejected.outcome).toEqual({ ground: 'Art. 17(3)(b)', summary: 'legal retention' });
    await expect(go({ to: 'in-progress' })).rejects.toThrow('cannot become');
  });
});

describe('queue and badge', () => {
  it('lists open requests by deadline, filters by type and search, and counts those due soon', async () => {
    const { repos, setNow } = freshRepos('2026-01-01T09:00:00.000Z');
    const people = [
      ['1', 'anna@example.org', 'Anna Rossi', 'access'],
      ['2', 'bert@example.org', 'Bert Müller', 'erasure'],
      ['3', 'carla@example.org', 'Carla Jansen', 'access'],
    ] as const;
    for (const [i, [id, email, name, type]] of people.entries()) {
      setNow(`2026-01-0${i + 1}T09:00:00.000Z`);
      await flagTicket(repos, 'agent', { ticket: { ...sampleTicket, ticketId: id, requesterEmail: email, requesterName: name }, type }, plainDeadline);
    }
    const all = await queryQueue(repos, { status: 'open' });
    expect(all.total).toBe(3);
    expect(all.items.map((r) => r.source?.ticketId)).toEqual(['1', '2', '3']);
    expect((await queryQueue(repos, { type: 'access' })).items.map((r) => r.source?.ticketId)).toEqual(['1', '3']);
    expect((await queryQueue(repos, { search: 'bert@' })).items.map((r) => r.source?.ticketId)).toEqual(['2']);
    expect((await queryQueue(repos, { search: 'carla' })).items.map((r) => r.source?.ticketId)).toEqual(['3']);
    expect((await queryQueue(repos, { status: 'open', limit: 1, offset: 1 })).items.map((r) => r.source?.ticketId)).toEqual(['2']);
    expect(await countDueBefore(repos, '2026-02-01T08:00:00.000Z')).toBe(1);
    expect(await countDueBefore(repos, '2026-02-01T09:00:00.000Z')).toBe(2);
    expect(await countDueBefore(repos, '2026-02-03T12:00:00.000Z')).toBe(3);
    expect(await countDueBefore(repos, '2026-02-03T12:00:00.000Z', 2)).toBe(2);
    const firstPaint = await queryQueue(repos, { status: 'open', withTotal: false, limit: 2 });
    expect(firstPaint.total).toBe(-1);
    expect(firstPaint.items).toHaveLength(2);
    // A capped count answers cap + 1 for "more than cap".
    expect((await queryQueue(repos, { status: 'open', countCap: 2 })).total).toBe(3);
    expect((await queryQueue(repos, { status: 'open', countCap: 5 })).total).toBe(3);
    expect((await queryQueue(repos, { search: 'a', countCap: 1 })).total).toBeLessThanOrEqual(2);
    // A soft-deleted request leaves the open index; restoring brings it back.
    await repos.requests.softDelete('dpo', all.items[0]!.id);
    expect((await queryQueue(repos, { status: 'open' })).total).toBe(2);
    await repos.requests.restore('dpo', all.items[0]!.id);
    expect((await queryQueue(repos, { status: 'open' })).total).toBe(3);
  });
});

describe('soft delete and purge', () => {
  it('keeps a deleted record for the recovery window, restores it, and purges it after', async () => {
    const { repos, setNow } = freshRepos('2026-01-01T09:00:00.000Z');
    const a = await repos.activities.create('dpo', { name: 'Newsletter', role: 'controller' });
    await repos.activities.softDelete('dpo', a.id);
    expect((await repos.activities.listLive()).length).toBe(0);
    await repos.activities.restore('dpo', a.id);
    expect((await repos.activities.listLive()).length).toBe(1);
    await repos.activities.softDelete('dpo', a.id);
    setNow('2026-02-15T09:00:00.000Z');
    expect(await repos.activities.purgeExpired('dpo')).toBe(0);
    setNow('2026-03-03T09:00:00.000Z');
    expect(await repos.activities.purgeExpired('dpo')).toBe(1);
    expect(await repos.db.activities.count()).toBe(0);
    const actions = (await repos.db.audit.toArray()).map((e) => e.action);
    expect(actions).toEqual(['create', 'delete', 'restore', 'delete', 'purge']);
    expect(await verifyAudit(repos.db)).toMatchObject({ ok: true });
  });
});
