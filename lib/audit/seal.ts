// The keyed checkpoint of the audit log (lib/audit/README.md, "A key only the user holds"): the head
// (how many entries, the last hash) with an HMAC under a key derived from the passphrase. Whoever can
// write the browser's files can re-hash a rewritten chain, but cannot make this MAC without the
// passphrase. The MAC itself is computed by the vault (lib/db/crypto/vault.ts), which holds the key.
import { z } from 'zod';

/** The settings row that holds the seal. */
export const AUDIT_SEAL_SETTING = 'auditSeal';

export const AuditSeal = z.object({
  v: z.literal(1),
  /** The head it seals: the entry count and the last entry's hash. */
  entries: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The lock key it was made with (the `keyId` of the lock's settings). */
  keyId: z.string().regex(/^[0-9a-f]{8}$/),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditSeal = z.infer<typeof AuditSeal>;

/** What the MAC covers: a label, so the key's MAC cannot be replayed for another purpose, and the head. */
export const sealMessage = (entries: number, hash: string): string => `privacy-desk/audit-seal/v1\n${entries}\n${hash}`;
