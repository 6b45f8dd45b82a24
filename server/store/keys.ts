// Team-key envelopes: the key of an epoch sealed to each device's X25519 key in a DPO's browser.
import type pg from 'pg';
import { HttpError } from '../errors.ts';
import { inTransaction, type Clock } from './sql.ts';
import type { Caller } from './teams.ts';

export async function storeEnvelopes(pool: pg.Pool, caller: Caller, epoch: number, envelopes: { deviceId: string; sealed: string }[], clock: Clock): Promise<number> {
  return inTransaction(pool, async (client) => {
    const ids = envelopes.map((e) => e.deviceId);
    const known = await client.query<{ device_id: string }>('SELECT device_id FROM devices WHERE team_id = $1 AND device_id = ANY($2::uuid[])', [caller.teamId, ids]);
    const inTeam = new Set(known.rows.map((r) => r.device_id));
    const stranger = ids.find((id) => !inTeam.has(id));
    if (stranger) throw new HttpError(404, 'unknown-device', `no device ${stranger} in this team`);
    // A DPO's browser may seal an epoch again (say after a crash): the newest envelope wins.
    const stored = await client.query(
      `INSERT INTO key_envelopes (team_id, epoch, device_id, from_device_id, sealed, created_at)
       SELECT $1, $2, e.device_id, $3, e.sealed, $4 FROM unnest($5::uuid[], $6::bytea[]) AS e(device_id, sealed)
       ON CONFLICT (device_id, epoch) DO UPDATE SET sealed = excluded.sealed, from_device_id = excluded.from_device_id, created_at = excluded.created_at`,
      [caller.teamId, epoch, caller.deviceId, clock(), ids, envelopes.map((e) => Buffer.from(e.sealed, 'base64url'))],
    );
    return stored.rowCount ?? 0;
  });
}

export async function envelopesFor(pool: pg.Pool, deviceId: string): Promise<{ epoch: number; fromDeviceId: string; sealed: string }[]> {
  const found = await pool.query<{ epoch: number; from_device_id: string; sealed: Buffer }>(
    'SELECT epoch, from_device_id, sealed FROM key_envelopes WHERE device_id = $1 ORDER BY epoch',
    [deviceId],
  );
  return found.rows.map((r) => ({ epoch: r.epoch, fromDeviceId: r.from_device_id, sealed: r.sealed.toString('base64url') }));
}
