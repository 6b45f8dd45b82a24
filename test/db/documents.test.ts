// Generated documents through the Store (audited), their kept PDFs checked by SHA-256 when read
// again, custom templates and published list versions in settings, and the subprocessor list.
import { describe, expect, it } from 'vitest';
import {
  deleteSubprocessor,
  deleteTemplate,
  getTemplate,
  listDocuments,
  listTemplates,
  loadDocumentSources,
  readDocumentPdf,
  recordDocument,
  saveSubprocessor,
  saveTemplate,
  type RenderedPdf,
} from '../../lib/db/documents';
import { sha256Hex } from '../../lib/documents/hash';
import { verifyAudit } from '../../lib/audit/verify';
import { NotFoundError } from '../../lib/db/errors';
import { toBase64 } from '../../lib/db/crypto/bytes';
import { freshRepos } from './helpers';
import type { Repositories } from '../../lib/db/repositories';

const pdf = new TextEncoder().encode('%PDF-1.7\n% a stand-in for a generated document\n%%EOF\n');

async function rendered(bytes: Uint8Array, overrides: Partial<RenderedPdf> = {}): Promise<RenderedPdf> {
  return {
    kind: 'dpa',
    language: 'de',
    title: 'Auftragsverarbeitungsvertrag – Müller & Söhne GmbH',
    templateId: 'builtin:dpa/de',
    templateVersion: '1.0.0',
    inputSha256: await sha256Hex('{"input":1}'),
    outputSha256: await sha256Hex(bytes),
    pages: 3,
    ...overrides,
  };
}

const subprocessor = {
  name: 'Città Cloud',
  legalEntity: 'Città Cloud S.r.l.',
  purpose: 'Hosting',
  dataCategories: ['contact details'],
  locations: ['IT'],
  transferMechanism: 'none-needed',
  addedOn: '2025-01-10',
};

const settingsKeys = async (repos: Repositories) => (await repos.db.settings.toArray()).map((s) => s.key).sort();

