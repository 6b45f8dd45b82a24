// The rebuild that leaves no earlier copy of a record in the browser's files (the Chromium check is in
// test/e2e/trust-v2.e2e.ts): nothing half-done when the browser closes at any step.
import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { rebuildDatabase, rebuildName } from '../../lib/db/rebuild';
import { findSubjectByEmail } from '../../lib/db/requests';
import { verifyAudit } from '../../lib/audit/verify';
import { fullDump, populate } from '../backup/helpers';
import { PASS, setup } from './helpers';

describe('database rebuild', () => {
  it('copies every row into a fresh database under the same name, sealed rows as stored', async () => {
    const { repos, lock } = setup();
    await populate(repos);
    await lock.enable(PASS);
    const before = await fullDump(repos.db);
    const progress: number[] = [];
    const total = await rebuildDatabase(repos.db, { onProgress: (p) => progress.push(p.done) });
    expect(total).toBeGreaterThan(30);
    expect(progress.at(-1)).toBe(total);
    expect(await fullDump(repos.db)).toEqual(before);
    expect(await Dexie.exists(rebuildName(repos.db.name))).toBe(false);
    expect((await findSubjectByEmail(repos, 'jan@example.nl'))?.names).toEqual(['Jan de Vries']);
    expect(await verifyAudit(repos.db)).toMatchObject({ ok: true });
  });

  for (const stopAfter of ['copy', 'delete'] as const)
    it(`the browser closing after the ${stopAfter} step: the next start finishes it, nothing lost`, async () => {
      const first = setup();
      await populate(first.repos);
      await first.lock.enable(PASS);
      const before = await fullDump(first.repos.db);
      await rebuildDatabase(first.repos.db, { stopAfter });
      first.repos.db.close();
      const second = setup({ name: first.name });
      await second.lock.ready();
      await second.lock.unlock(PASS);
      expect(await fullDump(second.repos.db)).toEqual(before);
      expect(await Dexie.exists(rebuildName(first.name))).toBe(false);
    });

  it('an incomplete copy (the browser closed while copying) is dropped and the original stays', async () => {
    const { name, repos } = setup();
    await populate(repos);
    const before = await fullDump(repos.db);
    repos.db.close();
    const partial = new Dexie(rebuildName(name));
    partial.version(1).stores({ settings: 'key', subjects: 'id' });
    await partial.open();
    await partial.table('subjects').add({ id: 'half' });
    partial.close();
    const again = setup({ name });
    await again.repos.db.open();
    expect(await fullDump(again.repos.db)).toEqual(before);
    expect(await Dexie.exists(rebuildName(name))).toBe(false);
  });
});
