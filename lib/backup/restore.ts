// Restoring a checked backup (file.ts) into the database, in one transaction, with an audit entry.
//
// replace — the database becomes the backup: every table, the settings a backup carries (settings.ts)
//   and the audit chain; one `import` entry is chained onto the backup's chain, naming the
//   head and length of the log it replaced. Erasures made since the backup come back undone: the result
//   counts them so the user can repeat them.
// merge — this database's records and audit chain stay; a backup record is added when it is missing
//   here, and replaces the local one when its `updatedAt` is newer. Records this database purged (its
//   audit log says so) are not brought back. Each added or replaced record gets its own `import` entry on
//   this database's chain; the backup's chain is verified but not copied (two chains cannot be joined).
import { chainEntries } from '../audit/chain';
import type { AuditEntry } from '../model/audit';
import { changedFields, translateStorageError, type WriteOp } from '../db/store';
import { RECORD_TABLES, type RecordTable } from '../db/schema';
import type { Repositories } from '../db/repositories';
import { BackupError } from './format';
import type { ValidBackup } from './file';
import { backupSettingSchema } from './settings';

export type RestoreMode = 'replace' | 'merge';

export interface RestoreResult {
  mode: RestoreMode;
  /** Records written (replace: all of the backup's; merge: added + replaced). */
  records: number;
  added: number;
  replaced: number;
  /** merge: records kept because this database's version is as new or newer, or was purged here. */
  kept: number;
  /** replace: records this database had purged or erased since the backup, now back: repeat those erasures. */
  erasuresUndone: number;
  auditEntries: number;
}

/** `onProgress` hears records written of total (replace: table by table, inside the one transaction). */
export function restoreBackup(repos: Repositories, actor: string, backup: ValidBackup, mode: RestoreMode, onProgress?: (done: number, total: number) => void): Promise<RestoreResult> {
  return mode === 'replace' ? replace(repos, actor, backup, onProgress) : merge(repos, actor, backup, onProgress);
}

const short = (sha: string) => sha.slice(0, 12);
const recordCount = (backup: ValidBackup) => RECORD_TABLES.reduce((n, t) => n + backup.tables[t].length, 0);

function replace(repos: Repositories, actor: string, backup: ValidBackup, onProgress?: (done: number, total: number) => void): Promise<RestoreResult> {
  const { db, store } = repos;
  return store.serialise(async () => {
    const head = await db.audit.orderBy('seq').last();
    const replacedEntries = await db.audit.count();
    const erasuresUndone = await countUndoneErasures(repos, backup);
    const records = recordCount(backup);
    const detail =
      `restored (replace) backup ${short(backup.sha256)} of ${backup.createdAt}: ${records} records, ${backup.audit.length} audit entries; ` +
      `replaced a log of ${replacedEntries} entries ending in ${head ? short(head.hash) : 'nothing'}` +
      (erasuresUndone ? `; ${erasuresUndone} records erased or purged since the backup are back` : '');
    // Hashed before the transaction (WebCrypto would let it auto-commit); chained onto the backup's log.
    const [entry] = await chainEntries(backup.audit.at(-1), [{ at: store.nowIso(), actor, action: 'import', table: 'backup', recordId: backup.sha256, detail }]);
    try {
      await db.transaction('rw', [...RECORD_TABLES, 'audit', 'settings'], async () => {
        const current = await db.audit.orderBy('seq').last();
        if (current?.hash !== head?.hash) throw new Error('The audit log moved during the restore; nothing was restored, retry');
        let done = 0;
        for (const name of RECORD_TABLES) {
          await db.table(name).clear();
          await db.table(name).bulkAdd(backup.tables[name]);
          done += backup.tables[name].length;
          onProgress?.(done, records);
        }
        await db.audit.clear();
        await db.audit.bulkAdd([...backup.audit, entry!]);
        // The user saw this head beside the local one and chose it: the keyed checkpoint moves to it.
        await store.sealHead([entry!]);
        // Settings a backup carries are replaced; this browser's own stay (settings.ts), except the last
        // verification, which was of the chain just replaced.
        await db.settings.filter((s) => backupSettingSchema(s.key) !== undefined || s.key === 'lastAuditVerify').delete();
        await db.settings.bulkPut(backup.settings);
      });
    } catch (error) {
      throw translateStorageError(error);
    }
    return { mode: 'replace', records, added: records, replaced: 0, kept: 0, erasuresUndone, auditEntries: backup.audit.length + 1 };
  });
}

