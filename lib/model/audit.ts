import { z } from 'zod';
import { Actor, Instant, Sha256Hex } from './common';

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'restore', 'purge', 'import', 'export'] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

/** One link of the hash chain (lib/audit/README.md). `seq` is the chain position, starting at 1. */
export const AuditEntry = z.object({
  seq: z.number().int().positive(),
  at: Instant,
  actor: Actor,
  action: AuditAction,
  table: z.string().min(1).max(60),
  recordId: z.string().max(100),
  /** A short, non-personal summary (field names changed, counts); never the personal data itself. */
  detail: z.string().max(2000),
  /**
   * SHA-256 of the record as this write left it (canonical JSON; absent for removals, log-only entries
   * and entries written before it existed). Binds every stored record to the chain: a record edited
   * outside Privacy Desk no longer matches its last entry (lib/audit/README.md).
   */
  recordHash: Sha256Hex.optional(),
  prevHash: Sha256Hex,
  hash: Sha256Hex,
});
export type AuditEntry = z.infer<typeof AuditEntry>;
