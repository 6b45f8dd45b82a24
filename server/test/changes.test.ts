import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, body, subjectId, teamWithDpo, testServer, type Device, type TestApp } from './harness.ts';

let s: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  s = await testServer();
});
afterAll(async () => s.close());

const push = (app: TestApp, d: Device, changes: { seq: number; subject?: string; body: string }[]) =>
  app.inject({ method: 'POST', url: '/v1/changes', headers: as(d), payload: { changes } });
const pull = (app: TestApp, d: Device, after: number, limit?: number) =>
  app.inject({ method: 'GET', url: `/v1/changes?after=${after}${limit ? `&limit=${limit}` : ''}`, headers: as(d) });
const run = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ seq: from + i, body: body() }));

describe('push', () => {
  it('stores a device’s changes in order and answers their orders', async () => {
    const { dpo, member } = await teamWithDpo(s.app, s.db, s.clock);
    const agent = await member('agent');
    const changes = run(1, 3);
    const res = await push(s.app, agent, changes);
    expect(res.statusCode).toBe(200);
    const { accepted } = res.json();
    expect(accepted.map((a: { seq: number }) => a.seq)).toEqual([1, 2, 3]);
    expect(accepted[1].order).toBeGreaterThan(accepted[0].order);
    const page = (await pull(s.app, dpo, 0)).json();
    expect(page.changes).toEqual(
      changes.map((c, i) => ({ order: accepted[i].order, deviceId: agent.deviceId, memberId: agent.memberId, seq: c.seq, at: s.clock.now.toISOString(), body: c.body })),
    );
    expect(page).toMatchObject({ next: accepted[2].order, more: false });
  });

  it('answers a retried push (same seq, same body) with the stored orders, and stores nothing twice', async () => {
    const { dpo } = await teamWithDpo(s.app, s.db, s.clock);
    const changes = run(1, 4);
    const first = (await push(s.app, dpo, changes)).json();
    const retry = await push(s.app, dpo, changes);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first);
    // A retry overlapping new changes: the stored ones keep their order, the new ones follow.
    const overlap = (await push(s.app, dpo, [...changes.slice(2), ...run(5, 2)])).json();
    expect(overlap.accepted.slice(0, 2)).toEqual(first.accepted.slice(2));
    expect(overlap.accepted.map((a: { seq: number }) => a.seq)).toEqual([3, 4, 5, 6]);
    expect((await pull(s.app, dpo, 0)).json().changes).toHaveLength(6);
  });

  it('refuses a stored seq with another body (409 seq-conflict) and a seq past the next one (409 seq-gap)', async () => {
    const { dpo } = await teamWithDpo(s.app, s.db, s.clock);
    await push(s.app, dpo, run(1, 2));
    const conflict = await push(s.app, dpo, [{ seq: 2, body: body() }, { seq: 3, body: body() }]);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error.code).toBe('seq-conflict');
    const gap = await push(s.app, dpo, [{ seq: 4, body: body() }]);
    expect(gap.statusCode).toBe(409);
    expect(gap.json().error).toMatchObject({ code: 'seq-gap', expected: 3 });
    // Neither refused call stored anything (seq 3 of the conflicting call included).
    expect((await pull(s.app, dpo, 0)).json().changes.map((c: { seq: number }) => c.seq)).toEqual([1, 2]);
    const unordered = await push(s.app, dpo, [{ seq: 3, body: body() }, { seq: 5, body: body() }]);
    expect(unordered.statusCode).toBe(400);
  });

  it('stores nothing of a push whose transaction fails half-way', async () => {
    const { dpo } = await teamWithDpo(s.app, s.db, s.clock);
    // The third row of the call fails inside the database, after two rows went in.
    await s.db.pool.query(`CREATE FUNCTION fail_third() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.device_id = '${dpo.deviceId}' AND NEW.seq = 3 THEN RAISE EXCEPTION 'cut off'; END IF; RETURN NEW; END $$`);
    await s.db.pool.query('CREATE TRIGGER fail_third BEFORE INSERT ON changes FOR EACH ROW EXECUTE FUNCTION fail_third()');
    const changes = run(1, 5);
    try {
      const cut = await push(s.app, dpo, changes);
      expect(cut.statusCode).toBe(500);
      expect(cut.json().error.code).toBe('internal');
    } finally {
      await s.db.pool.query('DROP TRIGGER fail_third ON changes; DROP FUNCTION fail_third()');
    }
    expect((await pull(s.app, dpo, 0)).json().changes).toEqual([]);
    const stored = await s.db.pool.query('SELECT last_seq FROM devices WHERE device_id = $1', [dpo.deviceId]);
    expect(stored.rows[0].last_seq).toBe(0);
    // The retry of the whole call goes through from seq 1.
    const retry = await push(s.app, dpo, changes);
    expect(retry.json().accepted.map((a: { seq: number }) => a.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses more than 500 changes a call, a change body over 256 KiB (400) and a request over 1 MiB (413)', async () => {
    const { dpo } = await teamWithDpo(s.app, s.db, s.clock);
    const many = await push(s.app, dpo, Array.from({ length: 501 }, (_, i) => ({ seq: i + 1, body: 'AA' })));
    expect(many.statusCode).toBe(400);
    const big = await push(s.app, dpo, [{ seq: 1, body: randomBytes(256 * 1024 + 1).toString('base64url') }]);
    expect(big.statusCode).toBe(400);
    const fits = await push(s.app, dpo, [{ seq: 1, body: randomBytes(256 * 1024).toString('base64url') }]);
    expect(fits.statusCode).toBe(200);
    const huge = await push(s.app, dpo, Array.from({ length: 4 }, (_, i) => ({ seq: i + 2, body: randomBytes(250 * 1024).toString('base64url') })));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('too-large');
    expect(huge.headers['access-control-allow-origin']).toBe('*');
  });
});

