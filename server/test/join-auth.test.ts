import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite, createTeam, revokeMember } from '../store/teams.ts';
import { as, body, joinWith, key32, subjectId, teamWithDpo, testServer, type Device } from './harness.ts';

let s: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  s = await testServer();
});
afterAll(async () => s.close());

describe('health', () => {
  it('answers 200 with the database kind, CORS open to any origin', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/health', headers: { origin: 'chrome-extension://abcdef' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, database: 'postgres' });
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });

  it('answers 503 when its database does not', async () => {
    const down = await testServer();
    await down.db.close();
    const res = await down.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ ok: false, database: 'postgres' });
    await down.app.close();
  });

  it('answers CORS preflights for bearer calls', async () => {
    const res = await s.app.inject({
      method: 'OPTIONS',
      url: '/v1/changes',
      headers: { origin: 'chrome-extension://abcdef', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(String(res.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
    expect(String(res.headers['access-control-allow-headers']).toLowerCase()).toContain('content-type');
  });
});

describe('join', () => {
  it('turns a one-time invite into a device of that member and role', async () => {
    const { teamId, invite } = await createTeam(s.db.pool, s.clock.read);
    const joined = await joinWith(s.app, invite.token);
    expect(joined).toMatchObject({ teamId, memberId: invite.memberId, role: 'dpo' });
    expect(joined.deviceToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = await s.app.inject({ method: 'POST', url: '/v1/join', payload: { token: invite.token, signPublicKey: key32(), boxPublicKey: key32() } });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('invite-used');
  });

  it('refuses an expired invite (7 days) and an unknown one', async () => {
    const { teamId } = await createTeam(s.db.pool, s.clock.read);
    const fresh = await createInvite(s.db.pool, teamId, 'agent', s.clock.read);
    const stale = await createInvite(s.db.pool, teamId, 'agent', s.clock.read);
    s.clock.advance(7 * 86_400_000 - 1);
    await joinWith(s.app, fresh.token);
    s.clock.advance(1);
    const expired = await s.app.inject({ method: 'POST', url: '/v1/join', payload: { token: stale.token, signPublicKey: key32(), boxPublicKey: key32() } });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('invite-expired');
    const unknown = await s.app.inject({ method: 'POST', url: '/v1/join', payload: { token: key32(), signPublicKey: key32(), boxPublicKey: key32() } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'unknown-invite' });
  });

  it('refuses the invite of a member revoked before joining', async () => {
    const { teamId } = await createTeam(s.db.pool, s.clock.read);
    const invite = await createInvite(s.db.pool, teamId, 'legal', s.clock.read);
    await revokeMember(s.db.pool, teamId, invite.memberId, s.clock.read);
    const res = await s.app.inject({ method: 'POST', url: '/v1/join', payload: { token: invite.token, signPublicKey: key32(), boxPublicKey: key32() } });
    expect(res.statusCode).toBe(410);
    expect(res.json().error.code).toBe('invite-revoked');
  });

  it('checks the public keys are 32 bytes of base64url', async () => {
    const { invite } = await createTeam(s.db.pool, s.clock.read);
    const res = await s.app.inject({ method: 'POST', url: '/v1/join', payload: { token: invite.token, signPublicKey: 'AAAA', boxPublicKey: key32() } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('bad-request');
    expect(res.json().error.message).toContain('signPublicKey');
  });
});

describe('authentication', () => {
  it('refuses calls without a token or with a wrong one', async () => {
    const missing = await s.app.inject({ method: 'GET', url: '/v1/team' });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error.code).toBe('unauthorized');
    const wrong = await s.app.inject({ method: 'GET', url: '/v1/changes', headers: { authorization: `Bearer ${key32()}` } });
    expect(wrong.statusCode).toBe(401);
    const malformed = await s.app.inject({ method: 'POST', url: '/v1/changes', headers: { authorization: 'Basic dXNlcjpwYXNz' }, payload: { changes: [{ seq: 1, body: body() }] } });
    expect(malformed.statusCode).toBe(401);
  });

  it('shows the device its team: members, roles and public keys', async () => {
    const { teamId, dpo, member } = await teamWithDpo(s.app, s.db, s.clock);
    const agent = await member('agent');
    const res = await s.app.inject({ method: 'GET', url: '/v1/team', headers: as(agent) });
    expect(res.statusCode).toBe(200);
    const team = res.json();
    expect(team).toMatchObject({ teamId, role: 'agent', memberId: agent.memberId, deviceId: agent.deviceId });
    expect(team.members.map((m: { role: string }) => m.role).sort()).toEqual(['agent', 'dpo']);
    const dpoView = team.members.find((m: { memberId: string }) => m.memberId === dpo.memberId);
    expect(dpoView.devices).toHaveLength(1);
    expect(dpoView.devices[0]).toMatchObject({ deviceId: dpo.deviceId });
    expect(dpoView.devices[0].signPublicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('roles', () => {
  it('lets only a DPO invite, revoke, shred and post key envelopes', async () => {
    const { dpo, member } = await teamWithDpo(s.app, s.db, s.clock);
    for (const role of ['agent', 'legal'] as const) {
      const device = await member(role);
      const calls = [
        { method: 'POST' as const, url: '/v1/invites', payload: { role: 'agent' } },
        { method: 'POST' as const, url: `/v1/members/${dpo.memberId}/revoke` },
        { method: 'POST' as const, url: '/v1/shred', payload: { subject: subjectId() } },
        { method: 'POST' as const, url: '/v1/keys', payload: { epoch: 2, envelopes: [{ deviceId: dpo.deviceId, sealed: body() }] } },
      ];
      for (const call of calls) {
        const res = await s.app.inject({ ...call, headers: as(device) });
        expect(res.statusCode, `${role} ${call.url}`).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
    }
  });

  it('lets a DPO invite a member who then joins with that role', async () => {
    const { teamId, dpo } = await teamWithDpo(s.app, s.db, s.clock);
    const res = await s.app.inject({ method: 'POST', url: '/v1/invites', headers: as(dpo), payload: { role: 'legal' } });
    expect(res.statusCode).toBe(200);
    const invite = res.json();
    expect(invite.expiresAt).toBe(new Date(s.clock.now.getTime() + 7 * 86_400_000).toISOString());
    const legal = await joinWith(s.app, invite.token);
    expect(legal).toMatchObject({ teamId, memberId: invite.memberId, role: 'legal' });
    const bad = await s.app.inject({ method: 'POST', url: '/v1/invites', headers: as(dpo), payload: { role: 'admin' } });
    expect(bad.statusCode).toBe(400);
  });

  it('stores key envelopes from a DPO and hands each device only its own', async () => {
    const { dpo, member } = await teamWithDpo(s.app, s.db, s.clock);
    const agent = await member('agent');
    const legal = await member('legal');
    const sealed = { agent: body(72), legal: body(72) };
    const post = await s.app.inject({
      method: 'POST',
      url: '/v1/keys',
      headers: as(dpo),
      payload: { epoch: 2, envelopes: [{ deviceId: agent.deviceId, sealed: sealed.agent }, { deviceId: legal.deviceId, sealed: sealed.legal }] },
    });
    expect(post.json()).toEqual({ stored: 2 });
    const mine = await s.app.inject({ method: 'GET', url: '/v1/keys', headers: as(agent) });
    expect(mine.json()).toEqual({ envelopes: [{ epoch: 2, fromDeviceId: dpo.deviceId, sealed: sealed.agent }] });
    const other = await teamWithDpo(s.app, s.db, s.clock);
    const stranger = await s.app.inject({ method: 'POST', url: '/v1/keys', headers: as(other.dpo), payload: { epoch: 2, envelopes: [{ deviceId: agent.deviceId, sealed: body() }] } });
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().error.code).toBe('unknown-device');
    const twice = await s.app.inject({ method: 'POST', url: '/v1/keys', headers: as(dpo), payload: { epoch: 3, envelopes: [{ deviceId: agent.deviceId, sealed: body() }, { deviceId: agent.deviceId, sealed: body() }] } });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.message).toContain('one envelope per device');
    // Sealing an epoch again replaces the device's envelope of that epoch.
    const again = body(72);
    await s.app.inject({ method: 'POST', url: '/v1/keys', headers: as(dpo), payload: { epoch: 2, envelopes: [{ deviceId: agent.deviceId, sealed: again }] } });
    expect((await s.app.inject({ method: 'GET', url: '/v1/keys', headers: as(agent) })).json().envelopes).toEqual([{ epoch: 2, fromDeviceId: dpo.deviceId, sealed: again }]);
  });
});

describe('revocation', () => {
  it('stops the revoked member pushing, pulling and reading keys at once, and keeps the others going', async () => {
    const { dpo, member } = await teamWithDpo(s.app, s.db, s.clock);
    const agent: Device = await member('agent');
    const push = (d: Device, seq: number) => s.app.inject({ method: 'POST', url: '/v1/changes', headers: as(d), payload: { changes: [{ seq, body: body() }] } });
    expect((await push(agent, 1)).statusCode).toBe(200);
    const revoked = await s.app.inject({ method: 'POST', url: `/v1/members/${agent.memberId}/revoke`, headers: as(dpo) });
    expect(revoked.json()).toEqual({ memberId: agent.memberId, revokedAt: s.clock.now.toISOString() });
    for (const res of [await push(agent, 2), await s.app.inject({ method: 'GET', url: '/v1/changes?after=0', headers: as(agent) }), await s.app.inject({ method: 'GET', url: '/v1/keys', headers: as(agent) })]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('revoked');
    }
    expect((await push(dpo, 1)).statusCode).toBe(200);
    const team = (await s.app.inject({ method: 'GET', url: '/v1/team', headers: as(dpo) })).json();
    expect(team.members.find((m: { memberId: string }) => m.memberId === agent.memberId).revokedAt).toBe(s.clock.now.toISOString());
    const self = await s.app.inject({ method: 'POST', url: `/v1/members/${dpo.memberId}/revoke`, headers: as(dpo) });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('revoke-self');
    // A browser's fetch may send an empty body labelled application/json.
    const legal = await member('legal');
    const empty = await s.app.inject({ method: 'POST', url: `/v1/members/${legal.memberId}/revoke`, headers: { ...as(dpo), 'content-type': 'application/json' }, payload: '' });
    expect(empty.statusCode).toBe(200);
    const notJson = await s.app.inject({ method: 'POST', url: '/v1/changes', headers: { ...as(dpo), 'content-type': 'application/json' }, payload: '{"changes": [' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe('bad-request');
    const unknown = await s.app.inject({ method: 'POST', url: '/v1/members/00000000-0000-4000-8000-000000000000/revoke', headers: as(dpo) });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('unknown-member');
  });

  it('refuses a push that waited for the team lock while the revocation committed', async () => {
    const { teamId, member } = await teamWithDpo(s.app, s.db, s.clock);
    const agent = await member('agent');
    // Hold the team's push lock, as a revocation in progress does, then let the revocation commit.
    const holder = await s.db.pool.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT pg_advisory_xact_lock(7311, hashtext($1))', [teamId]);
    const pending = s.app.inject({ method: 'POST', url: '/v1/changes', headers: as(agent), payload: { changes: [{ seq: 1, body: body() }] } });
    // Wait until the push is queued behind the lock (after its authentication passed).
    for (let i = 0; i < 500; i += 1) {
      const waiting = await s.db.pool.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`);
      if (waiting.rows[0].n === 1) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await s.db.pool.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)).rows[0].n).toBe(1);
    await holder.query('UPDATE members SET revoked_at = $2 WHERE member_id = $1', [agent.memberId, s.clock.read()]);
    await holder.query('COMMIT');
    holder.release();
    const res = await pending;
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('revoked');
    const stored = await s.db.pool.query('SELECT count(*)::int AS n FROM changes WHERE device_id = $1', [agent.deviceId]);
    expect(stored.rows[0].n).toBe(0);
  });
});
