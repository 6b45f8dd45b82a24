// Dexie database on the extension's origin (background and extension pages only: IndexedDB opened
// from a content script would belong to the helpdesk's site — Dexie issues #233, #1978).
import { Dexie, type EntityTable, type Table } from 'dexie';
import type {
  AuditEntry,
  Breach,
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

/** A change of this device waiting for the team server: already signed and sealed (lib/sync). */
export interface OutboxRow {
  seq: number;
  body: string;
  subject?: string;
  /** An erasure: once it is sent, the server deletes every change filed under this subject id. */
  shred?: string;
  /** `table/id` of the records it writes: a pulled change never overwrites one still waiting here. */
  keys: string[];
}

/**
 * A data subject's keys for team sync (crypto-shredding, lib/sync/README.md): the random keys that seal
 * the subject's records inside the team's changes, by key id. An erasure empties `keys` and sets
 * `erasedAt` (a tombstone: keys arriving later for this subject are refused). Sealed by the passphrase
 * lock (lib/db/crypto/fields.ts).
 */
export interface SubjectKeyRow {
  id: string;
  keys: Record<string, { key: string; epoch: number; by: string }>;
  /** Devices each key was sealed to (as seen in the team's changes): a DPO's browser shares it with the rest. */
  to: Record<string, string[]>;
  erasedAt?: string;
  /** Pulled ops of this subject whose key has not reached this browser yet (still sealed), applied once it does. */
  parked: unknown[];
}

/**
 * The team order of the change that last wrote a record (`table/id`) or one of its fields
 * (`table/id#field`): later in that order wins (lib/sync/fields.ts).
 */
export interface SyncMeta {
  key: string;
  order: number;
  /** The device and member name of that change. */
  device?: string;
  actor?: string;
  /**
   * While this device's own edit of the field waits for its place in team order: what the team order
   * says the field holds (value sealed under the team key), and the last own change that edits it.
   */
  ahead?: { order: number; device?: string; actor?: string; value?: string; until: number; own?: string };
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
  breaches: EntityTable<Breach, 'id'>;
  outbox: Table<OutboxRow, number>;
  syncMeta: EntityTable<SyncMeta, 'key'>;
  subjectKeys: EntityTable<SubjectKeyRow, 'id'>;
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
  'breaches',
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
  // own index (measured: a shared [status+dueAt] index made the badge count take 50–85 ms).
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

/**
 * Version 2 adds the breach register (Art. 33(5)). [open+dueAt] answers "clocks running, by due time" for
 * the Breaches tab, the badge and the warnings; ticketKey finds the breach reported from a ticket.
 * Nothing older changes, so no upgrade() is needed.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  breaches: 'id, [open+dueAt], awareAt, ticketKey, deletedAt',
} as const;

/**
 * Version 3 adds team sync (lib/sync/README.md): the outbox of signed, sealed changes waiting for the
 * team server, and the team order of the change that last wrote each record. New tables only.
 */
export const SCHEMA_V3 = { ...SCHEMA_V2, outbox: 'seq', syncMeta: 'key' } as const;

/** Version 4: generated documents' PDFs leave the settings table for their own table, sealed by the lock. */
export const SCHEMA_V4 = { ...SCHEMA_V3, documentFiles: 'id' } as const;

/**
 * Version 5: the data subjects' keys of team sync (crypto-shredding, lib/sync/README.md), sealed by the
 * lock. A new table only.
 */
export const SCHEMA_V5 = { ...SCHEMA_V4, subjectKeys: 'id' } as const;

/** The database with every schema version declared, and nothing else: the stored form, as on disk. */
export function openStoredForm(name = DB_NAME): PrivacyDeskDb {
  const db = new Dexie(name) as PrivacyDeskDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2);
  db.version(3).stores(SCHEMA_V3);
  db.version(4).stores(SCHEMA_V4).upgrade(moveDocumentFilesOutOfSettings);
  db.version(5).stores(SCHEMA_V5);
  return db;
}

export function openDatabase(name = DB_NAME): PrivacyDeskDb {
  const db = openStoredForm(name);
  // Personal fields are sealed on the way in and opened on the way out while the passphrase lock is on.
  attachVault(db);
  return db;
}
