// Schema version 1 → 2: the PDFs of generated documents move from settings rows `documents.file.<id>`
// (base64, never sealed) into the `documentFiles` table, which the passphrase lock seals.
//
// An upgrade runs while the database opens, usually before anyone unlocked: it sees and writes the
// stored form (lib/db/crypto/README.md), so it cannot seal. With the lock on it leaves a marker, and
// the first unlock seals the moved files (PassphraseLock.sealPending). The old settings rows are
// deleted here; their bytes may survive in the browser's storage files until the database is rebuilt
// (lib/db/crypto/rebuild.ts).
import type { Transaction } from 'dexie';
import { ENCRYPTION_SETTING } from '../crypto/keys';

export const LEGACY_FILE_PREFIX = 'documents.file.';
/**
 * Settings row: tables whose records hold plain fields the lock seals (moved files; the document hashes,
 * sealed since version 2) wait here, while the lock is on, to be sealed at the next unlock.
 */
export const SEAL_PENDING_SETTING = 'sealPending';

export async function moveDocumentFilesOutOfSettings(tx: Transaction): Promise<void> {
  const settings = tx.table('settings');
  const rows = (await settings.where('key').startsWith(LEGACY_FILE_PREFIX).toArray()) as Array<{ key: string; value: unknown }>;
  const files = [];
  for (const row of rows) {
    if (typeof row.value !== 'string') continue;
    const id = row.key.slice(LEGACY_FILE_PREFIX.length);
    const document = (await tx.table('documents').get(id)) as { createdAt?: string } | undefined;
    // A file whose document record is gone has nothing to be downloaded from: it is dropped.
    if (!document?.createdAt) continue;
    files.push({ id, createdAt: document.createdAt, updatedAt: document.createdAt, pdf: row.value });
  }
  await tx.table('documentFiles').bulkAdd(files);
  await settings.bulkDelete(rows.map((r) => r.key));
  if ((await settings.get(ENCRYPTION_SETTING)) && (files.length || (await tx.table('documents').count())))
    await settings.put({ key: SEAL_PENDING_SETTING, value: ['documents', 'documentFiles'] });
}
