// A team of two browsers: an agent and a DPO, each with the built extension in its own profile, and the
// team server on loopback over a real, throw-away PostgreSQL cluster. The agent's flag reaches the
// DPO's open side panel within seconds; the DPO's completion reaches the agent's overlay; flags made
// while the server is down, or cut off by killing it, arrive once; a revoked member is shut out; and the
// server's database dump holds none of the names, e-mails or ticket texts.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startCluster, stopCluster, freePort, postgresBin, type Cluster } from '../../server/test-support/pg-cluster';
import { chooseRequestType, launchExtension, ROOT, screenshot, sendFrom, waitForContentScriptRegistration, type Launched } from './harness';

const origin = inject('origin');
let cluster: Cluster;
let server: ChildProcess | undefined;
let port: number;
let dpo: Launched;
let agent: Launched;

function startServer(): Promise<void> {
  server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: cluster.url, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return waitForHealth();
}
async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the team server did not start');
}
function killServer(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  const s = server!;
  server = undefined;
  return new Promise((resolve) => {
    s.once('exit', () => resolve());
    s.kill(signal);
  });
}

beforeAll(async () => {
  cluster = await startCluster();
  port = await freePort();
  await startServer();
  [dpo, agent] = await Promise.all([launchExtension(), launchExtension()]);
  await waitForContentScriptRegistration(agent.worker);
}, 120_000);

afterAll(async () => {
  await Promise.all([dpo?.close(), agent?.close()]);
  if (server) await killServer('SIGTERM');
  if (cluster) stopCluster(cluster.dir);
});

type Status = { joined: boolean; role?: string; waiting: number; lastError?: string; cursor: number };
const status = async (page: import('playwright-core').Page) => ((await sendFrom(page, 'team.status', {})) as { data: Status }).data;
const syncNow = async (page: import('playwright-core').Page) => ((await sendFrom(page, 'team.sync', {})) as { data: Status }).data;

async function join(ext: Launched, code: string, name: string) {
  const options = await ext.context.newPage();
  await options.goto(ext.extensionUrl('options.html#team'));
  const team = options.getByTestId('team');
  await team.locator('input[name=team-name]').fill(name);
  await team.locator('textarea[name=team-code]').fill(code);
  await team.getByRole('button', { name: 'Join the team' }).click();
  await expect.poll(() => team.getByTestId('team-message').textContent(), { timeout: 15_000 }).toContain('You joined the team');
  return options;
}

