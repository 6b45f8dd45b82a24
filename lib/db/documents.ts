// Generated documents, their PDFs, custom templates, published subprocessor-list versions and the
// subprocessor list itself. Records go through the Store (validated, audited).
//
// Where the bytes live: the `documents` table keeps the GeneratedDocument record (hashes, pages, size),
// the `documentFiles` table the PDF (base64, because records and backups are JSON), written together
// in one audited commit and sealed by the passphrase lock like any personal field; the PDF is checked
// against the record's SHA-256 whenever it is read again. Custom templates (`documents.template.<id>`) and published list versions
// (`documents.listVersion.<id>`) live there too: they describe the organisation, not people. Settings
// writes are outside the Store's record tables, so each is followed by its own audit entry, as the
// register's vocabulary does (lib/db/register.ts).
import type { DocumentKind, GeneratedDocument } from '../model/document';
import type { OrganisationProfile } from '../model/organisation';
import type { ProcessingActivity } from '../model/activity';
import { Subprocessor } from '../model/subprocessor';
import type { UiLanguage } from '../model/common';
import { parseOrThrow, ValidationError } from '../model/errors';
import type { SubprocessorEntry } from '../documents/inputs/common';
import { sha256Hex } from '../documents/hash';
import { CustomTemplate, SubprocessorListSnapshot, type CustomTemplateSummary, type ListVersionSummary } from '../messaging/messages/documents';
import { fromBase64, toBase64 } from './crypto/bytes';
import { ConflictError, NotFoundError } from './errors';
import { getOrganisation } from './organisation';
import { getCustomVocabulary } from './register';
import type { CustomVocabulary } from '../register/vocabulary';
import type { Repositories } from './repositories';

export type { CustomTemplate, SubprocessorListSnapshot } from '../messaging/messages/documents';

const TEMPLATE = 'documents.template.';
const LIST_VERSION = 'documents.listVersion.';

/** What a document's input is built from (entrypoints/background/documents/inputs.ts). */
export interface DocumentSources {
  organisation: OrganisationProfile | undefined;
  /** Live activities of the register, by name. */
  activities: ProcessingActivity[];
  /** Live subprocessors by name, including those with a removal date (lists leave them out from that date). */
  subprocessors: Subprocessor[];
  /** Published versions of the subprocessor list, newest first. */
  listVersions: SubprocessorListSnapshot[];
  /** The DPO's own register vocabulary: activities store vocabulary keys, documents print labels. */
  vocabulary: CustomVocabulary;
}

const byName = <T extends { name: string; id: string }>(a: T, b: T) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

export async function loadDocumentSources(repos: Repositories): Promise<DocumentSources> {
  const [organisation, activities, subprocessors, listVersions, vocabulary] = await Promise.all([
    getOrganisation(repos),
    repos.activities.listLive(),
    repos.subprocessors.listLive(),
    listVersionsOf(repos),
    getCustomVocabulary(repos),
  ]);
  return { organisation, activities: activities.sort(byName), subprocessors: subprocessors.sort(byName), listVersions, vocabulary };
}

async function settingsWithPrefix(repos: Repositories, prefix: string): Promise<unknown[]> {
  return (await repos.db.settings.where('key').startsWith(prefix).toArray()).map((row) => row.value);
}

// — generated documents —

export interface RenderedPdf {
  kind: DocumentKind;
  language: UiLanguage;
  title: string;
  /** `builtin:<kind>/<lang>` or the custom template's id. */
  templateId: string;
  templateVersion: string;
  inputSha256: string;
  outputSha256: string;
  pages: number;
}

/**
 * Records a generated document and keeps its PDF, in one audited commit: never a record without its
 * file. A published list version is a settings row, written first and removed again if the commit fails. A subprocessor list
 * also publishes its version, which later change notices compare with.
 */
export async function recordDocument(
  repos: Repositories,
  actor: string,
  rendered: RenderedPdf,
  pdf: Uint8Array,
  published?: { version: string; date: string; subprocessors: SubprocessorEntry[] },
): Promise<GeneratedDocument> {
  const actual = await sha256Hex(pdf);
  if (actual !== rendered.outputSha256) throw new Error(`The PDF does not match its recorded SHA-256 (${rendered.outputSha256.slice(0, 12)}…); nothing was recorded`);
  const record = repos.documents.prepareCreate({ ...rendered, bytes: pdf.length, generatedBy: actor });
  const snapshot = published
    ? parseOrThrow(SubprocessorListSnapshot, { id: repos.documents.newId(), ...published, documentId: record.id, createdAt: record.createdAt }, 'subprocessor list version')
    : undefined;
  const file = repos.documentFiles.prepareCreate({ id: record.id, pdf: toBase64(pdf) });
  if (snapshot) await repos.db.settings.put({ key: `${LIST_VERSION}${snapshot.id}`, value: snapshot });
  try {
    // No personal data in the audit detail: a letter's title may name its recipient, and an unkeyed hash
    // of a letter to a person would confirm a guess of its content (the trail stays plain, also with the
    // lock on). Documents about the organisation keep their output hash in the trail as evidence.
    const output = rendered.kind === 'dsar-response' ? '' : `, output ${actual}`;
    await repos.store.commit(actor, [
      repos.documents.createOp(record, `${rendered.kind} (${rendered.language}), ${rendered.pages} pages, template ${rendered.templateVersion}${output}`),
      repos.documentFiles.createOp(file, `PDF of ${rendered.pages} pages, ${pdf.length} bytes`),
    ]);
  } catch (error) {
    if (snapshot) await repos.db.settings.delete(`${LIST_VERSION}${snapshot.id}`);
    throw error;
  }
  return record;
}

