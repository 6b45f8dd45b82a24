// Everything the database holds, read in one transaction so tables and audit chain agree.
import { RECORD_TABLES, type PrivacyDeskDb } from '../db/schema';
import { ENCRYPTION_SETTING } from '../db/crypto/keys';
import type { BackupContent } from './format';

/**
 * Settings that never leave the browser in a plain-text backup. The install secret keys the pseudonyms
 * of erased subjects (lib/db/subject-data.ts): in clear it would let anyone re-identify them.
 */
export const SECRET_SETTINGS: readonly string[] = ['installSecret'];
/** Settings a backup never carries and a restore never touches: they belong to this database's lock. */
export const LOCAL_SETTINGS: readonly string[] = [ENCRYPTION_SETTING];

export async function dumpDatabase(db: PrivacyDeskDb, options: { secrets?: boolean } = {}): Promise<BackupContent> {
  return db.transaction('r', [...RECORD_TABLES, 'audit', 'settings'], async () => {
    const tables: Record<string, unknown[]> = {};
    for (const name of RECORD_TABLES) tables[name] = await db.table(name).toArray();
    const settings = (await db.settings.toArray()).filter(
      (s) => !LOCAL_SETTINGS.includes(s.key) && (options.secrets || !SECRET_SETTINGS.includes(s.key)),
    );
    const audit = await db.audit.toArray();
    return { tables, settings, audit };
  });
}
