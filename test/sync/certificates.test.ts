// DPO-signed member certificates (lib/sync/certificates.ts): roles come from certificates chained to the
// team's root key from the invite, not from the server's roster. A relay that lies about a role, or adds
// a device of its own, gains nothing; a member from an admin's invite is certified by a DPO's browser on
// its next sync; a DPO certified by the root certifies others; a certificate signed by anyone else counts
// for nothing.
import { describe, expect, it } from 'vitest';
import { flagTicket } from '../../lib/db/requests';
import { TeamSync, encodeInvite } from '../../lib/sync/engine';
import { issueCertificate, trustedDevices } from '../../lib/sync/certificates';
import { newDeviceKeys } from '../../lib/sync/keys';
import { toBase64Url } from '../../lib/sync/codec';
import { freshRepos, plainDeadline, sampleTicket } from '../db/helpers';
import { Relay } from './relay';

const URL_ = 'http://127.0.0.1:8787';
const NOW = '2026-03-02T09:00:00.000Z';
const TEAM = '00000000-0000-4000-8000-000000000001';

async function replica(relay: Relay, role: 'agent' | 'dpo' | 'legal', name: string, code?: string) {
  const { repos } = freshRepos(NOW);
  const sync = new TeamSync(repos, relay.fetch);
  repos.store.hook = sync.hook;
  await sync.join(code ?? encodeInvite({ v: 1, url: URL_, token: relay.invite(role) }), name, NOW);
  return { repos, sync };
}

const ticket = (id: string) => ({ ...sampleTicket, ticketId: id, ticketUrl: `http://localhost:4173/tickets/${id}` });
const memberOf = (relay: Relay, deviceId: string) => relay.members.find((m) => m.devices.some((d) => d.deviceId === deviceId))!;

