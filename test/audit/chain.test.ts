import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../lib/audit/verify';
import { freshRepos, plainDeadline, sampleTicket } from '../db/helpers';
import { flagTicket } from '../../lib/db/requests';

async function repoWithHistory() {
  const { repos } = freshRepos();
  const a = await repos.activities.create('dpo', { name: 'Customer support', role: 'controller' });
  await repos.activities.update('dpo', a.id, { purposes: ['answering customer questions'] });
  await flagTicket(repos, 'agent', { ticket: sampleTicket, type: 'access' }, plainDeadline);
  await repos.activities.softDelete('dpo', a.id);
  await repos.activities.restore('dpo', a.id);
  return repos;
}

describe('audit hash chain', () => {
  it('verifies an untouched history of create, update, delete and restore', async () => {
    const repos = await repoWithHistory();
    const result = await verifyAudit(repos.db);
    expect(result).toMatchObject({ ok: true, entries: 6 });
    const actions = (await repos.db.audit.toArray()).map((e) => e.action);
    expect(actions).toEqual(['create', 'update', 'create', 'create', 'delete', 'restore']);
  });

  it('fails at the entry whose content was edited', async () => {
    const repos = await repoWithHistory();
    await repos.db.audit.update(3, { actor: 'someone else' });
    expect(await verifyAudit(repos.db)).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringContaining('changed') });
  });

  it('fails at the entry after a deleted one', async () => {
    const repos = await repoWithHistory();
    await repos.db.audit.delete(4);
    expect(await verifyAudit(repos.db)).toMatchObject({ ok: false, brokenAt: 5 });
  });

  it('fails where two entries were swapped', async () => {
    const repos = await repoWithHistory();
    const [e2, e3] = await repos.db.audit.bulkGet([2, 3]);
    await repos.db.audit.bulkPut([{ ...e3!, seq: 2 }, { ...e2!, seq: 3 }]);
    expect(await verifyAudit(repos.db)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('fails when an entry is rehashed on its own (the next link breaks)', async () => {
    const repos = await repoWithHistory();
    const { hashEntry } = await import('../../lib/audit/chain');
    const e = (await repos.db.audit.get(2))!;
    const edited = { ...e, detail: 'nothing to see' };
    const { hash: _old, ...rest } = edited;
    await repos.db.audit.put({ ...edited, hash: await hashEntry(rest) });
    expect(await verifyAudit(repos.db)).toMatchObject({ ok: false, brokenAt: 3 });
  });
});

describe('atomic writes', () => {
  it('a write whose audit append fails leaves neither the record nor an entry', async () => {
    const { repos } = freshRepos();
    await repos.activities.create('dpo', { name: 'First', role: 'controller' });
    // The append inside the transaction fails after the record was put.
    repos.db.audit.hook('creating', () => {
      throw new Error('disk on fire');
    });
    await expect(repos.activities.create('dpo', { name: 'Second', role: 'controller' })).rejects.toThrow('disk on fire');
    expect((await repos.db.activities.toArray()).map((a) => a.name)).toEqual(['First']);
    expect(await repos.db.audit.count()).toBe(1);
  });

  it('a failing multi-record write (flag) leaves no subject behind', async () => {
    const { repos } = freshRepos();
    repos.db.requests.hook('creating', () => {
      throw new Error('request table broken');
    });
    await expect(flagTicket(repos, 'agent', { ticket: sampleTicket, type: 'access' }, plainDeadline)).rejects.toThrow('request table broken');
    expect(await repos.db.subjects.count()).toBe(0);
    expect(await repos.db.audit.count()).toBe(0);
  });
});
