// The hash-chained audit log (SPEC §6). Each entry's hash covers the previous entry's hash and a
// canonical JSON of the entry itself, so editing, deleting or reordering any entry breaks the chain
// at that entry, and verify() says where.
import type { AuditAction, AuditEntry } from '../model/audit';
import { canonicalJson } from './canonical-json';
import { sha256Hex } from './sha256';

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditDraft {
  at: string;
  actor: string;
  action: AuditAction;
  table: string;
  recordId: string;
  detail: string;
}

export async function hashEntry(entry: Omit<AuditEntry, 'hash'>): Promise<string> {
  const { seq, at, actor, action, table, recordId, detail, prevHash } = entry;
  return sha256Hex(`${prevHash}\n${canonicalJson({ seq, at, actor, action, table, recordId, detail, prevHash })}`);
}

/** Links drafts onto the chain after `head` (undefined for an empty log). */
export async function chainEntries(head: Pick<AuditEntry, 'seq' | 'hash'> | undefined, drafts: readonly AuditDraft[]): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  for (const draft of drafts) {
    seq += 1;
    const unsigned = { ...draft, seq, prevHash };
    const hash = await hashEntry(unsigned);
    out.push({ ...unsigned, hash });
    prevHash = hash;
  }
  return out;
}

export type VerifyResult =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; brokenAt: number; reason: string };

/**
 * Walks the entries in storage order and reports the first broken link. Entries arrive in batches
 * (pages of the stored log) so a million-entry log is verified without holding it in memory; within
 * a batch the hashes are computed concurrently — each depends only on its own entry — and the links
 * are then checked in order.
 */
export async function verifyChain(batches: AsyncIterable<readonly AuditEntry[]> | Iterable<readonly AuditEntry[]>): Promise<VerifyResult> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for await (const batch of batches) {
    const recomputed = await Promise.all(batch.map(({ hash: _stored, ...rest }) => hashEntry(rest)));
    for (const [i, entry] of batch.entries()) {
      count += 1;
      if (entry.seq !== expectedSeq)
        return { ok: false, entries: count, brokenAt: entry.seq, reason: `entry ${entry.seq} found where entry ${expectedSeq} was expected (an entry was removed or moved)` };
      if (entry.prevHash !== prevHash)
        return { ok: false, entries: count, brokenAt: entry.seq, reason: `entry ${entry.seq} does not link to the entry before it (an entry was removed, moved or edited)` };
      if (recomputed[i] !== entry.hash) return { ok: false, entries: count, brokenAt: entry.seq, reason: `entry ${entry.seq} was changed after it was written` };
      prevHash = entry.hash;
      expectedSeq += 1;
    }
  }
  return { ok: true, entries: count, head: prevHash };
}