describe('pull', () => {
  it('pages through the team’s changes by cursor, in order, never another team’s', async () => {
    const { dpo, member } = await teamWithDpo(s.app, s.db, s.clock);
    const legal = await member('legal');
    const other = await teamWithDpo(s.app, s.db, s.clock);
    for (let i = 0; i < 5; i += 1) {
      await push(s.app, i % 2 ? dpo : legal, run(Math.floor(i / 2) * 10 + 1, 10));
      await push(s.app, other.dpo, run(i * 3 + 1, 3));
    }
    const seen: { order: number; deviceId: string }[] = [];
    let after = 0;
    let pages = 0;
    for (;;) {
      const page = (await pull(s.app, legal, after, 7)).json();
      pages += 1;
      seen.push(...page.changes);
      after = page.next;
      if (!page.more) break;
    }
    expect(pages).toBe(8);
    expect(seen).toHaveLength(50);
    expect(seen.every((c, i) => i === 0 || c.order > seen[i - 1]!.order)).toBe(true);
    expect(new Set(seen.map((c) => c.deviceId))).toEqual(new Set([dpo.deviceId, legal.deviceId]));
    const end = (await pull(s.app, legal, after)).json();
    expect(end).toEqual({ changes: [], next: after, more: false });
    expect((await pull(s.app, legal, 0, 1001)).statusCode).toBe(400);
  });

  it('ends a page early once its bodies pass 8 MiB', async () => {
    const { dpo } = await teamWithDpo(s.app, s.db, s.clock);
    // 36 changes of 240 KiB, three a call (a call stays under the 1 MiB request limit).
    for (let seq = 1; seq <= 36; seq += 3) {
      const res = await push(s.app, dpo, Array.from({ length: 3 }, (_, j) => ({ seq: seq + j, body: randomBytes(240 * 1024).toString('base64url') })));
      expect(res.statusCode).toBe(200);
    }
    const first = (await pull(s.app, dpo, 0, 1000)).json();
    expect(first.changes.length).toBe(35); // 34 × 240 KiB = 8160 KiB < 8 MiB: the 35th starts below the budget
    expect(first.more).toBe(true);
    const rest = (await pull(s.app, dpo, first.next, 1000)).json();
    expect(rest.changes.length).toBe(1);
    expect(rest.more).toBe(false);
  });
});