describe('generated documents', () => {
  it('records the document and its PDF through the Store in one commit, each with an audit entry', async () => {
    const { repos } = freshRepos();
    const document = await recordDocument(repos, 'Legal', await rendered(pdf), pdf);
    expect(document).toMatchObject({ kind: 'dpa', language: 'de', pages: 3, bytes: pdf.length, generatedBy: 'Legal', templateId: 'builtin:dpa/de' });
    const audit = await repos.db.audit.toArray();
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ action: 'create', table: 'documents', recordId: document.id, actor: 'Legal' });
    expect(audit[1]).toMatchObject({ action: 'create', table: 'documentFiles', recordId: document.id, actor: 'Legal', detail: `PDF of 3 pages, ${pdf.length} bytes` });
    // The audit detail names kind, language and hashes, never the title (a letter's title names a person).
    expect(audit[0]!.detail).toContain(document.outputSha256);
    expect(audit[0]!.detail).not.toContain('Müller');
    expect(await listDocuments(repos)).toEqual([document]);
    expect(await settingsKeys(repos)).toEqual([]);
    expect((await repos.documentFiles.require(document.id)).pdf).toBe(toBase64(pdf));
    expect((await verifyAudit(repos.db)).ok).toBe(true);
  });

  it('reads a kept PDF back with its hash verified, and logs the download as an export', async () => {
    const { repos } = freshRepos();
    const document = await recordDocument(repos, 'Legal', await rendered(pdf), pdf);
    const kept = await readDocumentPdf(repos, 'Legal', document.id);
    expect(kept.verified).toBe(true);
    expect(kept.bytes).toEqual(pdf);
    expect(kept.actualSha256).toBe(document.outputSha256);
    const audit = await repos.db.audit.toArray();
    expect(audit.map((e) => e.action)).toEqual(['create', 'create', 'export']);
    expect(audit[2]!.detail).toBe('PDF downloaded again; SHA-256 verified');
  });

  it('reports a clear mismatch when the kept PDF was changed', async () => {
    const { repos } = freshRepos();
    const document = await recordDocument(repos, 'Legal', await rendered(pdf), pdf);
    const tampered = pdf.slice();
    tampered[10] = tampered[10]! ^ 1;
    await repos.db.documentFiles.update(document.id, { pdf: toBase64(tampered) });
    const kept = await readDocumentPdf(repos, 'Legal', document.id);
    expect(kept.verified).toBe(false);
    expect(kept.actualSha256).toBe(await sha256Hex(tampered));
    expect((await repos.db.audit.toArray()).at(-1)!.detail).toContain('MISMATCH');

    await repos.db.documentFiles.delete(document.id);
    await expect(readDocumentPdf(repos, 'Legal', document.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('records nothing when the bytes are not the ones hashed, or the audited write fails', async () => {
    const { repos } = freshRepos();
    await expect(recordDocument(repos, 'Legal', await rendered(new Uint8Array([1, 2, 3])), pdf)).rejects.toThrow(/does not match its recorded SHA-256/);
    // Too few pages for the record's schema: the Store refuses before anything is written.
    await expect(recordDocument(repos, 'Legal', await rendered(pdf, { pages: 0 }), pdf)).rejects.toThrow(/pages/);
    // A failing transaction: neither the record nor its PDF is written.
    const original = repos.store.commit.bind(repos.store);
    repos.store.commit = () => Promise.reject(new Error('disk full'));
    await expect(recordDocument(repos, 'Legal', await rendered(pdf), pdf)).rejects.toThrow('disk full');
    repos.store.commit = original;
    expect(await repos.db.documents.count()).toBe(0);
    expect(await repos.db.documentFiles.count()).toBe(0);
    expect(await repos.db.audit.count()).toBe(0);
  });

  it('a subprocessor list publishes its version for later change notices', async () => {
    const { repos } = freshRepos();
    const list = { version: '2026-1', date: '2026-03-01', subprocessors: [{ id: 'sp-1', ...subprocessor, transferMechanism: 'none-needed' as const }] };
    const document = await recordDocument(repos, 'Legal', await rendered(pdf, { kind: 'subprocessors', language: 'nl' }), pdf, list);
    const { listVersions } = await loadDocumentSources(repos);
    expect(listVersions).toEqual([{ id: expect.any(String), ...list, documentId: document.id, createdAt: document.createdAt }]);
  });
});

describe('custom templates', () => {
  it('stores a template with the SHA-256 of its source, once per kind and language, audited', async () => {
    const { repos } = freshRepos();
    const source = '# {{organisation.legalName}}\n';
    const template = await saveTemplate(repos, 'Legal', { kind: 'subprocessors', language: 'nl', name: 'eigen.hbs', source });
    expect(template).toMatchObject({ kind: 'subprocessors', language: 'nl', name: 'eigen.hbs', sha256: await sha256Hex(source), chars: source.length, createdBy: 'Legal', source });
    expect(await saveTemplate(repos, 'Legal', { kind: 'subprocessors', language: 'nl', name: 'again.hbs', source })).toEqual(template);
    const other = await saveTemplate(repos, 'Legal', { kind: 'subprocessors', language: 'de', name: 'eigen.hbs', source });
    expect(await listTemplates(repos)).toEqual([other, template]);
    expect(await getTemplate(repos, template.id)).toEqual(template);
    await deleteTemplate(repos, 'Legal', template.id);
    await expect(getTemplate(repos, template.id)).rejects.toBeInstanceOf(NotFoundError);
    const audit = await repos.db.audit.toArray();
    expect(audit.map((e) => `${e.action} ${e.table}`)).toEqual(['create settings', 'create settings', 'delete settings']);
    expect(audit[0]!.detail).toContain(template.sha256);
  });
});

describe('subprocessors', () => {
  it('creates, updates (a removal date too) and deletes, validated and audited', async () => {
    const { repos } = freshRepos();
    const created = await saveSubprocessor(repos, 'Legal', subprocessor);
    expect(created).toMatchObject(subprocessor);
    const removed = await saveSubprocessor(repos, 'Legal', { ...subprocessor, removedOn: '2026-02-01' }, created.id);
    expect(removed.removedOn).toBe('2026-02-01');
    const back = await saveSubprocessor(repos, 'Legal', subprocessor, created.id);
    expect(back.removedOn).toBeUndefined();
    await expect(saveSubprocessor(repos, 'Legal', { ...subprocessor, locations: [] })).rejects.toThrow(/locations: name at least one processing location/);
    await expect(saveSubprocessor(repos, 'Legal', { ...subprocessor, removedOn: '2024-01-01' })).rejects.toThrow(/removedOn: must not be before/);
    expect((await loadDocumentSources(repos)).subprocessors.map((s) => s.id)).toEqual([created.id]);
    await deleteSubprocessor(repos, 'Legal', created.id);
    expect((await loadDocumentSources(repos)).subprocessors).toEqual([]);
    expect((await repos.db.audit.toArray()).map((e) => `${e.action} ${e.table}`)).toEqual([
      'create subprocessors',
      'update subprocessors',
      'update subprocessors',
      'delete subprocessors',
    ]);
  });
});
