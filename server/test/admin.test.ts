import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAdmin, runAdmin, UsageError } from '../admin.ts';
import { decodeInviteCode } from '../protocol.ts';
import { as, freshDatabaseUrl, joinWith, testServer } from './harness.ts';

let s: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  s = await testServer();
});
afterAll(async () => s.close());

async function admin(...argv: string[]): Promise<string[]> {
  const lines: string[] = [];
  await runAdmin(parseAdmin(argv, 'http://127.0.0.1:8787'), { db: s.db, clock: s.clock.read, out: (l) => lines.push(l) });
  return lines;
}
const field = (lines: string[], name: string) => lines.find((l) => l.startsWith(`${name} `))!.slice(name.length).trim().split(' ')[0]!;

describe('team-admin', () => {
  it('creates a team whose invite code admits its first DPO, invites members, lists and revokes them', async () => {
    const created = await admin('create-team', '--url', 'https://privacy.example.org/');
    const teamId = field(created, 'team');
    const code = decodeInviteCode(field(created, 'invite'));
    expect(code).toEqual({ v: 1, url: 'https://privacy.example.org', token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const dpo = await joinWith(s.app, code.token);
    expect(dpo).toMatchObject({ teamId, role: 'dpo' });

    const invited = await admin('invite', '--team', teamId, '--role', 'agent');
    expect(decodeInviteCode(field(invited, 'invite')).url).toBe('http://127.0.0.1:8787');
    const agentId = field(invited, 'member');
    const listed = await admin('members', '--team', teamId);
    expect(listed[0]).toMatch(/^member\s+role\s+state\s+devices$/);
    expect(listed.slice(1)).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^${dpo.memberId}\\s+dpo\\s+active\\s+1$`)), expect.stringMatching(new RegExp(`^${agentId}\\s+agent\\s+invited, not joined\\s+0$`))]),
    );
    const agent = await joinWith(s.app, decodeInviteCode(field(invited, 'invite')).token);
    expect((await admin('revoke', '--team', teamId, '--member', agentId))[0]).toBe(`revoked ${agentId} at ${s.clock.now.toISOString()}; a DPO's browser rotates the team key when it next syncs`);
    expect((await s.app.inject({ method: 'GET', url: '/v1/team', headers: as(agent) })).statusCode).toBe(403);
    expect((await admin('members', '--team', teamId)).find((l) => l.startsWith(agentId))).toContain(`revoked ${s.clock.now.toISOString()}`);
  });

  it('says clearly what is wrong with the arguments', async () => {
    const { teamId } = decodeTeam(await admin('create-team'));
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /unknown command "frobnicate"/],
      [['invite', '--team', teamId], /invite needs --role/],
      [['invite', '--team', teamId, '--role', 'admin'], /--role must be one of agent, dpo, legal, not "admin"/],
      [['invite', '--role', 'agent'], /invite needs --team/],
      [['members', '--team', 'acme'], /--team must be a UUID, not "acme"/],
      [['revoke', '--team', teamId], /revoke needs --member/],
      [['create-team', '--url', 'ftp://x'], /--url must be an http\(s\) URL/],
      [['create-team', '--colour', 'red'], /Unknown option '--colour'/],
    ];
    for (const [argv, message] of cases) await expect(admin(...argv), argv.join(' ')).rejects.toThrow(message);
    await expect(admin('frobnicate')).rejects.toBeInstanceOf(UsageError);
    await expect(admin('members', '--team', '00000000-0000-4000-8000-000000000000')).rejects.toThrow(/no team 00000000-0000-4000-8000-000000000000/);
    await expect(admin('revoke', '--team', teamId, '--member', '00000000-0000-4000-8000-000000000000')).rejects.toThrow(/no member/);
  });

  it('runs as a command over DATABASE_URL, exiting 2 with the usage on bad arguments', async () => {
    const env = { ...process.env, DATABASE_URL: await freshDatabaseUrl(), TEAM_SERVER_URL: 'https://team.example.org' };
    const ok = spawnSync(process.execPath, ['--import', 'tsx', 'server/admin.ts', 'create-team'], { env, encoding: 'utf8' });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const code = decodeInviteCode(ok.stdout.match(/pd-invite:\S+/)![0]);
    expect(code.url).toBe('https://team.example.org');
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'server/admin.ts', 'invite', '--team', 'x'], { env, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^team-admin: --team must be a UUID/);
    expect(bad.stderr).toContain('usage: npm run team-admin');
    // The same command line behind `npm run server -- admin`.
    const viaServer = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', 'admin', 'members', '--team', '00000000-0000-4000-8000-000000000000'], { env, encoding: 'utf8' });
    expect(viaServer.status).toBe(1);
    expect(viaServer.stderr).toBe('team-admin: no team 00000000-0000-4000-8000-000000000000\n');
  });
});

function decodeTeam(lines: string[]) {
  return { teamId: field(lines, 'team') };
}
