// Member certificates (docs/team-protocol.md): opaque text a DPO's browser signed, one per device,
// stored and handed to every device of the team. The server cannot read their signatures' worth: the
// browsers check them.
import type pg from 'pg';
import { HttpError } from '../errors.ts';
import { inTransaction, type Clock } from './sql.ts';
import type { Caller } from './teams.ts';

export async function storeCertificates(pool: pg.Pool, caller: Caller, certificates: { deviceId: string; certificate: string }[], clock: Clock): Promise<number> {
  return inTransaction(pool, async (client) => {
    const ids = certificates.map((c) => c.deviceId);
    const known = await client.query<{ device_id: string }>('SELECT device_id FROM devices WHERE team_id = $1 AND device_id = ANY($2::uuid[])', [caller.teamId, ids]);
    const inTeam = new Set(known.rows.map((r) => r.device_id));
    const stranger = ids.find((id) => !inTeam.has(id));
    if (stranger) throw new HttpError(404, 'unknown-device', `no device ${stranger} in this team`);
    // A device certified again (a new role) keeps only its newest certificate.
    const stored = await client.query(
      `INSERT INTO certificates (device_id, team_id, from_device_id, certificate, created_at)
       SELECT c.device_id, $1, $2, c.certificate, $3 FROM unnest($4::uuid[], $5::text[]) AS c(device_id, certificate)
       ON CONFLICT (device_id) DO UPDATE SET certificate = excluded.certificate, from_device_id = excluded.from_device_id, created_at = excluded.created_at`,
      [caller.teamId, caller.deviceId, clock(), ids, certificates.map((c) => c.certificate)],
    );
    return stored.rowCount ?? 0;
  });
}

export async function certificatesOf(pool: pg.Pool, teamId: string): Promise<{ deviceId: string; certificate: string }[]> {
  const found = await pool.query<{ device_id: string; certificate: string }>('SELECT device_id, certificate FROM certificates WHERE team_id = $1 ORDER BY created_at, device_id', [teamId]);
  return found.rows.map((r) => ({ deviceId: r.device_id, certificate: r.certificate }));
}