describe('concurrent pushes', () => {
  it('never leave a hole that a puller reading during the pushes skips', async () => {
    const { dpo, member } = await teamWithDpo(s.app, s.db, s.clock);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 3, maxLength: 6 }), async (batches) => {
        const devices = [dpo, ...(await Promise.all(batches.slice(1).map(() => member('agent'))))];
        const start = (await pull(s.app, dpo, 0, 1000)).json();
        let cursor = start.changes.at(-1)?.order ?? 0;
        const pushedSeqs = new Map<string, number>();
        let done = false;
        const seen: { order: number; deviceId: string; seq: number }[] = [];
        const puller = (async () => {
          for (let i = 0; i < 20_000; i += 1) {
            const finished = done;
            const page = (await pull(s.app, dpo, cursor, 1000)).json();
            seen.push(...page.changes);
            cursor = page.next;
            if (finished && !page.more) return;
            if (page.changes.length === 0) await new Promise((r) => setTimeout(r, 1));
          }
          throw new Error('puller did not finish');
        })();
        await Promise.all(
          devices.map(async (d, k) => {
            const last = (await s.db.pool.query('SELECT last_seq FROM devices WHERE device_id = $1', [d.deviceId])).rows[0].last_seq as number;
            let seq = last + 1;
            for (let round = 0; round < 5; round += 1) {
              const n = batches[k]!;
              const res = await push(s.app, d, run(seq, n));
              if (res.statusCode !== 200) throw new Error(`push: ${res.statusCode} ${res.body}`);
              seq += n;
            }
            pushedSeqs.set(d.deviceId, seq - 1);
          }),
        );
        done = true;
        await puller;
        expect(seen.every((c, i) => i === 0 || c.order > seen[i - 1]!.order)).toBe(true);
        for (const d of devices) {
          const mine = seen.filter((c) => c.deviceId === d.deviceId).map((c) => c.seq);
          const last = pushedSeqs.get(d.deviceId)!;
          expect(mine).toEqual(Array.from({ length: 5 * batches[devices.indexOf(d)]! }, (_, i) => last - 5 * batches[devices.indexOf(d)]! + 1 + i));
        }
      }),
      { numRuns: 8 },
    );
  });
});

