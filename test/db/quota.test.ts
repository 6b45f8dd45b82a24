// Storage safety: a write that hits the browser's quota fails with a clear message and leaves the
// database consistent — no record and no audit entry of the failed write remain.
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../lib/db/repositories';
import { openDatabase } from '../../lib/db/schema';
import { flagTicket } from '../../lib/db/requests';
import { StorageFullError } from '../../lib/db/errors';
import { verifyAudit } from '../../lib/audit/verify';
import { PassphraseLock } from '../../lib/db/crypto/lock';
import { fullDump, populate, quotaFailure } from '../backup/helpers';
import { plainDeadline, sampleTicket } from './helpers';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const newTicket = { ...sampleTicket, ticketId: '5555', requesterEmail: 'new.person@example.org', requesterName: 'New Person' };

describe('a write that hits the storage quota', () => {
  it('thrown by a Dexie hook while flagging (subject + request + audit): StorageFullError, nothing left behind', async () => {
    const repos = createRepositories(openDatabase(`quota-${crypto.randomUUID()}`));
    await populate(repos);
    const before = await fullDump(repos.db);
    const full = () => {
      throw quota();
    };
    repos.db.requests.hook('creating', full);
    const attempt = flagTicket(repos, 'agent', { ticket: newTicket, type: 'access' }, plainDeadline);
    await expect(attempt).rejects.toBeInstanceOf(StorageFullError);
    await expect(attempt).rejects.toThrow('The browser has no storage left for Privacy Desk: nothing was written. Free disk space or export and purge old records.');
    expect(await fullDump(repos.db)).toEqual(before);
    expect(await repos.db.subjects.where('emails').equals('new.person@example.org').count()).toBe(0);
    expect(await verifyAudit(repos.db)).toMatchObject({ ok: true });

    // Space again: the same write goes through.
    repos.db.requests.hook('creating').unsubscribe(full);
    await flagTicket(repos, 'agent', { ticket: newTicket, type: 'access' }, plainDeadline);
    expect(await repos.db.subjects.where('emails').equals('new.person@example.org').count()).toBe(1);
  });

  for (const table of ['subjects', 'requests', 'audit'])
    it(`raised by IndexedDB on the ${table} write, with the lock on: nothing left behind`, async () => {
      let full = false;
      const db = openDatabase(`quota-${crypto.randomUUID()}`);
      quotaFailure(db, (name) => full && name === table);
      const repos = createRepositories(db);
      await populate(repos);
      await new PassphraseLock(repos, undefined, 2_000).enable('a long passphrase');
      const before = await fullDump(repos.db);
      full = true;
      await expect(flagTicket(repos, 'agent', { ticket: newTicket, type: 'erasure' }, plainDeadline)).rejects.toBeInstanceOf(StorageFullError);
      full = false;
      expect(await fullDump(repos.db)).toEqual(before);
      expect(await verifyAudit(repos.db)).toMatchObject({ ok: true });
    });

  it('raised on an audit-only entry (Store.log, e.g. an export): StorageFullError like any write', async () => {
    let full = false;
    const db = openDatabase(`quota-${crypto.randomUUID()}`);
    quotaFailure(db, (name) => full && name === 'audit');
    const repos = createRepositories(db);
    await populate(repos);
    const before = await fullDump(repos.db);
    full = true;
    await expect(repos.store.log('dpo', 'export', 'backup', 'f'.repeat(64), 'backup of 12 records')).rejects.toBeInstanceOf(StorageFullError);
    full = false;
    expect(await fullDump(repos.db)).toEqual(before);
    await expect(repos.store.log('dpo', 'export', 'backup', 'f'.repeat(64), 'backup of 12 records')).resolves.toMatchObject({ action: 'export' });
  });
});
