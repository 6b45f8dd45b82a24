// Team sync between replicas over an in-memory relay: a flag reaches the DPO, roles hold on every
// receiving replica, nothing is lost or doubled when a push is retried, concurrent moves of one request
// converge with the loser kept as a conflict, and a hostile relay is caught.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { flagTicket, transitionRequest } from '../../lib/db/requests';
import { TeamSync, encodeInvite } from '../../lib/sync/engine';
import { freshRepos, plainDeadline, sampleTicket } from '../db/helpers';
import { Relay } from './relay';

const URL_ = 'http://127.0.0.1:8787';
const NOW = '2026-03-02T09:00:00.000Z';

async function replica(relay: Relay, role: 'agent' | 'dpo' | 'legal', name: string, code?: string) {
  const { repos, setNow } = freshRepos();
  const sync = new TeamSync(repos, relay.fetch);
  repos.store.hook = sync.hook;
  await sync.join(code ?? encodeInvite({ v: 1, url: URL_, token: relay.invite(role) }), name, NOW);
  return { repos, sync, setNow };
}

async function team(relay = new Relay()) {
  const dpo = await replica(relay, 'dpo', 'Dana DPO');
  const agent = await replica(relay, 'agent', 'Alex Agent', (await dpo.sync.invite('agent')).code);
  return { relay, dpo, agent };
}

const ticket = (id: string) => ({ ...sampleTicket, ticketId: id, ticketUrl: `http://localhost:4173/tickets/${id}` });

