// The server's settings come from the environment; with none it runs embedded on 127.0.0.1:8787.
import { z } from 'zod';

const Env = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  /** A read replica for pulls; orders commit in order on the primary and replay in that order. */
  DATABASE_READ_URL: z.string().min(1).optional(),
  TEAM_SERVER_DATA: z.string().min(1).default('.team-server-data'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  TEAM_SERVER_URL: z.url().optional(),
  TEAM_SERVER_RATE_LIMIT: z.coerce.number().int().positive().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().optional(),
  /** `true`, or the load balancers' addresses/CIDRs, comma-separated (Fastify's trustProxy). */
  TRUST_PROXY: z
    .string()
    .transform((v) => (v === 'true' ? true : v === 'false' ? false : v))
    .optional(),
});
export type Config = z.infer<typeof Env>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) throw new Error(`bad environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  if (parsed.data.DATABASE_READ_URL && !parsed.data.DATABASE_URL) throw new Error('DATABASE_READ_URL needs DATABASE_URL');
  return parsed.data;
}

/** The address browsers use, written into invite codes. */
export const publicUrl = (config: Config) => config.TEAM_SERVER_URL ?? `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${config.PORT}`;

export const databaseOptions = (config: Config) => ({
  url: config.DATABASE_URL,
  readUrl: config.DATABASE_READ_URL,
  dataDir: config.TEAM_SERVER_DATA,
  ...(config.DATABASE_POOL_SIZE ? { poolSize: config.DATABASE_POOL_SIZE } : {}),
});
