// DATABASE_READ_URL: pulls read the replica, everything else (auth included) the primary.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate, openDatabase, type Database } from '../database.ts';
import { as, body, freshDatabaseUrl, teamWithDpo, testServer } from './harness.ts';

let primary: Database;
let replica: Database;
let s: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  // Two databases stand in for a primary and a replica that has not caught up yet.
  const [primaryUrl, replicaUrl] = [await freshDatabaseUrl(), await freshDatabaseUrl()];
  primary = await openDatabase({ url: primaryUrl, readUrl: replicaUrl, dataDir: 'unused' });
  replica = await openDatabase({ url: replicaUrl, dataDir: 'unused' });
  await migrate(replica.pool);
  s = await testServer({ db: primary });
});
afterAll(async () => {
  await s.close();
  await replica.close();
});

it('sends pulls to the read replica and pushes, auth and keys to the primary', async () => {
  expect(primary.readPool).not.toBe(primary.pool);
  const { dpo } = await teamWithDpo(s.app, s.db, s.clock);
  const pushed = await s.app.inject({ method: 'POST', url: '/v1/changes', headers: as(dpo), payload: { changes: [{ seq: 1, body: body() }] } });
  expect(pushed.statusCode).toBe(200);
  // The lagging replica has nothing yet; the device is still authenticated on the primary.
  expect((await s.app.inject({ method: 'GET', url: '/v1/changes?after=0', headers: as(dpo) })).json()).toEqual({ changes: [], next: 0, more: false });
  // Once the replica has the row, the pull shows it.
  const row = (await primary.pool.query('SELECT * FROM changes')).rows[0];
  await replica.pool.query('INSERT INTO changes (team_id, ord, device_id, member_id, seq, at, subject, size, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
    row.team_id, row.ord, row.device_id, row.member_id, row.seq, row.at, row.subject, row.size, row.body,
  ]);
  const pulled = (await s.app.inject({ method: 'GET', url: '/v1/changes?after=0', headers: as(dpo) })).json();
  expect(pulled.changes.map((c: { seq: number }) => c.seq)).toEqual([1]);
});
