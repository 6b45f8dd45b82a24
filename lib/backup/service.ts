// Backup and restore of a whole database: what the background's messages and the benchmarks call.
import type { Repositories } from '../db/repositories';
import { createBackupFile, readBackup, type BackupMeta } from './file';
import { dumpDatabase } from './dump';
import { restoreBackup, type RestoreMode, type RestoreResult } from './restore';

/** The schema version of the open database (Dexie's version number, as declared in lib/db/schema.ts). */
async function schemaVersion(repos: Repositories): Promise<number> {
  await repos.db.open();
  return repos.db.verno;
}

/**
 * Writes the backup file. Personal fields are decrypted (the lock must be open): a backup is readable
 * anywhere with its own passphrase, or by anyone when made without one. Secrets such as the erasure
 * pseudonym key go only into an encrypted backup.
 */
export async function createBackup(repos: Repositories, options: { passphrase?: string; iterations?: number } = {}): Promise<{ text: string; meta: BackupMeta }> {
  const content = await dumpDatabase(repos.db, { secrets: !!options.passphrase });
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
  options: { passphrase?: string; mode: RestoreMode },
): Promise<RestoreResult & { backup: BackupMeta }> {
  const backup = await readBackup(text, { ...(options.passphrase ? { passphrase: options.passphrase } : {}), schemaVersion: await schemaVersion(repos) });
  const result = await restoreBackup(repos, actor, backup, options.mode);
  const { createdAt, sha256, counts, encrypted } = backup;
  return { ...result, backup: { createdAt, schemaVersion: backup.schemaVersion, sha256, counts, encrypted } };
}
