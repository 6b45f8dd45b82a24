// The backup file: one JSON document with every table, the settings and the audit chain, a format mark
// and version, and a SHA-256 over the canonical JSON of everything else in it. Optionally wrapped in an
// encrypted envelope with its own passphrase (AES-256-GCM under PBKDF2-SHA-256, like the lock).
import { z } from 'zod';
import { Instant, Sha256Hex } from '../model/common';
import { ValidationError } from '../model/errors';
import { Iterations, Salt } from '../db/crypto/keys';

export const BACKUP_FORMAT = 'privacy-desk/backup';
export const BACKUP_VERSION = 1;

/** Why a file was refused; the message says it in words. */
export type BackupProblem =
  | 'truncated'
  | 'foreign'
  | 'version'
  | 'schema-version'
  | 'passphrase-needed'
  | 'passphrase'
  | 'tampered'
  | 'checksum'
  | 'damaged'
  | 'record'
  | 'audit'
  | 'conflict';

export class BackupError extends ValidationError {
  constructor(
    readonly problem: BackupProblem,
    message: string,
  ) {
    super('backup', [problem], message);
    this.message = message;
  }
}

const Setting = z.object({ key: z.string().min(1).max(200), value: z.unknown() });

/** The body whose checksum is taken: records stay `unknown` here and are validated table by table. */
export const BackupContent = z.object({
  tables: z.record(z.string(), z.array(z.unknown())),
  settings: z.array(Setting),
  audit: z.array(z.unknown()),
});
export type BackupContent = z.infer<typeof BackupContent>;

export const PlainBackup = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: Instant,
  /** The Dexie schema version the records were written under (lib/db/schema.ts). */
  schemaVersion: z.number().int().positive(),
  counts: z.record(z.string(), z.number().int().min(0)),
  /** SHA-256 (hex) of the canonical JSON of this object without `sha256`. */
  sha256: Sha256Hex,
  content: BackupContent,
});
export type PlainBackup = z.infer<typeof PlainBackup>;

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

export const EncryptedBackup = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  encryption: z.object({
    cipher: z.literal('AES-256-GCM'),
    kdf: z.literal('PBKDF2-SHA-256'),
    iterations: Iterations,
    salt: Salt,
    iv: Base64,
    /** HKDF(master, "key-check"): tells a wrong passphrase from a damaged file. */
    keyCheck: Sha256Hex,
  }),
  /** AES-GCM over the UTF-8 of the plain backup's JSON. */
  ciphertext: Base64,
});
export type EncryptedBackup = z.infer<typeof EncryptedBackup>;

/** Additional data of the envelope's AES-GCM: a ciphertext moved into another kind of file does not open. */
export const ENVELOPE_AAD = `${BACKUP_FORMAT}\n${BACKUP_VERSION}`;
