// Field encryption as a Dexie DBCore middleware: every write to a sealed table is sealed on its way
// down, every value read is opened on its way up, whatever API the caller used (get, bulkGet, where,
// filter, modify, cursors). Repositories, the Store and queries stay unaware of it, except lookups by
// e-mail or name, which ask the vault for the index key (vault.emailKey / vault.nameKeys).
//
// It sits above Dexie's own middlewares (default level 10): the hooks, observability and cache layers
// below see the stored (sealed) form, which is what the indexes really hold.
import type { DBCore, DBCoreCursor, DBCoreTable, Dexie } from 'dexie';
import { ENCRYPTION_SETTING } from './keys';
import { SEALED } from './fields';
import { Vault, registerVault, vaultOf } from './vault';
import { recoverRebuild } from '../rebuild';
import type { RecordTable } from '../schema';

export { vaultOf };

/** Installs the vault on a database that has not been opened yet; returns the one already installed otherwise. */
export function attachVault(db: Dexie): Vault {
  const existing = vaultOf(db);
  if (existing) return existing;
  if (db.isOpen()) throw new Error('attachVault: the database is already open; attach before the first query');
  const vault = new Vault();
  registerVault(db, vault);
  db.use({ stack: 'dbcore', name: 'PrivacyDeskVault', create: (down) => sealingCore(down, vault) });
  // Sticky: runs again if the database is closed and reopened. Queries made here run before any other.
  db.on(
    'ready',
    async (vip: Dexie) => {
      // A rebuild the browser interrupted is finished (or dropped) before anything reads (lib/db/rebuild.ts).
      await recoverRebuild(vip.name);
      vault.load((await vip.table('settings').get(ENCRYPTION_SETTING))?.value);
      if (vault.state === 'off') await probeForSealed(vip);
    },
    true,
  );
  vault.ready = () => db.open();
  return vault;
}

/**
 * With no lock settings, looks at the first and last record of every sealed table: turning the lock on
 * seals every record, so one sealed record means the settings row went missing (deleted on disk) and
 * the vault must not write plain text (Vault.open marks it damaged on sight). Two reads per table keep
 * every start of the background cheap; a sealed record met later is caught the same way.
 */
async function probeForSealed(db: Dexie): Promise<void> {
  for (const name of Object.keys(SEALED)) {
    const table = db.table(name);
    await table.orderBy(':id').first();
    await table.orderBy(':id').last();
  }
}

function sealingCore(down: DBCore, vault: Vault): DBCore {
  return { ...down, table: (name) => sealingTable(down.table(name), vault) };
}

/**
 * Schema upgrades (Dexie's upgrade(), run while the database opens — usually before anyone unlocked)
 * see and write the stored form: `_sealed` and the keyed-hash indexes pass through untouched, so an
 * upgrade can reshape plain fields of a sealed table without the key. It must keep `_sealed` as it is.
 */
const upgrading = (req: { trans: unknown }) => (req.trans as { mode?: string }).mode === 'versionchange';

function sealingTable(table: DBCoreTable, vault: Vault): DBCoreTable {
  const name = table.name;
  if (!SEALED[name as RecordTable]) return table;
  const open = (value: unknown) => vault.open(name, value);
  return {
    ...table,
    mutate: (req) => {
      if ((req.type !== 'add' && req.type !== 'put') || upgrading(req)) return table.mutate(req);
      // `updates` / `changeSpec` would carry the plain changes down; only sync add-ons read them.
      const { updates: _updates, changeSpec: _changeSpec, ...rest } = req as typeof req & { updates?: unknown; changeSpec?: unknown };
      return table.mutate({ ...rest, values: req.values.map((v) => vault.seal(name, v)) } as typeof req);
    },
    get: (req) => (upgrading(req) ? table.get(req) : table.get(req).then(open)),
    getMany: (req) => (upgrading(req) ? table.getMany(req) : table.getMany(req).then((values) => values.map(open))),
    query: (req) => (upgrading(req) || !req.values ? table.query(req) : table.query(req).then((res) => ({ ...res, result: res.result.map(open) }))),
    openCursor: (req) => (upgrading(req) || req.values === false ? table.openCursor(req) : table.openCursor(req).then((cursor) => cursor && openingCursor(cursor, open))),
  };
}

function openingCursor(cursor: DBCoreCursor, open: (v: unknown) => unknown): DBCoreCursor {
  // One opened object per cursor position, however often `value` is read.
  let raw: unknown;
  let opened: unknown;
  // Native IDBCursor getters refuse a foreign `this`: key and primaryKey are forwarded explicitly
  // (as Dexie's own virtual-index cursor does).
  return Object.create(cursor, {
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    value: {
      get: () => {
        const current = cursor.value;
        if (current !== raw) {
          raw = current;
          opened = open(current);
        }
        return opened;
      },
    },
  }) as DBCoreCursor;
}
