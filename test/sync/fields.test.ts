// Field-level merge of team edits (lib/sync/fields.ts): concurrent edits of different fields of one record
// both survive; two edits of the same field keep the later one in team order and the overwritten value in
// the record's history, the same on every replica; an edit made after seeing the other is no conflict.
import { describe, expect, it } from 'vitest';
import { flagTicket, transitionRequest } from '../../lib/db/requests';
import { TeamSync, encodeInvite } from '../../lib/sync/engine';
import { freshRepos, plainDeadline, sampleTicket } from '../db/helpers';
import { Relay } from './relay';

const URL_ = 'http://127.0.0.1:8787';
const NOW = '2026-03-02T09:00:00.000Z';

async function replica(relay: Relay, role: 'agent' | 'dpo', name: string, code?: string) {
  const { repos, setNow } = freshRepos(NOW);
  const sync = new TeamSync(repos, relay.fetch);
  repos.store.hook = sync.hook;
  await sync.join(code ?? encodeInvite({ v: 1, url: URL_, token: relay.invite(role) }), name, NOW);
  return { repos, sync, setNow };
}

/** A DPO and an agent who both hold one flagged request. */
async function shared() {
  const relay = new Relay();
  const dpo = await replica(relay, 'dpo', 'Dana');
  const agent = await replica(relay, 'agent', 'Alex', (await dpo.sync.invite('agent')).code);
  const { request } = await flagTicket(agent.repos, 'Alex', { ticket: sampleTicket, type: 'access' }, plainDeadline);
  await agent.sync.sync();
  await dpo.sync.sync();
  dpo.setNow('2026-03-02T10:00:00.000Z');
  agent.setNow('2026-03-02T10:05:00.000Z');
  return { relay, dpo, agent, id: request.id };
}

describe('field edits in a team', () => {
  it('concurrent edits of different fields of one record both survive, with no conflict noted', async () => {
    const { dpo, agent, id } = await shared();
    await dpo.repos.requests.update('Dana', id, { notes: 'called the requester' });
    await agent.repos.requests.update('Alex', id, { language: 'de' });
    await dpo.sync.sync();
    await agent.sync.sync();
    await dpo.sync.sync();
    for (const r of [dpo, agent]) {
      const q = await r.repos.requests.require(id);
      expect([q.notes, q.language, q.overwritten]).toEqual(['called the requester', 'de', undefined]);
    }
  });

  it('two edits of the same field: the later in team order wins, the earlier value stays in the history on both', async () => {
    const { dpo, agent, id } = await shared();
    await dpo.repos.requests.update('Dana', id, { notes: 'from Dana' });
    await agent.repos.requests.update('Alex', id, { notes: 'from Alex' });
    await dpo.sync.sync(); // Dana's edit is earlier in team order
    await agent.sync.sync();
    await dpo.sync.sync();
    await agent.sync.sync();
    const order = (await dpo.sync.state())!.cursor - 1;
    for (const r of [dpo, agent]) {
      const q = await r.repos.requests.require(id);
      expect(q.notes).toBe('from Alex');
      expect(q.overwritten).toEqual([{ field: 'notes', value: '"from Dana"', by: 'Dana', order, overwrittenBy: 'Alex' }]);
    }
    // The same holds when the later edit's own browser syncs first and pulls the earlier one afterwards.
    const again = await shared();
    await again.agent.repos.requests.update('Alex', again.id, { notes: 'from Alex' });
    await again.dpo.repos.requests.update('Dana', again.id, { notes: 'from Dana' });
    await again.agent.sync.sync(); // Alex's edit is earlier now, but Dana pulls it after editing
    await again.dpo.sync.sync();
    await again.agent.sync.sync();
    const a = await again.agent.repos.requests.require(again.id);
    const d = await again.dpo.repos.requests.require(again.id);
    expect(d.notes).toBe('from Dana');
    expect(a).toEqual(d);
    expect(d.overwritten?.map((n) => [n.field, n.value, n.by, n.overwrittenBy])).toEqual([['notes', '"from Alex"', 'Alex', 'Dana']]);
  });

  it('an edit made after seeing the other is no conflict; a move and a note edit at once both stand', async () => {
    const { dpo, agent, id } = await shared();
    await agent.repos.requests.update('Alex', id, { notes: 'first' });
    await agent.sync.sync();
    await dpo.sync.sync();
    await dpo.repos.requests.update('Dana', id, { notes: 'second' });
    // At the same time the agent writes more notes and the DPO moves the request on.
    await transitionRequest(dpo.repos, 'Dana', { requestId: id, to: 'in-progress' }, plainDeadline, () => true);
    await dpo.sync.sync();
    await agent.sync.sync();
    for (const r of [dpo, agent]) {
      const q = await r.repos.requests.require(id);
      expect([q.notes, q.status, q.overwritten]).toEqual(['second', 'in-progress', undefined]);
    }
    await agent.repos.requests.update('Alex', id, { checklist: [{ system: 'CRM', done: true }] });
    await dpo.repos.requests.update('Dana', id, { notes: 'third' });
    await transitionRequest(dpo.repos, 'Dana', { requestId: id, to: 'completed', reason: 'sent' }, plainDeadline, () => true);
    await agent.sync.sync();
    await dpo.sync.sync();
    await agent.sync.sync();
    const a = await agent.repos.requests.require(id);
    expect(a).toEqual(await dpo.repos.requests.require(id));
    expect([a.status, a.notes, a.checklist.map((c) => c.system), a.overwritten]).toEqual(['completed', 'third', ['CRM'], undefined]);
    expect((await agent.sync.status()).refused).toBe(0);
  });

  it('an erasure leaves no overwritten value naming the subject on any replica', async () => {
    const { dpo, agent, id } = await shared();
    await dpo.repos.requests.update('Dana', id, { notes: 'Jan de Vries called' });
    await agent.repos.requests.update('Alex', id, { notes: 'mailed jan@example.nl' });
    await dpo.sync.sync();
    await agent.sync.sync();
    await dpo.sync.sync();
    expect((await dpo.repos.requests.require(id)).overwritten?.[0]?.value).toContain('Jan de Vries');
    const { eraseSubject } = await import('../../lib/db/subject-data');
    await eraseSubject(dpo.repos, 'Dana', (await dpo.repos.requests.require(id)).subjectId, 'install-secret');
    await dpo.sync.sync();
    await agent.sync.sync();
    for (const r of [dpo, agent]) {
      expect((await r.repos.requests.require(id)).overwritten).toBeUndefined();
      const dump = JSON.stringify(await Promise.all(r.repos.db.tables.map((t) => t.toArray())));
      for (const secret of ['jan@example.nl', 'Jan de Vries']) expect(dump).not.toContain(secret);
    }
  });
});