async function merge(repos: Repositories, actor: string, backup: ValidBackup, onProgress?: (done: number, total: number) => void): Promise<RestoreResult> {
  const { db, store } = repos;
  const purged = await purgedHere(repos);
  const ops: WriteOp[] = [];
  const expected: Array<{ table: RecordTable; id: string; updatedAt: string | undefined }> = [];
  let kept = 0;
  let added = 0;
  for (const name of RECORD_TABLES) {
    const rows = backup.tables[name];
    if (rows.length === 0) continue;
    const table = db.table(name);
    const local = (await table.bulkGet(rows.map((r) => r.id))) as Array<(Record<string, unknown> & { updatedAt: string }) | undefined>;
    const unique = table.schema.indexes.filter((i) => i.unique).map((i) => i.name);
    for (const [i, row] of rows.entries()) {
      const mine = local[i];
      if (!mine) {
        if (purged.has(`${name}\n${row.id}`)) {
          kept += 1;
          continue;
        }
        for (const field of unique) {
          const clash = await table.where(field).equals(row[field] as string).first();
          if (clash) throw new BackupError('conflict', `Cannot merge: ${name} "${String(row[field])}" exists here with another id; nothing was restored.`);
        }
        ops.push({ table: name, kind: 'put', id: row.id, record: row, action: 'import', detail: `added from backup ${short(backup.sha256)}` });
        expected.push({ table: name, id: row.id, updatedAt: undefined });
        added += 1;
      } else if (row.updatedAt > mine.updatedAt) {
        const fields = changedFields(mine, row);
        ops.push({ table: name, kind: 'put', id: row.id, record: row, action: 'import', detail: `replaced by the newer version in backup ${short(backup.sha256)}: fields: ${fields.join(', ')}` });
        expected.push({ table: name, id: row.id, updatedAt: mine.updatedAt });
      } else kept += 1;
    }
  }
  let entries: AuditEntry[];
  if (ops.length === 0) entries = [await store.log(actor, 'import', 'backup', backup.sha256, `merged backup ${short(backup.sha256)}: nothing newer than this database`)];
  else
    entries = await store.commit(actor, ops, async () => {
      // Nothing the plan was based on may have changed since it was made.
      for (const e of expected) {
        const now = (await db.table(e.table).get(e.id)) as { updatedAt: string } | undefined;
        if (now?.updatedAt !== e.updatedAt) throw new Error(`${e.table} ${e.id} changed during the merge; nothing was restored, retry`);
      }
      // A restore brings back this browser's own past: in a team it is never sent out as new changes.
    }, { send: false });
  onProgress?.(ops.length, ops.length);
  return { mode: 'merge', records: ops.length, added, replaced: ops.length - added, kept, erasuresUndone: 0, auditEntries: entries.length };
}

/** `table\nid` of every record this database's audit log records as purged. */
async function purgedHere(repos: Repositories): Promise<Set<string>> {
  const out = new Set<string>();
  await repos.db.audit.each((e) => {
    if (e.action === 'purge') out.add(`${e.table}\n${e.recordId}`);
  });
  return out;
}

/** Records of the backup that this database purged since, plus subjects it erased that the backup holds unerased. */
async function countUndoneErasures(repos: Repositories, backup: ValidBackup): Promise<number> {
  const purged = await purgedHere(repos);
  let count = 0;
  for (const name of RECORD_TABLES) for (const row of backup.tables[name]) if (purged.has(`${name}\n${row.id}`)) count += 1;
  const erasedHere = new Set((await repos.db.subjects.filter((s) => !!s.erasedAt).primaryKeys()).map(String));
  for (const s of backup.tables.subjects) if (erasedHere.has(s.id) && !s.erasedAt) count += 1;
  return count;
}
