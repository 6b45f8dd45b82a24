import { describe, expect, it, vi } from 'vitest';
import { addVocabularyEntry, deleteActivity, exportRegister, getCustomVocabulary, importRegister, listActivities, saveActivity } from '../../lib/db/register';
import { RECORD_TABLES } from '../../lib/db/schema';
import { verifyAudit } from '../../lib/audit/verify';
import { ValidationError } from '../../lib/model/errors';
import { CSV_HEADER } from '../../lib/register/csv';
import { fullController, processor } from '../register/fixtures';
import { freshRepos } from './helpers';
import type { Repositories } from '../../lib/db/repositories';

/** Every table, audit and settings included: what "nothing changed" is checked against. */
async function dump(repos: Repositories) {
  const tables = [...RECORD_TABLES, 'audit', 'settings'] as const;
  return Object.fromEntries(await Promise.all(tables.map(async (name) => [name, await repos.db.table(name).toArray()])));
}

describe('activities', () => {
  it('creates and replaces an activity, lists shrinking too, each write audited', async () => {
    const { repos } = freshRepos();
    const { id: _id, ...fields } = fullController;
    const created = await saveActivity(repos, 'dpo', fields);
    expect(created).toMatchObject({ name: fullController.name, legalBasis: 'legitimate-interests', dpiaRequired: true });
    const updated = await saveActivity(repos, 'dpo', { name: 'Support', role: 'controller', purposes: ['customer-service'] }, created.id);
    expect(updated).toMatchObject({ id: created.id, createdAt: created.createdAt, purposes: ['customer-service'], transfers: [], dpiaRequired: false });
    expect(updated.controller).toBeUndefined();
    expect(updated.legalBasis).toBeUndefined();
    const audit = await repos.db.audit.toArray();
    expect(audit.map((e) => `${e.action} ${e.table}`)).toEqual(['create activities', 'update activities']);
    expect(audit[1]!.detail).toContain('legalBasis');
    await expect(saveActivity(repos, 'dpo', { name: 'x', role: 'boss' })).rejects.toThrow(/role/);
    await deleteActivity(repos, 'dpo', created.id);
    expect(await listActivities(repos)).toEqual([]);
  });

  it('keeps custom vocabulary entries in settings, without duplicates, with an audit entry', async () => {
    const { repos } = freshRepos();
    const entry = await addVocabularyEntry(repos, 'dpo', { kind: 'purposes', label: 'Treueprogramm' });
    expect(entry).toEqual({ kind: 'purposes', key: 'x-treueprogramm', label: 'Treueprogramm' });
    expect(await addVocabularyEntry(repos, 'dpo', { kind: 'purposes', label: 'treueprogramm ' })).toEqual(entry);
    expect(await getCustomVocabulary(repos)).toEqual([entry]);
    const audit = await repos.db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'update', table: 'settings', recordId: 'register.vocabulary' });
  });
});

describe('register export', () => {
  it('exports CSV with BOM and JSON, each logged as an export in the audit trail', async () => {
    const { repos } = freshRepos();
    await saveActivity(repos, 'dpo', fullController);
    const csv = await exportRegister(repos, 'dpo', 'csv', 'nl');
    expect(csv).toMatchObject({ filename: 'register-of-processing-activities-2026-03-02.csv', mime: 'text/csv;charset=utf-8', count: 1 });
    expect(csv.content.startsWith(`\uFEFF${CSV_HEADER.map((h) => `"${h}"`).join(',')}\r\n`)).toBe(true);
    expect(csv.content).toContain('Klantenservice en ondersteuning');
    const json = await exportRegister(repos, 'dpo', 'json', 'en');
    expect(JSON.parse(json.content)).toMatchObject({ format: 'privacy-desk/register', version: 1 });
    const exports = (await repos.db.audit.toArray()).filter((e) => e.action === 'export');
    expect(exports.map((e) => e.detail)).toEqual(['register as CSV, 1 activities', 'register as JSON, 1 activities']);
    expect(await verifyAudit(repos.db)).toMatchObject({ ok: true });
  });
});

describe('register import', () => {
  it('round-trips CSV into another installation in one commit, every activity audited as import', async () => {
    const source = freshRepos().repos;
    await saveActivity(source, 'dpo', fullController);
    await saveActivity(source, 'dpo', processor);
    const { content } = await exportRegister(source, 'dpo', 'csv', 'de');

    const { repos } = freshRepos();
    const commit = vi.spyOn(repos.store, 'commit');
    expect(await importRegister(repos, 'dpo', 'csv', content)).toEqual({ created: 2, updated: 0 });
    expect(commit).toHaveBeenCalledTimes(1);
    const strip = (list: Awaited<ReturnType<typeof listActivities>>) => list.map(({ createdAt: _c, updatedAt: _u, ...rest }) => rest);
    expect(strip(await listActivities(repos))).toEqual(strip(await listActivities(source)));
    const audit = await repos.db.audit.toArray();
    expect(audit.map((e) => e.action)).toEqual(['import', 'import']);
    expect(audit[0]!.detail).toMatch(/^CSV import, new activity/);
  });

  it('replaces the activity with the same id (restoring a deleted one) and creates the rest', async () => {
    const { repos } = freshRepos();
    await saveActivity(repos, 'dpo', processor);
    const [stored] = await listActivities(repos);
    await deleteActivity(repos, 'dpo', stored!.id);
    const file = JSON.stringify({
      format: 'privacy-desk/register',
      version: 1,
      exportedAt: '2026-03-01T00:00:00.000Z',
      activities: [{ ...processor, id: stored!.id, name: 'Hosting (renamed)' }, { name: 'New one', role: 'controller' }],
    });
    expect(await importRegister(repos, 'dpo', 'json', file)).toEqual({ created: 1, updated: 1 });
    const after = await repos.activities.require(stored!.id);
    expect(after).toMatchObject({ name: 'Hosting (renamed)', createdAt: stored!.createdAt });
    expect(after.deletedAt).toBeUndefined();
  });

  it('changes nothing at all when one row is bad, and says which line and field', async () => {
    const { repos } = freshRepos();
    await saveActivity(repos, 'dpo', fullController);
    await addVocabularyEntry(repos, 'dpo', { kind: 'purposes', label: 'Treueprogramm' });
    const { content } = await exportRegister(repos, 'dpo', 'csv', 'en');
    const good = content.trimEnd().split('\r\n').slice(1).join('\r\n'); // the row (spanning several lines)
    const renamed = good.replace('act-support', 'act-other');
    const bad = `new-id,Broken,controller,,,,,,,,,perhaps,,,,,,,,,,,,,no`;
    const file = `${content.trimEnd()}\r\n${renamed}\r\n${bad}\r\n`;
    const badLine = file.slice(0, file.indexOf('new-id,Broken')).split('\n').length;

    const before = await dump(repos);
    const error = await importRegister(repos, 'dpo', 'csv', file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain(`line ${badLine}, legalBasis: "perhaps" is not a legal basis`);
    expect((error as Error).message).toContain('Nothing was imported');
    expect(await dump(repos)).toEqual(before);
  });

  it('refuses an empty file and a foreign JSON file, writing nothing', async () => {
    const { repos } = freshRepos();
    await expect(importRegister(repos, 'dpo', 'csv', `${CSV_HEADER.join(',')}\r\n`)).rejects.toThrow('no activities');
    await expect(importRegister(repos, 'dpo', 'json', '{"hello":1}')).rejects.toThrow('not a Privacy Desk register file');
    expect(await repos.db.audit.count()).toBe(0);
  });
});
