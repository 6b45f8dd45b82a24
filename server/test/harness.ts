// Each test file gets its own database in the shared throw-away cluster, migrated, and an app over it
// with a clock the test moves.
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp, type AppOptions } from '../app.ts';
import { migrate, openDatabase, type Database } from '../database.ts';
import type { Role } from '../protocol.ts';
import { createInvite, createTeam } from '../store/teams.ts';

export const T0 = new Date('2026-03-02T09:00:00.000Z');

export class TestClock {
  now = new Date(T0);
  readonly read = () => new Date(this.now);
  advance(ms: number) {
    this.now = new Date(this.now.getTime() + ms);
  }
}

/** A new empty database in the cluster of global-setup.ts; its URL. */
export async function freshDatabaseUrl(): Promise<string> {
  const admin = new pg.Client({ connectionString: inject('databaseUrl') });
  await admin.connect();
  const name = `t_${randomUUID().replaceAll('-', '')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

export async function testServer(options: Partial<AppOptions> & { db?: Database } = {}) {
  const db = options.db ?? (await openDatabase({ url: await freshDatabaseUrl(), dataDir: 'unused' }));
  await migrate(db.pool);
  const clock = new TestClock();
  const app = await buildApp({ log: false, clock: clock.read, ...options, db });
  await app.ready();
  return { app, db, clock, close: async () => (await app.close(), await db.close()) };
}

export type TestApp = Awaited<ReturnType<typeof testServer>>['app'];
export const key32 = () => randomBytes(32).toString('base64url');

export interface Device {
  teamId: string;
  memberId: string;
  deviceId: string;
  deviceToken: string;
  role: Role;
}

export async function joinWith(app: TestApp, token: string): Promise<Device> {
  const res = await app.inject({ method: 'POST', url: '/v1/join', payload: { token, signPublicKey: key32(), boxPublicKey: key32() } });
  if (res.statusCode !== 200) throw new Error(`join: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A team with a DPO device, and a helper to add members of any role. */
export async function teamWithDpo(app: TestApp, db: Database, clock: TestClock) {
  const { teamId, invite } = await createTeam(db.pool, clock.read);
  const dpo = await joinWith(app, invite.token);
  const member = async (role: Role) => joinWith(app, (await createInvite(db.pool, teamId, role, clock.read)).token);
  return { teamId, dpo, member };
}

export const as = (device: Device) => ({ authorization: `Bearer ${device.deviceToken}` });
export const body = (bytes = 64) => randomBytes(bytes).toString('base64url');
export const subjectId = () => randomBytes(32).toString('hex');
