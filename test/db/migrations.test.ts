// Schema migrations: a database of every released schema version (test/fixtures/db-v*/), created with
// plain Dexie exactly as that version declared it, opens with the current code; every record survives
// and validates with today's zod schemas, the audit chain verifies, lookups work.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { createRepositories } from '../../lib/db/repositories';
import { openDatabase, RECORD_TABLES, type RecordTable } from '../../lib/db/schema';
import { TABLE_SCHEMAS } from '../../lib/backup/tables';
import { verifyAudit } from '../../lib/audit/verify';
import { findSubjectByEmail, searchSubjects } from '../../lib/db/requests';
import { PassphraseLock } from '../../lib/db/crypto/lock';
import { fullDump } from '../backup/helpers';

const FIXTURES = join(import.meta.dirname, '../fixtures');
type Row = Record<string, unknown> & { id?: string; key?: string; seq?: number };
interface Fixture {
  version: number;
  stores: Record<string, string>;
  plain: { tables: Record<string, Row[]>; settings: Row[]; audit: Row[] };
  sealed: Record<string, Row[]>;
}

const fixtures: Fixture[] = readdirSync(FIXTURES)
  .filter((d) => /^db-v\d+$/.test(d))
  .map((dir) => {
    const read = (f: string) => JSON.parse(readFileSync(join(FIXTURES, dir, f), 'utf8'));
    const { version, stores } = read('stores.json') as { version: number; stores: Record<string, string> };
    return { version, stores, plain: read('plain.json'), sealed: read('sealed.json') };
  })
  .sort((a, b) => a.version - b.version);

/**
 * How a record of version N should look after the upgrades to today. Identity while there is only
 * version 1; an upgrade that reshapes records says here what it does to each table's records.
 */
function expectedAfterUpgrade(_fromVersion: number, _table: RecordTable, record: Row): Row {
  return record;
}

/**
 * The store definitions the current code declares per version (Dexie keeps them on its Version
 * objects), each version's complete set: a version declares only what it adds or changes.
 */
function declaredVersions(): Array<{ version: number; stores: Record<string, string> }> {
  const db = openDatabase(`declared-${crypto.randomUUID()}`) as unknown as { _versions: Array<{ _cfg: { version: number; storesSource: Record<string, string> } }> };
  let stores: Record<string, string> = {};
  return [...db._versions]
    .sort((a, b) => a._cfg.version - b._cfg.version)
    .map((v) => ({ version: v._cfg.version, stores: (stores = { ...stores, ...v._cfg.storesSource }) }));
}

/** Builds the database as the old version did: plain Dexie, that version's stores, the stored rows as they were. */
async function createOldDatabase(fixture: Fixture, rows: Record<string, Row[]>): Promise<string> {
  const name = `migrate-v${fixture.version}-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  old.version(fixture.version).stores(fixture.stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, list] of Object.entries(rows)) await old.table(table).bulkAdd(list);
  });
  old.close();
  return name;
}

/** The sealed fixtures of versions 2 and 3 were written from version 1's sealed database (their READMEs). */
const FIXTURE_PASSPHRASES: Record<number, string> = { 2: 'fixture passphrase v1', 3: 'fixture passphrase v1' };

describe('schema migrations', () => {
  it('has a frozen fixture for every schema version the code declares, matching its store definitions', () => {
    const declared = declaredVersions();
    expect(fixtures.map((f) => f.version)).toEqual(declared.map((d) => d.version));
    for (const fixture of fixtures) expect(declared.find((d) => d.version === fixture.version)?.stores, `db-v${fixture.version}/stores.json`).toEqual(fixture.stores);
  });

  for (const fixture of fixtures) {
    it(`opens a version ${fixture.version} database with every record intact and valid`, async () => {
      const { tables, settings, audit } = fixture.plain;
      const name = await createOldDatabase(fixture, { ...tables, settings, audit });
      const repos = createRepositories(openDatabase(name));
      await repos.db.open();
      expect(repos.db.verno).toBe(Math.max(...declaredVersions().map((d) => d.version)));

      const now = (await fullDump(repos.db)) as { tables: Record<string, Row[]>; settings: Row[]; audit: Row[] };
      let records = 0;
      for (const table of RECORD_TABLES) {
        const expected = (tables[table] ?? []).map((r) => expectedAfterUpgrade(fixture.version, table, r));
        expect(now.tables[table], table).toEqual(expected);
        for (const record of now.tables[table]!) {
          const parsed = TABLE_SCHEMAS[table].safeParse(record);
          expect(parsed.success, `${table} ${record.id}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
          records += 1;
        }
      }
      expect(records).toBeGreaterThan(15);
      expect(now.settings).toEqual(settings);
      expect(now.audit).toEqual(audit);
      expect(await verifyAudit(repos.db)).toMatchObject({ ok: true, entries: audit.length });
      expect((await findSubjectByEmail(repos, 'sabine.mueller@example.de'))?.names).toEqual(['Sabine Müller']);
    });

    it(`opens a version ${fixture.version} database with the passphrase lock on, and unlocks it`, async () => {
      const name = await createOldDatabase(fixture, fixture.sealed);
      const repos = createRepositories(openDatabase(name));
      const lock = new PassphraseLock(repos);
      await lock.ready();
      expect(lock.status().state).toBe('locked');
      await lock.unlock(FIXTURE_PASSPHRASES[fixture.version] ?? `fixture passphrase v${fixture.version}`);
      const now = (await fullDump(repos.db)) as { tables: Record<string, Row[]> };
      for (const table of RECORD_TABLES) expect(now.tables[table], table).toEqual((fixture.plain.tables[table] ?? []).map((r) => expectedAfterUpgrade(fixture.version, table, r)));
      expect((await findSubjectByEmail(repos, 'jan@example.nl'))?.names).toEqual(['Jan de Vries']);
      expect((await searchSubjects(repos, 'Müller')).size).toBe(1);
      expect(await verifyAudit(repos.db)).toMatchObject({ ok: true });
    });
  }
});
