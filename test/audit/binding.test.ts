// History cannot be rewritten quietly: records are bound to their last audit entry, a head kept outside
// the browser catches a log that was shortened or rewritten and re-hashed, and a routine check resumes
// from the last verified head. Each attack is first shown to pass the plain chain check.
import { describe, expect, it } from 'vitest';
import { flagTicket } from '../../lib/db/requests';
import { chainEntries } from '../../lib/audit/chain';
import { verifyAudit } from '../../lib/audit/verify';
import type { AuditEntry } from '../../lib/model/audit';
import { freshRepos, plainDeadline, sampleTicket } from '../db/helpers';

async function world(tickets = 3) {
  const { repos } = freshRepos();
  const ids: string[] = [];
  for (let i = 0; i < tickets; i += 1) ids.push((await flagTicket(repos, 'agent', { ticket: { ...sampleTicket, ticketId: String(1000 + i) }, type: 'access' }, plainDeadline)).request.id);
  return { repos, ids };
}

describe('records bound to the chain', () => {
  it('a request completed and moved to 2099 by writing the database directly fails verify, naming it', async () => {
    const { repos, ids } = await world();
    // One subject (the same e-mail) and three requests.
    expect(await verifyAudit(repos.db)).toMatchObject({ ok: true, records: 4 });
    const request = (await repos.db.requests.get(ids[1]!))!;
    await repos.db.requests.put({ ...request, status: 'completed', open: 0, effectiveDueAt: '2099-01-01T00:00:00.000Z' });
    const result = await verifyAudit(repos.db);
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? '' : result.reason).toContain(`requests ${ids[1]} is not what its last audit entry`);
    // The chain itself still verifies: the binding is what catches it.
    expect(await verifyAudit(repos.db, { records: false })).toMatchObject({ ok: true });
  });

  it('a record removed outside Privacy Desk fails verify', async () => {
    const { repos, ids } = await world();
    await repos.db.requests.delete(ids[0]!);
    const result = await verifyAudit(repos.db);
    expect(result.ok ? '' : result.reason).toContain(`requests ${ids[0]} is missing`);
  });
});

describe('a head kept elsewhere', () => {
  it('catches entries dropped from the end, which the chain alone cannot see', async () => {
    const { repos } = await world();
    const head = await verifyAudit(repos.db);
    if (!head.ok) throw new Error('expected a clean log');
    const kept = { entries: head.entries, hash: head.head };
    await repos.db.audit.where('seq').above(head.entries - 2).delete();
    expect(await verifyAudit(repos.db, { records: false })).toMatchObject({ ok: true, entries: head.entries - 2 });
    const result = await verifyAudit(repos.db, { kept, records: false });
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? '' : result.reason).toContain(`but the head you kept has ${head.entries}`);
  });

  it('catches a log rewritten and re-hashed from the start', async () => {
    const { repos } = await world();
    const head = await verifyAudit(repos.db);
    if (!head.ok) throw new Error('expected a clean log');
    // Whoever can write the database rebuilds the whole chain with an invented actor: it verifies.
    const entries = await repos.db.audit.orderBy('seq').toArray();
    const forged = await chainEntries(undefined, entries.map(({ seq: _s, hash: _h, prevHash: _p, ...draft }) => ({ ...draft, actor: 'someone else' })));
    await repos.db.audit.clear();
    await repos.db.audit.bulkAdd(forged as AuditEntry[]);
    expect(await verifyAudit(repos.db)).toMatchObject({ ok: true });
    const result = await verifyAudit(repos.db, { kept: { entries: head.entries, hash: head.head } });
    expect(result.ok ? '' : result.reason).toContain('is not the head you kept');
  });
});

describe('a routine check from the last verified head', () => {
  it('verifies only what followed, and still sees the verified head replaced or the log shortened', async () => {
    const { repos } = await world(2);
    const first = await verifyAudit(repos.db);
    if (!first.ok) throw new Error('expected a clean log');
    const from = { entries: first.entries, hash: first.head };
    await flagTicket(repos, 'agent', { ticket: { ...sampleTicket, ticketId: '2000' }, type: 'erasure' }, plainDeadline);
    expect(await verifyAudit(repos.db, { from })).toMatchObject({ ok: true, entries: first.entries + 1 });

    const entry = (await repos.db.audit.get(first.entries))!;
    await repos.db.audit.put({ ...entry, detail: 'rewritten' });
    const changed = await verifyAudit(repos.db, { from });
    expect(changed.ok ? '' : changed.reason).toMatch(/changed after it was written|no longer the one verified/);

    await repos.db.audit.put(entry);
    await repos.db.audit.where('seq').aboveOrEqual(first.entries).delete();
    const shorter = await verifyAudit(repos.db, { from });
    expect(shorter.ok ? '' : shorter.reason).toContain('fewer than the');
  });
});
