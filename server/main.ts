// npm run server: the team server. Configuration by environment (server/config.ts); docs/team-server.md.
// `npm run server -- admin <command>` is the admin command line (server/admin.ts).
import { adminMain, runAdmin } from './admin.ts';
import { buildApp } from './app.ts';
import { databaseOptions, publicUrl, readConfig } from './config.ts';
import { migrate, openDatabase } from './database.ts';

async function serve(): Promise<void> {
  const config = readConfig();
  const db = await openDatabase(databaseOptions(config));
  await migrate(db.pool);
  const app = await buildApp({
    db,
    ...(config.TRUST_PROXY !== undefined ? { trustProxy: config.TRUST_PROXY } : {}),
    ...(config.TEAM_SERVER_RATE_LIMIT ? { requestsPerMinute: config.TEAM_SERVER_RATE_LIMIT } : {}),
  });
  const address = await app.listen({ host: config.HOST, port: config.PORT });
  app.log.info({ address, database: db.kind, ...(db.kind === 'pglite' ? { data: config.TEAM_SERVER_DATA } : {}) }, 'team server listening');
  // A server with no team yet makes one and prints its first DPO's invite: starting the server and
  // pasting that code into Options → Team is the whole set-up (the embedded database lets no admin
  // command run beside the server).
  const teams = await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM teams');
  if (Number(teams.rows[0]?.n ?? 0) === 0) {
    const out = (line: string) => process.stdout.write(`${line}\n`);
    out('No team on this server yet: created one. Paste this invite code into Privacy Desk → Options → Team (it is for the first DPO):');
    await runAdmin({ command: 'create-team', url: publicUrl(config) }, { db, clock: () => new Date(), out });
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'team server stopping');
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

if (process.argv[2] === 'admin') process.exitCode = await adminMain(process.argv.slice(3));
else await serve();
