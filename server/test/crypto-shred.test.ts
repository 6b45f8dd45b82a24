// Crypto-shredding end to end over the real server and PostgreSQL: two members' browsers (the sync
// engine over fake-indexeddb) sync through the app; the DPO erases a subject. A copy of the database's
// change table taken before the shred, opened with every team key, then names nobody: the subject's
// records were sealed with keys the replicas destroyed, and those keys never travelled under the team
// key (lib/sync/README.md).
import 'fake-indexeddb/auto';
import { z } from 'zod';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { flagTicket } from '../../lib/db/requests';
import { eraseSubject } from '../../lib/db/subject-data';
import { createRepositories } from '../../lib/db/repositories';
import { openDatabase } from '../../lib/db/schema';
import { TeamSync, encodeInvite } from '../../lib/sync/engine';
import { openChange } from '../../lib/sync/change';
import { fromBase64Url } from '../../lib/sync/codec';
import type { Fetch } from '../../lib/sync/client';
import { createTeam } from '../store/teams.ts';
import { testServer } from './harness.ts';

z.config({ jitless: true });

let s: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  s = await testServer();
});
afterAll(async () => s.close());

const URL_ = 'http://127.0.0.1:8787';
const SECRETS = ['jan@example.nl', 'Jan de Vries', 'Verzoek om inzage'];
const deadline = (receivedAt: string) => new Date(new Date(receivedAt).getTime() + 30 * 86_400_000).toISOString();

const fetchApp: Fetch = async (url, init) => {
  const u = new URL(url);
  const res = await s.app.inject({ method: init.method as 'GET' | 'POST', url: u.pathname + u.search, headers: init.headers, ...(init.body ? { payload: init.body } : {}) });
  return { status: res.statusCode, json: async () => res.json() };
};

async function replica(code: string, name: string) {
  const repos = createRepositories(openDatabase(`shred-${crypto.randomUUID()}`), { now: () => s.clock.read() });
  const sync = new TeamSync(repos, fetchApp);
  repos.store.hook = sync.hook;
  await sync.join(code, name, s.clock.read().toISOString());
  return { repos, sync };
}

const changeRows = async (teamId: string) =>
  (await s.db.pool.query<{ ord: string; device_id: string; member_id: string; seq: string; subject: string | null; body: Buffer }>('SELECT ord, device_id, member_id, seq, subject, body FROM changes WHERE team_id = $1 ORDER BY ord', [teamId])).rows;

it("after an erasure, a copy of the server's changes taken before the shred, opened with every team key, holds no name or e-mail", async () => {
  const { teamId, invite } = await createTeam(s.db.pool, s.clock.read);
  const dpo = await replica(encodeInvite({ v: 1, url: URL_, token: invite.token }), 'Dana DPO');
  const agent = await replica((await dpo.sync.invite('agent')).code, 'Alex Agent');
  const ticket = { helpdesk: 'demo' as const, ticketId: '1042', ticketUrl: 'http://localhost:4173/tickets/1042', subject: 'Verzoek om inzage', requesterName: 'Jan de Vries', requesterEmail: 'jan@example.nl', messages: [{ author: 'customer' as const, text: 'Ik wil graag inzage.' }] };
  const { subject } = await flagTicket(agent.repos, 'Alex Agent', { ticket, type: 'erasure' }, deadline);
  await agent.sync.sync();
  await dpo.sync.sync();
  expect((await dpo.repos.subjects.require(subject.id)).emails).toEqual(['jan@example.nl']);

  const copy = await changeRows(teamId);
  const tagged = copy.filter((r) => r.subject).map((r) => r.subject);
  expect(tagged.length).toBeGreaterThanOrEqual(2); // the subject's key, then its records
  await eraseSubject(dpo.repos, 'Dana DPO', subject.id, 'install-secret');
  for (let i = 0; i < 2; i += 1) for (const r of [dpo, agent]) await r.sync.sync();

  // The server deleted every change filed under the subject's opaque id, its key included.
  expect((await changeRows(teamId)).filter((r) => tagged.includes(r.subject))).toEqual([]);
  // The copy, opened with every team key: the subject's records are ciphertext under destroyed keys.
  const state = (await dpo.sync.state())!;
  const team = await dpo.sync.members();
  const signKeys = new Map(team.members.flatMap((m) => m.devices.map((d) => [d.deviceId, d.signPublicKey] as const)));
  const opened = copy.map((r) => {
    const body = r.body.toString('base64url');
    const key = Object.values(state.teamKeys).find((k) => {
      try {
        openChange(body, { team: teamId, device: r.device_id, member: r.member_id, seq: Number(r.seq) }, fromBase64Url(k), fromBase64Url(signKeys.get(r.device_id)!));
        return true;
      } catch {
        return false;
      }
    })!;
    return openChange(body, { team: teamId, device: r.device_id, member: r.member_id, seq: Number(r.seq) }, fromBase64Url(key), fromBase64Url(signKeys.get(r.device_id)!));
  });
  expect(opened.some((c) => c.ops.some((op) => op.sealed?.subject === subject.id))).toBe(true);
  const text = JSON.stringify(opened);
  for (const secret of SECRETS) expect(text).not.toContain(secret);
  // No replica holds them, nor a key of the subject.
  for (const r of [dpo, agent]) {
    const dump = JSON.stringify(await Promise.all(r.repos.db.tables.map((t) => t.toArray())));
    for (const secret of SECRETS) expect(dump).not.toContain(secret);
    expect((await r.repos.db.subjectKeys.get(subject.id))?.keys).toEqual({});
  }
});
