// The change log: idempotent pushes in one order per team, pulls by cursor, shredding by subject.
import type pg from 'pg';
import { HttpError } from '../errors.ts';
import type { PushRequest } from '../protocol.ts';
import { inTransaction, lockTeam, type Clock } from './sql.ts';
import type { Caller } from './teams.ts';

export interface Accepted {
  seq: number;
  order: number;
}

/**
 * Stores a device's changes, all or nothing. A call carries consecutive seqs; those already stored
 * (a retry after a cut connection) must have the same body and are answered with their stored order,
 * the rest must continue the device's sequence exactly.
 */
export async function pushChanges(pool: pg.Pool, caller: Caller, changes: PushRequest['changes'], clock: Clock): Promise<Accepted[]> {
  changes.forEach((c, i) => {
    if (i > 0 && c.seq !== changes[i - 1]!.seq + 1) throw new HttpError(400, 'bad-request', 'the seqs of one push must be consecutive and ascending');
  });
  return inTransaction(pool, async (client) => {
    await lockTeam(client, caller.teamId);
    // Re-read under the lock: a revocation that committed while this push waited refuses it.
    const state = await client.query<{ last_seq: number; revoked_at: Date | null }>(
      'SELECT d.last_seq, m.revoked_at FROM devices d JOIN members m USING (member_id) WHERE d.device_id = $1',
      [caller.deviceId],
    );
    const device = state.rows[0];
    if (!device || device.revoked_at) throw new HttpError(403, 'revoked', 'this member was revoked from the team');
    const expected = device.last_seq + 1;
    const first = changes[0]!.seq;
    if (first > expected) throw new HttpError(409, 'seq-gap', `seq ${first} given, ${expected} expected`, { expected });

    const accepted: Accepted[] = [];
    const retried = changes.filter((c) => c.seq < expected);
    if (retried.length > 0) {
      const stored = await client.query<{ seq: number; ord: number; body: Buffer }>(
        'SELECT seq, ord, body FROM changes WHERE team_id = $1 AND device_id = $2 AND seq = ANY($3::bigint[])',
        [caller.teamId, caller.deviceId, retried.map((c) => c.seq)],
      );
      const bySeq = new Map(stored.rows.map((r) => [r.seq, r]));
      for (const c of retried) {
        const row = bySeq.get(c.seq);
        // A change shredded since its first push is gone: the retry cannot be matched, nor stored again.
        // Its own code, so the client can tell it from a body conflict and drop the change (the erasure behind
        // the shred reaches every replica anyway); docs/team-protocol.md.
        if (!row) throw new HttpError(409, 'seq-shredded', `seq ${c.seq} was stored and has since been shredded`, { seq: c.seq });
        if (!row.body.equals(Buffer.from(c.body, 'base64url'))) throw new HttpError(409, 'seq-conflict', `seq ${c.seq} was stored with another body`);
        accepted.push({ seq: c.seq, order: row.ord });
      }
    }
    const fresh = changes.filter((c) => c.seq >= expected);
    if (fresh.length > 0) {
      const bodies = fresh.map((c) => Buffer.from(c.body, 'base64url'));
      // One statement stores the rows and moves the device's last seq: one round trip less under the lock.
      const inserted = await client.query<{ seq: number; ord: number }>(
        `WITH stored AS (
           INSERT INTO changes (team_id, device_id, member_id, seq, at, subject, size, body)
           SELECT $1, $2, $3, n.seq, $4, n.subject, n.size, n.body
             FROM unnest($5::bigint[], $6::text[], $7::int[], $8::bytea[]) WITH ORDINALITY AS n(seq, subject, size, body, i)
            ORDER BY n.i
           RETURNING seq, ord),
         moved AS (UPDATE devices SET last_seq = $9 WHERE device_id = $2)
         SELECT seq, ord FROM stored`,
        [caller.teamId, caller.deviceId, caller.memberId, clock(), fresh.map((c) => c.seq), fresh.map((c) => c.subject ?? null), bodies.map((b) => b.length), bodies, fresh.at(-1)!.seq],
      );
      const ords = new Map(inserted.rows.map((r) => [r.seq, r.ord]));
      for (const c of fresh) accepted.push({ seq: c.seq, order: ords.get(c.seq)! });
    }
    return accepted;
  });
}

export interface PulledChange {
  order: number;
  deviceId: string;
  memberId: string;
  seq: number;
  at: string;
  subject?: string;
  body: string;
}

/** Changes after `after` in order; the page ends at `limit` rows or once the bodies pass `budget` bytes (the first row always comes). */
export async function pullChanges(pool: pg.Pool, teamId: string, after: number, limit: number, budget: number): Promise<{ changes: PulledChange[]; next: number; more: boolean }> {
  // The running size is computed over (ord, size) alone, so bodies past the budget are never read.
  const found = await pool.query<{ ord: number; device_id: string; member_id: string; seq: number; at: Date; subject: string | null; body: Buffer | null }>(
    `WITH page AS (
       SELECT ord, size, sum(size) OVER (ORDER BY ord) - size AS before FROM changes
        WHERE team_id = $1 AND ord > $2 ORDER BY ord LIMIT $3)
     SELECT c.ord, c.device_id, c.member_id, c.seq, c.at, c.subject, CASE WHEN page.before < $4 THEN c.body END AS body
       FROM page JOIN changes c ON c.team_id = $1 AND c.ord = page.ord ORDER BY c.ord`,
    [teamId, after, limit + 1, budget],
  );
  const fits = found.rows.findIndex((r, i) => i >= limit || r.body === null);
  const rows = fits === -1 ? found.rows : found.rows.slice(0, fits);
  return {
    changes: rows.map((r) => ({
      order: r.ord,
      deviceId: r.device_id,
      memberId: r.member_id,
      seq: r.seq,
      at: r.at.toISOString(),
      ...(r.subject ? { subject: r.subject } : {}),
      body: r.body!.toString('base64url'),
    })),
    next: rows.at(-1)?.ord ?? after,
    more: rows.length < found.rows.length,
  };
}

/** Art. 17 GDPR erasure reaching the relay: every change of the team that names the subject goes. */
export async function shredSubject(pool: pg.Pool, teamId: string, subject: string): Promise<number> {
  const deleted = await pool.query('DELETE FROM changes WHERE team_id = $1 AND subject = $2', [teamId, subject]);
  return deleted.rowCount ?? 0;
}
