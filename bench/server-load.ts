// The team server under load on loopback: 50 devices of one team (the worst case: every push of the
// team queues behind one advisory lock) push 100 000 changes, then pull pages of them at once. The
// server runs as its own process (`npm run server`) over a throw-away PostgreSQL cluster with fsync on,
// or over PGlite; the devices are plain HTTP clients in this process. Everything shares this machine's
// cores, so the numbers are lower bounds for a server with a machine of its own. Bounded: a deadline
// stops any phase that overruns.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort, startCluster, stopCluster } from '../server/test-support/pg-cluster';
import { ROOT } from './chromium';
import { percentile, round, type BenchRow } from './types';

export interface ServerLoadOptions {
  database: 'postgres' | 'pglite';
  /** The devices are shared out among this many teams (1: every push queues behind one team's lock). */
  teams?: number;
  devices?: number;
  changes?: number;
  /** Changes per push call. */
  batch?: number;
  /** Bytes of ciphertext per change (a sealed, signed change event is a few hundred bytes). */
  bodyBytes?: number;
  pullPages?: number;
  deadlineMs?: number;
}

interface Device {
  deviceToken: string;
}

export async function benchServerLoad(options: ServerLoadOptions): Promise<BenchRow[]> {
  const { database, teams = 1, devices = 50, changes = 100_000, batch = 50, bodyBytes = 300, pullPages = 10, deadlineMs = 240_000 } = options;
  const deadline = performance.now() + deadlineMs;
  const cluster = database === 'postgres' ? await startCluster({ durable: true }) : undefined;
  const dataDir = database === 'pglite' ? mkdtempSync(join(tmpdir(), 'pd-bench-pglite-')) : undefined;
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    // The limiter is tested elsewhere; here it must not shape the numbers.
    TEAM_SERVER_RATE_LIMIT: '1000000',
    ...(cluster ? { DATABASE_URL: cluster.url } : { TEAM_SERVER_DATA: dataDir! }),
  };
  let server: ChildProcess | undefined;
  try {
    // Each team's first DPO invite from the admin command, before the server holds the database.
    const tokens: string[] = [];
    for (let t = 0; t < teams; t += 1) {
      const created = spawnSync(process.execPath, ['--import', 'tsx', 'server/admin.ts', 'create-team'], { cwd: ROOT, env, encoding: 'utf8' });
      if (created.status !== 0) throw new Error(`team-admin create-team: ${created.stderr}`);
      const code = /pd-invite:(\S+)/.exec(created.stdout)![1]!;
      tokens.push((JSON.parse(Buffer.from(code, 'base64url').toString('utf8')) as { token: string }).token);
    }

    server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    const base = `http://127.0.0.1:${port}`;
    while (!(await fetch(`${base}/health`).then((r) => r.ok, () => false))) {
      if (performance.now() > deadline || server.exitCode !== null) throw new Error('bench: the server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }

    const call = async (method: string, path: string, bearer?: string, body?: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const json = (await res.json()) as any;
      if (!res.ok) throw new Error(`bench: ${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const keys = () => ({ signPublicKey: randomBytes(32).toString('base64url'), boxPublicKey: randomBytes(32).toString('base64url') });
    const team: (Device & { team: number })[] = [];
    for (let t = 0; t < teams; t += 1) {
      const dpo: Device = await call('POST', '/v1/join', undefined, { token: tokens[t], ...keys() });
      team.push({ ...dpo, team: t });
      for (let i = 1; i < devices / teams; i += 1) {
        const invite = await call('POST', '/v1/invites', dpo.deviceToken, { role: i % 5 === 0 ? 'legal' : 'agent' });
        team.push({ ...(await call('POST', '/v1/join', undefined, { token: invite.token, ...keys() })), team: t });
      }
    }
    const dpo = team[0]!;
    const serverCpu = () => cpuMs(server!.pid!);

    // Push: every device at once, each its own calls in sequence (as one browser's outbox does).
    const perDevice = Math.ceil(changes / devices);
    const pushMs: number[] = [];
    let pushed = 0;
    let top = 0;
    let cpu = serverCpu();
    let t = performance.now();
    await Promise.all(
      team.map(async (d) => {
        for (let seq = 1; seq <= perDevice && pushed < changes; seq += batch) {
          if (performance.now() > deadline) throw new Error('bench: push phase over the deadline');
          const n = Math.min(batch, perDevice - seq + 1);
          const body = { changes: Array.from({ length: n }, (_, i) => ({ seq: seq + i, ...(i % 4 === 0 ? { subject: randomBytes(32).toString('hex') } : {}), body: randomBytes(bodyBytes).toString('base64url') })) };
          const start = performance.now();
          const { accepted } = await call('POST', '/v1/changes', d.deviceToken, body);
          pushMs.push(performance.now() - start);
          top = Math.max(top, accepted.at(-1).order);
          pushed += n;
        }
      }),
    );
    const pushWall = performance.now() - t;
    const pushCpu = serverCpu() - cpu;

    // Pull: every device at once reads pages of 500 from a cursor somewhere in the log.
    const pullMs: number[] = [];
    let pulledRows = 0;
    cpu = serverCpu();
    t = performance.now();
    await Promise.all(
      team.map(async (d, k) => {
        // Orders of all teams share one sequence: start anywhere below the highest.
        let after = Math.floor(((k * 7919) % devices) * (top / devices));
        for (let p = 0; p < pullPages; p += 1) {
          if (performance.now() > deadline) throw new Error('bench: pull phase over the deadline');
          const start = performance.now();
          const page = await call('GET', `/v1/changes?after=${after}&limit=500`, d.deviceToken);
          pullMs.push(performance.now() - start);
          pulledRows += page.changes.length;
          after = page.more ? page.next : 0;
        }
      }),
    );
    const pullWall = performance.now() - t;
    const pullCpu = serverCpu() - cpu;

    // A new device catching up on the whole log alone, 1000 a page.
    t = performance.now();
    let caughtUp = 0;
    for (let after = 0, more = true; more; ) {
      if (performance.now() > deadline) throw new Error('bench: catch-up over the deadline');
      const page = await call('GET', `/v1/changes?after=${after}&limit=1000`, dpo.deviceToken);
      caughtUp += page.changes.length;
      after = page.next;
      more = page.more;
    }
    const catchUpMs = performance.now() - t;
    const ofTeam = Math.ceil(changes / devices) * (devices / teams);
    if (caughtUp !== ofTeam) throw new Error(`bench: caught up on ${caughtUp} of ${ofTeam}`);

    const group = `server (${database === 'postgres' ? 'PostgreSQL 15' : 'PGlite'}${teams > 1 ? `, ${teams} teams` : ''})`;
    const note = `${teams > 1 ? `${teams} teams of ${devices / teams}` : devices} devices, ${pushed.toLocaleString('en')} changes of ${bodyBytes} B, loopback, server process + clients + database on one machine`;
    return [
      { group, name: `push p50 (${batch} changes a call)`, value: round(percentile(pushMs, 50), 1), unit: 'ms', note },
      { group, name: `push p95 (${batch} changes a call)`, value: round(percentile(pushMs, 95), 1), unit: 'ms' },
      { group, name: 'push throughput', value: round(pushed / (pushWall / 1000), 0), unit: 'changes/s', note: `${pushMs.length} calls in ${round(pushWall / 1000, 1)} s` },
      { group, name: 'server CPU per 1000 changes pushed', value: round((pushCpu / pushed) * 1000, 0), unit: 'ms', note: 'the Node process alone (user + system), independent of the machine’s other load' },
      { group, name: 'pull p50 (500 a page, all devices at once)', value: round(percentile(pullMs, 50), 1), unit: 'ms' },
      { group, name: 'pull p95 (500 a page, all devices at once)', value: round(percentile(pullMs, 95), 1), unit: 'ms' },
      { group, name: 'pull throughput', value: round(pulledRows / (pullWall / 1000), 0), unit: 'changes/s', note: `${pullMs.length} pages in ${round(pullWall / 1000, 1)} s` },
      { group, name: 'server CPU per 1000 changes pulled', value: round((pullCpu / pulledRows) * 1000, 0), unit: 'ms' },
      { group, name: `one device catching up on its team's ${ofTeam.toLocaleString('en')} changes`, value: round(catchUpMs / 1000, 2), unit: 's', note: '1000 a page' },
    ];
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    if (cluster) stopCluster(cluster.dir);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** CPU milliseconds (user + system) a Linux process has used so far, from /proc (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
