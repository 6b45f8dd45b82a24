// Crypto-shredding in a team (lib/sync/README.md): a subject's records travel sealed with keys of that
// subject; an erasure destroys the keys on every replica, so a copy of the relay taken before the shred,
// opened with every team key, no longer names the subject; a late change from an outbox does not bring
// the data back; two devices' keys for one subject are both kept; new data after a revocation uses keys
// the revoked member never had.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { flagTicket } from '../../lib/db/requests';
import { eraseSubject } from '../../lib/db/subject-data';
import { TeamSync, encodeInvite } from '../../lib/sync/engine';
import { CHANGE_FORMAT, openChange, sealChange, type Change } from '../../lib/sync/change';
import { newDeviceKeys, newTeamKey } from '../../lib/sync/keys';
import { fromBase64Url } from '../../lib/sync/codec';
import { openRecord } from '../../lib/sync/subject-keys';
import { PassphraseLock } from '../../lib/db/crypto/lock';
import { freshRepos, plainDeadline, sampleTicket } from '../db/helpers';
import { rawTables } from '../backup/helpers';
import { Relay, type Stored } from './relay';

const URL_ = 'http://127.0.0.1:8787';
const NOW = '2026-03-02T09:00:00.000Z';
const SECRETS = ['jan@example.nl', 'Jan de Vries', 'persoonsgegevens', 'Verzoek om inzage'];

type Replica = Awaited<ReturnType<typeof replica>>;

async function replica(relay: Relay, role: 'agent' | 'dpo' | 'legal', name: string, code?: string) {
  const { repos, setNow } = freshRepos();
  const sync = new TeamSync(repos, relay.fetch);
  repos.store.hook = sync.hook;
  await sync.join(code ?? encodeInvite({ v: 1, url: URL_, token: relay.invite(role) }), name, NOW);
  return { repos, sync, setNow, name };
}

const ticket = (id: string) => ({ ...sampleTicket, ticketId: id, ticketUrl: `http://localhost:4173/tickets/${id}` });

/** Every change of a relay copy, opened with every team key a replica ever held (as a thief with them would). */
function openAll(copy: Stored[], relay: Relay, teamKeys: string[]): Change[] {
  const devices = new Map(relay.members.flatMap((m) => m.devices.map((d) => [d.deviceId, d.signPublicKey] as const)));
  return copy.map((c) => {
    for (const key of teamKeys) {
      try {
        return openChange(c.body, { team: relay.teamId, device: c.deviceId, member: c.memberId, seq: c.seq }, fromBase64Url(key), fromBase64Url(devices.get(c.deviceId)!));
      } catch {
        // another epoch's key
      }
    }
    throw new Error(`change ${c.order} opens with no team key`);
  });
}

const dump = async (r: Replica) => JSON.stringify(await Promise.all(r.repos.db.tables.map((t) => t.toArray())));
const view = async (r: Replica) => ({
  subjects: (await r.repos.db.subjects.toArray()).map(({ id, names, emails, erasedAt }) => ({ id, names, emails, erasedAt })).sort((a, b) => (a.id < b.id ? -1 : 1)),
  requests: (await r.repos.db.requests.toArray()).map(({ id, status, notes, identity }) => ({ id, status, notes, identity })).sort((a, b) => (a.id < b.id ? -1 : 1)),
});
const syncAll = async (all: Replica[], rounds = 2) => {
  for (let i = 0; i < rounds; i += 1) for (const r of all) await r.sync.sync();
};

