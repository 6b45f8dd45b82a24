// Backup and restore: a file with every table and the audit chain, checked completely before anything is
// written; every kind of bad file fails with a message saying what is wrong, and the database is unchanged.
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../lib/db/repositories';
import { openDatabase } from '../../lib/db/schema';
import { PassphraseLock } from '../../lib/db/crypto/lock';
import { LockedError } from '../../lib/db/crypto/errors';
import { createBackup, restoreFromFile } from '../../lib/backup/service';
import { BackupError } from '../../lib/backup/format';
import { canonicalJson } from '../../lib/audit/canonical-json';
import { sha256Hex } from '../../lib/audit/sha256';
import { verifyAudit } from '../../lib/audit/verify';
import { StorageFullError } from '../../lib/db/errors';
import { findSubjectByEmail } from '../../lib/db/requests';
import { bulkSeed, fullDump, PERSONAL_VALUES, populate, quotaFailure, rawTables } from './helpers';

const FAST = 2_000;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function fresh(options: { failWrites?: () => boolean } = {}) {
  const name = `backup-${crypto.randomUUID()}`;
  const db = openDatabase(name);
  if (options.failWrites) quotaFailure(db, options.failWrites);
  let now = new Date('2026-03-02T09:00:00.000Z');
  const repos = createRepositories(db, { now: () => now });
  return { name, repos, later: (iso: string) => void (now = new Date(iso)) };
}

async function source() {
  const s = fresh();
  await populate(s.repos);
  await bulkSeed(s.repos.db, 100);
  return s;
}

/** Re-signs an edited plain backup, as an attacker or a buggy tool would: only the content checks can catch it. */
async function resign(file: Json): Promise<string> {
  const { sha256: _old, ...unsigned } = file;
  return JSON.stringify({ ...unsigned, sha256: await sha256Hex(canonicalJson(unsigned)) });
}