describe('shred', () => {
  it('deletes every change of the team that carries the subject id, and the device’s seqs go on', async () => {
    const { dpo, member } = await teamWithDpo(s.app, s.db, s.clock);
    const agent = await member('agent');
    const [a, b] = [subjectId(), subjectId()];
    await push(s.app, agent, [{ seq: 1, subject: a, body: body() }, { seq: 2, subject: b, body: body() }, { seq: 3, body: body() }]);
    await push(s.app, dpo, [{ seq: 1, subject: a, body: body() }]);
    const other = await teamWithDpo(s.app, s.db, s.clock);
    await push(s.app, other.dpo, [{ seq: 1, subject: a, body: body() }]);
    const res = await s.app.inject({ method: 'POST', url: '/v1/shred', headers: as(dpo), payload: { subject: a } });
    expect(res.json()).toEqual({ deleted: 2 });
    const left = (await pull(s.app, dpo, 0)).json().changes;
    expect(left.map((c: { seq: number; subject?: string }) => [c.seq, c.subject])).toEqual([[2, b], [3, undefined]]);
    expect((await pull(s.app, other.dpo, 0)).json().changes).toHaveLength(1);
    const stored = await s.db.pool.query('SELECT count(*)::int AS n FROM changes WHERE subject = $1', [a]);
    expect(stored.rows[0].n).toBe(1);
    // The shredded seq 3 does not come back as "expected": the next seq is still 4.
    expect((await push(s.app, agent, [{ seq: 4, body: body() }])).statusCode).toBe(200);
    const retried = await push(s.app, agent, [{ seq: 1, subject: a, body: body() }]);
    expect(retried.statusCode).toBe(409);
    // Told apart from a body conflict, with the seq, so the browser drops it (docs/team-protocol.md).
    expect(retried.json().error).toMatchObject({ code: 'seq-shredded', seq: 1 });
    const bad = await s.app.inject({ method: 'POST', url: '/v1/shred', headers: as(dpo), payload: { subject: 'alice@example.com' } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('limits and logs', () => {
  it('answers 429 with retry-after past the requests a minute of one device', async () => {
    const limited = await testServer({ requestsPerMinute: 5 });
    try {
      const { dpo, member } = await teamWithDpo(limited.app, limited.db, limited.clock);
      const agent = await member('agent');
      for (let i = 0; i < 5; i += 1) expect((await pull(limited.app, dpo, 0)).statusCode).toBe(200);
      const over = await pull(limited.app, dpo, 0);
      expect(over.statusCode).toBe(429);
      expect(over.json().error.code).toBe('rate-limited');
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
      expect(over.headers['access-control-allow-origin']).toBe('*');
      expect(String(over.headers['access-control-expose-headers']).toLowerCase()).toBe('retry-after');
      // Another device of the same address has its own budget.
      expect((await pull(limited.app, agent, 0)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('writes one JSON line per request with route, status and device, never a body or a token', async () => {
    const lines: string[] = [];
    const logged = await testServer({ log: { write: (line: string) => void lines.push(line) } });
    try {
      const { dpo } = await teamWithDpo(logged.app, logged.db, logged.clock);
      const secret = body(48);
      await push(logged.app, dpo, [{ seq: 1, subject: subjectId(), body: secret }]);
      await pull(logged.app, dpo, 0);
      const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
      expect(requests.map((l) => [l.method, l.route, l.status])).toEqual([
        ['POST', '/v1/join', 200],
        ['POST', '/v1/changes', 200],
        ['GET', '/v1/changes', 200],
      ]);
      expect(requests[1]).toMatchObject({ team: dpo.teamId, device: dpo.deviceId });
      expect(typeof requests[1].ms).toBe('number');
      const all = lines.join('\n');
      expect(all).not.toContain(secret);
      expect(all).not.toContain(dpo.deviceToken);
      expect(all).not.toContain('after=');
    } finally {
      await logged.close();
    }
  });
});

describe('what the database holds', () => {
  it('holds the pushed ciphertext byte for byte and nothing else of it: no other column, no other table', async () => {
    const { dpo, member } = await teamWithDpo(s.app, s.db, s.clock);
    const agent = await member('agent');
    const payload = randomBytes(4096);
    const subject = subjectId();
    await push(s.app, agent, [{ seq: 1, subject, body: payload.toString('base64url') }]);
    await s.app.inject({ method: 'POST', url: '/v1/keys', headers: as(dpo), payload: { epoch: 2, envelopes: [{ deviceId: agent.deviceId, sealed: body(72) }] } });

    // Every column the server keeps: a new one must be added here on purpose.
    const columns = await s.db.pool.query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
         JOIN pg_class k ON k.relname = c.table_name AND NOT k.relispartition
        WHERE c.table_schema = 'public' AND c.table_name <> 'pgmigrations' ORDER BY c.table_name, c.ordinal_position`,
    );
    expect(columns.rows.map((c) => `${c.table_name}.${c.column_name}:${c.data_type}`)).toEqual([
      // A certificate: base64url of a DPO-signed statement of ids, role and public keys (no personal data).
      'certificates.device_id:uuid', 'certificates.team_id:uuid', 'certificates.from_device_id:uuid', 'certificates.certificate:text', 'certificates.created_at:timestamp with time zone',
      'changes.team_id:uuid', 'changes.ord:bigint', 'changes.device_id:uuid', 'changes.member_id:uuid', 'changes.seq:bigint',
      'changes.at:timestamp with time zone', 'changes.subject:text', 'changes.size:integer', 'changes.body:bytea',
      'devices.device_id:uuid', 'devices.team_id:uuid', 'devices.member_id:uuid', 'devices.token_hash:bytea', 'devices.sign_public_key:bytea',
      'devices.box_public_key:bytea', 'devices.created_at:timestamp with time zone', 'devices.last_seq:bigint',
      'invites.token_hash:bytea', 'invites.team_id:uuid', 'invites.member_id:uuid', 'invites.expires_at:timestamp with time zone', 'invites.used_at:timestamp with time zone',
      'key_envelopes.team_id:uuid', 'key_envelopes.epoch:integer', 'key_envelopes.device_id:uuid', 'key_envelopes.from_device_id:uuid', 'key_envelopes.sealed:bytea', 'key_envelopes.created_at:timestamp with time zone',
      'members.member_id:uuid', 'members.team_id:uuid', 'members.role:text', 'members.created_at:timestamp with time zone', 'members.revoked_at:timestamp with time zone',
      'teams.team_id:uuid', 'teams.created_at:timestamp with time zone',
    ]);
    const stored = await s.db.pool.query('SELECT body, size, subject FROM changes WHERE device_id = $1', [agent.deviceId]);
    expect(stored.rows).toEqual([{ body: payload, size: 4096, subject }]);
    // The payload in any encoding appears in no other row of any table; the only text columns hold a
    // role, a 64-hex subject id or a certificate.
    const fragment = payload.subarray(100, 132);
    for (const table of ['teams', 'members', 'invites', 'devices', 'key_envelopes', 'certificates', 'changes', 'pgmigrations']) {
      const rows = (await s.db.pool.query(`SELECT t::text AS row FROM ${table} t`)).rows.map((r) => r.row as string);
      const hits = rows.filter((r) => r.includes(fragment.toString('hex')) || r.includes(fragment.toString('base64url')) || r.includes(fragment.toString('base64')));
      expect(hits.length, table).toBe(table === 'changes' ? 1 : 0);
    }
    const roles = await s.db.pool.query('SELECT DISTINCT role FROM members');
    expect(roles.rows.every((r) => ['agent', 'dpo', 'legal'].includes(r.role))).toBe(true);
    const subjects = await s.db.pool.query(`SELECT count(*)::int AS n FROM changes WHERE subject IS NOT NULL AND subject !~ '^[0-9a-f]{64}$'`);
    expect(subjects.rows[0].n).toBe(0);
  });
});
