// Team membership and sync (lib/sync): extension pages only. A helpdesk page never sees invites or keys.
import { z } from 'zod';
import { PAGES, def } from '../define';
import { TeamRole } from '../../sync/change';

export const SyncStatusSchema = z.object({
  joined: z.boolean(),
  url: z.string().optional(),
  teamId: z.string().optional(),
  role: TeamRole.optional(),
  memberName: z.string().optional(),
  deviceId: z.string().optional(),
  waiting: z.number().int(),
  hasKey: z.boolean(),
  locked: z.boolean().optional(),
  lastSyncAt: z.string().optional(),
  lastError: z.string().optional(),
  refused: z.number().int(),
  gaps: z.number().int(),
  cursor: z.number().int(),
});

const Member = z.object({
  memberId: z.string(),
  role: TeamRole,
  revokedAt: z.string().nullish(),
  devices: z.array(z.object({ deviceId: z.string(), createdAt: z.string().optional() })),
});

export const TEAM_MESSAGES = {
  /** Whether this browser is in a team, and since when it synced: no personal data. */
  'team.status': def(PAGES, z.object({}), SyncStatusSchema, { whileLocked: true }),
  'team.join': def(PAGES, z.object({ code: z.string().trim().min(1, 'paste the invite code').max(4000), name: z.string().trim().min(1, 'give your name').max(200) }), SyncStatusSchema),
  'team.sync': def(PAGES, z.object({}), SyncStatusSchema),
  'team.members': def(PAGES, z.object({}), z.object({ me: z.string(), members: z.array(Member) })),
  'team.invite': def(PAGES, z.object({ role: TeamRole }), z.object({ code: z.string(), expiresAt: z.string() })),
  'team.revoke': def(PAGES, z.object({ memberId: z.string().uuid('must be a member id') }), SyncStatusSchema),
} as const;
