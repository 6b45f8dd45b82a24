// Before a replace, the options page shows this browser's audit chain head beside the file's: a file whose
// log was shortened (and re-signed) shows fewer entries and the entries that would be lost; a file whose
// log was edited does not verify; a file of another history is told apart. Nothing is written.
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../lib/db/repositories';
import { openDatabase } from '../../lib/db/schema';
import { createBackup } from '../../lib/backup/service';
import { inspectBackup } from '../../lib/backup/inspect';
import { canonicalJson } from '../../lib/audit/canonical-json';
import { sha256Hex } from '../../lib/audit/sha256';
import { fullDump, populate } from './helpers';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function fresh() {
  const db = openDatabase(`inspect-${crypto.randomUUID()}`);
  return createRepositories(db, { now: () => new Date('2026-03-02T09:00:00.000Z') });
}

async function resign(file: Json): Promise<string> {
  const { sha256: _old, ...unsigned } = file;
  return JSON.stringify({ ...unsigned, sha256: await sha256Hex(canonicalJson(unsigned)) });
}

describe('inspecting a backup before a replace', () => {
  it('shows the same head for a backup of this very log, and changes nothing', async () => {
    const repos = fresh();
    await populate(repos);
    const { text } = await createBackup(repos);
    const before = await fullDump(repos.db);
    const seen = await inspectBackup(repos, text);
    expect(seen.file).toEqual({ ok: true, entries: seen.local.entries, head: seen.local.head });
    expect(seen.local.entries).toBeGreaterThan(3);
    expect(seen).toMatchObject({ lost: 0, diverges: false });
    expect(await fullDump(repos.db)).toEqual(before);
  });

  it('a file whose log was cut short (and re-signed) verifies but has fewer entries: the loss is counted', async () => {
    const repos = fresh();
    await populate(repos);
    const file = JSON.parse((await createBackup(repos)).text) as Json;
    file.content.audit = file.content.audit.slice(0, -3);
    const seen = await inspectBackup(repos, await resign(file));
    expect(seen.file.ok).toBe(true);
    expect(seen.file.entries).toBe(seen.local.entries - 3);
    expect(seen.lost).toBe(3);
    expect(seen.diverges).toBe(false);
  });

  it('a file whose log was edited does not verify, and says where', async () => {
    const repos = fresh();
    await populate(repos);
    const file = JSON.parse((await createBackup(repos)).text) as Json;
    file.content.audit[1].detail = 'nothing happened here';
    const seen = await inspectBackup(repos, await resign(file));
    expect(seen.file).toMatchObject({ ok: false, entries: seen.local.entries });
    expect(seen.file.ok === false && seen.file.reason).toMatch(/entry 2 was changed/);
  });

  it('a file from another browser is another history, even when it is longer', async () => {
    const other = fresh();
    await populate(other);
    for (const n of [1, 2, 3]) await other.store.log('Tester', 'export', 'backup', `x${n}`, 'another entry');
    const { text } = await createBackup(other);
    const repos = fresh();
    await populate(repos);
    await repos.store.log('Tester', 'export', 'backup', 'x', 'one more entry here');
    const seen = await inspectBackup(repos, text);
    expect(seen.file.ok).toBe(true);
    expect(seen.file.entries).toBeGreaterThan(seen.local.entries);
    expect(seen).toMatchObject({ lost: 0, diverges: true });
  });
});