/** Generated documents, newest first. */
export async function listDocuments(repos: Repositories, limit = 200): Promise<GeneratedDocument[]> {
  return repos.db.documents
    .orderBy('createdAt')
    .reverse()
    .filter((d) => !d.deletedAt)
    .limit(limit)
    .toArray();
}

export interface KeptPdf {
  document: GeneratedDocument;
  bytes: Uint8Array;
  /** SHA-256 of the bytes read now. */
  actualSha256: string;
  /** Whether they are the bytes recorded when the document was generated (hash and size). */
  verified: boolean;
}

/** Reads a kept PDF again and checks it against its record; the download is logged as an export. */
export async function readDocumentPdf(repos: Repositories, actor: string, id: string): Promise<KeptPdf> {
  const document = await repos.documents.require(id);
  if (document.deletedAt) throw new ConflictError('This document was deleted');
  const file = await repos.documentFiles.get(id);
  if (!file) throw new NotFoundError('PDF of generated document', id);
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(file.pdf);
  } catch {
    bytes = new Uint8Array();
  }
  const actualSha256 = await sha256Hex(bytes);
  const verified = actualSha256 === document.outputSha256 && bytes.length === document.bytes;
  await repos.store.log(actor, 'export', 'documents', id, verified ? 'PDF downloaded again; SHA-256 verified' : `PDF downloaded again; SHA-256 MISMATCH (now ${actualSha256})`);
  return { document, bytes, actualSha256, verified };
}

// — published versions of the subprocessor list —

async function listVersionsOf(repos: Repositories): Promise<SubprocessorListSnapshot[]> {
  const versions = (await settingsWithPrefix(repos, LIST_VERSION)).flatMap((value) => {
    const parsed = SubprocessorListSnapshot.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
  return versions.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
}

export function summariseListVersion(v: SubprocessorListSnapshot): ListVersionSummary {
  return { id: v.id, version: v.version, date: v.date, count: v.subprocessors.length, createdAt: v.createdAt };
}

// — custom templates —

export function summariseTemplate({ source: _source, ...summary }: CustomTemplate): CustomTemplateSummary {
  return summary;
}

export async function listTemplates(repos: Repositories): Promise<CustomTemplate[]> {
  const templates = (await settingsWithPrefix(repos, TEMPLATE)).flatMap((value) => {
    const parsed = CustomTemplate.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
  return templates.sort((a, b) => a.kind.localeCompare(b.kind) || a.language.localeCompare(b.language) || a.name.localeCompare(b.name));
}

export async function getTemplate(repos: Repositories, id: string): Promise<CustomTemplate> {
  const parsed = CustomTemplate.safeParse((await repos.db.settings.get(`${TEMPLATE}${id}`))?.value);
  if (!parsed.success) throw new NotFoundError('custom template', id);
  return parsed.data;
}

/**
 * Stores a template the sandbox has already compiled and test-rendered (the background cannot compile:
 * MV3 forbids eval there). The same source for the same kind and language is stored once.
 */
export async function saveTemplate(
  repos: Repositories,
  actor: string,
  input: { kind: DocumentKind; language: UiLanguage; name: string; source: string },
): Promise<CustomTemplate> {
  const sha256 = await sha256Hex(input.source);
  const same = (await listTemplates(repos)).find((t) => t.sha256 === sha256 && t.kind === input.kind && t.language === input.language);
  if (same) return same;
  const template = parseOrThrow(
    CustomTemplate,
    { id: repos.documents.newId(), ...input, sha256, chars: input.source.length, createdAt: repos.store.nowIso(), createdBy: actor },
    'custom template',
  );
  await repos.db.settings.put({ key: `${TEMPLATE}${template.id}`, value: template });
  await repos.store.log(actor, 'create', 'settings', `${TEMPLATE}${template.id}`, `custom template for ${template.kind} (${template.language}), source ${sha256}`);
  return template;
}

/** Removes a template; documents generated with it keep their records and PDFs. */
export async function deleteTemplate(repos: Repositories, actor: string, id: string): Promise<void> {
  const template = await getTemplate(repos, id);
  await repos.db.settings.delete(`${TEMPLATE}${id}`);
  await repos.store.log(actor, 'delete', 'settings', `${TEMPLATE}${id}`, `custom template for ${template.kind} (${template.language}), source ${template.sha256}`);
}

// — the subprocessor list —

const SubprocessorFields = Subprocessor.omit({ id: true, createdAt: true, updatedAt: true, deletedAt: true });

/** Creates a subprocessor, or replaces the fields of subprocessor `id` (which must be live). */
export async function saveSubprocessor(repos: Repositories, actor: string, input: unknown, id?: string): Promise<Subprocessor> {
  const fields = parseOrThrow(SubprocessorFields, input, 'subprocessor');
  if (fields.removedOn && fields.removedOn < fields.addedOn) throw new ValidationError('subprocessor', ['removedOn'], 'removedOn: must not be before the date it was added');
  if (!id) return repos.subprocessors.create(actor, fields);
  const existing = await repos.subprocessors.require(id);
  if (existing.deletedAt) throw new ConflictError('This subprocessor was deleted; restore it before editing');
  return repos.subprocessors.update(actor, id, { removedOn: undefined, ...fields });
}

/**
 * Soft-deletes a subprocessor entered by mistake. One that stopped working for the organisation
 * gets a removal date instead, so that the change notice can announce it.
 */
export async function deleteSubprocessor(repos: Repositories, actor: string, id: string): Promise<void> {
  await repos.subprocessors.softDelete(actor, id);
}
