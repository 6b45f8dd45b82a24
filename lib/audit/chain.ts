// The hash-chained audit log (lib/audit/README.md). Each entry's hash covers the previous entry's hash and a
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
  recordHash?: string;
}

export async function hashEntry(entry: Omit<AuditEntry, 'hash'>): Promise<string> {
  const { seq, at, actor, action, table, recordId, detail, recordHash, prevHash } = entry;
  // canonicalJson drops an absent recordHash: entries written before it existed hash as they did.
  return sha256Hex(`${prevHash}\n${canonicalJson({ seq, at, actor, action, table, recordId, detail, recordHash, prevHash })}`);
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

/**
 * What the keyed checkpoint (seal.ts) says: `off` — the lock is off, no key only the user holds exists;
 * `locked` — its position was checked, its MAC needs the passphrase; `checked` — MAC and position hold.
 * `upTo`: the entry it seals (entries after it were written while the lock was closed).
 */
export type KeyedCheck = { state: 'off' } | { state: 'locked' | 'checked'; upTo: number };

export type VerifyResult =
  | { ok: true; entries: number; head: string; records?: number; keyed?: KeyedCheck }
  | { ok: false; entries: number; brokenAt: number; reason: string };

/** A chain head kept outside the browser: how many entries the log had, and the last one's hash. */
export interface ChainHead {
  entries: number;
  hash: string;
}

export interface VerifyOptions {
  /** A head kept elsewhere: the log must still contain it, at that position. */
  kept?: ChainHead;
  /** Start after an already verified head instead of at the first entry (a routine check). */
  from?: ChainHead;
  /** Called with each entry as it is checked (the record binding collects last hashes from it). */
  onEntry?: (entry: AuditEntry) => void;
}

/**
 * Walks the entries in storage order and reports the first broken link. Entries arrive in batches
 * (pages of the stored log) so a million-entry log is verified without holding it in memory; within
 * a batch the hashes are computed concurrently — each depends only on its own entry — and the links
 * are then checked in order. With `from`, the batches start after that head, whose own entry the first
 * batch must begin with.
 */
export async function verifyChain(batches: AsyncIterable<readonly AuditEntry[]> | Iterable<readonly AuditEntry[]>, options: VerifyOptions = {}): Promise<VerifyResult> {
  const { kept, from, onEntry } = options;
  let expectedSeq = from ? from.entries : 1;
  let prevHash = GENESIS_HASH;
  let count = from ? from.entries - 1 : 0;
  for await (const batch of batches) {
    const recomputed = await Promise.all(batch.map(({ hash: _stored, ...rest }) => hashEntry(rest)));
    for (const [i, entry] of batch.entries()) {
      count += 1;
      if (entry.seq !== expectedSeq)
        return { ok: false, entries: count, brokenAt: entry.seq, reason: `entry ${entry.seq} found where entry ${expectedSeq} was expected (an entry was removed or moved)` };
      const resuming = from !== undefined && entry.seq === from.entries;
      if (resuming && entry.hash !== from.hash)
        return { ok: false, entries: count, brokenAt: entry.seq, reason: `entry ${entry.seq} is no longer the one verified before (history was rewritten)` };
      if (!resuming && entry.prevHash !== prevHash)
        return { ok: false, entries: count, brokenAt: entry.seq, reason: `entry ${entry.seq} does not link to the entry before it (an entry was removed, moved or edited)` };
      if (recomputed[i] !== entry.hash) return { ok: false, entries: count, brokenAt: entry.seq, reason: `entry ${entry.seq} was changed after it was written` };
      if (kept && entry.seq === kept.entries && entry.hash !== kept.hash)
        return { ok: false, entries: count, brokenAt: entry.seq, reason: `entry ${entry.seq} is not the head you kept (history up to it was rewritten)` };
      onEntry?.(entry);
      prevHash = entry.hash;
      expectedSeq += 1;
    }
  }
  if (from && count < from.entries) return { ok: false, entries: count, brokenAt: count + 1, reason: `the log has ${count} entries, fewer than the ${from.entries} verified before (entries were removed from its end)` };
  if (kept && count < kept.entries)
    return { ok: false, entries: count, brokenAt: count + 1, reason: `the log has ${count} entries but the head you kept has ${kept.entries} (entries were removed from its end)` };
  return { ok: true, entries: count, head: prevHash };
}
