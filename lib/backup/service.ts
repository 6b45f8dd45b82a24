// Backup and restore of a whole database: what the background's messages and the benchmarks call.
import type { Repositories } from '../db/repositories';
import { createBackupFile, readBackup, type BackupMeta } from './file';
import { dumpDatabase } from './dump';
import { restoreBackup, type RestoreMode, type RestoreResult } from './restore';
import { vaultOf } from '../db/crypto/middleware';
import { ConflictError } from '../db/errors';

/** The schema version of the open database (Dexie's version number, as declared in lib/db/schema.ts). */
async function schemaVersion(repos: Repositories): Promise<number> {
  await repos.db.open();
  return repos.db.verno;
}

/**
 * Writes the backup file. Personal fields are decrypted (the lock must be open): a backup is readable
 * anywhere with its own passphrase, or by anyone when made without one — which the lock forbids. Secrets such as the erasure
 * pseudonym key never leave this browser (settings.ts).
 */
export async function createBackup(repos: Repositories, options: { passphrase?: string; iterations?: number } = {}): Promise<{ text: string; meta: BackupMeta }> {
  // A plain backup of a locked-on database would hold, decrypted, everything the lock protects.
  await repos.db.open();
  if (!options.passphrase && (vaultOf(repos.db)?.state ?? 'off') !== 'off')
    throw new ConflictError('The passphrase lock is on: a backup must be encrypted with a passphrase of its own');
  const content = await dumpDatabase(repos.db);
  return createBackupFile(content, {
    createdAt: repos.store.nowIso(),
    schemaVersion: await schemaVersion(repos),
    ...(options.passphrase ? { passphrase: options.passphrase } : {}),
    ...(options.iterations ? { iterations: options.iterations } : {}),
  });
}

/** Checks the whole file first (throws BackupError and writes nothing), then restores it in one transaction. */
export async function restoreFromFile(
  repos: Repositories,
  actor: string,
  text: string,
  options: { passphrase?: string; mode: RestoreMode; onProgress?: (done: number, total: number) => void },
): Promise<RestoreResult & { backup: BackupMeta }> {
  const backup = await readBackup(text, { ...(options.passphrase ? { passphrase: options.passphrase } : {}), schemaVersion: await schemaVersion(repos) });
  const result = await restoreBackup(repos, actor, backup, options.mode, options.onProgress);
  const { createdAt, sha256, counts, encrypted } = backup;
  return { ...result, backup: { createdAt, schemaVersion: backup.schemaVersion, sha256, counts, encrypted } };
}
