// Attack: someone with the profile on disk deletes the lock's settings row. Before, the next start saw
// "lock off" and every later write went to disk in plain text.
import { describe, expect, it } from 'vitest';
import { flagTicket } from '../../lib/db/requests';
import { LockedError } from '../../lib/db/crypto/errors';
import { populate } from '../backup/helpers';
import { plainDeadline, sampleTicket } from '../db/helpers';
import { PASS, onDisk, setup } from './helpers';

describe('missing lock settings', () => {
  it('with sealed records on disk and the settings row deleted, the database counts as damaged and refuses plain writes', async () => {
    const first = setup();
    await populate(first.repos);
    await first.lock.enable(PASS);
    first.repos.db.close();
    await onDisk(first.name, (raw) => raw.table('settings').delete('encryption'));

    const second = setup({ name: first.name });
    await second.lock.ready();
    expect(second.lock.status().state).toBe('locked');
    const ticket = { ...sampleTicket, ticketId: '9', requesterEmail: 'new.person@example.org', requesterName: 'New Person' };
    await expect(flagTicket(second.repos, 'agent', { ticket, type: 'access' }, plainDeadline)).rejects.toBeInstanceOf(LockedError);
    await expect(second.lock.unlock(PASS)).rejects.toThrow(/damaged/);
    second.repos.db.close();
    const text = JSON.stringify(await onDisk(first.name, async (raw) => raw.table('subjects').toArray()));
    expect(text).not.toContain('new.person@example.org');
  });

  it('a database that never had the lock stays writable in plain text', async () => {
    const { repos, lock } = setup();
    await populate(repos);
    repos.db.close();
    await lock.ready();
    expect(lock.status().state).toBe('off');
  });
});
