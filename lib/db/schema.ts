// Dexie database on the extension's origin (background and extension pages only: IndexedDB opened
// from a content script would belong to the helpdesk's site — Dexie issues #233, #1978).
import { Dexie, type EntityTable, type Table } from 'dexie';
import type {
  AuditEntry,
  ConsentPurpose,
  ConsentRecord,
  ConsentTextVersion,
  DataSubject,
  DocumentFile,
  GeneratedDocument,
  HelpdeskOrigin,
  OrganisationProfile,
  ProcessingActivity,
  ProcessingEvent,
  SubjectRequest,
  Subprocessor,
} from '../model';
import { attachVault } from './crypto/middleware';
import { moveDocumentFilesOutOfSettings } from './upgrades/document-files';

export const DB_NAME = 'privacy-desk';

export interface Setting {
  key: string;
  value: unknown;
}

export type PrivacyDeskDb = Dexie & {
  organisation: EntityTable<OrganisationProfile, 'id'>;
  helpdeskOrigins: EntityTable<HelpdeskOrigin, 'id'>;
  subjects: EntityTable<DataSubject, 'id'>;
  requests: EntityTable<SubjectRequest, 'id'>;
  activities: EntityTable<ProcessingActivity, 'id'>;
  events: EntityTable<ProcessingEvent, 'id'>;
  consentPurposes: EntityTable<ConsentPurpose, 'id'>;
  consentTexts: EntityTable<ConsentTextVersion, 'id'>;
  consents: EntityTable<ConsentRecord, 'id'>;
  subprocessors: EntityTable<Subprocessor, 'id'>;
  documents: EntityTable<GeneratedDocument, 'id'>;
  documentFiles: EntityTable<DocumentFile, 'id'>;
  audit: Table<AuditEntry, number>;
  settings: EntityTable<Setting, 'key'>;
};

/** The audited tables: every write to them goes through the Store and appends an audit entry. */
export const RECORD_TABLES = [
  'organisation',
  'helpdeskOrigins',
  'subjects',
  'requests',
  'activities',
  'events',
  'consentPurposes',
  'consentTexts',
  'consents',
  'subprocessors',
  'documents',
  'documentFiles',
] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

/**
 * Schema versions. Every change adds a version with its upgrade() and a fixture + test that opens a
 * database of each older version (test/db/migrations.test.ts).
 */
export const SCHEMA_V1 = {
  organisation: 'id',
  helpdeskOrigins: 'id, &origin',
  // Multi-entry indexes: a subject is found by any of its e-mails (normalised) or names.
  subjects: 'id, *emails, *names, deletedAt',
  // [open+effectiveDueAt] answers the badge ("open and due before X") and the default queue order on its
  // own index (STACK-NOTES: a shared [status+dueAt] index made the badge count 50–85 ms).
  requests: 'id, subjectId, ticketKey, [open+effectiveDueAt], [status+effectiveDueAt], [type+effectiveDueAt], receivedAt, deletedAt',
  activities: 'id, name, deletedAt',
  events: 'id, activityId, subjectId, at, type, deletedAt',
  consentPurposes: 'id, &key',
  consentTexts: 'id, purposeId, [purposeId+language+version], sha256',
  consents: 'id, subjectId, purposeId, [subjectId+purposeId], at',
  subprocessors: 'id, name, deletedAt',
  documents: 'id, kind, createdAt',
  audit: 'seq',
  settings: 'key',
} as const;

/** Version 2: generated documents' PDFs leave the settings table for their own table, sealed by the lock. */
export const SCHEMA_V2 = { documentFiles: 'id' } as const;

/** The database with every schema version declared, and nothing else: the stored form, as on disk. */
export function openStoredForm(name = DB_NAME): PrivacyDeskDb {
  const db = new Dexie(name) as PrivacyDeskDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(moveDocumentFilesOutOfSettings);
  return db;
}

export function openDatabase(name = DB_NAME): PrivacyDeskDb {
  const db = openStoredForm(name);
  // Personal fields are sealed on the way in and opened on the way out while the passphrase lock is on.
  attachVault(db);
  return db;
}
