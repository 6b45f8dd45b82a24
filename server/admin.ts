// npm run team-admin -- <command>: the operator's side of the team server, straight on its database
// (DATABASE_URL, else the embedded PGlite data folder while the server is stopped).
//   create-team [--url URL]                      a team and an invite code for its first DPO
//   invite --team ID --role agent|dpo|legal [--url URL]
//   members --team ID
//   revoke --team ID --member ID
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { databaseOptions, publicUrl, readConfig } from './config.ts';
import { migrate, openDatabase, type Database } from './database.ts';
import { HttpError } from './errors.ts';
import { encodeInviteCode, Role, ROLES } from './protocol.ts';
import type { Clock } from './store/sql.ts';
import { createInvite, createTeam, listMembers, revokeMember, teamExists, type Invite } from './store/teams.ts';

export const USAGE = `usage: npm run team-admin -- <command>   (or: npm run server -- admin <command>)
  create-team [--url URL]                        create a team; prints its id and an invite code for the first DPO
  invite --team ID --role agent|dpo|legal [--url URL]
                                                 invite a member; prints a one-time invite code (valid 7 days)
  members --team ID                              list the team's members and devices
  revoke --team ID --member ID                   revoke a member: their devices are refused from now on
URL is the address browsers reach this server at (default TEAM_SERVER_URL, else http://HOST:PORT).
Database: DATABASE_URL, else the embedded data folder TEAM_SERVER_DATA (default .team-server-data; stop the server first).`;

export class UsageError extends Error {}

export interface AdminContext {
  db: Database;
  clock: Clock;
  out: (line: string) => void;
}

/** One admin command, its arguments checked. */
export type AdminCommand =
  | { command: 'create-team'; url: string }
  | { command: 'invite'; teamId: string; role: Role; url: string }
  | { command: 'members'; teamId: string }
  | { command: 'revoke'; teamId: string; memberId: string };

/** Checks the arguments before any database is opened; throws UsageError. `defaultUrl`: the server's address as browsers see it. */
export function parseAdmin(argv: string[], defaultUrl: string): AdminCommand {
  const [command, ...rest] = argv;
  const options = (allowed: string[]) => {
    try {
      const parsed = parseArgs({ args: rest, options: Object.fromEntries(allowed.map((o) => [o, { type: 'string' as const }])), strict: true, allowPositionals: false });
      return parsed.values as Record<string, string | undefined>;
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  };
  const need = (values: Record<string, string | undefined>, name: string) => {
    const value = values[name];
    if (!value) throw new UsageError(`${command} needs --${name}`);
    return value;
  };
  const uuid = (values: Record<string, string | undefined>, name: string) => {
    const parsed = z.uuid().safeParse(need(values, name));
    if (!parsed.success) throw new UsageError(`--${name} must be a UUID, not ${JSON.stringify(values[name])}`);
    return parsed.data;
  };
  const url = (values: Record<string, string | undefined>) => {
    const value = values.url ?? defaultUrl;
    if (!z.url({ protocol: /^https?$/ }).safeParse(value).success) throw new UsageError(`--url must be an http(s) URL, not ${JSON.stringify(value)}`);
    return value.replace(/\/+$/, '');
  };
  switch (command) {
    case 'create-team':
      return { command, url: url(options(['url'])) };
    case 'invite': {
      const values = options(['team', 'role', 'url']);
      const teamId = uuid(values, 'team');
      const role = Role.safeParse(need(values, 'role'));
      if (!role.success) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, not ${JSON.stringify(values.role)}`);
      return { command, teamId, role: role.data, url: url(values) };
    }
    case 'members':
      return { command, teamId: uuid(options(['team']), 'team') };
    case 'revoke': {
      const values = options(['team', 'member']);
      return { command, teamId: uuid(values, 'team'), memberId: uuid(values, 'member') };
    }
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  }
}

/** Runs one checked command; throws HttpError for unknown teams or members. */
export async function runAdmin(cmd: AdminCommand, ctx: AdminContext): Promise<void> {
  const printInvite = (invite: Invite, serverUrl: string) => {
    ctx.out(`member  ${invite.memberId} (${invite.role})`);
    ctx.out(`invite  ${encodeInviteCode({ v: 1, url: serverUrl, token: invite.token })}`);
    ctx.out(`        one use, valid until ${invite.expiresAt}; give it to the member out of band (it admits one device)`);
  };
  switch (cmd.command) {
    case 'create-team': {
      const { teamId, invite } = await createTeam(ctx.db.pool, ctx.clock);
      ctx.out(`team    ${teamId}`);
      printInvite(invite, cmd.url);
      return;
    }
    case 'invite':
      printInvite(await createInvite(ctx.db.pool, cmd.teamId, cmd.role, ctx.clock), cmd.url);
      return;
    case 'members': {
      if (!(await teamExists(ctx.db.pool, cmd.teamId))) throw new HttpError(404, 'unknown-team', `no team ${cmd.teamId}`);
      const members = await listMembers(ctx.db.pool, cmd.teamId);
      ctx.out(['member'.padEnd(36), 'role '.padEnd(6), 'state'.padEnd(30), 'devices'].join('  '));
      for (const m of members) {
        const state = m.revokedAt ? `revoked ${m.revokedAt}` : m.devices.length ? 'active' : 'invited, not joined';
        ctx.out([m.memberId, m.role.padEnd(6), state.padEnd(30), String(m.devices.length)].join('  '));
      }
      return;
    }
    case 'revoke': {
      const { memberId, revokedAt } = await revokeMember(ctx.db.pool, cmd.teamId, cmd.memberId, ctx.clock);
      ctx.out(`revoked ${memberId} at ${revokedAt}; a DPO's browser rotates the team key when it next syncs`);
      return;
    }
  }
}

/** The command line: exit code 0, 1 (failed) or 2 (bad arguments). */
export async function adminMain(argv: string[]): Promise<number> {
  if (argv.length === 0 || ['help', '--help', '-h'].includes(argv[0]!)) {
    console.log(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  let db: Database | undefined;
  try {
    const config = readConfig();
    const command = parseAdmin(argv, publicUrl(config));
    db = await openDatabase(databaseOptions(config));
    await migrate(db.pool);
    await runAdmin(command, { db, clock: () => new Date(), out: (line) => console.log(line) });
    return 0;
  } catch (error) {
    console.error(`team-admin: ${(error as Error).message}`);
    if (error instanceof UsageError) console.error(`\n${USAGE}`);
    return error instanceof UsageError ? 2 : 1;
  } finally {
    await db?.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await adminMain(process.argv.slice(2));
