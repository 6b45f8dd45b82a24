// Attack: someone with the browser profile on disk reads generated PDFs (response letters name their
// recipient) and confirms a guessed name and e-mail against a document's unkeyed input hash. Before,
// with the lock on, PDFs sat in clear as base64 settings rows and the hashes in clear on the record.
// Also: the upgrade from schema version 1 moves kept PDFs into their own table, on the frozen v1
// fixtures, plain and sealed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { recordDocument, readDocumentPdf } from '../../lib/db/documents';
import { sha256Hex } from '../../lib/documents/hash';
import { toBase64 } from '../../lib/db/crypto/bytes';
import { SEALED_FIELD } from '../../lib/db/crypto/vault';
import { SEAL_PENDING_SETTING } from '../../lib/db/upgrades/document-files';
import { PassphraseLock } from '../../lib/db/crypto/lock';
import { createRepositories } from '../../lib/db/repositories';
import { openDatabase } from '../../lib/db/schema';
import { FAST, PASS, onDisk, setup } from './helpers';

const V1 = join(import.meta.dirname, '../fixtures/db-v1');
const read = (f: string) => JSON.parse(readFileSync(join(V1, f), 'utf8'));
const PDF = new TextEncoder().encode('%PDF-1.7\nAuskunft an Sabine Müller <sabine.mueller@example.de>\n%%EOF');
const PDF_BASE64 = toBase64(PDF);
const INPUT_SHA = 'c'.repeat(64);

async function rendered() {
  return { kind: 'dsar-response' as const, language: 'de' as const, title: 'Auskunft an Sabine Müller', templateId: 'builtin:dsar-response/de', templateVersion: '1', inputSha256: INPUT_SHA, outputSha256: await sha256Hex(PDF), pages: 1 };
}

/** A version 1 database from the frozen fixture, with a kept PDF as version 1 stored it (a settings row). */
async function v1Database(rows: Record<string, Array<Record<string, unknown>>>): Promise<{ name: string; documentId: string }> {
  const { stores } = read('stores.json') as { stores: Record<string, string> };
  const name = `v1-files-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  old.version(1).stores(stores);
  await old.open();
  const documentId = rows.documents![0]!.id as string;
  await old.transaction('rw', old.tables, async () => {
    for (const [table, list] of Object.entries(rows)) await old.table(table).bulkAdd(list);
    await old.table('settings').put({ key: `documents.file.${documentId}`, value: PDF_BASE64 });
  });
  old.close();
  return { name, documentId };
}

describe('generated documents at rest', () => {
  it('with the lock on, a generated PDF and the document hashes are sealed on disk', async () => {
    const { name, repos, lock } = setup();
    await lock.enable(PASS);
    const document = await recordDocument(repos, 'Dana DPO', await rendered(), PDF);
    repos.db.close();
    const disk = JSON.stringify(await onDisk(name, async (raw) => Object.fromEntries(await Promise.all(raw.tables.map(async (t) => [t.name, await t.toArray()])))));
    expect(disk).not.toContain(PDF_BASE64.slice(0, 24));
    expect(disk).not.toContain(INPUT_SHA);
    expect(disk).not.toContain(document.outputSha256);
    expect(disk).not.toContain('Sabine');

    const again = setup({ name });
    await new PassphraseLock(again.repos, undefined, FAST).unlock(PASS);
    const kept = await readDocumentPdf(again.repos, 'Dana DPO', document.id);
    expect(kept.verified).toBe(true);
    expect((await again.repos.documents.require(document.id)).inputSha256).toBe(INPUT_SHA);
  });

  it('the upgrade from version 1 moves a kept PDF into its own table (plain fixture)', async () => {
    const plain = read('plain.json') as { tables: Record<string, Array<Record<string, unknown>>>; settings: Array<Record<string, unknown>>; audit: Array<Record<string, unknown>> };
    const { name, documentId } = await v1Database({ ...plain.tables, settings: plain.settings, audit: plain.audit });
    const repos = createRepositories(openDatabase(name));
    await repos.db.open();
    expect(await repos.db.settings.where('key').startsWith('documents.file.').count()).toBe(0);
    expect(await repos.documentFiles.require(documentId)).toMatchObject({ id: documentId, pdf: PDF_BASE64, createdAt: plain.tables.documents![0]!.createdAt });
    expect((await readDocumentPdf(repos, 'Dana DPO', documentId)).bytes).toEqual(PDF);
  });

  it('the upgrade from version 1 with the lock on seals the moved PDF and the hashes at the first unlock (sealed fixture)', async () => {
    const sealed = read('sealed.json') as Record<string, Array<Record<string, unknown>>>;
    const { name, documentId } = await v1Database(sealed);
    const repos = createRepositories(openDatabase(name));
    const lock = new PassphraseLock(repos);
    await lock.ready();
    expect(lock.status().state).toBe('locked');
    expect(await repos.db.settings.get(SEAL_PENDING_SETTING)).toBeDefined();
    await lock.unlock('fixture passphrase v1');
    expect((await readDocumentPdf(repos, 'Dana DPO', documentId)).bytes).toEqual(PDF);
    expect((await repos.documents.require(documentId)).inputSha256).toBe('a'.repeat(64));
    repos.db.close();
    const disk = await onDisk(name, async (raw) => ({ files: await raw.table('documentFiles').toArray(), documents: await raw.table('documents').toArray(), pending: await raw.table('settings').get(SEAL_PENDING_SETTING) }));
    expect(disk.files[0]).not.toHaveProperty('pdf');
    expect(disk.files[0]![SEALED_FIELD]).toMatch(/^[0-9a-f]{8}\./);
    expect(disk.documents[0]).not.toHaveProperty('inputSha256');
    expect(disk.pending).toBeUndefined();
  });
});
