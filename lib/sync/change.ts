// A change: what one commit on one device did, as every replica replays it. Signed by the device,
// chained to the device's previous change (the per-device audit chain), sealed under the team key.
// lib/sync/README.md explains the design.
import { z } from 'zod';
import { AuditAction } from '../model/audit';
import { Instant } from '../model/common';
import { canonicalJson } from '../audit/canonical-json';
import { RECORD_TABLES } from '../db/schema';
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from './codec';
import { open, seal, sha256Hex, sign, verifySignature } from './keys';

export const TeamRole = z.enum(['agent', 'dpo', 'legal']);
export type TeamRole = z.infer<typeof TeamRole>;

/**
 * The tables a team shares: every audited table but each browser's own helpdesk permissions and the
 * generated PDFs' bytes, which stay in the browser that made them (the document log itself is shared).
 */
export const SharedTable = z.enum(RECORD_TABLES).exclude(['helpdeskOrigins', 'documentFiles']);
export const SHARED_TABLES = SharedTable.options;
export type SharedTable = z.infer<typeof SharedTable>;

const B64 = z.string().regex(/^[A-Za-z0-9_-]+$/);

/**
 * A record of a data subject (the subject, its requests, consents, events) sealed with one of that
 * subject's keys (crypto-shredding, lib/sync/README.md): `key` names the key, `box` is the sealed record.
 */
export const SealedRecord = z.object({ subject: z.string().min(1).max(200), key: z.string().min(1).max(64), box: B64 });
export type SealedRecord = z.infer<typeof SealedRecord>;

export const ChangeOp = z.object({
  table: SharedTable,
  id: z.string().min(1).max(200),
  kind: z.enum(['put', 'delete']),
  record: z.unknown().optional(),
  /** Format 2: instead of `record`, the record sealed with its subject's key. */
  sealed: SealedRecord.optional(),
  action: AuditAction,
  detail: z.string().max(2000),
  /** An edit of a record the sender had: the top-level fields it changed (lib/sync/fields.ts merges by field). */
  fields: z.array(z.string().max(100)).max(200).optional(),
});
export type ChangeOp = z.infer<typeof ChangeOp>;

/**
 * A subject key handed to devices: `to` maps each device id to the key sealed to that device's X25519
 * key (keys.sealTo), so the team key alone never opens it. A change carrying a grant is filed under that
 * subject's opaque id, so the server deletes it with the subject's other changes at an erasure.
 */
export const SubjectKeyGrant = z.object({
  subject: z.string().min(1).max(200),
  id: z.string().min(1).max(64),
  epoch: z.number().int().nonnegative(),
  to: z.record(z.string().uuid(), B64),
});
export type SubjectKeyGrant = z.infer<typeof SubjectKeyGrant>;

/** The change format this code writes: 2 seals subjects' records with per-subject keys; 1 (records under the team key only) is still read. */
export const CHANGE_FORMAT = 2;

export const Change = z.object({
  v: z.union([z.literal(1), z.literal(2)]),
  team: z.string().uuid(),
  device: z.string().uuid(),
  member: z.string().uuid(),
  seq: z.number().int().positive(),
  /** SHA-256 of the device's previous change ('' for its first). */
  prev: z.string().regex(/^([0-9a-f]{64})?$/),
  at: Instant,
  /** The last team order applied on the sender when it made the change (what it had seen). */
  seen: z.number().int().nonnegative().optional(),
  /** The name the member works under (shown as who did each step). */
  actor: z.string().max(200),
  ops: z.array(ChangeOp).max(500),
  /** Format 2: subject keys handed to devices (a change of its own, before the records it seals). */
  keys: z.array(SubjectKeyGrant).max(1).optional(),
}).refine((c) => c.ops.length > 0 || (c.keys?.length ?? 0) > 0, 'a change writes records or hands over a key');
export type Change = z.infer<typeof Change>;

const Sealed = z.object({ change: Change, sig: z.string() });

/** The hash that the device's next change names as `prev`. */
export const changeHash = (change: Change): string => sha256Hex(utf8(canonicalJson(change)));

/** Binds the ciphertext to the slot the server files it under, so it cannot be moved to another. */
const slot = (team: string, device: string, seq: number) => utf8(`${team}|${device}|${seq}`);

/** The wire body: epoch (4 bytes, big-endian) then the sealed, signed change. */
export function sealChange(change: Change, signSecret: Uint8Array, epoch: number, teamKey: Uint8Array): string {
  const body = utf8(canonicalJson(change));
  const sig = toBase64Url(sign(body, signSecret));
  const sealed = seal(teamKey, utf8(JSON.stringify({ change, sig })), slot(change.team, change.device, change.seq));
  const out = new Uint8Array(4 + sealed.length);
  new DataView(out.buffer).setUint32(0, epoch);
  out.set(sealed, 4);
  return toBase64Url(out);
}

export const bodyEpoch = (body: string): number => new DataView(fromBase64Url(body).buffer).getUint32(0);

export class ChangeRefused extends Error {}

/**
 * Opens a pulled change and checks it: the team key of its epoch opens it, it sits in the slot the
 * server says, and the device that the server names signed it.
 */
export function openChange(
  body: string,
  where: { team: string; device: string; member: string; seq: number },
  teamKey: Uint8Array,
  signPublic: Uint8Array,
): Change {
  let parsed: z.infer<typeof Sealed>;
  try {
    const bytes = fromBase64Url(body);
    const plain = open(teamKey, bytes.subarray(4), slot(where.team, where.device, where.seq));
    parsed = Sealed.parse(JSON.parse(fromUtf8(plain)));
  } catch {
    throw new ChangeRefused(`change ${where.seq} of device ${where.device} does not open with the team key (altered or foreign)`);
  }
  const { change, sig } = parsed;
  if (change.team !== where.team || change.device !== where.device || change.member !== where.member || change.seq !== where.seq)
    throw new ChangeRefused(`change ${where.seq} of device ${where.device} names another slot than the server filed it under`);
  if (!verifySignature(fromBase64Url(sig), utf8(canonicalJson(change)), signPublic))
    throw new ChangeRefused(`change ${where.seq} of device ${where.device} is not signed by that device`);
  return change;
}
