// Everything the database holds, read in one transaction so tables and audit chain agree.
import { RECORD_TABLES, type PrivacyDeskDb } from '../db/schema';
import type { BackupContent } from './format';
import { backupSettingSchema } from './settings';

/** Records, the settings a backup may carry (settings.ts: never this browser's secrets or lock) and the audit chain. */
export async function dumpDatabase(db: PrivacyDeskDb): Promise<BackupContent> {
  return db.transaction('r', [...RECORD_TABLES, 'audit', 'settings'], async () => {
    const tables: Record<string, unknown[]> = {};
    for (const name of RECORD_TABLES) tables[name] = await db.table(name).toArray();
    const settings = (await db.settings.toArray()).filter((s) => backupSettingSchema(s.key) !== undefined);
    const audit = await db.audit.toArray();
    return { tables, settings, audit };
  });
}
