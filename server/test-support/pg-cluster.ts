// A throw-away PostgreSQL cluster for tests and benchmarks: initdb in a fresh temp folder, started on a
// free loopback port (no Unix socket outside that folder), stopped and removed afterwards. It never
// touches a cluster it did not create. PostgreSQL refuses to run as root: as root every step runs as the
// `postgres` user (runuser), which owns the folder.
//
// CLI (the browser e2e reuses it):
//   node --import tsx server/test-support/pg-cluster.ts start     → prints {"url","dir","port","pid"} and leaves it running
//   node --import tsx server/test-support/pg-cluster.ts stop DIR  → stops the cluster in DIR and removes DIR
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Cluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres (trust authentication, loopback only). */
  url: string;
  dir: string;
  port: number;
  pid: number;
}

/** initdb and pg_ctl: from PATH, else the newest /usr/lib/postgresql/<version>/bin (Debian keeps them off PATH). */
export function postgresBin(name: 'initdb' | 'pg_ctl' | 'postgres' | 'psql' | 'pg_dump'): string {
  const onPath = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(root, v, 'bin', name))) return join(root, v, 'bin', name);
  throw new Error(`${name} not found on PATH or under ${root}/*/bin: install PostgreSQL (Debian: apt-get install postgresql)`);
}

const asRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL tool in `cwd` (the cluster's folder: the postgres user may not enter the caller's). */
function run(bin: string, args: string[], cwd: string): void {
  const [cmd, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const result = spawnSync(cmd, argv, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`${[cmd, ...argv].join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export interface ClusterOptions {
  /** Keep fsync on (benchmarks measure a durable server); tests turn it off for speed. */
  durable?: boolean;
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'pd-pg-'));
  if (asRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  try {
    run(postgresBin('initdb'), ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-instructions'], dir);
    // Another process may take the port between the probe and the start: try a few.
    for (let attempt = 0; ; attempt += 1) {
      const port = await freePort();
      try {
        run(postgresBin('pg_ctl'), ['-D', join(dir, 'data'), '-o', `-h 127.0.0.1 -p ${port} -k ${dir}${options.durable ? '' : ' -c fsync=off'}`, '-l', join(dir, 'log'), '-w', 'start'], dir);
        return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, port, pid: postmasterPid(dir)! };
      } catch (error) {
        if (attempt >= 2) throw error;
      }
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function postmasterPid(dir: string): number | undefined {
  const file = join(dir, 'data', 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : undefined;
}

/** Stops the cluster in `dir` (fast shutdown, else SIGQUIT to its postmaster) and removes the folder. */
export function stopCluster(dir: string): void {
  const data = join(resolve(dir), 'data');
  // Refuse anything this module did not lay out: a temp folder of ours with a data directory in it.
  if (!resolve(dir).startsWith(join(tmpdir(), 'pd-pg-')) || !existsSync(join(data, 'PG_VERSION'))) throw new Error(`${dir} is not a cluster started by pg-cluster.ts`);
  const pid = postmasterPid(dir);
  try {
    run(postgresBin('pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], resolve(dir));
  } catch (error) {
    if (pid) {
      try {
        process.kill(pid, 'SIGQUIT');
      } catch {
        // Already gone.
      }
    } else throw error;
  }
  rmSync(dir, { recursive: true, force: true });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, dir] = process.argv.slice(2);
  if (command === 'start') console.log(JSON.stringify(await startCluster()));
  else if (command === 'stop' && dir) stopCluster(dir);
  else {
    console.error('usage: pg-cluster.ts start | stop DIR');
    process.exit(2);
  }
}
