// The passphrase lock: personal fields encrypted at rest, lookups through keyed hashes, lock/unlock,
// passphrase change and turning off, all in place and atomic.
import { describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { createRepositories } from '../../lib/db/repositories';
import { openDatabase } from '../../lib/db/schema';
import { PassphraseLock, type KeyKeeper } from '../../lib/db/crypto/lock';
import { LockedError, PassphraseError } from '../../lib/db/crypto/errors';
import { IntegrityError, SEALED_FIELD } from '../../lib/db/crypto/vault';
import { DEFAULT_ITERATIONS } from '../../lib/db/crypto/keys';
import { countDueBefore, findSubjectByEmail, flagTicket, queryQueue, searchSubjects } from '../../lib/db/requests';
import { verifyAudit } from '../../lib/audit/verify';
import { StorageFullError } from '../../lib/db/errors';
import { bulkSeed, fullDump, PERSONAL_VALUES, populate, quotaFailure, rawTables } from '../backup/helpers';
import { plainDeadline, sampleTicket } from './helpers';

const FAST = 2_000; // PBKDF2 iterations for tests; the product uses DEFAULT_ITERATIONS (one test below does too)
const PASS = 'correct horse battery staple';

function setup(options: { name?: string; keeper?: KeyKeeper; failWhen?: Parameters<typeof quotaFailure>[1] } = {}) {
  const name = options.name ?? `crypto-${crypto.randomUUID()}`;
  const db = openDatabase(name);
  if (options.failWhen) quotaFailure(db, options.failWhen);
  const repos = createRepositories(db, { now: () => new Date('2026-03-02T09:00:00.000Z') });
  const lock = new PassphraseLock(repos, options.keeper, FAST);
  return { name, repos, lock };
}

const storedText = async (name: string) => JSON.stringify(await rawTables(name));

function memoryKeeper(): KeyKeeper & { kept?: { keyId: string; master: Uint8Array } } {
  const keeper: KeyKeeper & { kept?: { keyId: string; master: Uint8Array } } = {
    keep: async (keyId, master) => void (keeper.kept = { keyId, master: master.slice() }),
    recall: async () => keeper.kept && { keyId: keeper.kept.keyId, master: keeper.kept.master.slice() },
    forget: async () => void delete keeper.kept,
  };
  return keeper;
}

describe('passphrase lock', () => {
  it('is off by default: records are stored as written and found by e-mail and name prefix', async () => {
    const { name, repos, lock } = setup();
    await populate(repos);
    await lock.ready();
    expect(lock.status()).toEqual({ state: 'off', searchByWholeWords: false });
    expect(await storedText(name)).toContain('jan@example.nl');
    expect((await findSubjectByEmail(repos, 'JAN@example.nl '))?.names).toEqual(['Jan de Vries']);
    expect((await searchSubjects(repos, 'sab')).size).toBe(1);
  });

  it('turning it on converts 10 000 requests and their subjects, consents and events in place without loss', async () => {
    const { name, repos, lock } = setup();
    await populate(repos);
    await bulkSeed(repos.db, 10_000);
    const before = await fullDump(repos.db);
    const t = performance.now();
    const { records, status } = await lock.enable(PASS);
    const ms = performance.now() - t;
    console.info(`encrypting ${records} records in place took ${Math.round(ms)} ms (Node, fake-indexeddb, ${FAST} PBKDF2 iterations)`);
    expect(records).toBeGreaterThan(16_000);
    expect(status).toMatchObject({ state: 'unlocked', iterations: FAST, searchByWholeWords: true });
    expect(await fullDump(repos.db)).toEqual(before);

    // On disk: no personal value in any table, e-mails and names only as keyed hashes.
    const stored = await rawTables(name);
    const text = JSON.stringify(stored);
    for (const value of [...PERSONAL_VALUES, 'person1234@example.org', 'Person Nummer 1234', 'Note about person 77', 'Yes please 10', 'Looked at person 20'])
      expect(text, value).not.toContain(value);
    const subject = stored.subjects!.find((s) => (s as { id: string }).id === 's1') as Record<string, unknown>;
    expect(subject.emails).toEqual([expect.stringMatching(/^[0-9a-f]{32}$/)]);
    expect(subject[SEALED_FIELD]).toMatch(/^[0-9a-f]{8}\./);
    // The settings row holds salt, iterations and the key-check value, never a key.
    const settings = stored.settings!.find((s) => (s as { key: string }).key === 'encryption') as { value: Record<string, unknown> };
    expect(Object.keys(settings.value).sort()).toEqual(['cipher', 'enabledAt', 'iterations', 'kdf', 'keyCheck', 'keyId', 'salt', 'version']);
    // The audit chain was not touched and holds no personal data.
    expect(await verifyAudit(repos.db)).toMatchObject({ ok: true });
    for (const value of PERSONAL_VALUES) expect(JSON.stringify(stored.audit), value).not.toContain(value);
  }, 300_000);

  it('finds subjects by exact e-mail and whole name words through keyed hashes, and keeps flagging working', async () => {
    const { repos, lock } = setup();
    await populate(repos);
    await lock.enable(PASS);
    expect((await findSubjectByEmail(repos, ' Sabine.Mueller@EXAMPLE.de'))?.names).toEqual(['Sabine Müller']);
    expect(await findSubjectByEmail(repos, 'sabine')).toBeUndefined();
    const jan = (await findSubjectByEmail(repos, 'jan@example.nl'))!;
    expect(await searchSubjects(repos, 'jan@example.nl')).toEqual(new Set([jan.id]));
    expect(await searchSubjects(repos, 'de Vries')).toEqual(new Set([jan.id]));
    expect(await searchSubjects(repos, 'vries jan')).toEqual(new Set([jan.id]));
    expect((await searchSubjects(repos, 'müller')).size).toBe(1);
    expect((await searchSubjects(repos, 'vri')).size).toBe(0); // whole words only while the lock is on
    expect((await queryQueue(repos, { search: 'Jan' })).items.map((r) => r.subjectId)).toEqual([jan.id]);

    // A new ticket from a known person links to the same subject; a new person is sealed from the start.
    const again = await flagTicket(repos, 'agent', { ticket: { ...sampleTicket, ticketId: '9001' }, type: 'erasure' }, plainDeadline);
    expect(again.subject.id).toBe(jan.id);
    const fresh = await flagTicket(repos, 'agent', { ticket: { ...sampleTicket, ticketId: '9002', requesterEmail: 'new.person@example.org', requesterName: 'Nieuwe Persoon' }, type: 'access' }, plainDeadline);
    expect((await findSubjectByEmail(repos, 'new.person@example.org'))?.id).toBe(fresh.subject.id);
  });

  it('locked: personal fields, lookups and writes refuse with LockedError; plain fields, counts and the audit still work', async () => {
    const { repos, lock } = setup();
    await populate(repos);
    await lock.enable(PASS);
    expect((await lock.lock()).state).toBe('locked');
    await expect(findSubjectByEmail(repos, 'jan@example.nl')).rejects.toBeInstanceOf(LockedError);
    const request = (await repos.db.requests.toArray())[0]!;
    expect(request.status).toBeDefined(); // plain fields stay readable (badge, reminders)
    expect(() => request.notes).toThrow(LockedError);
    await expect(flagTicket(repos, 'agent', { ticket: { ...sampleTicket, ticketId: '77', requesterEmail: undefined }, type: 'access' }, plainDeadline)).rejects.toBeInstanceOf(LockedError);
    expect(await countDueBefore(repos, '2030-01-01T00:00:00.000Z')).toBe(2);
    expect(await verifyAudit(repos.db)).toMatchObject({ ok: true });

    await expect(lock.unlock('wrong passphrase!')).rejects.toThrow(new PassphraseError('Wrong passphrase'));
    expect(lock.status().state).toBe('locked');
    expect((await lock.unlock(PASS)).state).toBe('unlocked');
    expect((await findSubjectByEmail(repos, 'jan@example.nl'))?.names).toEqual(['Jan de Vries']);
  });

  it('changing the passphrase re-encrypts everything in one transaction; the old one stops working', async () => {
    const { name, repos, lock } = setup();
    await populate(repos);
    await lock.enable(PASS);
    const keyBefore = ((await rawTables(name)).settings!.find((s) => (s as { key: string }).key === 'encryption') as { value: { keyId: string } }).value.keyId;
    const before = await fullDump(repos.db);
    await expect(lock.change('not the passphrase', 'a brand new passphrase')).rejects.toBeInstanceOf(PassphraseError);
    const { records } = await lock.change(PASS, 'a brand new passphrase');
    expect(records).toBeGreaterThan(5);
    expect(await fullDump(repos.db)).toEqual(before);
    const stored = await rawTables(name);
    const keyAfter = (stored.settings!.find((s) => (s as { key: string }).key === 'encryption') as { value: { keyId: string } }).value.keyId;
    expect(keyAfter).not.toBe(keyBefore);
    // Every sealed record carries the new key id: nothing was left under the old key.
    for (const table of ['subjects', 'requests', 'consents', 'events', 'documents'])
      for (const row of stored[table]!) expect((row as Record<string, string>)[SEALED_FIELD]!.split('.')[0], table).toBe(keyAfter);
    await lock.lock();
    await expect(lock.unlock(PASS)).rejects.toBeInstanceOf(PassphraseError);
    await lock.unlock('a brand new passphrase');
    expect(await fullDump(repos.db)).toEqual(before);
  });

  it('a rewrite that fails half-way (disk full) leaves the database and the key as they were', async () => {
    let writes = 0;
    let failAfter = Infinity;
    const { repos, lock } = setup({ failWhen: (table) => table === 'requests' && ++writes > failAfter });
    await populate(repos);
    await bulkSeed(repos.db, 200);
    const plain = await fullDump(repos.db);
    failAfter = writes; // the next write to requests fails: subjects were already rewritten in the transaction
    await expect(lock.enable(PASS)).rejects.toBeInstanceOf(StorageFullError);
    expect(lock.status().state).toBe('off');
    expect(await fullDump(repos.db)).toEqual(plain);

    failAfter = Infinity;
    await lock.enable(PASS);
    failAfter = writes;
    await expect(lock.change(PASS, 'another long passphrase')).rejects.toBeInstanceOf(StorageFullError);
    expect(await fullDump(repos.db)).toEqual(plain);
    await lock.lock();
    await lock.unlock(PASS); // still the old passphrase
    expect(await fullDump(repos.db)).toEqual(plain);
  });

  it('turning it off decrypts in place and needs the passphrase, even while locked', async () => {
    const { name, repos, lock } = setup();
    await populate(repos);
    const plain = await fullDump(repos.db);
    await lock.enable(PASS);
    await lock.lock();
    await expect(lock.disable('wrong passphrase!')).rejects.toBeInstanceOf(PassphraseError);
    expect(lock.status().state).toBe('locked');
    await lock.disable(PASS);
    expect(lock.status().state).toBe('off');
    expect(await fullDump(repos.db)).toEqual(plain);
    expect(await storedText(name)).toContain('jan@example.nl');
    expect(await storedText(name)).not.toContain(SEALED_FIELD);
    expect((await searchSubjects(repos, 'jan d')).size).toBe(1); // prefixes again
  });

  it('detects a ciphertext altered on disk or moved to another record', async () => {
    const { name, repos, lock } = setup();
    await populate(repos);
    await lock.enable(PASS);
    const requests = await repos.db.requests.toArray();
    repos.db.close();
    const { Dexie } = await import('dexie');
    const raw = new Dexie(name);
    await raw.open();
    const [first, second] = (await raw.table('requests').toArray()) as Array<Record<string, string>>;
    await raw.table('requests').put({ ...second!, [SEALED_FIELD]: first![SEALED_FIELD] }); // swapped in from another record
    const flipped = first![SEALED_FIELD]!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    await raw.table('requests').put({ ...first!, [SEALED_FIELD]: flipped });
    raw.close();
    await repos.db.open();
    await lock.unlock(PASS);
    const moved = await repos.requests.require(second!.id!);
    expect(() => moved.notes).toThrow(IntegrityError);
    const altered = await repos.requests.require(first!.id!);
    expect(() => altered.transitions).toThrow(IntegrityError);
    expect(requests.length).toBe(3);
  });

  it('stays unlocked across a restart of the background with the session key keeper, and not after lock', async () => {
    const keeper = memoryKeeper();
    const first = setup({ keeper });
    await populate(first.repos);
    await first.lock.enable(PASS);
    first.repos.db.close();

    const second = setup({ name: first.name, keeper });
    await second.lock.ready();
    expect(second.lock.status().state).toBe('unlocked');
    expect((await findSubjectByEmail(second.repos, 'jan@example.nl'))?.names).toEqual(['Jan de Vries']);
    await second.lock.lock();
    expect(keeper.kept).toBeUndefined();
    second.repos.db.close();

    const third = setup({ name: first.name, keeper });
    await third.lock.ready();
    expect(third.lock.status().state).toBe('locked');
  });

  it('a schema upgrade runs while locked: it sees the stored form and keeps the sealed fields intact', async () => {
    const first = setup();
    await populate(first.repos);
    const before = await fullDump(first.repos.db);
    await first.lock.enable(PASS);
    first.repos.db.close();
    // The next release's schema: version 6 reshapes a plain field of a sealed table in its upgrade().
    const { Dexie } = await import('dexie');
    const { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5 } = await import('../../lib/db/schema');
    const { moveDocumentFilesOutOfSettings } = await import('../../lib/db/upgrades/document-files');
    const { attachVault } = await import('../../lib/db/crypto/middleware');
    const next = new Dexie(first.name) as unknown as typeof first.repos.db;
    next.version(1).stores(SCHEMA_V1);
    next.version(2).stores(SCHEMA_V2);
    next.version(3).stores(SCHEMA_V3);
    next.version(4).stores(SCHEMA_V4).upgrade(moveDocumentFilesOutOfSettings);
    next.version(5).stores(SCHEMA_V5);
    next.version(6).stores({}).upgrade(async (tx) => {      await tx.table('requests').toCollection().modify((r: Record<string, unknown>) => {
        expect(r[SEALED_FIELD]).toMatch(/^[0-9a-f]{8}\./); // the stored form, not the opened one
        r.ticketKey = `v4:${String(r.ticketKey)}`;
      });
    });
    attachVault(next);
    const repos = createRepositories(next);
    const lock = new PassphraseLock(repos, undefined, FAST);
    await lock.ready();
    expect(lock.status().state).toBe('locked');
    await lock.unlock(PASS);
    const after = (await fullDump(repos.db)) as { tables: { requests: Array<{ ticketKey: string }> } };
    const expected = structuredClone(before) as typeof after;
    for (const r of expected.tables.requests) r.ticketKey = `v4:${r.ticketKey}`;
    expect(after).toEqual(expected);
  });

  it(`derives the key with ${DEFAULT_ITERATIONS.toLocaleString('en')} PBKDF2 iterations by default`, async () => {
    const db = openDatabase(`crypto-${crypto.randomUUID()}`);
    const repos = createRepositories(db);
    const lock = new PassphraseLock(repos);
    await populate(repos);
    const t = performance.now();
    await lock.enable(PASS);
    await lock.lock();
    const u = performance.now();
    await lock.unlock(PASS);
    console.info(`unlock with ${DEFAULT_ITERATIONS} iterations: ${Math.round(performance.now() - u)} ms; enable: ${Math.round(u - t)} ms`);
    expect(lock.status()).toMatchObject({ state: 'unlocked', iterations: DEFAULT_ITERATIONS });
  }, 60_000);
});
