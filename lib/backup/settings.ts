// Which settings a backup may carry, each with its schema. Everything else is refused (an unknown key)
// or never crosses (a local key): a crafted file must not be able to plant a secret, a name to act
// under, or a verification result.
import { z } from 'zod';
import { ENCRYPTION_SETTING } from '../db/crypto/keys';
import { AUDIT_SEAL_SETTING } from '../audit/seal';
import { VOCABULARY_SETTING } from '../db/register';
import { CustomVocabulary } from '../register/vocabulary';
import { CustomTemplate, SubprocessorListSnapshot } from '../messaging/messages/documents';

/**
 * Belong to this browser and never enter or leave through a backup:
 * - the lock's settings (salt, key check): they describe this database's key;
 * - the install secret: it keys the pseudonyms of erased subjects (lib/db/subject-data.ts); planted,
 *   it would make them computable by whoever chose it;
 * - who acts here (the audit log's actor) and the last verification of the audit chain: a file must
 *   not decide under which name this browser writes, nor claim a verification that never ran here;
 * - when reminders last ran (a fact about this browser's alarms);
 * - the audit log's keyed checkpoint: it is made with this browser's lock key (lib/audit/seal.ts).
 */
export const LOCAL_SETTINGS: readonly string[] = [ENCRYPTION_SETTING, AUDIT_SEAL_SETTING, 'installSecret', 'actorName', 'lastAuditVerify', 'remindersCheckedAt'];

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

/** Settings a backup carries, by exact key. */
const EXACT: Record<string, z.ZodType> = {
  badgeDays: z.number().int().min(0).max(365),
  reminderLeadDays: z.array(z.number().int().min(0).max(365)).max(20),
  [VOCABULARY_SETTING]: CustomVocabulary,
};

/** Settings a backup carries, by key prefix (lib/db/documents.ts): one row per document, template or list version. */
const PREFIXED: ReadonlyArray<readonly [string, z.ZodType]> = [
  // Only in backups of schema version 1: read into documentFiles records (file.ts).
  ['documents.file.', Base64],
  ['documents.template.', CustomTemplate],
  ['documents.listVersion.', SubprocessorListSnapshot],
];

/** The schema of a setting a backup may carry, or undefined when it may not. */
export function backupSettingSchema(key: string): z.ZodType | undefined {
  if (Object.hasOwn(EXACT, key)) return EXACT[key];
  return PREFIXED.find(([prefix]) => key.startsWith(prefix) && key.length > prefix.length)?.[1];
}

export const isLocalSetting = (key: string): boolean => LOCAL_SETTINGS.includes(key);
