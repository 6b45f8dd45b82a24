// Rebuilding the database so that no earlier copy of a record survives in the browser's storage files.
//
// Why: IndexedDB (LevelDB in Chromium) does not overwrite in place. A record rewritten sealed, or an
// erased subject's e-mail, stays readable in the store's log and table files until they are compacted,
// which may be never. Turning the lock on, changing the passphrase and erasing a subject therefore end
// with a rebuild: every row is copied, in its stored (sealed) form, into a fresh database, the old one
// is deleted, and the copy is written back under the database's own name; the browser drops the deleted
// database's files. It cannot reach copies the operating system keeps (swap, snapshots): README,
// "Security".
//
// Nothing half-done: the copy is marked complete only once every row is in it (one transaction), and
// the original is deleted only after that. If the browser closes between the steps, the next opening
// of the database finishes the rebuild from the complete copy, or drops an incomplete one
// (recoverRebuild, run by the vault before anything else reads: lib/db/crypto/middleware.ts).
import { Dexie } from 'dexie';
import { openStoredForm, type PrivacyDeskDb } from './schema';

/** Settings row of the copy that says it holds every row of the original. */
export const REBUILD_COMPLETE = '__rebuildComplete';
export const rebuildName = (name: string): string => `${name}.rebuild`;

export interface RebuildProgress {
  step: 'copy' | 'restore';
  done: number;
  total: number;
}

/** Copies every row of every table from one database (stored form) to another, in one transaction on the target. */
async function copyAll(from: PrivacyDeskDb, to: PrivacyDeskDb, step: RebuildProgress['step'], onProgress?: (p: RebuildProgress) => void): Promise<number> {
  const names = from.tables.map((t) => t.name);
  const rows = await from.transaction('r', names, async () =>
    Promise.all(
      names.map(async (n) => {
        const list = await from.table(n).toArray();
        return [n, n === 'settings' ? (list as Array<{ key: string }>).filter((s) => s.key !== REBUILD_COMPLETE) : list] as const;
      }),
    ),
  );
  const total = rows.reduce((n, [, r]) => n + r.length, 0);
  let done = 0;
  await to.transaction('rw', names, async () => {
    for (const [name, list] of rows) {
      await to.table(name).clear();
      await to.table(name).bulkAdd(list);
      done += list.length;
      onProgress?.({ step, done, total });
    }
    if (step === 'copy') await to.table('settings').put({ key: REBUILD_COMPLETE, value: true });
  });
  return total;
}

/**
 * Rebuilds `db` (the application's handle, closed and reopened here). Callers serialise it with every
 * other write (Store.serialise). `stopAfter` lets tests stop half-way, as a closing browser would.
 */
export async function rebuildDatabase(
  db: PrivacyDeskDb,
  options: { onProgress?: (p: RebuildProgress) => void; stopAfter?: 'copy' | 'delete' } = {},
): Promise<number> {
  const name = db.name;
  await Dexie.delete(rebuildName(name));
  const source = openStoredForm(name);
  const copy = openStoredForm(rebuildName(name));
  let total: number;
  try {
    total = await copyAll(source, copy, 'copy', options.onProgress);
  } finally {
    source.close();
    copy.close();
  }
  if (options.stopAfter === 'copy') return total;
  // No query may reopen (and so recreate) the database while it is deleted and written back: reads in
  // that moment fail (DatabaseClosedError) rather than see an empty or half-written database.
  db.close({ disableAutoOpen: true });
  await Dexie.delete(name);
  if (options.stopAfter === 'delete') return total;
  await finish(name, options.onProgress);
  await db.open();
  return total;
}

/** Writes the complete copy back under `name` and deletes the copy. */
async function finish(name: string, onProgress?: (p: RebuildProgress) => void): Promise<void> {
  const copy = openStoredForm(rebuildName(name));
  const target = openStoredForm(name);
  try {
    await copyAll(copy, target, 'restore', onProgress);
  } finally {
    copy.close();
    target.close();
  }
  await Dexie.delete(rebuildName(name));
}

/**
 * Finishes or drops a rebuild the browser interrupted. A complete copy wins over whatever the database
 * holds (the original, untouched; a fresh empty one; or an earlier write-back); an incomplete copy is
 * dropped and the original, never deleted before the copy completed, stays.
 */
export async function recoverRebuild(name: string): Promise<'none' | 'finished' | 'dropped'> {
  const temp = rebuildName(name);
  if (!(await Dexie.exists(temp))) return 'none';
  const copy = new Dexie(temp);
  let complete = false;
  try {
    await copy.open();
    complete = copy.tables.some((t) => t.name === 'settings') && !!(await copy.table('settings').get(REBUILD_COMPLETE));
  } finally {
    copy.close();
  }
  if (!complete) {
    await Dexie.delete(temp);
    return 'dropped';
  }
  await finish(name);
  return 'finished';
}
