// Member certificates at the server: a DPO device stores them (opaque text, one per device, the newest
// wins), every device of the team reads them, nobody else's team sees them, and only a DPO may store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, body, teamWithDpo, testServer } from './harness.ts';

let s: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  s = await testServer();
});
afterAll(async () => s.close());

describe('certificates', () => {
  it('a DPO stores one per device; every device of the team reads them; the newest replaces the old', async () => {
    const { dpo, member } = await teamWithDpo(s.app, s.db, s.clock);
    const agent = await member('agent');
    const first = body(200);
    const post = (certificates: { deviceId: string; certificate: string }[], who = dpo) => s.app.inject({ method: 'POST', url: '/v1/certificates', headers: as(who), payload: { certificates } });
    const stored = await post([{ deviceId: dpo.deviceId, certificate: first }, { deviceId: agent.deviceId, certificate: first }]);
    expect(stored.statusCode).toBe(200);
    expect(stored.json()).toEqual({ stored: 2 });
    s.clock.advance(1000);
    const newer = body(200);
    expect((await post([{ deviceId: agent.deviceId, certificate: newer }])).statusCode).toBe(200);
    const read = await s.app.inject({ method: 'GET', url: '/v1/certificates', headers: as(agent) });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ certificates: [{ deviceId: dpo.deviceId, certificate: first }, { deviceId: agent.deviceId, certificate: newer }] });
  });

  it('refuses an agent, a device of another team, and a body that is not base64url', async () => {
    const { dpo, member } = await teamWithDpo(s.app, s.db, s.clock);
    const agent = await member('agent');
    const other = await teamWithDpo(s.app, s.db, s.clock);
    const post = (who: typeof dpo, certificates: unknown) => s.app.inject({ method: 'POST', url: '/v1/certificates', headers: as(who), payload: { certificates } });
    const byAgent = await post(agent, [{ deviceId: agent.deviceId, certificate: body() }]);
    expect([byAgent.statusCode, byAgent.json().error.code]).toEqual([403, 'forbidden']);
    const stranger = await post(dpo, [{ deviceId: other.dpo.deviceId, certificate: body() }]);
    expect([stranger.statusCode, stranger.json().error.code]).toEqual([404, 'unknown-device']);
    const bad = await post(dpo, [{ deviceId: agent.deviceId, certificate: 'not base64url!' }]);
    expect(bad.statusCode).toBe(400);
    // Nothing of the first team shows in the other's list.
    expect((await s.app.inject({ method: 'GET', url: '/v1/certificates', headers: as(other.dpo) })).json()).toEqual({ certificates: [] });
    expect((await s.app.inject({ method: 'GET', url: '/v1/certificates' })).statusCode).toBe(401);
  });
});
