// The embedded default: the same server over PGlite (PostgreSQL in WASM, through pglite-socket), over
// real HTTP on a loopback port.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../database.ts';
import { createTeam } from '../store/teams.ts';
import { body, key32, subjectId, testServer } from './harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'pd-pglite-'));
let s: Awaited<ReturnType<typeof testServer>>;
let base: string;
beforeAll(async () => {
  s = await testServer({ db: await openDatabase({ dataDir: dir }) });
  base = await s.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = async (method: string, path: string, token?: string, payload?: unknown) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(payload ? { 'content-type': 'application/json' } : {}), origin: 'chrome-extension://abcdef' },
    ...(payload ? { body: JSON.stringify(payload) } : {}),
  });
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
  return { status: res.status, json: (await res.json()) as Record<string, any> };
};

it('joins, pushes, pulls, shreds and revokes over PGlite', async () => {
  expect((await call('GET', '/health')).json).toEqual({ ok: true, database: 'pglite' });
  const { teamId, invite } = await createTeam(s.db.pool, s.clock.read);
  const dpo = (await call('POST', '/v1/join', undefined, { token: invite.token, signPublicKey: key32(), boxPublicKey: key32() })).json;
  expect(dpo.teamId).toBe(teamId);
  const agentInvite = (await call('POST', '/v1/invites', dpo.deviceToken, { role: 'agent' })).json;
  const agent = (await call('POST', '/v1/join', undefined, { token: agentInvite.token, signPublicKey: key32(), boxPublicKey: key32() })).json;
  const subject = subjectId();
  const pushed = await call('POST', '/v1/changes', agent.deviceToken, { changes: [{ seq: 1, subject, body: body() }, { seq: 2, body: body() }] });
  expect(pushed.status).toBe(200);
  expect((await call('POST', '/v1/changes', agent.deviceToken, { changes: [{ seq: 4, body: body() }] })).json.error).toMatchObject({ code: 'seq-gap', expected: 3 });
  const page = (await call('GET', '/v1/changes?after=0&limit=1', dpo.deviceToken)).json;
  expect(page).toMatchObject({ more: true, next: pushed.json.accepted[0].order });
  expect((await call('POST', '/v1/shred', dpo.deviceToken, { subject })).json).toEqual({ deleted: 1 });
  expect((await call('GET', '/v1/changes?after=0', dpo.deviceToken)).json.changes.map((c: { seq: number }) => c.seq)).toEqual([2]);
  await call('POST', `/v1/members/${agent.memberId}/revoke`, dpo.deviceToken);
  expect((await call('GET', '/v1/changes?after=0', agent.deviceToken)).status).toBe(403);
});

it('keeps a second process out of the data folder', async () => {
  // A lock file naming a live process (here: the test runner's parent) refuses the open.
  const other = mkdtempSync(join(tmpdir(), 'pd-pglite-lock-'));
  try {
    writeFileSync(join(other, 'team-server.lock'), String(process.ppid));
    await expect(openDatabase({ dataDir: other })).rejects.toThrow(`is in use by process ${process.ppid}`);
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
});