describe('member certificates', () => {
  it("a relay that lies about a member's role: the change is refused all the same", async () => {
    const relay = new Relay();
    const dpo = await replica(relay, 'dpo', 'Dana');
    const agent = await replica(relay, 'agent', 'Alex', (await dpo.sync.invite('agent')).code);
    const { request } = await flagTicket(agent.repos, 'Alex', { ticket: ticket('1'), type: 'access' }, plainDeadline);
    await agent.sync.sync();
    await dpo.sync.sync();
    // The relay now says the agent is a DPO, and the agent's browser, tampered with, believes it too.
    memberOf(relay, (await agent.sync.state())!.deviceId).role = 'dpo';
    const state = (await agent.sync.state())!;
    await agent.repos.db.settings.put({ key: 'team', value: { ...state, role: 'dpo' } });
    const q = await agent.repos.requests.require(request.id);
    await agent.repos.store.commit('Alex', [{ table: 'requests', kind: 'put', id: q.id, record: { ...q, status: 'completed', open: 0 }, action: 'update', detail: 'forced' }]);
    await agent.sync.sync();
    await dpo.sync.sync();
    expect((await dpo.repos.requests.require(request.id)).status).toBe('received');
    expect((await dpo.sync.state())!.refused.map((r) => r.reason)).toEqual([expect.stringMatching(/agent may not move a request/)]);
  });

  it('a device the relay adds on its own is never certified and never receives a team key', async () => {
    const relay = new Relay();
    const dpo = await replica(relay, 'dpo', 'Dana');
    const agent = await replica(relay, 'agent', 'Alex', (await dpo.sync.invite('agent')).code);
    const legal = await replica(relay, 'legal', 'Lee', (await dpo.sync.invite('legal')).code);
    await dpo.sync.sync();
    // The relay slips a device of its own into the agent's membership.
    const fake = newDeviceKeys();
    const fakeId = '00000000-0000-4000-8000-00000000fa4e';
    memberOf(relay, (await agent.sync.state())!.deviceId).devices.push({ deviceId: fakeId, signPublicKey: toBase64Url(fake.signPublic), boxPublicKey: toBase64Url(fake.boxPublic), token: 'x'.repeat(43) });
    // Revoking legal starts a new team key: sealed to the agent's real device only.
    await dpo.sync.revoke(memberOf(relay, (await legal.sync.state())!.deviceId).memberId);
    await dpo.sync.sync();
    const epoch = (await dpo.sync.state())!.epoch;
    expect([...new Set(relay.envelopes.filter((e) => e.epoch === epoch).map((e) => e.deviceId))]).toEqual([(await agent.sync.state())!.deviceId]);
    expect(relay.certificates.has(fakeId)).toBe(false);
  });

  it("a member from an admin's invite (no key, no root) is certified by the DPO's browser on its next sync", async () => {
    const relay = new Relay();
    const dpo = await replica(relay, 'dpo', 'Dana');
    const agent = await replica(relay, 'agent', 'Alex'); // the admin command's code: url and token only
    expect((await agent.sync.status()).hasKey).toBe(false);
    await dpo.sync.sync();
    expect(await agent.sync.sync()).toMatchObject({ hasKey: true, certified: true });
    expect((await agent.sync.state())!.root).toBe((await dpo.sync.state())!.root);
    const { request } = await flagTicket(agent.repos, 'Alex', { ticket: ticket('2'), type: 'access' }, plainDeadline);
    await agent.sync.sync();
    await dpo.sync.sync();
    expect(await dpo.repos.requests.get(request.id)).toMatchObject({ status: 'received' });
    expect((await dpo.sync.status()).refused).toBe(0);
  });

  it("another member's replica waits for the certificate of a browser no DPO has certified yet", async () => {
    const relay = new Relay();
    const a = await replica(relay, 'dpo', 'A');
    const b = await replica(relay, 'dpo', 'B', (await a.sync.invite('dpo')).code);
    const c = await replica(relay, 'agent', 'C', (await b.sync.invite('agent')).code); // B is not certified yet
    await flagTicket(c.repos, 'C', { ticket: ticket('3'), type: 'access' }, plainDeadline);
    expect(await c.sync.sync()).toMatchObject({ waiting: 0, certified: false });
    // B cannot certify C before A certified B: B's replica waits, refusing nothing.
    expect(await b.sync.sync()).toMatchObject({ certified: false, refused: 0, waitingForCertificate: true });
    expect(await b.repos.db.requests.count()).toBe(0);
    // A certifies B; B, now a certified DPO, certifies C; C's flag is applied through that chain.
    await a.sync.sync();
    expect(await b.sync.sync()).toMatchObject({ certified: true, refused: 0 });
    expect((await b.sync.status()).waitingForCertificate).toBeUndefined();
    // C's subject key went only to devices certified when C made it (A): C hands it to B once B is
    // certified, and B then applies the parked flag.
    await c.sync.sync();
    await b.sync.sync();
    expect(await b.repos.db.requests.count()).toBe(1);
    expect(relay.certificates.size).toBe(3);
    await a.sync.sync();
    expect(await a.repos.db.requests.count()).toBe(1);
    expect((await a.sync.status()).refused).toBe(0);
  });

  it('trusts only certificates whose chain of signatures reaches the root', () => {
    const root = newDeviceKeys();
    const dpo2 = newDeviceKeys();
    const agent = newDeviceKeys();
    const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const cert = (device: number, role: 'dpo' | 'agent', keys: typeof root, issuer: typeof root, at = NOW) =>
      issueCertificate({ v: 1, team: TEAM, member: id(100 + device), device: id(device), role, sign: toBase64Url(keys.signPublic), box: toBase64Url(keys.boxPublic), issuedAt: at, issuer: toBase64Url(issuer.signPublic) }, issuer.signSecret);
    const rootKey = toBase64Url(root.signPublic);
    const chain = [cert(3, 'agent', agent, dpo2), cert(2, 'dpo', dpo2, root), cert(1, 'dpo', root, root)];
    expect([...trustedDevices(chain, rootKey, TEAM)].map(([d, c]) => [d, c.role]).sort()).toEqual([[id(1), 'dpo'], [id(2), 'dpo'], [id(3), 'agent']]);
    // An agent cannot make a DPO; an unknown key cannot either; nor can a certificate of another team or an altered one.
    const rogue = newDeviceKeys();
    const byAgent = cert(4, 'dpo', rogue, agent);
    const byStranger = cert(5, 'dpo', rogue, rogue);
    const altered = cert(6, 'agent', rogue, root).replace(/.{8}$/, 'AAAAAAAA');
    const trusted = trustedDevices([...chain, byAgent, byStranger, altered], rootKey, TEAM);
    expect([...trusted.keys()].sort()).toEqual([id(1), id(2), id(3)]);
    expect(trustedDevices(chain, rootKey, '00000000-0000-4000-8000-000000000999').size).toBe(0);
    // A device certified again: the newest certificate stands.
    const later = cert(3, 'agent', agent, root, '2026-03-03T09:00:00.000Z');
    expect(trustedDevices([...chain, later], rootKey, TEAM).get(id(3))?.issuedAt).toBe('2026-03-03T09:00:00.000Z');
  });
});
