// The wire format of docs/team-protocol.md, as zod schemas; request bodies are parsed with these.
import { z } from 'zod';

export const ROLES = ['agent', 'dpo', 'legal'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const LIMITS = {
  changesPerPush: 500,
  /** Decoded bytes of one change body. */
  changeBody: 256 * 1024,
  pullDefault: 500,
  pullMax: 1000,
  requestBody: 1024 * 1024,
  requestsPerMinute: 600,
  inviteDays: 7,
} as const;

const base64url = z.string().regex(/^[A-Za-z0-9_-]*$/, 'base64url');
const key32 = base64url.refine((s) => Buffer.from(s, 'base64url').length === 32, '32 bytes, base64url');
export const SubjectId = z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits');

export const JoinRequest = z.object({ token: base64url.min(1), signPublicKey: key32, boxPublicKey: key32 });
export const InviteRequest = z.object({ role: Role });
export const PushRequest = z.object({
  changes: z
    .array(
      z.object({
        seq: z.number().int().positive(),
        subject: SubjectId.optional(),
        body: base64url.refine((s) => Buffer.from(s, 'base64url').length <= LIMITS.changeBody, `at most ${LIMITS.changeBody} bytes`),
      }),
    )
    .min(1)
    .max(LIMITS.changesPerPush),
});
export type PushRequest = z.infer<typeof PushRequest>;
export const PullQuery = z.object({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(LIMITS.pullMax).default(LIMITS.pullDefault),
});
export const KeysRequest = z.object({
  epoch: z.number().int().positive(),
  envelopes: z
    .array(z.object({ deviceId: z.uuid(), sealed: base64url.min(1) }))
    .min(1)
    .max(1000)
    .refine((list) => new Set(list.map((e) => e.deviceId)).size === list.length, 'one envelope per device'),
});
export const ShredRequest = z.object({ subject: SubjectId });
export const CertificatesRequest = z.object({
  certificates: z
    .array(z.object({ deviceId: z.uuid(), certificate: base64url.min(1).max(4000) }))
    .min(1)
    .max(1000)
    .refine((list) => new Set(list.map((c) => c.deviceId)).size === list.length, 'one certificate per device'),
});
export const MemberParams = z.object({ memberId: z.uuid() });

/** `pd-invite:` + base64url(JSON): the admin command's codes carry no team key (the browser's do). */
export const InviteCode = z.object({ v: z.literal(1), url: z.url(), token: base64url.min(1) });
export type InviteCode = z.infer<typeof InviteCode>;
export const encodeInviteCode = (code: InviteCode) => `pd-invite:${Buffer.from(JSON.stringify(code)).toString('base64url')}`;
export function decodeInviteCode(text: string): InviteCode {
  if (!text.startsWith('pd-invite:')) throw new Error('an invite code starts with pd-invite:');
  return InviteCode.parse(JSON.parse(Buffer.from(text.slice('pd-invite:'.length), 'base64url').toString('utf8')));
}
