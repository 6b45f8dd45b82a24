// This device's membership of a team, kept in the settings table under `team`. The device's secret keys
// and its token live here; lib/sync/README.md says what protects them.
import { z } from 'zod';
import { Instant } from '../model/common';
import { TeamRole } from './change';
import { ServerUrl } from '../model/team-server';

const B64 = z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');
export { ServerUrl };
const Uuid = z.string().uuid();

export const DeviceChain = z.object({ seq: z.number().int().nonnegative(), hash: z.string(), missing: z.array(z.number().int()).default([]) });

export const TeamState = z.object({
  url: ServerUrl,
  teamId: Uuid,
  memberId: Uuid,
  deviceId: Uuid,
  role: TeamRole,
  token: z.string().min(20),
  memberName: z.string().max(200),
  keys: z.object({ signSecret: B64, signPublic: B64, boxSecret: B64, boxPublic: B64 }),
  /** Team keys by epoch; the newest seals what this device sends. */
  teamKeys: z.record(z.string(), B64),
  epoch: z.number().int().nonnegative(),
  /** Derived once from the first team key: names subjects to the server opaquely (keys.subjectRef). */
  subjectSecret: B64.optional(),
  /** This device's own chain: its last change's number and hash. */
  seq: z.number().int().nonnegative(),
  prev: z.string(),
  /** The last team order applied here. */
  cursor: z.number().int().nonnegative(),
  /** Every other device's chain as seen here (gaps are reported by verify). */
  devices: z.record(z.string(), DeviceChain),
  joinedAt: Instant,
  lastSyncAt: Instant.optional(),
  lastError: z.string().optional(),
  /**
   * The team's root: the first DPO device's signing key (lib/sync/certificates.ts), from the invite code
   * (out of band), or made here by the first DPO. Roles are taken from certificates that chain to it.
   */
  root: B64.optional(),
  /** Members this DPO's browser invited, with the role it invited them with (what it certifies). */
  invited: z.record(z.string(), TeamRole).default({}),
  /** Erasures sent whose shredding the server has not confirmed yet (retried every round). */
  shreds: z.array(z.string()).default([]),
  /** Changes that arrived but were refused (role, signature), kept so nothing is dropped silently. */
  refused: z.array(z.object({ order: z.number().int(), deviceId: z.string(), reason: z.string(), at: Instant })).default([]),
});
export type TeamState = z.infer<typeof TeamState>;

export const TEAM_KEY = 'team';

export const Invite = z.object({
  v: z.literal(1),
  url: ServerUrl,
  token: z.string().min(20),
  teamId: Uuid.optional(),
  epoch: z.number().int().positive().optional(),
  key: B64.optional(),
  subjectSecret: B64.optional(),
  /** The team's root key (the first DPO device's signing key): what every role is checked against. */
  root: B64.optional(),
});
export type Invite = z.infer<typeof Invite>;
