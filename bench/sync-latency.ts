// Team sync latency on loopback: two replicas in this process (fake-indexeddb, as the unit tests run
// them) sync through the real team server over HTTP, on a throw-away PostgreSQL cluster with fsync on.
// Measured N times: an agent flags a ticket, its replica syncs (push), the DPO's replica syncs (pull)
// until the request is there — flag to visible — and each HTTP round trip of a push or a pull. The
// server, the database and both replicas share this machine's cores. Bounded: N rounds, a deadline, and
// at most a few pulls per round.
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../server/app';
import { migrate, openDatabase as openServerDatabase } from '../server/database';
import { createTeam } from '../server/store/teams';
import { startCluster, stopCluster } from '../server/test-support/pg-cluster';
import { createRepositories } from '../lib/db/repositories';
import { openDatabase } from '../lib/db/schema';
import { flagTicket } from '../lib/db/requests';
import { TeamSync, encodeInvite } from '../lib/sync/engine';
import type { Fetch } from '../lib/sync/client';
import { percentile, round, type BenchRow } from './types';

const deadline30 = (receivedAt: string, extended: boolean) => new Date(new Date(receivedAt).getTime() + (extended ? 90 : 30) * 86_400_000).toISOString();

export async function benchSyncLatency(options: { rounds?: number; deadlineMs?: number } = {}): Promise<BenchRow[]> {
  const { rounds = 50, deadlineMs = 120_000 } = options;
  const deadline = performance.now() + deadlineMs;
  const cluster = await startCluster({ durable: true });
  const db = await openServerDatabase({ url: cluster.url, dataDir: 'unused' });
  const app = await buildApp({ db, log: false, requestsPerMinute: 1_000_000 });
  try {
    await migrate(db.pool);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    // Every HTTP round trip, timed by kind: a push is POST /v1/changes, a pull GET /v1/changes.
    const trips = { push: [] as number[], pull: [] as number[] };
    const timed: Fetch = async (u, init) => {
      const start = performance.now();
      const res = await fetch(u, init);
      const body = await res.text();
      const ms = performance.now() - start;
      const path = new URL(u).pathname;
      if (path === '/v1/changes') (init.method === 'POST' ? trips.push : trips.pull).push(ms);
      return new Response(body, { status: res.status, headers: res.headers });
    };
    const replica = async (name: string, code: string) => {
      const repos = createRepositories(openDatabase(`bench-sync-${crypto.randomUUID()}`));
      const sync = new TeamSync(repos, timed);
      repos.store.hook = sync.hook;
      await sync.join(code, name, new Date().toISOString());
      return { repos, sync };
    };
    const checked = async (sync: TeamSync) => {
      const status = await sync.sync();
      if (status.lastError) throw new Error(`bench: sync failed: ${status.lastError}`);
    };

    const { invite } = await createTeam(db.pool, () => new Date());
    const dpo = await replica('Dana DPO', encodeInvite({ v: 1, url, token: invite.token }));
    const agent = await replica('Alex Agent', (await dpo.sync.invite('agent')).code);
    await checked(agent.sync);
    await checked(dpo.sync);
    trips.push.length = 0;
    trips.pull.length = 0;

    const visible: number[] = [];
    const pushes: number[] = [];
    const pulls: number[] = [];
    for (let i = 0; i < rounds; i += 1) {
      if (performance.now() > deadline) throw new Error(`bench: sync latency overran its deadline after ${i} rounds`);
      const ticket = {
        helpdesk: 'demo' as const,
        ticketId: `bench-${i}`,
        ticketUrl: `http://localhost:4173/tickets/bench-${i}`,
        subject: 'Verzoek om inzage',
        requesterName: `Subject ${i}`,
        requesterEmail: `subject${i}@example.nl`,
        messages: [{ author: 'customer' as const, text: 'Ik wil graag inzage in mijn persoonsgegevens.' }],
      };
      const start = performance.now();
      const { request } = await flagTicket(agent.repos, 'Alex Agent', { ticket, type: 'access' }, deadline30);
      const pushStart = performance.now();
      await checked(agent.sync);
      pushes.push(performance.now() - pushStart);
      for (let attempt = 0; ; attempt += 1) {
        const pullStart = performance.now();
        await checked(dpo.sync);
        pulls.push(performance.now() - pullStart);
        if (await dpo.repos.requests.get(request.id)) break;
        if (attempt >= 4) throw new Error(`bench: request ${i} did not reach the DPO after ${attempt + 1} syncs`);
      }
      visible.push(performance.now() - start);
    }

    const rows: BenchRow[] = [];
    const note = `${rounds} flags, one agent and one DPO replica, real server on loopback, PostgreSQL fsync on`;
    const add = (name: string, values: number[], what: string) => {
      rows.push({ group: 'sync', name: `${name} p50`, value: round(percentile(values, 50)), unit: 'ms', note: `${what}; ${note}` });
      rows.push({ group: 'sync', name: `${name} p95`, value: round(percentile(values, 95)), unit: 'ms', note: what });
    };
    add('flag → visible to DPO', visible, 'flagTicket, agent sync, DPO sync until the request is there');
    add('agent sync (push)', pushes, "the agent's whole sync round after a flag");
    add('DPO sync (pull)', pulls, "the DPO's whole sync round that brings the flag");
    add('push round trip', trips.push, 'HTTP POST /v1/changes');
    add('pull round trip', trips.pull, 'HTTP GET /v1/changes');
    return rows;
  } finally {
    await app.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    stopCluster(cluster.dir);
  }
}
