// Per-subject data keys (crypto-shredding, lib/sync/README.md). Every record of a data subject that
// travels in a change (the subject, its requests, consents, events) is sealed with a random key of that
// subject; the key reaches the team's devices sealed to each device's X25519 key, in a change filed
// under the subject's opaque id. An erasure destroys the subject's keys on every replica and the server
// deletes the subject's changes (keys included): a copy of the server's data, even with every team key,
// no longer opens the subject's records. All synchronous @noble code: it runs inside the IndexedDB
// transaction of the write (lib/db/store.ts).
import { z } from 'zod';
import { randomBytes } from '@noble/ciphers/utils.js';
import type { PrivacyDeskDb, SubjectKeyRow } from '../db/schema';
import { ChangeOp, TeamRole, type SealedRecord } from './change';
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from './codec';
import { open, openFrom, seal, sealTo } from './keys';

/** Settings row: the active devices' box keys, as the last roster said (the commit hook cannot ask the server). */
export const ROSTER_KEY = 'teamRoster';
export const RosterDevices = z.object({ devices: z.array(z.object({ deviceId: z.string().uuid(), boxPublicKey: z.string() })) });
export type RosterDevices = z.infer<typeof RosterDevices>;

/** A pulled op whose subject key has not arrived here yet: applied, in its own team order, once it does. */
/** A pulled op waiting for its subject's key, with what the field merge needs of its change (fields.ts). */
export const ParkedOp = z.object({ order: z.number().int(), actor: z.string(), device: z.string().optional(), seen: z.number().int().nonnegative().optional(), role: TeamRole, op: ChangeOp });
export type ParkedOp = z.infer<typeof ParkedOp>;

export const newKeyId = (): string => toBase64Url(randomBytes(16));
export const newSubjectKey = (): Uint8Array => randomBytes(32);

/** The associated data binds a sealed record to its team, subject, key, table and id: it cannot be moved. */
const recordSlot = (team: string, subject: string, keyId: string, table: string, id: string) => utf8(`${team}|${subject}|${keyId}|${table}|${id}`);
const grantContext = (team: string, subject: string, keyId: string) => `${team}/subject/${subject}/${keyId}`;

export function sealRecord(team: string, subject: string, keyId: string, key: Uint8Array, table: string, id: string, record: unknown): SealedRecord {
  return { subject, key: keyId, box: toBase64Url(seal(key, utf8(JSON.stringify(record)), recordSlot(team, subject, keyId, table, id))) };
}

/** Throws when the key is not the one named or a byte changed. */
export function openRecord(team: string, sealed: SealedRecord, key: Uint8Array, table: string, id: string): unknown {
  return JSON.parse(fromUtf8(open(key, fromBase64Url(sealed.box), recordSlot(team, sealed.subject, sealed.key, table, id))));
}

export function sealGrant(team: string, subject: string, keyId: string, key: Uint8Array, devices: RosterDevices['devices']): Record<string, string> {
  return Object.fromEntries(devices.map((d) => [d.deviceId, sealTo(fromBase64Url(d.boxPublicKey), key, grantContext(team, subject, keyId))]));
}

/** The key a grant seals to this device, or undefined when it names another device or does not open. */
export function openGrant(team: string, grant: { subject: string; id: string; to: Record<string, string> }, deviceId: string, boxSecret: Uint8Array): Uint8Array | undefined {
  const envelope = grant.to[deviceId];
  if (!envelope) return undefined;
  try {
    const key = openFrom(boxSecret, envelope, grantContext(team, grant.subject, grant.id));
    return key.length === 32 ? key : undefined;
  } catch {
    return undefined;
  }
}

export const emptyRow = (id: string): SubjectKeyRow => ({ id, keys: {}, to: {}, parked: [] });

/** The key new records of a subject are sealed with: one of the current epoch (older ones a revoked member may hold). */
export function currentKey(row: SubjectKeyRow | undefined, epoch: number): { id: string; key: Uint8Array } | undefined {
  const id = Object.keys(row?.keys ?? {})
    .filter((k) => row!.keys[k]!.epoch === epoch)
    .sort()[0];
  return id ? { id, key: fromBase64Url(row!.keys[id]!.key) } : undefined;
}

export async function readRoster(db: PrivacyDeskDb): Promise<RosterDevices['devices']> {
  const parsed = RosterDevices.safeParse((await db.settings.get(ROSTER_KEY))?.value);
  return parsed.success ? parsed.data.devices : [];
}
