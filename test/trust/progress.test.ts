// Long operations report records done of total, and are never half-done when stopped: the work is
// interrupted mid-way here (as a closing browser would abort the transaction) and the database is as
// it was. The rebuild's own interruptions are in rebuild.test.ts.
import { describe, expect, it } from 'vitest';
import { PassphraseLock, type LockProgress } from '../../lib/db/crypto/lock';
import { createBackup, restoreFromFile } from '../../lib/backup/service';
import { bulkSeed, fullDump, populate } from '../backup/helpers';
import { FAST, PASS, onDisk, setup } from './helpers';

class BrowserClosed extends Error {}

describe('long operations', () => {
  it('turning the lock on reports progress and, stopped half-way, leaves every record as it was', async () => {
    const { name, repos } = setup();
    await populate(repos);
    await bulkSeed(repos.db, 3_000);
    const before = await fullDump(repos.db);
    const seen: LockProgress[] = [];
    const stopping = new PassphraseLock(repos, undefined, FAST, undefined, {
      onProgress: (p) => {
        seen.push(p);
        if (p.phase === 'rewrite' && p.done >= 2_000) throw new BrowserClosed();
      },
    });
    await expect(stopping.enable(PASS)).rejects.toBeInstanceOf(BrowserClosed);
    expect(seen[0]).toMatchObject({ phase: 'rewrite', done: 1_000 });
    expect(seen[0]!.total).toBeGreaterThan(4_000);
    expect(stopping.status().state).toBe('off');
    expect(await fullDump(repos.db)).toEqual(before);
    const stored = await onDisk(name, async (raw) => raw.table('subjects').toArray());
    expect(stored.some((s) => '_sealed' in s)).toBe(false);

    const progress: LockProgress[] = [];
    const lock = new PassphraseLock(repos, undefined, FAST, undefined, { onProgress: (p) => progress.push(p) });
    const { records } = await lock.enable(PASS);
    expect(progress.filter((p) => p.phase === 'rewrite').at(-1)).toEqual({ phase: 'rewrite', done: records, total: records });
    expect(progress.some((p) => p.phase === 'copy')).toBe(true);
    expect(progress.at(-1)?.phase).toBe('restore');
  });

  it('a restore reports records written of total and, stopped half-way, changes nothing', async () => {
    const source = setup();
    await populate(source.repos);
    await bulkSeed(source.repos.db, 500);
    const { text } = await createBackup(source.repos);
    const target = setup();
    await populate(target.repos);
    const before = await fullDump(target.repos.db);
    await expect(
      restoreFromFile(target.repos, 'Dana DPO', text, {
        mode: 'replace',
        onProgress: (done) => {
          if (done > 0) throw new BrowserClosed();
        },
      }),
    ).rejects.toBeInstanceOf(BrowserClosed);
    expect(await fullDump(target.repos.db)).toEqual(before);
    const seen: Array<[number, number]> = [];
    const result = await restoreFromFile(target.repos, 'Dana DPO', text, { mode: 'replace', onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.at(-1)).toEqual([result.records, result.records]);
  });
});
