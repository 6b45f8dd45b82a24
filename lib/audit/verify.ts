// verify(): walks the stored audit log in sequence order, in pages, and reports the first broken link;
// then checks that every stored record is the one its last audit entry describes (lib/audit/README.md).
import type { AuditEntry } from '../model/audit';
import { RECORD_TABLES, type PrivacyDeskDb } from '../db/schema';
import { canonicalJson } from './canonical-json';
import { verifyChain, type ChainHead, type VerifyResult } from './chain';
import { sha256Hex } from './sha256';
import { AUDIT_SEAL_SETTING, AuditSeal } from './seal';
import { vaultOf } from '../db/crypto/vault';

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
  if (!chain.ok) return chain;
  const keyed = await checkSeal(db, chain);
  if (!keyed.ok || !bind) return keyed;
  try {
    return await verifyRecords(db, keyed, last);
  } catch (error) {
    // While the passphrase lock is closed sealed records cannot be read: the chain alone was verified.
    if ((error as { name?: string }).name === 'LockedError') return keyed;
    throw error;
  }
}

/**
 * The keyed checkpoint (seal.ts): with the lock on, the log must still hold the sealed head at its
 * position, and (lock open) its MAC must be the passphrase key's. A rewritten and re-hashed log, one cut
 * short, or a checkpoint removed or forged fails here even though every link above checked. Read
 * directly, so a routine check that starts after the last verified head still sees a rewrite before it.
 */
async function checkSeal(db: PrivacyDeskDb, chain: VerifyResult & { ok: true }): Promise<VerifyResult> {
  const vault = vaultOf(db);
  if (!vault || vault.state === 'off') return { ...chain, keyed: { state: 'off' } };
  const fail = (brokenAt: number, reason: string): VerifyResult => ({ ok: false, entries: chain.entries, brokenAt, reason });
  const raw = (await db.settings.get(AUDIT_SEAL_SETTING))?.value;
  const state = vault.state === 'unlocked' ? 'checked' : 'locked';
  if (raw === undefined) {
    // A lock turned on before checkpoints existed (settings version 1) gets one at its next unlock.
    if (chain.entries === 0 || vault.settings?.version === 1) return { ...chain, keyed: { state, upTo: 0 } };
    return fail(1, 'the keyed checkpoint of the log is missing: it was removed outside Privacy Desk');
  }
  const parsed = AuditSeal.safeParse(raw);
  if (!parsed.success) return fail(1, 'the keyed checkpoint of the log is unreadable: it was altered outside Privacy Desk');
  const seal = parsed.data;
  if (seal.entries > chain.entries)
    return fail(chain.entries + 1, `the log has ${chain.entries} entries but its keyed checkpoint seals ${seal.entries} (entries were removed from its end)`);
  const entry = await db.audit.where('seq').equals(seal.entries).first();
  if (entry?.hash !== seal.hash) return fail(seal.entries, `entry ${seal.entries} is not the one the keyed checkpoint sealed (history up to it was rewritten)`);
  const mac = vault.checkSeal(seal);
  if (mac === false) return fail(seal.entries, 'the keyed checkpoint was not made with your passphrase (the log and its checkpoint were replaced outside Privacy Desk)');
  return { ...chain, keyed: { state, upTo: seal.entries } };
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