describe('crypto-shredding in a team', () => {
  it('a relay copy taken before the shred, opened with every team key, holds no readable name or e-mail once the replicas destroyed the keys', async () => {
    const relay = new Relay();
    const dpo = await replica(relay, 'dpo', 'Dana DPO');
    const agent = await replica(relay, 'agent', 'Alex Agent', (await dpo.sync.invite('agent')).code);
    const { request, subject } = await flagTicket(agent.repos, 'Alex Agent', { ticket: ticket('1042'), type: 'erasure' }, plainDeadline);
    await syncAll([agent, dpo]);
    // A second DPO joins after the subject exists: its key reaches her from a DPO's browser (the records
    // she pulled before it did wait for it).
    const late = await replica(relay, 'dpo', 'Lee DPO', (await dpo.sync.invite('dpo')).code);
    await syncAll([late, dpo, late]);
    const all = [dpo, agent, late];
    for (const r of all) expect(await r.repos.subjects.get(subject.id)).toMatchObject({ emails: ['jan@example.nl'], names: ['Jan de Vries'] });

    // The thief's copy, before the shred, and the team keys (every epoch).
    const copy = structuredClone(relay.changes);
    const teamKeys = Object.values((await dpo.sync.state())!.teamKeys);
    const before = openAll(copy, relay, teamKeys);
    const sealedOps = before.flatMap((c) => c.ops).filter((op) => op.sealed?.subject === subject.id);
    expect(sealedOps.map((op) => op.table)).toEqual(expect.arrayContaining(['subjects', 'requests']));
    // The subject's key (which every replica holds now) does open them: the check below can fail.
    const keyRow = (await dpo.repos.db.subjectKeys.get(subject.id))!;
    const opened = sealedOps.map((op) => JSON.stringify(openRecord(relay.teamId, op.sealed!, fromBase64Url(keyRow.keys[op.sealed!.key]!.key), op.table, op.id)));
    expect(opened.join()).toContain('jan@example.nl');

    await eraseSubject(dpo.repos, 'Dana DPO', subject.id, 'install-secret');
    await syncAll(all);

    // (a) The copy, opened with every team key: nothing names the subject; the keys are nowhere.
    const text = JSON.stringify(openAll(copy, relay, Object.values((await dpo.sync.state())!.teamKeys)));
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    for (const r of all) {
      const row = await r.repos.db.subjectKeys.get(subject.id);
      expect(row?.erasedAt, r.name).toBeDefined();
      expect(row?.keys, r.name).toEqual({});
      expect(text).not.toContain(Object.values(keyRow.keys)[0]!.key);
    }
    // The relay itself kept none of the subject's changes but the erasure.
    const ref = copy.find((c) => c.subject)?.subject;
    expect(relay.changes.filter((c) => c.subject === ref)).toEqual([]);
    // (b) No replica's dump (every table, audit and outbox included) holds them.
    for (const r of all) {
      const d = await dump(r);
      for (const secret of SECRETS) expect(d, r.name).not.toContain(secret);
      expect(d).not.toContain(Object.values(keyRow.keys)[0]!.key);
    }
    // (c) The replicas converge.
    const [v0, v1, v2] = await Promise.all(all.map(view));
    expect(v1).toEqual(v0);
    expect(v2).toEqual(v0);
    expect(v0!.requests.find((q) => q.id === request.id)?.identity).toBeUndefined();
  });

  it('a change still in an outbox when the subject is erased never brings the data back, and is shredded again', async () => {
    const relay = new Relay();
    const dpo = await replica(relay, 'dpo', 'Dana DPO');
    const agent = await replica(relay, 'agent', 'Alex Agent', (await dpo.sync.invite('agent')).code);
    const { subject } = await flagTicket(agent.repos, 'Alex Agent', { ticket: ticket('7'), type: 'erasure' }, plainDeadline);
    await syncAll([agent, dpo]);
    // Offline, the agent adds a name; meanwhile the DPO erases the subject.
    await agent.repos.subjects.update('Alex Agent', subject.id, { names: ['Jan de Vries', 'J. H. de Vries-Verbeek'] });
    expect((await agent.sync.status()).waiting).toBe(1);
    await eraseSubject(dpo.repos, 'Dana DPO', subject.id, 'install-secret');
    await dpo.sync.sync();
    // The agent's late change reaches the relay after the shred; the DPO cannot open it (the key is gone).
    await agent.sync.sync();
    const lateOnes = relay.changes.filter((c) => c.memberId === relay.members[1]!.memberId && c.subject);
    expect(lateOnes.length).toBe(1);
    await dpo.sync.sync();
    expect((await dpo.sync.status()).refused).toBe(1);
    expect((await dpo.sync.state())!.refused.at(-1)?.reason).toMatch(/erased subject/);
    // ...and shreds it at the server in its next round.
    await dpo.sync.sync();
    expect(relay.changes.filter((c) => lateOnes.includes(c))).toEqual([]);
    await syncAll([agent, dpo]);
    for (const r of [dpo, agent]) {
      const d = await dump(r);
      for (const secret of [...SECRETS, 'Verbeek']) expect(d, r.name).not.toContain(secret);
    }
    expect(await view(agent)).toEqual(await view(dpo));
  });

  it('a push whose answer was lost and whose change was shredded before the retry is dropped, and the rest still goes', async () => {
    const relay = new Relay();
    const dpo = await replica(relay, 'dpo', 'Dana DPO');
    const agent = await replica(relay, 'agent', 'Alex Agent', (await dpo.sync.invite('agent')).code);
    const { subject } = await flagTicket(agent.repos, 'Alex Agent', { ticket: ticket('8'), type: 'erasure' }, plainDeadline);
    // The relay stores the push, but the agent never hears the answer.
    const realFetch = relay.fetch;
    let cut = true;
    (agent.sync as unknown as { fetchFn: typeof realFetch }).fetchFn = async (u, i) => {
      const r = await realFetch(u, i);
      if (cut && i.method === 'POST' && u.endsWith('/v1/changes')) {
        cut = false;
        throw new Error('connection reset');
      }
      return r;
    };
    expect((await agent.sync.sync()).lastError).toMatch(/connection reset/);
    const waiting = (await agent.sync.status()).waiting;
    expect(waiting).toBeGreaterThan(0);
    // The DPO erases the subject and the relay shreds its changes before the agent retries.
    await dpo.sync.sync();
    await eraseSubject(dpo.repos, 'Dana DPO', subject.id, 'install-secret');
    await dpo.sync.sync();
    await dpo.sync.sync();
    expect(relay.changes.some((c) => c.memberId === relay.members[1]!.memberId && c.subject)).toBe(false);
    // A later flag of someone else waits behind the shredded ones and must not be stuck there.
    const other = await flagTicket(agent.repos, 'Alex Agent', { ticket: { ...ticket('9'), requesterEmail: 'piet@example.nl', requesterName: 'Piet Jansen' }, type: 'access' }, plainDeadline);
    const status = await agent.sync.sync();
    expect(status.lastError).toBeUndefined();
    expect(status.waiting).toBe(0);
    await dpo.sync.sync();
    expect(await dpo.repos.requests.get(other.request.id)).toMatchObject({ type: 'access' });
  });

  it('keeps both keys when two devices make one for the same subject, and after a revocation uses keys the revoked member never had', async () => {
    const relay = new Relay();
    const a = await replica(relay, 'dpo', 'A');
    const b = await replica(relay, 'dpo', 'B', (await a.sync.invite('dpo')).code);
    const c = await replica(relay, 'agent', 'C', (await a.sync.invite('agent')).code);
    const { subject } = await flagTicket(c.repos, 'C', { ticket: ticket('3'), type: 'access' }, plainDeadline);
    await syncAll([c, a, b]);
    const cDevice = relay.members[2]!.devices[0]!.deviceId;
    await a.sync.revoke(relay.members[2]!.memberId);
    await syncAll([b, a]);
    // Both DPOs write the subject before either hears of the other: each makes a key of the new epoch.
    await a.repos.subjects.update('A', subject.id, { names: ['Jan de Vries', 'Jan A'] });
    await b.repos.subjects.update('B', subject.id, { names: ['Jan de Vries', 'Jan B'] });
    await syncAll([a, b]);
    const rows = await Promise.all([a, b].map(async (r) => (await r.repos.db.subjectKeys.get(subject.id))!));
    for (const row of rows) {
      const epoch2 = Object.entries(row.keys).filter(([, k]) => k.epoch === 2);
      expect(epoch2.length).toBe(2);
      // The revoked agent's device never received a key of the new epoch.
      for (const [id] of epoch2) expect(row.to[id]).not.toContain(cDevice);
    }
    expect(Object.keys(rows[0]!.keys).sort()).toEqual(Object.keys(rows[1]!.keys).sort());
    expect(await view(a)).toEqual(await view(b));
    expect((await a.repos.subjects.require(subject.id)).names).toEqual(['Jan de Vries', 'Jan B']);
  });

  it('stores the subject keys sealed while the passphrase lock is on, and syncs through the lock', async () => {
    const relay = new Relay();
    const dpo = await replica(relay, 'dpo', 'Dana DPO');
    const agent = await replica(relay, 'agent', 'Alex Agent', (await dpo.sync.invite('agent')).code);
    await flagTicket(dpo.repos, 'Dana DPO', { ticket: ticket('1'), type: 'access' }, plainDeadline);
    const plain = (await rawTables(dpo.repos.db.name)).subjectKeys as Array<Record<string, unknown>>;
    expect(plain.length).toBe(1);
    expect(plain[0]!.keys).toBeDefined();
    await new PassphraseLock(dpo.repos, undefined, 2_000).enable('correct horse battery staple');
    const stored = (await rawTables(dpo.repos.db.name)).subjectKeys as Array<Record<string, unknown>>;
    expect(stored[0]!.keys).toBeUndefined();
    expect(String(stored[0]!._sealed)).toMatch(/^[0-9a-f]{8}\./);
    expect(JSON.stringify(stored)).not.toContain(Object.values(plain[0]!.keys as Record<string, { key: string }>)[0]!.key);
    // The agent's flag of another requester reaches the locked-open DPO, and the DPO's erasure the agent.
    const { subject } = await flagTicket(agent.repos, 'Alex Agent', { ticket: { ...ticket('2'), requesterName: 'Sabine Müller', requesterEmail: 'sabine@example.de' }, type: 'erasure' }, plainDeadline);
    await syncAll([agent, dpo]);
    expect((await dpo.repos.subjects.require(subject.id)).emails).toEqual(['sabine@example.de']);
    await eraseSubject(dpo.repos, 'Dana DPO', subject.id, 'install-secret');
    await syncAll([dpo, agent]);
    expect((await agent.repos.subjects.require(subject.id)).erasedAt).toBeDefined();
    expect((await rawTables(dpo.repos.db.name)).subjectKeys!.length).toBe(2);
    for (const r of [dpo, agent]) expect(await dump(r)).not.toContain('sabine@example.de');
  });

  it('writes format 2 and still reads a format-1 change (records under the team key only)', () => {
    expect(CHANGE_FORMAT).toBe(2);
    const keys = newDeviceKeys();
    const teamKey = newTeamKey();
    const where = { team: crypto.randomUUID(), device: crypto.randomUUID(), member: crypto.randomUUID(), seq: 1 };
    const v1 = { v: 1 as const, ...where, prev: '', at: NOW, actor: 'Old', ops: [{ table: 'subjects' as const, id: 's1', kind: 'put' as const, record: { id: 's1', names: ['Jan de Vries'] }, action: 'create' as const, detail: '' }] };
    const opened = openChange(sealChange(v1, keys.signSecret, 1, teamKey), where, teamKey, keys.signPublic);
    expect(opened).toMatchObject({ v: 1, ops: [{ record: { names: ['Jan de Vries'] } }] });
  });

  it('random interleavings of flags, edits, erasures and syncs of three devices converge, and no erased subject survives anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.constantFrom('flag', 'edit', 'erase', 'sync', 'sync')), { minLength: 4, maxLength: 16 }), async (steps) => {
        const relay = new Relay();
        const a = await replica(relay, 'dpo', 'A');
        const b = await replica(relay, 'dpo', 'B', (await a.sync.invite('dpo')).code);
        const c = await replica(relay, 'agent', 'C', (await a.sync.invite('agent')).code);
        const all = [a, b, c];
        // Everything the relay ever held (a thief's copy may be of any moment), and every value each subject had.
        const everStored = new Map<number, Stored>();
        const values = new Map<string, Set<string>>();
        const note = (id: string, ...v: string[]) => values.set(id, new Set([...(values.get(id) ?? []), ...v]));
        let n = 0;
        for (const [who, what] of steps) {
          const r = all[who]!;
          n += 1;
          r.setNow(new Date(Date.parse(NOW) + n * 60_000).toISOString());
          const live = (await r.repos.db.subjects.toArray()).filter((x) => !x.erasedAt);
          if (what === 'sync') await r.sync.sync();
          else if (what === 'flag') {
            const k = n % 3;
            const flagged = await flagTicket(r.repos, r.name, { ticket: { ...ticket(String(n)), requesterName: `Person${k} Zed`, requesterEmail: `person${k}@example.org` }, type: 'erasure' }, plainDeadline);
            note(flagged.subject.id, `person${k}@example.org`, `Person${k} Zed`);
          } else if (what === 'edit' && live[0]) {
            await r.repos.subjects.update(r.name, live[0].id, { names: [...live[0].names, `Alias${n} Zed`] });
            note(live[0].id, `Alias${n} Zed`);
          } else if (what === 'erase' && live[0] && who !== 2) await eraseSubject(r.repos, r.name, live[0].id, 'install-secret');
          for (const stored of relay.changes) everStored.set(stored.order, stored);
        }
        for (let round = 0; round < 3; round += 1) for (const r of all) await r.sync.sync();
        for (const stored of relay.changes) everStored.set(stored.order, stored);
        const [va, vb, vc] = await Promise.all(all.map(view));
        expect(vb).toEqual(va);
        expect(vc).toEqual(va);
        // Values of erased subjects that no live subject has (a new flag may bring a requester back as a new subject).
        const liveValues = new Set(va!.subjects.filter((x) => !x.erasedAt).flatMap((x) => [...(values.get(x.id) ?? [])]));
        const gone = va!.subjects.filter((x) => x.erasedAt).flatMap((x) => [...(values.get(x.id) ?? [])]).filter((v) => !liveValues.has(v));
        const copy = JSON.stringify(openAll([...everStored.values()], relay, Object.values((await a.sync.state())!.teamKeys)));
        const dumps = await Promise.all(all.map(dump));
        for (const v of gone) {
          expect(copy, v).not.toContain(v);
          for (const d of dumps) expect(d, v).not.toContain(v);
        }
      }),
      {
        numRuns: 30,
        // Found by this property: an agent's edit still waiting while a DPO erases; two DPOs erasing at once.
        examples: [
          [[[2, 'flag'], [2, 'sync'], [2, 'edit'], [1, 'sync'], [0, 'flag'], [0, 'flag'], [1, 'erase']]],
          [[[0, 'flag'], [0, 'sync'], [1, 'sync'], [1, 'erase'], [0, 'erase']]],
        ],
      },
    );
  }, 180_000);
});
