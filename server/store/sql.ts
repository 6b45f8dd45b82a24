import type pg from 'pg';

/** The server's clock, injected so tests fix the instant (invite expiry, timestamps). */
export type Clock = () => Date;

export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * One team's writers queue behind a transaction-scoped advisory lock, so the orders they draw from the
 * sequence commit in ascending order and a puller reading `after=N` never skips a change that commits
 * later with a smaller order. The two-key form keeps it apart from node-pg-migrate's one-key lock.
 */
export async function lockTeam(client: pg.PoolClient, teamId: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(7311, hashtext($1))', [teamId]);
}