describe('backup and restore', () => {
  it('restores every table, the settings and the audit chain exactly (replace), and records the restore', async () => {
    const { repos } = await source();
    const before = (await fullDump(repos.db)) as Json;
    const { text, meta } = await createBackup(repos);
    expect(meta).toMatchObject({ encrypted: false, schemaVersion: 4, counts: { requests: 103, subjects: 53, audit: before.audit.length } });
    expect(JSON.parse(text)).toMatchObject({ format: 'privacy-desk/backup', version: 1, sha256: meta.sha256 });
    // A backup leaves this browser's own settings out: the erasure pseudonym key, the actor name.
    expect(text).not.toContain('installSecret');
    expect(text).not.toContain('actorName');

    const target = fresh();
    target.later('2026-03-05T10:00:00.000Z');
    const result = await restoreFromFile(target.repos, 'Restorer', text, { mode: 'replace' });
    expect(result).toMatchObject({ mode: 'replace', records: 178, erasuresUndone: 0, auditEntries: before.audit.length + 1 });
    const after = (await fullDump(target.repos.db)) as Json;
    expect(after.tables).toEqual(before.tables);
    expect(after.settings).toEqual(before.settings.filter((s: Json) => !['installSecret', 'actorName'].includes(s.key)));
    expect(after.audit.slice(0, -1)).toEqual(before.audit);
    expect(after.audit.at(-1)).toMatchObject({ action: 'import', table: 'backup', recordId: meta.sha256, actor: 'Restorer', at: '2026-03-05T10:00:00.000Z' });
    expect(after.audit.at(-1).detail).toMatch(/^restored \(replace\) backup [0-9a-f]{12} of 2026-03-02T09:00:00.000Z: 178 records, \d+ audit entries; replaced a log of 0 entries ending in nothing$/);
    expect(await verifyAudit(target.repos.db)).toMatchObject({ ok: true, entries: before.audit.length + 1 });
  });

  it('an encrypted backup needs its own passphrase; it restores into a locked-on database sealed', async () => {
    const { repos } = await source();
    const before = (await fullDump(repos.db)) as Json;
    const { text, meta } = await createBackup(repos, { passphrase: 'backup passphrase 1', iterations: FAST });
    expect(meta.encrypted).toBe(true);
    for (const value of [...PERSONAL_VALUES, 'installSecret']) expect(text).not.toContain(value);
    expect(JSON.parse(text)).toMatchObject({ format: 'privacy-desk/backup', version: 1, encryption: { cipher: 'AES-256-GCM', kdf: 'PBKDF2-SHA-256', iterations: FAST } });

    const target = fresh();
    const lock = new PassphraseLock(target.repos, undefined, FAST);
    await lock.enable('the lock passphrase');
    await restoreFromFile(target.repos, 'Restorer', text, { mode: 'replace', passphrase: 'backup passphrase 1' });
    const after = (await fullDump(target.repos.db)) as Json;
    expect(after.tables).toEqual(before.tables);
    // This browser's own settings (none yet: a fresh database) stay; the backup's are not imported.
    expect(after.settings).toEqual(before.settings.filter((s: Json) => !['installSecret', 'actorName'].includes(s.key)));
    // The user chose the file's history: the keyed checkpoint now seals its head (lib/audit/seal.ts).
    const entries = await target.repos.db.audit.count();
    expect(await verifyAudit(target.repos.db)).toMatchObject({ ok: true, keyed: { state: 'checked', upTo: entries } });
    const stored = JSON.stringify(await rawTables(target.name));
    for (const value of PERSONAL_VALUES) expect(stored, value).not.toContain(value);
    expect((await findSubjectByEmail(target.repos, 'jan@example.nl'))?.names).toEqual(['Jan de Vries']);

    await lock.lock();
    await expect(restoreFromFile(target.repos, 'Restorer', text, { mode: 'replace', passphrase: 'backup passphrase 1' })).rejects.toBeInstanceOf(LockedError);
    await lock.unlock('the lock passphrase');
    expect(await fullDump(target.repos.db)).toEqual(after);
  });

  describe('refuses a bad file with a message saying what is wrong, and changes nothing', async () => {
    const { repos } = await source();
    const plain = (await createBackup(repos)).text;
    const encrypted = (await createBackup(repos, { passphrase: 'backup passphrase 1', iterations: FAST })).text;
    const file = JSON.parse(plain) as Json;
    const sealed = JSON.parse(encrypted) as Json;
    const subjectExport = JSON.stringify({ format: 'privacy-desk/subject-export', version: 1, subject: {} });

    const cases: Array<[string, () => Promise<string> | string, string | RegExp, string?]> = [
      ['truncated to half', () => plain.slice(0, plain.length / 2), 'The backup file is incomplete: it ends before the backup does (cut short or damaged while copying).'],
      ['missing its last character', () => plain.slice(0, -1), 'The backup file is incomplete: it ends before the backup does (cut short or damaged while copying).'],
      ['an encrypted file truncated', () => encrypted.slice(0, encrypted.length - 100), 'The backup file is incomplete: it ends before the backup does (cut short or damaged while copying).'],
      ['not JSON (a PDF)', () => '%PDF-1.7\n%âãÏÓ\n1 0 obj', 'This is not a Privacy Desk backup: the file is not JSON.'],
      ['an empty file', () => '', 'This is not a Privacy Desk backup: the file is not JSON.'],
      ['foreign JSON', () => JSON.stringify({ accounts: [1, 2, 3] }), 'This is not a Privacy Desk backup: it has no "privacy-desk/backup" format mark.'],
      ['a subject export, not a backup', () => subjectExport, 'This is not a Privacy Desk backup: it has no "privacy-desk/backup" format mark.'],
      ['a newer format version', async () => resign({ ...file, version: 2 }), 'This backup has format version 2, written by a newer Privacy Desk; this version reads format version 1. Update Privacy Desk first.'],
      ['an unknown format version', async () => resign({ ...file, version: '1' }), 'This backup has an unknown format version ("1"); this version reads format version 1.'],
      ['a newer database schema', async () => resign({ ...file, schemaVersion: 7 }), 'This backup holds database schema version 7; this Privacy Desk knows versions up to 4. Update Privacy Desk first.'],
      [
        'a record edited (checksum)',
        () => plain.replace('Called back on +31 6 1234 5678', 'Called back on +31 6 0000 0000'),
        'The backup’s checksum does not match its content: the file was altered or damaged.',
      ],
      ['an audit entry edited (checksum)', () => plain.replace('"actor":"Dana DPO"', '"actor":"Mallory"'), 'The backup’s checksum does not match its content: the file was altered or damaged.'],
      [
        'an invalid record, re-signed',
        async () => {
          const bad = structuredClone(file);
          bad.content.tables.requests[0].status = 'lost';
          bad.content.tables.subjects[1].emails = ['not an e-mail'];
          return resign(bad);
        },
        /^The backup holds invalid records: subjects record "[^"]+": emails\.0: must be an e-mail address\. requests record "[^"]+": status: Invalid option: expected one of .*$/,
      ],
      [
        'a duplicated id, re-signed',
        async () => {
          const bad = structuredClone(file);
          bad.content.tables.requests.push(bad.content.tables.requests[0]);
          return resign(bad);
        },
        /^The backup holds invalid records: requests holds the id "[^"]+" twice\.$/,
      ],
      [
        'an audit entry edited, re-signed',
        async () => {
          const bad = structuredClone(file);
          bad.content.audit[2].detail = 'nothing to see';
          return resign(bad);
        },
        'The backup’s audit trail does not verify: entry 3 was changed after it was written.',
      ],
      [
        'an audit entry removed, re-signed',
        async () => {
          const bad = structuredClone(file);
          bad.content.audit.splice(4, 1);
          return resign(bad);
        },
        'The backup’s audit trail does not verify: entry 6 found where entry 5 was expected (an entry was removed or moved).',
      ],
      [
        'a table missing, re-signed',
        async () => {
          const bad = structuredClone(file);
          delete bad.content.audit;
          return resign(bad);
        },
        'The backup is damaged: content.audit: Invalid input: expected array, received undefined.',
      ],
      ['encrypted, no passphrase given', () => encrypted, 'This backup is encrypted: enter its passphrase.'],
      ['encrypted, wrong passphrase', () => encrypted, 'Wrong passphrase for this backup.', 'not the passphrase'],
      [
        'encrypted, ciphertext altered',
        () => JSON.stringify({ ...sealed, ciphertext: (sealed.ciphertext as string).replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }),
        'The encrypted backup was altered or damaged: the passphrase is right but the content does not decrypt.',
        'backup passphrase 1',
      ],
      [
        'encrypted, envelope of a newer version',
        () => JSON.stringify({ ...sealed, version: 3 }),
        'This backup has format version 3, written by a newer Privacy Desk; this version reads format version 1. Update Privacy Desk first.',
        'backup passphrase 1',
      ],
    ];

    for (const [what, make, message, passphrase] of cases)
      it(what, async () => {
        const target = fresh();
        await populate(target.repos);
        const before = await fullDump(target.repos.db);
        const text = await make();
        for (const mode of ['replace', 'merge'] as const) {
          const attempt = restoreFromFile(target.repos, 'Restorer', text, { mode, ...(passphrase ? { passphrase } : {}) });
          await expect(attempt).rejects.toBeInstanceOf(BackupError);
          await expect(attempt).rejects.toThrow(message);
        }
        expect(await fullDump(target.repos.db)).toEqual(before);
      });
  });

  it('a restore that hits the storage quota fails with StorageFullError and leaves the database as it was', async () => {
    const { repos } = await source();
    const { text } = await createBackup(repos);
    let full = false;
    const target = fresh({ failWrites: () => full });
    await populate(target.repos);
    const before = await fullDump(target.repos.db);
    full = true;
    await expect(restoreFromFile(target.repos, 'Restorer', text, { mode: 'replace' })).rejects.toBeInstanceOf(StorageFullError);
    full = false;
    expect(await fullDump(target.repos.db)).toEqual(before);
  });

  it('replace says how many erasures it undoes', async () => {
    const { repos } = await source();
    const { text } = await createBackup(repos);
    const target = fresh();
    await restoreFromFile(target.repos, 'Restorer', text, { mode: 'replace' });
    // After the backup: one subject is erased here, and its consents purged.
    const { eraseSubject } = await import('../../lib/db/subject-data');
    const jan = (await findSubjectByEmail(target.repos, 'jan@example.nl'))!;
    await eraseSubject(target.repos, 'dpo', jan.id, 'secret');
    const result = await restoreFromFile(target.repos, 'Restorer', text, { mode: 'replace' });
    // The erased subject, its two consent records and the event logged when consent was captured.
    expect(result.erasuresUndone).toBe(4);
    const last = (await target.repos.db.audit.orderBy('seq').last())!;
    expect(last.detail).toContain('4 records erased or purged since the backup are back');
  });

  it('merge adds what is missing, takes newer versions, keeps newer local ones, never brings back what was purged here', async () => {
    const { repos } = await source();
    const { text, meta } = await createBackup(repos);
    const target = fresh();
    await restoreFromFile(target.repos, 'Restorer', text, { mode: 'replace' });
    target.later('2026-03-10T09:00:00.000Z');
    const r = target.repos;
    // Local changes after the backup: one record edited (newer here), one purged, one deleted for good outside the log.
    const jan = (await findSubjectByEmail(r, 'jan@example.nl'))!;
    await r.subjects.update('dpo', jan.id, { names: ['Jan de Vries', 'J. de Vries'] });
    const purged = (await r.db.events.toArray()).find((e) => e.description.startsWith('Sent'))!;
    await r.events.softDelete('dpo', purged.id);
    target.later('2026-06-10T09:00:00.000Z');
    expect(await r.events.purgeExpired('dpo')).toBe(1);
    await r.db.requests.delete('r5'); // gone without an audit entry: a merge may bring it back
    const headBefore = (await r.db.audit.orderBy('seq').last())!;

    const result = await restoreFromFile(r, 'Restorer', text, { mode: 'merge' });
    expect(result).toMatchObject({ mode: 'merge', added: 1, replaced: 0, records: 1 });
    expect(await r.db.requests.get('r5')).toBeDefined();
    expect(await r.db.events.get(purged.id)).toBeUndefined();
    expect((await r.subjects.require(jan.id)).names).toEqual(['Jan de Vries', 'J. de Vries']);
    const added = await r.db.audit.where('seq').above(headBefore.seq).toArray();
    expect(added).toEqual([expect.objectContaining({ action: 'import', table: 'requests', recordId: 'r5', detail: `added from backup ${meta.sha256.slice(0, 12)}` })]);
    expect(await verifyAudit(r.db)).toMatchObject({ ok: true });

    // A newer backup version replaces an older local one, with the changed field names in its entry.
    const newer = fresh();
    await restoreFromFile(newer.repos, 'Restorer', text, { mode: 'replace' });
    newer.later('2026-07-01T09:00:00.000Z');
    await newer.repos.requests.update('dpo', 'r7', { notes: 'updated later' });
    const second = await createBackup(newer.repos);
    const merged = await restoreFromFile(r, 'Restorer', second.text, { mode: 'merge' });
    expect(merged).toMatchObject({ added: 0, replaced: 1 });
    expect((await r.requests.require('r7')).notes).toBe('updated later');
    expect((await r.db.audit.orderBy('seq').last())!.detail).toBe(`replaced by the newer version in backup ${second.meta.sha256.slice(0, 12)}: fields: notes`);

    // Nothing newer: one entry records that the merge happened.
    const again = await restoreFromFile(r, 'Restorer', second.text, { mode: 'merge' });
    expect(again).toMatchObject({ records: 0, auditEntries: 1 });
  });
});
