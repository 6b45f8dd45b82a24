// The one way to turn what a user typed into subject index keys. With the lock off the `emails` and
// `names` indexes hold the values themselves; with it on they hold keyed hashes (fields.ts), so the
// plain e-mail is never stored. findSubjectByEmail and searchSubjects go through here.
import type { Dexie } from 'dexie';
import { normaliseEmail } from '../../model/common';
import type { PrivacyDeskDb } from '../schema';
import { vaultOf } from './middleware';

/** The key the subjects' `emails` index holds for this address. Throws LockedError while locked. */
export function emailLookupKey(db: Dexie, email: string): string {
  return vaultOf(db)?.emailKey(email) ?? normaliseEmail(email);
}

/**
 * With the lock on: the ids of subjects whose e-mail is exactly the search text, or whose names contain
 * every word of it (whole words: a keyed hash has no prefixes). Undefined with the lock off, where the
 * caller searches by prefix.
 */
export function sealedSubjectSearch(db: PrivacyDeskDb, text: string): Promise<Set<string>> | undefined {
  const words = vaultOf(db)?.nameKeys(text);
  if (!words) return undefined;
  return (async () => {
    const byEmail = await db.subjects.where('emails').equals(emailLookupKey(db, text)).primaryKeys();
    let byName: Set<string> | undefined;
    for (const word of words) {
      const ids = new Set((await db.subjects.where('names').equals(word).primaryKeys()).map(String));
      byName = byName ? new Set([...byName].filter((id) => ids.has(id))) : ids;
    }
    return new Set([...byEmail.map(String), ...(byName ?? [])]);
  })();
}