describe('team sync', () => {
  it("an agent's flag reaches the DPO, and the DPO's completion reaches the agent", async () => {
    const { relay, dpo, agent } = await team();
    const { request } = await flagTicket(agent.repos, 'Alex Agent', { ticket: ticket('1042'), type: 'access' }, plainDeadline);
    await agent.sync.sync();
    await dpo.sync.sync();
    const there = await dpo.repos.requests.get(request.id);
    expect(there).toMatchObject({ type: 'access', status: 'received' });
    expect(await dpo.repos.subjects.get(request.subjectId)).toMatchObject({ emails: ['jan@example.nl'] });
    for (const to of ['in-progress', 'completed'] as const)
      await transitionRequest(dpo.repos, 'Dana DPO', { requestId: request.id, to, reason: 'done' }, plainDeadline, () => true);
    await dpo.sync.sync();
    await agent.sync.sync();
    expect((await agent.repos.requests.get(request.id))?.status).toBe('completed');
    // Who did each step is in the receiving replica's audit log.
    const audit = await agent.repos.db.audit.toArray();
    expect(audit.some((e) => e.actor === 'Dana DPO (dpo)' && e.recordId === request.id)).toBe(true);
    // The relay holds only ciphertext: no name, e-mail or ticket text.
    const stored = JSON.stringify(relay.changes);
    for (const secret of ['jan@example.nl', 'Jan de Vries', 'Verzoek om inzage', 'persoonsgegevens']) expect(stored).not.toContain(secret);
  });

  it("refuses, on the receiving replica, an agent's change that completes a request", async () => {
    const { dpo, agent } = await team();
    const { request } = await flagTicket(agent.repos, 'Alex Agent', { ticket: ticket('7'), type: 'erasure' }, plainDeadline);
    await agent.sync.sync();
    await dpo.sync.sync();
    // The agent's UI and its own writer refuse the completion...
    await expect(transitionRequest(agent.repos, 'Alex Agent', { requestId: request.id, to: 'in-progress' }, plainDeadline, () => true)).rejects.toThrow(/role/);
    // ...and a device that skips them gains nothing: it signs the completion itself, as a tampered
    // extension would, and the DPO's replica refuses it.
    const sneaky = await agent.repos.requests.require(request.id);
    const state = (await agent.sync.state())!;
    await agent.repos.db.settings.put({ key: 'team', value: { ...state, role: 'dpo' } });
    await agent.repos.store.commit('Alex Agent', [{ table: 'requests', kind: 'put', id: sneaky.id, record: { ...sneaky, status: 'completed', open: 0 }, action: 'update', detail: 'forced' }]);
    expect((await agent.sync.status()).waiting).toBe(1);
    await agent.repos.db.settings.put({ key: 'team', value: { ...(await agent.sync.state())!, role: 'agent' } });
    await agent.sync.sync();
    await dpo.sync.sync();
    expect((await dpo.repos.requests.get(request.id))?.status).toBe('received');
    const status = await dpo.sync.status();
    expect(status.refused).toBe(1);
  });

  it('a push cut off and retried, or the relay down for a while, loses and doubles nothing', async () => {
    const { relay, dpo, agent } = await team();
    relay.down = true;
    await flagTicket(agent.repos, 'Alex Agent', { ticket: ticket('1'), type: 'access' }, plainDeadline);
    await flagTicket(agent.repos, 'Alex Agent', { ticket: ticket('2'), type: 'erasure' }, plainDeadline);
    expect((await agent.sync.sync()).lastError).toMatch(/cannot be reached/);
    // The subject's new key (a change of its own), then the two flags.
    expect((await agent.sync.status()).waiting).toBe(3);
    relay.down = false;
    // The first push reached the relay but its answer was lost: the retry sends the same changes again.
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
    await agent.sync.sync();
    await agent.sync.sync();
    await dpo.sync.sync();
    expect(await dpo.repos.db.requests.count()).toBe(2);
    expect((await agent.sync.status()).waiting).toBe(0);
    expect(new Set(relay.changes.map((c) => `${c.deviceId}/${c.seq}`)).size).toBe(relay.changes.length);
  });

  it('catches a relay that alters, or drops, a change', async () => {
    const { relay, dpo, agent } = await team();
    await flagTicket(agent.repos, 'Alex Agent', { ticket: ticket('1'), type: 'access' }, plainDeadline);
    await flagTicket(agent.repos, 'Alex Agent', { ticket: ticket('2'), type: 'access' }, plainDeadline);
    await flagTicket(agent.repos, 'Alex Agent', { ticket: ticket('3'), type: 'access' }, plainDeadline);
    await agent.sync.sync();
    const agentChanges = relay.changes.filter((c) => c.memberId !== relay.members[0]!.memberId);
    // The first is the subject's key handed to the DPO; then the three flags.
    const [, first, second] = agentChanges;
    relay.tamper = (all) =>
      all
        .filter((c) => c !== second)
        .map((c) => (c === first ? { ...c, body: c.body.slice(0, 40) + (c.body[40] === 'A' ? 'B' : 'A') + c.body.slice(41) } : c));
    await dpo.sync.sync();
    const status = await dpo.sync.status();
    expect(status.refused).toBe(1); // the altered one
    expect(status.gaps).toBeGreaterThanOrEqual(1); // the dropped one
    expect(await dpo.repos.db.requests.count()).toBe(1);
  });

  it('random interleavings of three devices converge to the same records, field edits and their history included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.constantFrom('flag', 'progress', 'reject', 'note', 'language', 'sync')), { minLength: 3, maxLength: 16 }), async (steps) => {
        const relay = new Relay();
        const a = await replica(relay, 'dpo', 'A');
        const b = await replica(relay, 'dpo', 'B', (await a.sync.invite('dpo')).code);
        const c = await replica(relay, 'agent', 'C', (await a.sync.invite('agent')).code);
        const all = [a, b, c];
        let n = 0;
        for (const [who, what] of steps) {
          const r = all[who]!;
          n += 1;
          r.setNow(new Date(Date.parse(NOW) + n * 60_000).toISOString());
          if (what === 'sync') await r.sync.sync();
          else if (what === 'flag') await flagTicket(r.repos, 'x', { ticket: ticket(String(n % 3)), type: 'access' }, plainDeadline).catch(() => undefined);
          else if (what === 'note' || what === 'language') {
            // Field edits of the first request this replica holds: every device edits the same one.
            const first = (await r.repos.db.requests.toArray()).sort((x, y) => (x.id < y.id ? -1 : 1))[0];
            const patch = what === 'note' ? { notes: `note ${n} by ${who}` } : { language: (['en', 'nl', 'de', 'it'] as const)[n % 4] };
            if (first) await r.repos.requests.update('x', first.id, patch).catch(() => undefined);
          } else {
            const open = (await r.repos.db.requests.toArray()).find((q) => q.status === 'received');
            if (open) await transitionRequest(r.repos, who === 0 ? 'A' : 'B', { requestId: open.id, to: what === 'progress' ? 'in-progress' : 'rejected', reason: 'r', ground: 'Art. 12(5)' }, plainDeadline, () => true).catch(() => undefined);
          }
        }
        for (let round = 0; round < 2; round += 1) for (const r of all) await r.sync.sync();
        const view = async (r: (typeof all)[number]) =>
          (await r.repos.db.requests.toArray())
            .map((q) => ({ id: q.id, status: q.status, transitions: q.transitions.map((t) => `${t.to}${t.conflict ? '!' : ''}`), notes: q.notes, language: q.language, overwritten: q.overwritten }))
            .sort((x, y) => (x.id < y.id ? -1 : 1));
        const [va, vb, vc] = await Promise.all(all.map(view));
        expect(vb).toEqual(va);
        expect(vc).toEqual(va);
      }),
      { numRuns: 25 },
    );
  });

  it('random field edits of one shared request by three devices converge, with the same history of overwritten values', async () => {
    let noted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.constantFrom('note', 'note', 'language', 'progress', 'sync')), { minLength: 4, maxLength: 16 }), async (steps) => {
        const relay = new Relay();
        const a = await replica(relay, 'dpo', 'A');
        const b = await replica(relay, 'dpo', 'B', (await a.sync.invite('dpo')).code);
        const c = await replica(relay, 'agent', 'C', (await a.sync.invite('agent')).code);
        const all = [a, b, c];
        const { request } = await flagTicket(c.repos, 'C', { ticket: ticket('1'), type: 'access' }, plainDeadline);
        // Two rounds: C's subject key reaches B once A's first sync has certified B (certificates.ts).
        for (let round = 0; round < 2; round += 1) for (const r of [c, a, b]) await r.sync.sync();
        let n = 0;
        for (const [who, what] of steps) {
          const r = all[who]!;
          n += 1;
          r.setNow(new Date(Date.parse(NOW) + n * 60_000).toISOString());
          if (what === 'sync') await r.sync.sync();
          else if (what === 'progress') await transitionRequest(r.repos, 'x', { requestId: request.id, to: 'in-progress' }, plainDeadline, () => true).catch(() => undefined);
          else await r.repos.requests.update('x', request.id, what === 'note' ? { notes: `note ${n} by ${who}` } : { language: (['en', 'nl', 'de', 'it'] as const)[n % 4] });
        }
        for (let round = 0; round < 2; round += 1) for (const r of all) await r.sync.sync();
        const [qa, qb, qc] = await Promise.all(all.map((r) => r.repos.requests.require(request.id)));
        expect(qb).toEqual(qa);
        expect(qc).toEqual(qa);
        if (qa!.overwritten?.length) noted += 1;
      }),
      { numRuns: 15 },
    );
    // The property is not vacuous: some runs did overwrite a value unseen.
    expect(noted).toBeGreaterThan(0);
  }, 180_000);

  it('two DPOs moving one request from the same state: the later move stays as a conflict on both', async () => {
    const relay = new Relay();
    const a = await replica(relay, 'dpo', 'A');
    const b = await replica(relay, 'dpo', 'B', (await a.sync.invite('dpo')).code);
    const { request } = await flagTicket(a.repos, 'A', { ticket: ticket('9'), type: 'access' }, plainDeadline);
    await a.sync.sync();
    await b.sync.sync();
    a.setNow('2026-03-03T09:00:00.000Z');
    b.setNow('2026-03-03T09:05:00.000Z');
    await transitionRequest(a.repos, 'A', { requestId: request.id, to: 'in-progress' }, plainDeadline, () => true);
    await transitionRequest(b.repos, 'B', { requestId: request.id, to: 'rejected', reason: 'manifestly unfounded', ground: 'Art. 12(5)' }, plainDeadline, () => true);
    await a.sync.sync();
    await b.sync.sync();
    await a.sync.sync();
    for (const r of [a, b]) {
      const q = await r.repos.requests.require(request.id);
      expect(q.status).toBe('in-progress');
      expect(q.transitions.find((t) => t.to === 'rejected')?.conflict).toMatch(/already become "in-progress"/);
    }
  });

  it('a revoked member can no longer pull or push, and the next team key does not reach it', async () => {
    const { relay, dpo, agent } = await team();
    await dpo.sync.revoke(relay.members[1]!.memberId);
    await flagTicket(agent.repos, 'Alex Agent', { ticket: ticket('5'), type: 'access' }, plainDeadline).catch(() => undefined);
    const status = await agent.sync.sync();
    expect(status.lastError).toMatch(/revoked/);
    expect(relay.envelopes.filter((e) => e.deviceId === relay.members[1]!.devices[0]!.deviceId)).toEqual([]);
    expect((await dpo.sync.status()).hasKey).toBe(true);
  });
});

