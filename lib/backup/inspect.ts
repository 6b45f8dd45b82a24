// Before a replace: this browser's audit chain head beside the backup file's, so the user sees what the
// restore would put in place of the log kept here (lib/audit/README.md, "A head kept elsewhere").
// Reads only; changes nothing.
import type { Repositories } from '../db/repositories';
import { GENESIS_HASH } from '../audit/chain';
import { readBackupAudit, type BackupAuditHead } from './file';

export interface BackupInspection {
  /** This browser's log: how many entries, and the last one's hash (the genesis hash when empty). */
  local: { entries: number; head: string };
  file: BackupAuditHead;
  /** Entries of this browser's log the file does not hold: they would be gone from the log after a replace. */
  lost: number;
  /** The file's entry at the last position both logs have differs from this browser's: another history. */
  diverges: boolean;
}

export async function inspectBackup(repos: Repositories, text: string, options: { passphrase?: string } = {}): Promise<BackupInspection> {
  const { db } = repos;
  await db.open();
  // Sequence numbers run 1, 2, 3… (verify checks it): the last entry's seq is the number of entries.
  const last = await db.audit.orderBy('seq').last();
  const local = { entries: last?.seq ?? 0, head: last?.hash ?? GENESIS_HASH };
  const read = await readBackupAudit(text, { ...options, ...(local.entries > 0 ? { at: local.entries } : {}) });
  let diverges = false;
  if (read.ok) {
    const common = Math.min(local.entries, read.entries);
    const theirs = common === local.entries ? read.hashAt : read.head;
    if (common > 0) diverges = (await db.audit.get(common))?.hash !== theirs;
  }
  const file: BackupAuditHead = read.ok ? { ok: true, entries: read.entries, head: read.head } : { ok: false, entries: read.entries, reason: read.reason };
  return { local, file, lost: Math.max(0, local.entries - file.entries), diverges };
}