describe('team', () => {
  let dpoOptions: import('playwright-core').Page;
  let agentOptions: import('playwright-core').Page;

  it('the DPO creates the team from an admin invite, invites the agent from the options page', async () => {
    const created = execFileSync(process.execPath, ['--import', 'tsx', 'server/admin.ts', 'create-team', '--url', `http://127.0.0.1:${port}`], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: cluster.url },
      encoding: 'utf8',
    });
    const code = /pd-invite:[A-Za-z0-9_-]+/.exec(created)?.[0];
    expect(code, created).toBeDefined();
    dpoOptions = await join(dpo, code!, 'Dana DPO');
    expect(await status(dpoOptions)).toMatchObject({ joined: true, role: 'dpo' });

    await dpoOptions.getByTestId('team-role').selectOption('agent');
    await dpoOptions.getByRole('button', { name: 'Create an invite code' }).click();
    const invite = await dpoOptions.getByTestId('team-invite-code').inputValue();
    expect(invite).toMatch(/^pd-invite:/);
    agentOptions = await join(agent, invite, 'Alex Agent');
    expect(await status(agentOptions)).toMatchObject({ joined: true, role: 'agent' });
    await dpoOptions.reload();
    await expect.poll(() => dpoOptions.getByTestId('team-member').count(), { timeout: 15_000 }).toBe(2);
    await screenshot(dpoOptions, 'team-options-dpo', { locator: '[data-section=team]' });
  });

  it("the agent's flag reaches the DPO's open side panel within 5 s; the DPO's completion reaches the agent", async () => {
    const panel = await dpo.context.newPage();
    await panel.goto(dpo.extensionUrl('sidepanel.html'));
    await expect.poll(() => panel.getByTestId('team-line').textContent()).toContain('Dana DPO');
    expect(await panel.locator('[data-testid=queue-row]').count()).toBe(0);

    const ticket = await agent.context.newPage();
    await ticket.goto(`${origin}/tickets/1042`);
    const overlay = ticket.locator('privacy-desk-overlay .pd');
    await expect.poll(() => overlay.count(), { timeout: 10_000 }).toBe(1);
    await chooseRequestType(overlay.locator('select#pd-type'), 'access');
    await overlay.getByRole('button', { name: 'Flag as request' }).click();
    await expect.poll(() => overlay.locator('[role=status]').textContent()).toContain('Request recorded');
    // The bound: the flag shows in the DPO's open panel within 5 s (the poll fails after that).
    const row = panel.locator('[data-testid=queue-row]').first();
    await expect.poll(() => row.textContent(), { timeout: 5_000, interval: 100 }).toContain('Jan de Vries');
    await screenshot(panel, 'team-sidepanel-dpo');

    const listed = (await sendFrom(panel, 'requests.query', {})) as { data: { items: { id: string; transitions: { actor: string }[] }[] } };
    const request = listed.data.items[0]!;
    expect(request.transitions[0]!.actor).toBe('Alex Agent');
    for (const to of ['in-progress', 'completed'])
      expect(await sendFrom(panel, 'requests.transition', { id: request.id, to, reason: 'answered by letter' })).toMatchObject({ ok: true });
    await expect.poll(async () => (await syncNow(agentOptions)).cursor).toBeGreaterThanOrEqual(3);
    const seen = (await sendFrom(agentOptions, 'requests.query', { status: 'completed' })) as { data: { items: { id: string }[] } };
    expect(seen.data.items.map((r) => r.id)).toEqual([request.id]);
    await ticket.reload();
    await expect.poll(() => ticket.locator('privacy-desk-overlay .pd [data-testid=records]').textContent(), { timeout: 10_000 }).toContain('No open requests');
    await ticket.close();
    await panel.close();
  });

  it('flags made while the server is down, or cut off by killing it, arrive once', async () => {
    await killServer();
    const flag = async (id: string) => {
      const page = await agent.context.newPage();
      await page.goto(`${origin}/tickets/${id}`);
      const overlay = page.locator('privacy-desk-overlay .pd');
      await expect.poll(() => overlay.count(), { timeout: 10_000 }).toBe(1);
      await chooseRequestType(overlay.locator('select#pd-type'), 'erasure');
      await overlay.getByRole('button', { name: 'Flag as request' }).click();
      await expect.poll(() => overlay.locator('[role=status]').textContent()).toContain('Request recorded');
      await page.close();
    };
    await flag('1043');
    await flag('1044');
    const offline = await syncNow(agentOptions);
    // Each flag of a new requester: the subject's key for the team (a change of its own), then the flag.
    expect(offline.waiting).toBe(4);
    expect(offline.lastError).toMatch(/cannot be reached/);

    await startServer();
    // A third flag, and the server killed while its push is on its way (pushes start 300 ms after a write).
    const pushing = flag('1045');
    await pushing;
    await killServer();
    await startServer();
    await expect.poll(async () => (await syncNow(agentOptions)).waiting, { timeout: 15_000 }).toBe(0);
    // The DPO's browser syncs on its 30-second alarm; the test does not wait for it.
    await syncNow(dpoOptions);
    const requests = ((await sendFrom(dpoOptions, 'requests.query', {})) as { data: { items: { source?: { ticketId: string } }[] } }).data.items;
    // The open queue: the three new flags, each once (1042 was completed above).
    expect(requests.map((r) => r.source?.ticketId).sort()).toEqual(['1043', '1044', '1045']);
    const rows = execFileSync(postgresBin('psql'), [cluster.url, '-At', '-c', 'select device_id, seq, count(*) from changes group by 1, 2 having count(*) > 1'], { encoding: 'utf8' });
    expect(rows.trim()).toBe('');
  });

  it('a revoked member can no longer pull or push', async () => {
    const agentRow = dpoOptions.getByTestId('team-member').filter({ hasText: 'agent' });
    await agentRow.getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => dpoOptions.getByTestId('team-message').textContent()).toContain('Revoked');
    const after = await syncNow(agentOptions);
    expect(after.lastError).toMatch(/revoked/i);
  });

  it("the server's database holds none of the names, e-mails or ticket texts", async () => {
    const dump = execFileSync(postgresBin('pg_dump'), [cluster.url], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(dump).toContain('changes');
    for (const secret of ['Jan de Vries', 'jan.devries', 'Sabine', 'Müller', 'Emma Clarke', 'inzage', 'persoonsgegevens', 'Alex Agent', 'Dana DPO', 'answered by letter'])
      expect(dump, secret).not.toContain(secret);
  });
});
