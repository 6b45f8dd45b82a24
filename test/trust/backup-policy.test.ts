// Attack: with the lock on, someone at the unlocked browser downloads a plain backup and walks away with
// every personal field decrypted. The lock now demands an encrypted backup.
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../lib/backup/service';
import { ConflictError } from '../../lib/db/errors';
import { populate } from '../backup/helpers';
import { FAST, PASS, setup } from './helpers';

describe('backups while the lock is on', () => {
  it('refuses a plain backup and makes an encrypted one', async () => {
    const { repos, lock } = setup();
    await populate(repos);
    await lock.enable(PASS);
    await expect(createBackup(repos)).rejects.toBeInstanceOf(ConflictError);
    const { text, meta } = await createBackup(repos, { passphrase: 'another long passphrase', iterations: FAST });
    expect(meta.encrypted).toBe(true);
    expect(text).not.toContain('jan@example.nl');
  });

  it('still makes a plain backup while the lock is off', async () => {
    const { repos } = setup();
    await populate(repos);
    expect((await createBackup(repos)).meta.encrypted).toBe(false);
  });
});
