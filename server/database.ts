// One code path for both databases: the server always speaks `pg` (node-postgres) to PostgreSQL. Without
// DATABASE_URL it starts PGlite (PostgreSQL compiled to WASM, in-process) behind
// @electric-sql/pglite-socket on a loopback port, so the same queries, the same transactions and
// advisory locks, and the same migration runner (node-pg-migrate) serve the embedded default and a real
// PostgreSQL. PGlite is a single session: its pool has one connection, which serialises requests.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runner } from 'node-pg-migrate';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Database {
  kind: 'pglite' | 'postgres';
  /** Writes and every authenticated read. */
  pool: pg.Pool;
  /** Pulls (GET /v1/changes): a read replica when DATABASE_READ_URL is set, else `pool`. */
  readPool: pg.Pool;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url?: string | undefined;
  readUrl?: string | undefined;
  /** PGlite's data folder, used when `url` is absent. */
  dataDir: string;
  poolSize?: number;
}

// Orders and sequence numbers are bigint; they stay far below 2^53 and travel as JSON numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    const readPool = options.readUrl ? new pg.Pool({ connectionString: options.readUrl, max: options.poolSize ?? 10 }) : pool;
    return {
      kind: 'postgres',
      pool,
      readPool,
      close: async () => {
        await pool.end();
        if (readPool !== pool) await readPool.end();
      },
    };
  }
  return openPglite(resolve(options.dataDir));
}

async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    const db = await PGlite.create(join(dataDir, 'pgdata'));
    const socket = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
    await socket.start();
    const port = Number(socket.getServerConn().split(':')[1]);
    const pool = new pg.Pool({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres', max: 1 });
    return {
      kind: 'pglite',
      pool,
      readPool: pool,
      close: async () => {
        await pool.end();
        await socket.stop();
        await db.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/**
 * PGlite has no postmaster to keep a second process out of its files: two processes writing one data
 * folder would corrupt it. A lock file with the owner's pid refuses the second (a stale one is taken over).
 */
function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'team-server.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8'));
      if (owner && owner !== process.pid && isAlive(owner))
        throw new Error(`the data folder ${dataDir} is in use by process ${owner} (stop the team server first, or use DATABASE_URL)`);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`cannot lock the data folder ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Applies pending migrations; node-pg-migrate's advisory lock lets several instances start at once. */
export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await runner({ dbClient: client, dir: MIGRATIONS_DIR, direction: 'up', migrationsTable: 'pgmigrations', count: Infinity, log: () => {} });
  } finally {
    client.release();
  }
}
