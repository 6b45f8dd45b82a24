// The purge in a team (lib/sync/purge.ts): the DPO's purge travels and every replica lets go of the same
// records, with the DPO named in its audit log; an agent's browser purges its own replica without
// sending; and an agent's purge forced onto the wire is refused wherever it arrives.
import { describe, expect, it } from 'vitest';
import { flagTicket } from '../../lib/db/requests';
import { TeamSync, encodeInvite } from '../../lib/sync/engine';
import { purgeInTeam } from '../../lib/sync/purge';
import { freshRepos, plainDeadline, sampleTicket } from '../db/helpers';
import { Relay } from './relay';

const URL_ = 'http://127.0.0.1:8787';
const NOW = '2026-03-02T09:00:00.000Z';
/** 61 days after NOW: past the 60-day recovery window of a record deleted at NOW. */
const LATER = '2026-05-02T09:00:00.000Z';

async function replica(relay: Relay, role: 'agent' | 'dpo', name: string, code?: string) {
  const { repos, setNow } = freshRepos(NOW);
  const sync = new TeamSync(repos, relay.fetch);
  repos.store.hook = sync.hook;
  await sync.join(code ?? encodeInvite({ v: 1, url: URL_, token: relay.invite(role) }), name, NOW);
  return { repos, sync, setNow };
}

/** A DPO and an agent sharing one request that the DPO soft-deleted at NOW. */
async function deletedRequest() {
  const relay = new Relay();
  const dpo = await replica(relay, 'dpo', 'Dana DPO');
  const agent = await replica(relay, 'agent', 'Alex Agent', (await dpo.sync.invite('agent')).code);
  const { request } = await flagTicket(agent.repos, 'Alex Agent', { ticket: sampleTicket, type: 'access' }, plainDeadline);
  await agent.sync.sync();
  await dpo.sync.sync();
  await dpo.repos.requests.softDelete('Dana DPO', request.id);
  await dpo.sync.sync();
  await agent.sync.sync();
  expect((await agent.repos.requests.get(request.id))?.deletedAt).toBe(NOW);
  return { relay, dpo, agent, request };
}

describe('the purge in a team', () => {
  it("the DPO's purge travels: the agent's replica lets go of the record, naming the DPO", async () => {
    const { dpo, agent, request } = await deletedRequest();
    dpo.setNow(LATER);
    expect((await purgeInTeam(dpo.repos, dpo.sync, 'Privacy Desk (daily purge)')).requests).toBe(1);
    expect((await dpo.sync.status()).waiting).toBe(1);
    await dpo.sync.sync();
    // The agent's own window has not ended (its clock is still at NOW): only the DPO's change purges it.
    await agent.sync.sync();
    expect(await agent.repos.requests.get(request.id)).toBeUndefined();
    const purge = (await agent.repos.db.audit.toArray()).filter((e) => e.action === 'purge');
    expect(purge.map((e) => [e.actor, e.table, e.recordId])).toEqual([['Dana DPO (dpo)', 'requests', request.id]]);
    expect((await agent.sync.status()).refused).toBe(0);
  });

  it("an agent's browser purges its own replica without sending; the DPO's later purge finds nothing left there", async () => {
    const { dpo, agent, request } = await deletedRequest();
    agent.setNow(LATER);
    expect((await purgeInTeam(agent.repos, agent.sync, 'Privacy Desk (daily purge)')).requests).toBe(1);
    expect(await agent.repos.requests.get(request.id)).toBeUndefined();
    expect((await agent.sync.status()).waiting).toBe(0);
    await agent.sync.sync();
    await dpo.sync.sync();
    expect((await dpo.repos.requests.get(request.id))?.deletedAt).toBe(NOW);
    // Then the DPO's own window ends: its purge travels, and the agent's replica has nothing more to do.
    dpo.setNow(LATER);
    await purgeInTeam(dpo.repos, dpo.sync, 'Privacy Desk (daily purge)');
    await dpo.sync.sync();
    await agent.sync.sync();
    const purges = (await agent.repos.db.audit.toArray()).filter((e) => e.action === 'purge');
    expect(purges.map((e) => e.actor)).toEqual(['Privacy Desk (daily purge)']);
    expect(await dpo.repos.requests.get(request.id)).toBeUndefined();
    expect((await agent.sync.status()).refused).toBe(0);
  });

  it("an agent's purge forced onto the wire is refused by the DPO's replica", async () => {
    const { dpo, agent, request } = await deletedRequest();
    // As a tampered extension would: the agent's browser believes it is a DPO and sends its purge.
    const state = (await agent.sync.state())!;
    await agent.repos.db.settings.put({ key: 'team', value: { ...state, role: 'dpo' } });
    agent.setNow(LATER);
    await purgeInTeam(agent.repos, agent.sync, 'x');
    expect((await agent.sync.status()).waiting).toBe(1);
    await agent.sync.sync();
    await dpo.sync.sync();
    expect((await dpo.repos.requests.get(request.id))?.deletedAt).toBe(NOW);
    expect((await dpo.sync.state())!.refused.map((r) => r.reason)).toEqual([expect.stringMatching(/agent may not make a purge of requests/)]);
  });
});
