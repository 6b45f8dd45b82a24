// npm run server: the team server. Configuration by environment (server/config.ts); docs/team-server.md.
// `npm run server -- admin <command>` is the admin command line (server/admin.ts).
import { adminMain } from './admin.ts';
import { buildApp } from './app.ts';
import { databaseOptions, readConfig } from './config.ts';
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
