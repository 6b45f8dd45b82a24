// Trust and data safety: the passphrase lock and backup/restore. Extension pages only — a helpdesk page
// never sees a passphrase flow or a backup.
//
// Backups travel in chunks: runtime messages are limited (Chrome: 64 MiB of JSON) and a database of a
// hundred thousand records is larger than that.
import { z } from 'zod';
import { Instant, Sha256Hex } from '../../model/common';
import { PAGES, def } from '../define';

/** A new passphrase: long enough that 600 000 PBKDF2 iterations make guessing it slow. */
export const NewPassphrase = z.string().min(10, 'must be at least 10 characters').max(1024, 'is longer than 1024 characters');
const GivenPassphrase = z.string().min(1, 'must not be empty').max(1024, 'is longer than 1024 characters');

export const LockStatus = z.object({
  state: z.enum(['off', 'locked', 'unlocked']),
  iterations: z.number().int().optional(),
  enabledAt: Instant.optional(),
  /** While on, the queue search matches whole e-mails and whole name words only. */
  searchByWholeWords: z.boolean(),
});
export type LockStatus = z.infer<typeof LockStatus>;

/** When the passphrase lock closes by itself (lib/db/crypto/auto-lock.ts). */
export const AutoLockSettings = z.object({
  /** Minutes without input after which the lock closes (the idle API allows 15 s to 10 h). */
  idleMinutes: z.number().int().min(1).max(600),
  /** Hours after opening at which the lock closes in any case. */
  maxHours: z.number().int().min(1).max(24),
});
export type AutoLockSettings = z.infer<typeof AutoLockSettings>;

/** A long operation under way: records done of total in its current phase. */
export const OperationProgress = z.object({
  operation: z.enum(['enable', 'change', 'disable', 'restore', 'erase']),
  /** prepare: deriving the key or checking the file; rewrite: sealing or opening records; copy/restore: rebuilding the database; write: restoring records. */
  phase: z.enum(['prepare', 'rewrite', 'copy', 'restore', 'write']),
  done: z.number().int(),
  total: z.number().int(),
});
export type OperationProgress = z.infer<typeof OperationProgress>;

const Rewritten = z.object({ status: LockStatus, records: z.number().int() });

/** Characters per chunk of a backup in transit. */
export const BACKUP_CHUNK = 8 * 1024 * 1024;
const MAX_CHUNKS = 256;
const TransferId = z.string().regex(/^[0-9a-f-]{36}$/, 'must be a transfer id');

export const BackupMeta = z.object({
  createdAt: Instant,
  schemaVersion: z.number().int(),
  sha256: Sha256Hex,
  counts: z.record(z.string(), z.number().int()),
  encrypted: z.boolean(),
});

export const TRUST_MESSAGES = {
  'trust.status': def(PAGES, z.object({}), LockStatus, { whileLocked: true }),
  'trust.enable': def(PAGES, z.object({ passphrase: NewPassphrase }), Rewritten),
  'trust.unlock': def(PAGES, z.object({ passphrase: GivenPassphrase }), LockStatus, { whileLocked: true }),
  'trust.lock': def(PAGES, z.object({}), LockStatus, { whileLocked: true }),
  'trust.changePassphrase': def(PAGES, z.object({ current: GivenPassphrase, next: NewPassphrase }), Rewritten),
  'trust.disable': def(PAGES, z.object({ passphrase: GivenPassphrase }), Rewritten, { whileLocked: true }),
  /** When the lock closes by itself: minutes without input (or the screen locking), and hours at most. */
  'trust.getAutoLock': def(PAGES, z.object({}), AutoLockSettings, { whileLocked: true }),
  /** The long operation under way, if any, for the page that started it to show. */
  'trust.progress': def(PAGES, z.object({}), OperationProgress.nullable(), { whileLocked: true }),
  'trust.setAutoLock': def(PAGES, AutoLockSettings, AutoLockSettings),

  /** Makes the backup file in the background; the page then fetches it chunk by chunk. */
  'backup.create': def(
    PAGES,
    z.object({ passphrase: NewPassphrase.optional() }),
    BackupMeta.extend({ id: TransferId, fileName: z.string(), chars: z.number().int(), chunks: z.number().int() }),
  ),
  'backup.chunk': def(PAGES, z.object({ id: TransferId, index: z.number().int().min(0).max(MAX_CHUNKS) }), z.object({ text: z.string() })),
  /** Sends a file to restore, chunk by chunk; the first chunk opens a transfer and returns its id. */
  'backup.upload': def(
    PAGES,
    z.object({ id: TransferId.optional(), index: z.number().int().min(0), total: z.number().int().min(1).max(MAX_CHUNKS), text: z.string().max(BACKUP_CHUNK) }),
    z.object({ id: TransferId, received: z.number().int() }),
  ),
  /**
   * Before a replace: this browser's audit chain head and the uploaded file's (verified on its own), and
   * how many local entries the file lacks. Changes nothing; the upload stays open for 'backup.restore'.
   */
  'backup.inspect': def(
    PAGES,
    z.object({ id: TransferId, passphrase: z.string().max(1024).optional() }),
    z.object({
      local: z.object({ entries: z.number().int(), head: z.string() }),
      file: z.discriminatedUnion('ok', [
        z.object({ ok: z.literal(true), entries: z.number().int(), head: z.string() }),
        z.object({ ok: z.literal(false), entries: z.number().int(), reason: z.string() }),
      ]),
      lost: z.number().int(),
      diverges: z.boolean(),
    }),
  ),
  /** Drops an upload the user decided not to restore (transfers are few: see backup-transfers.ts). */
  'backup.discard': def(PAGES, z.object({ id: TransferId }), z.object({})),
  'backup.restore': def(
    PAGES,
    z.object({ id: TransferId, passphrase: z.string().max(1024).optional(), mode: z.enum(['replace', 'merge']) }),
    z.object({
      mode: z.enum(['replace', 'merge']),
      records: z.number().int(),
      added: z.number().int(),
      replaced: z.number().int(),
      kept: z.number().int(),
      erasuresUndone: z.number().int(),
      auditEntries: z.number().int(),
      backup: BackupMeta,
    }),
  ),
} as const;