describe('erasure in a team', () => {
  it("after an erasure neither the relay nor any replica holds the subject's name or e-mail", async () => {
    const { relay, dpo, agent } = await team();
    const { request } = await flagTicket(agent.repos, 'Alex Agent', { ticket: ticket('1042'), type: 'erasure' }, plainDeadline);
    await agent.sync.sync();
    await dpo.sync.sync();
    const { eraseSubject } = await import('../../lib/db/subject-data');
    await eraseSubject(dpo.repos, 'Dana DPO', request.subjectId, 'install-secret');
    await dpo.sync.sync();
    await agent.sync.sync();
    // What the relay still holds, opened with the team key: nothing names the subject.
    const { openChange } = await import('../../lib/sync/change');
    const { fromBase64Url } = await import('../../lib/sync/codec');
    const state = (await dpo.sync.state())!;
    const devices = new Map(relay.members.flatMap((m) => m.devices.map((d) => [d.deviceId, d.signPublicKey] as const)));
    const opened = relay.changes.map((c) =>
      JSON.stringify(openChange(c.body, { team: relay.teamId, device: c.deviceId, member: c.memberId, seq: c.seq }, fromBase64Url(state.teamKeys[String(state.epoch)]!), fromBase64Url(devices.get(c.deviceId)!))),
    );
    expect(opened.length).toBeGreaterThan(0);
    for (const text of opened) for (const secret of ['jan@example.nl', 'Jan de Vries']) expect(text).not.toContain(secret);
    // Every replica, all of its tables (audit and outbox included).
    for (const r of [dpo, agent]) {
      const dump = JSON.stringify(await Promise.all(r.repos.db.tables.map((t) => t.toArray())));
      for (const secret of ['jan@example.nl', 'Jan de Vries']) expect(dump).not.toContain(secret);
      expect((await r.repos.subjects.require(request.subjectId)).erasedAt).toBeDefined();
    }
  });
});

describe('breaches in a team', () => {
  it("an agent's breach report reaches the DPO; the agent cannot decide it", async () => {
    const { dpo, agent } = await team();
    const { reportBreach } = await import('../../lib/db/breaches');
    const { breach } = await reportBreach(agent.repos, 'Alex Agent', { ticket: ticket('77') });
    await agent.sync.sync();
    await dpo.sync.sync();
    expect(await dpo.repos.breaches.get(breach.id)).toMatchObject({ id: breach.id, awareAt: breach.awareAt });
    await expect(agent.repos.breaches.update('Alex Agent', breach.id, { notes: 'assessed' } as never)).rejects.toThrow(/role/);
  });
});
