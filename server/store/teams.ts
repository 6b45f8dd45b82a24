// Teams, members, invites and devices: who may call, with which role.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { HttpError } from '../errors.ts';
import { LIMITS, type Role } from '../protocol.ts';
import { newToken, tokenHash } from '../tokens.ts';
import { inTransaction, lockTeam, type Clock } from './sql.ts';

export interface Caller {
  deviceId: string;
  teamId: string;
  memberId: string;
  role: Role;
}

export interface Invite {
  teamId: string;
  memberId: string;
  role: Role;
  token: string;
  expiresAt: string;
}

export async function createTeam(pool: pg.Pool, clock: Clock): Promise<{ teamId: string; invite: Invite }> {
  const teamId = randomUUID();
  return inTransaction(pool, async (client) => {
    await client.query('INSERT INTO teams (team_id, created_at) VALUES ($1, $2)', [teamId, clock()]);
    return { teamId, invite: await insertInvite(client, teamId, 'dpo', clock) };
  });
}

export async function createInvite(pool: pg.Pool, teamId: string, role: Role, clock: Clock): Promise<Invite> {
  return inTransaction(pool, async (client) => {
    const team = await client.query('SELECT 1 FROM teams WHERE team_id = $1', [teamId]);
    if (team.rowCount === 0) throw new HttpError(404, 'unknown-team', `no team ${teamId}`);
    return insertInvite(client, teamId, role, clock);
  });
}

/** The invited member exists from now on (listed without devices, revocable before it joins). */
async function insertInvite(client: pg.PoolClient, teamId: string, role: Role, clock: Clock): Promise<Invite> {
  const memberId = randomUUID();
  const token = newToken();
  const now = clock();
  const expiresAt = new Date(now.getTime() + LIMITS.inviteDays * 86_400_000);
  await client.query('INSERT INTO members (member_id, team_id, role, created_at) VALUES ($1, $2, $3, $4)', [memberId, teamId, role, now]);
  await client.query('INSERT INTO invites (token_hash, team_id, member_id, expires_at) VALUES ($1, $2, $3, $4)', [tokenHash(token), teamId, memberId, expiresAt]);
  return { teamId, memberId, role, token, expiresAt: expiresAt.toISOString() };
}

export interface Joined {
  teamId: string;
  memberId: string;
  deviceId: string;
  deviceToken: string;
  role: Role;
}

export async function join(pool: pg.Pool, token: string, signPublicKey: Buffer, boxPublicKey: Buffer, clock: Clock): Promise<Joined> {
  return inTransaction(pool, async (client) => {
    const found = await client.query<{ team_id: string; member_id: string; role: Role; expires_at: Date; used_at: Date | null; revoked_at: Date | null }>(
      `SELECT i.team_id, i.member_id, m.role, i.expires_at, i.used_at, m.revoked_at
         FROM invites i JOIN members m USING (member_id) WHERE i.token_hash = $1 FOR UPDATE OF i`,
      [tokenHash(token)],
    );
    const invite = found.rows[0];
    if (!invite) throw new HttpError(404, 'unknown-invite', 'no such invite');
    const now = clock();
    if (invite.used_at) throw new HttpError(410, 'invite-used', 'this invite was used already; ask the DPO for a new one');
    if (invite.expires_at <= now) throw new HttpError(410, 'invite-expired', 'this invite has expired; ask the DPO for a new one');
    if (invite.revoked_at) throw new HttpError(410, 'invite-revoked', 'this member was revoked');
    const deviceId = randomUUID();
    const deviceToken = newToken();
    await client.query('UPDATE invites SET used_at = $2 WHERE token_hash = $1', [tokenHash(token), now]);
    await client.query(
      `INSERT INTO devices (device_id, team_id, member_id, token_hash, sign_public_key, box_public_key, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [deviceId, invite.team_id, invite.member_id, tokenHash(deviceToken), signPublicKey, boxPublicKey, now],
    );
    return { teamId: invite.team_id, memberId: invite.member_id, deviceId, deviceToken, role: invite.role };
  });
}

/** The device behind a bearer token; 401 unknown, 403 when its member was revoked. */
export async function authenticate(pool: pg.Pool, token: string): Promise<Caller> {
  const found = await pool.query<{ device_id: string; team_id: string; member_id: string; role: Role; revoked_at: Date | null }>(
    `SELECT d.device_id, d.team_id, d.member_id, m.role, m.revoked_at
       FROM devices d JOIN members m USING (member_id) WHERE d.token_hash = $1`,
    [tokenHash(token)],
  );
  const row = found.rows[0];
  if (!row) throw new HttpError(401, 'unauthorized', 'unknown device token');
  if (row.revoked_at) throw new HttpError(403, 'revoked', 'this member was revoked from the team');
  return { deviceId: row.device_id, teamId: row.team_id, memberId: row.member_id, role: row.role };
}

export interface MemberView {
  memberId: string;
  role: Role;
  createdAt: string;
  revokedAt?: string;
  devices: { deviceId: string; signPublicKey: string; boxPublicKey: string; createdAt: string }[];
}

export async function listMembers(pool: pg.Pool, teamId: string): Promise<MemberView[]> {
  const members = await pool.query<{ member_id: string; role: Role; created_at: Date; revoked_at: Date | null }>(
    'SELECT member_id, role, created_at, revoked_at FROM members WHERE team_id = $1 ORDER BY created_at, member_id',
    [teamId],
  );
  const devices = await pool.query<{ device_id: string; member_id: string; sign_public_key: Buffer; box_public_key: Buffer; created_at: Date }>(
    'SELECT device_id, member_id, sign_public_key, box_public_key, created_at FROM devices WHERE team_id = $1 ORDER BY created_at, device_id',
    [teamId],
  );
  return members.rows.map((m) => ({
    memberId: m.member_id,
    role: m.role,
    createdAt: m.created_at.toISOString(),
    ...(m.revoked_at ? { revokedAt: m.revoked_at.toISOString() } : {}),
    devices: devices.rows
      .filter((d) => d.member_id === m.member_id)
      .map((d) => ({
        deviceId: d.device_id,
        signPublicKey: d.sign_public_key.toString('base64url'),
        boxPublicKey: d.box_public_key.toString('base64url'),
        createdAt: d.created_at.toISOString(),
      })),
  }));
}

export async function teamExists(pool: pg.Pool, teamId: string): Promise<boolean> {
  return ((await pool.query('SELECT 1 FROM teams WHERE team_id = $1', [teamId])).rowCount ?? 0) > 0;
}

/**
 * Takes the team's push lock, so no push of that member commits after the revocation does: a push
 * waiting for the lock re-reads the member and is refused.
 */
export async function revokeMember(pool: pg.Pool, teamId: string, memberId: string, clock: Clock): Promise<{ memberId: string; revokedAt: string }> {
  return inTransaction(pool, async (client) => {
    await lockTeam(client, teamId);
    const updated = await client.query<{ revoked_at: Date }>(
      'UPDATE members SET revoked_at = coalesce(revoked_at, $3) WHERE team_id = $1 AND member_id = $2 RETURNING revoked_at',
      [teamId, memberId, clock()],
    );
    const row = updated.rows[0];
    if (!row) throw new HttpError(404, 'unknown-member', `no member ${memberId} in this team`);
    return { memberId, revokedAt: row.revoked_at.toISOString() };
  });
}
