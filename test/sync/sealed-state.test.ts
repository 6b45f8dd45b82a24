// The team membership is sealed by the passphrase lock (lib/db/crypto/fields.ts SEALED_SETTINGS): a
// copy of the profile does not give the device's signing key, its server token or the team key, and a
// closed lock stops sync instead of signing with keys it should not have.
import { describe, expect, it } from 'vitest';
import { flagTicket } from '../../lib/db/requests';
import { TeamSync, encodeInvite } from '../../lib/sync/engine';
import { TeamState, TEAM_KEY } from '../../lib/sync/state';
import { PassphraseLock } from '../../lib/db/crypto/lock';
import { LockedError } from '../../lib/db/crypto/errors';
import { freshRepos, plainDeadline, sampleTicket } from '../db/helpers';
import { rawTables } from '../backup/helpers';
import { Relay } from './relay';

const URL_ = 'http://127.0.0.1:8787';
const NOW = '2026-03-02T09:00:00.000Z';
const PASS = 'a team member passphrase';

async function member(relay: Relay, role: 'agent' | 'dpo', name: string, code?: string) {
  const { repos } = freshRepos();
  const sync = new TeamSync(repos, relay.fetch);
  repos.store.hook = sync.hook;
  await sync.join(code ?? encodeInvite({ v: 1, url: URL_, token: relay.invite(role) }), name, NOW);
  const lock = new PassphraseLock(repos, undefined, 2_000, undefined, { rebuild: false });
  return { repos, sync, lock };
}

describe('team membership under the passphrase lock', () => {
  it('is stored sealed: no secret key, token or team key in the stored settings', async () => {
    const relay = new Relay();
    const dpo = await member(relay, 'dpo', 'Dana DPO');
    const plain = TeamState.parse((await dpo.repos.db.settings.get(TEAM_KEY))?.value);
    const secrets = [plain.keys.signSecret, plain.keys.boxSecret, plain.token, ...Object.values(plain.teamKeys), 'Dana DPO'];
    // Before the lock: the attack works, the secrets are on disk in plain text.
    const before = JSON.stringify(await rawTables(dpo.repos.db.name));
    for (const secret of secrets) expect(before).toContain(secret);

    await dpo.lock.enable(PASS);
    const after = JSON.stringify(await rawTables(dpo.repos.db.name));
    for (const secret of secrets) expect(after).not.toContain(secret);
    // Open, the engine reads its state as before.
    expect(await dpo.sync.state()).toMatchObject({ memberName: 'Dana DPO', token: plain.token });
  });

  it('while locked: status says so, sync sends nothing, and nothing is signed; after unlocking it syncs', async () => {
    const relay = new Relay();
    const dpo = await member(relay, 'dpo', 'Dana DPO');
    const agent = await member(relay, 'agent', 'Alex Agent', (await dpo.sync.invite('agent')).code);
    await agent.lock.enable(PASS);
    const { request } = await flagTicket(agent.repos, 'Alex Agent', { ticket: sampleTicket, type: 'access' }, plainDeadline);
    await agent.lock.lock();
    expect(await agent.sync.status()).toMatchObject({ joined: true, locked: true, waiting: 1 });
    const pushed = relay.changes.length;
    expect(await agent.sync.sync()).toMatchObject({ locked: true, waiting: 1 });
    expect(relay.changes.length).toBe(pushed);
    // A write that would have to be signed with the sealed key is refused, not sent unsigned.
    await expect(agent.repos.store.commit('Alex Agent', [{ table: 'activities', kind: 'put', id: 'x', record: { id: 'x' }, action: 'create', detail: '' }])).rejects.toThrow(LockedError);

    await agent.lock.unlock(PASS);
    await agent.sync.sync();
    await dpo.sync.sync();
    expect(await dpo.repos.requests.get(request.id)).toMatchObject({ type: 'access' });
  });
});
