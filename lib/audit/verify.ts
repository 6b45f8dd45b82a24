// verify(): walks the stored audit log in sequence order, in pages, and reports the first broken link;
// then checks that every stored record is the one its last audit entry describes (lib/audit/README.md).
import type { AuditEntry } from '../model/audit';
import { RECORD_TABLES, type PrivacyDeskDb } from '../db/schema';
import { canonicalJson } from './canonical-json';
import { verifyChain, type ChainHead, type VerifyResult } from './chain';
import { sha256Hex } from './sha256';

const PAGE = 5_000;

async function* pages(db: PrivacyDeskDb, after: number): AsyncIterable<AuditEntry[]> {
  for (;;) {
    const batch = await db.audit.where('seq').above(after).limit(PAGE).toArray();
    yield batch;
    if (batch.length < PAGE) return;
    after = batch[batch.length - 1]!.seq;
  }
}

/** The hash an audit entry binds a record with: SHA-256 of its canonical JSON. */
export const recordHashOf = (record: unknown): Promise<string> => sha256Hex(canonicalJson(record));

export interface AuditVerifyOptions {
  /** A head kept outside the browser (exported from the side panel): the log must still hold it. */
  kept?: ChainHead;
  /** A routine check: only what follows this already verified head (records are not re-read). */
  from?: ChainHead;
  /** False while the passphrase lock is closed: sealed records cannot be read to compare. */
  records?: boolean;
}

export async function verifyAudit(db: PrivacyDeskDb, options: AuditVerifyOptions = {}): Promise<VerifyResult> {
  const from = options.from && options.from.entries > 0 ? options.from : undefined;
  const last = new Map<string, { seq: number; recordHash?: string; removed: boolean }>();
  const bind = !from && options.records !== false;
  const chain = await verifyChain(pages(db, from ? from.entries - 1 : 0), {
    ...(options.kept ? { kept: options.kept } : {}),
    ...(from ? { from } : {}),
    ...(bind
      ? {
          onEntry: (e: AuditEntry) => {
            if (!(RECORD_TABLES as readonly string[]).includes(e.table) || e.action === 'export') return;
            last.set(`${e.table}\n${e.recordId}`, { seq: e.seq, ...(e.recordHash ? { recordHash: e.recordHash } : {}), removed: e.action === 'purge' });
          },
        }
      : {}),
  });
  if (!chain.ok || !bind) return chain;
  try {
    return await verifyRecords(db, chain, last);
  } catch (error) {
    // While the passphrase lock is closed sealed records cannot be read: the chain alone was verified.
    if ((error as { name?: string }).name === 'LockedError') return chain;
    throw error;
  }
}

async function verifyRecords(db: PrivacyDeskDb, chain: VerifyResult & { ok: true }, last: Map<string, { seq: number; recordHash?: string; removed: boolean }>): Promise<VerifyResult> {
  // Every record whose last entry carries a hash must still be exactly what that entry wrote; a record
  // whose last entry removed it must be gone, and one whose last entry wrote it must still be there.
  let checked = 0;
  for (const table of RECORD_TABLES) {
    const present = new Set<string>();
    const records = (await db.table(table).toArray()) as { id: string }[];
    const hashes = await Promise.all(records.map((r) => recordHashOf(r)));
    for (const [i, record] of records.entries()) {
      present.add(record.id);
      const entry = last.get(`${table}\n${record.id}`);
      if (!entry) continue;
      if (entry.removed) return { ok: false, entries: chain.entries, brokenAt: entry.seq, reason: `${table} ${record.id} is stored although its last audit entry (${entry.seq}) removed it` };
      if (!entry.recordHash) continue;
      checked += 1;
      if (hashes[i] !== entry.recordHash)
        return { ok: false, entries: chain.entries, brokenAt: entry.seq, reason: `${table} ${record.id} is not what its last audit entry (${entry.seq}) wrote: it was changed outside Privacy Desk` };
    }
    for (const [key, entry] of last) {
      const [t, id] = key.split('\n');
      if (t === table && entry.recordHash && !present.has(id!))
        return { ok: false, entries: chain.entries, brokenAt: entry.seq, reason: `${table} ${id} is missing although its last audit entry (${entry.seq}) wrote it: it was removed outside Privacy Desk` };
    }
  }
  return { ...chain, records: checked };
}
