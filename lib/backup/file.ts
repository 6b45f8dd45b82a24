// Writing and reading backup files. Reading checks everything before anyone writes anything: JSON,
// format mark, version, passphrase, checksum, every record against its zod schema, unique ids, and the
// audit chain. Each failure names what is wrong with the file.
import type { z } from 'zod';
import { canonicalJson } from '../audit/canonical-json';
import { sha256Hex } from '../audit/sha256';
import { verifyChain } from '../audit/chain';
import { AuditEntry } from '../model/audit';
import { describeIssues } from '../model/errors';
import { RECORD_TABLES, type RecordTable, type Setting } from '../db/schema';
import { fromBase64, toBase64, utf8 } from '../db/crypto/bytes';
import { DEFAULT_ITERATIONS, deriveMasterKey, deriveSubkey, keyCheckOf } from '../db/crypto/keys';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupError, ENVELOPE_AAD, EncryptedBackup, PlainBackup, type BackupContent } from './format';
import { TABLE_SCHEMAS } from './tables';
import { backupSettingSchema, isLocalSetting } from './settings';
import { LEGACY_FILE_PREFIX } from '../db/upgrades/document-files';

export interface BackupMeta {
  createdAt: string;
  schemaVersion: number;
  sha256: string;
  counts: Record<string, number>;
  encrypted: boolean;
}

export interface ValidBackup extends BackupMeta {
  tables: Record<RecordTable, Array<{ id: string; updatedAt: string } & Record<string, unknown>>>;
  settings: Setting[];
  audit: AuditEntry[];
}

export interface CreateOptions {
  createdAt: string;
  schemaVersion: number;
  /** Encrypts the file under this passphrase (its own, not the lock's). */
  passphrase?: string;
  /** Tests lower it to run fast. */
  iterations?: number;
}

export async function createBackupFile(content: BackupContent, options: CreateOptions): Promise<{ text: string; meta: BackupMeta }> {
  const counts: Record<string, number> = { audit: content.audit.length, settings: content.settings.length };
  for (const [name, rows] of Object.entries(content.tables)) counts[name] = rows.length;
  const unsigned = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: options.createdAt, schemaVersion: options.schemaVersion, counts, content };
  const sha256 = await sha256Hex(canonicalJson(unsigned));
  // `format` first: a file cut short still shows what it was (readBackup says "truncated", not "foreign").
  const plain = JSON.stringify({ ...unsigned, sha256 });
  const meta = { createdAt: options.createdAt, schemaVersion: options.schemaVersion, sha256, counts, encrypted: !!options.passphrase };
  if (!options.passphrase) return { text: plain, meta };
  return { text: JSON.stringify(await seal(plain, options.passphrase, options.iterations ?? DEFAULT_ITERATIONS)), meta };
}

async function seal(plain: string, passphrase: string, iterations: number): Promise<EncryptedBackup> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const master = await deriveMasterKey(passphrase, salt, iterations);
  const key = await aesKey(master);
  const ciphertext = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8.encode(ENVELOPE_AAD) as BufferSource }, key, utf8.encode(plain) as BufferSource),
  );
  const keyCheck = keyCheckOf(master);
  master.fill(0);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    encryption: { cipher: 'AES-256-GCM', kdf: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), iv: toBase64(iv), keyCheck },
    ciphertext: toBase64(ciphertext),
  };
}

function aesKey(master: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', deriveSubkey(master, 'backup') as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const MAX_LISTED = 5;

/** Parses and checks a backup file completely; throws BackupError naming the first problem. */
export async function readBackup(text: string, options: { passphrase?: string; schemaVersion: number }): Promise<ValidBackup> {
  let json = parseJson(text);
  checkMark(json);
  let encrypted = false;
  if (isObject(json) && ('encryption' in json || 'ciphertext' in json)) {
    json = await openEnvelope(json, options.passphrase);
    checkMark(json);
    encrypted = true;
  }
  const file = json as Record<string, unknown>;
  const shape = PlainBackup.safeParse(file);
  if (!shape.success) throw new BackupError('damaged', `The backup is damaged: ${describeIssues(shape.error)}.`);
  const { sha256: stated, ...unsigned } = file;
  if ((await sha256Hex(canonicalJson(unsigned))) !== stated)
    throw new BackupError('checksum', 'The backup’s checksum does not match its content: the file was altered or damaged.');
  const backup = shape.data;
  if (backup.schemaVersion > options.schemaVersion)
    throw new BackupError(
      'schema-version',
      `This backup holds database schema version ${backup.schemaVersion}; this Privacy Desk knows versions up to ${options.schemaVersion}. Update Privacy Desk first.`,
    );
  const unknownTables = Object.keys(backup.content.tables).filter((t) => !(RECORD_TABLES as readonly string[]).includes(t));
  if (unknownTables.length) throw new BackupError('damaged', `The backup holds tables this version does not know: ${unknownTables.join(', ')}.`);

  const tables = {} as ValidBackup['tables'];
  const problems: string[] = [];
  const settings = validateSettings(backup.content.settings, problems);
  const legacyFiles = takeLegacyFiles(settings, backup.content.tables);
  for (const name of RECORD_TABLES) {
    const rows = [...(backup.content.tables[name] ?? []), ...(name === 'documentFiles' ? legacyFiles : [])];
    tables[name] = validateRows(name, rows, TABLE_SCHEMAS[name], problems) as ValidBackup['tables'][RecordTable];
  }
  if (problems.length)
    throw new BackupError(
      'record',
      `The backup holds invalid records: ${problems.slice(0, MAX_LISTED).join(' ')}${problems.length > MAX_LISTED ? ` (and ${problems.length - MAX_LISTED} more)` : ''}`,
    );

  const audit: AuditEntry[] = [];
  for (const [i, raw] of backup.content.audit.entries()) {
    const entry = AuditEntry.safeParse(raw);
    if (!entry.success) throw new BackupError('audit', `The backup’s audit trail does not verify: entry ${i + 1} is malformed (${describeIssues(entry.error)}).`);
    audit.push(entry.data);
  }
  const chain = await verifyChain([audit]);
  if (!chain.ok) throw new BackupError('audit', `The backup’s audit trail does not verify: ${chain.reason}.`);

  return {
    createdAt: backup.createdAt,
    schemaVersion: backup.schemaVersion,
    sha256: backup.sha256,
    counts: backup.counts,
    encrypted,
    tables,
    settings,
    audit,
  };
}

/** What a backup file's audit chain says, checked on its own: how many entries, the head, whether it verifies. */
export type BackupAuditHead = { ok: true; entries: number; head: string } | { ok: false; entries: number; reason: string };

/** With `at`, the hash of the file's entry at that position too (when its chain verifies). */
export type BackupAuditRead = BackupAuditHead & { hashAt?: string };

/**
 * Reads only the audit chain of a backup file (format, passphrase and checksum are checked as for a
 * restore), and verifies it without throwing when it does not: the options page shows the result beside
 * this browser's head before a replace (lib/audit/README.md, "A head kept elsewhere").
 */
export async function readBackupAudit(text: string, options: { passphrase?: string; at?: number } = {}): Promise<BackupAuditRead> {
  let json = parseJson(text);
  checkMark(json);
  if (isObject(json) && ('encryption' in json || 'ciphertext' in json)) {
    json = await openEnvelope(json, options.passphrase);
    checkMark(json);
  }
  const file = json as Record<string, unknown>;
  const shape = PlainBackup.safeParse(file);
  if (!shape.success) throw new BackupError('damaged', `The backup is damaged: ${describeIssues(shape.error)}.`);
  const { sha256: stated, ...unsigned } = file;
  if ((await sha256Hex(canonicalJson(unsigned))) !== stated)
    throw new BackupError('checksum', 'The backup’s checksum does not match its content: the file was altered or damaged.');
  const raw = shape.data.content.audit;
  const audit: AuditEntry[] = [];
  for (const [i, item] of raw.entries()) {
    const entry = AuditEntry.safeParse(item);
    if (!entry.success) return { ok: false, entries: raw.length, reason: `entry ${i + 1} is malformed (${describeIssues(entry.error)})` };
    audit.push(entry.data);
  }
  const chain = await verifyChain([audit]);
  if (!chain.ok) return { ok: false, entries: raw.length, reason: chain.reason };
  const hashAt = options.at === undefined ? undefined : audit[options.at - 1]?.hash;
  return { ok: true, entries: chain.entries, head: chain.head, ...(hashAt ? { hashAt } : {}) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Our files start with their format mark: if it is there, the rest went missing or was damaged.
    if (/^\s*\{\s*"format"\s*:\s*"privacy-desk\/backup"/.test(text.slice(0, 200)))
      throw new BackupError('truncated', 'The backup file is incomplete: it ends before the backup does (cut short or damaged while copying).');
    throw new BackupError('foreign', 'This is not a Privacy Desk backup: the file is not JSON.');
  }
}

function checkMark(json: unknown): void {
  if (!isObject(json) || json.format !== BACKUP_FORMAT)
    throw new BackupError('foreign', `This is not a Privacy Desk backup: it has no "${BACKUP_FORMAT}" format mark.`);
  if (json.version === BACKUP_VERSION) return;
  if (typeof json.version === 'number' && Number.isInteger(json.version) && json.version > BACKUP_VERSION)
    throw new BackupError(
      'version',
      `This backup has format version ${json.version}, written by a newer Privacy Desk; this version reads format version ${BACKUP_VERSION}. Update Privacy Desk first.`,
    );
  throw new BackupError('version', `This backup has an unknown format version (${JSON.stringify(json.version) ?? 'none'}); this version reads format version ${BACKUP_VERSION}.`);
}

async function openEnvelope(json: Record<string, unknown>, passphrase: string | undefined): Promise<unknown> {
  const envelope = EncryptedBackup.safeParse(json);
  if (!envelope.success) throw new BackupError('damaged', `The encrypted backup is damaged: ${describeIssues(envelope.error)}.`);
  if (!passphrase) throw new BackupError('passphrase-needed', 'This backup is encrypted: enter its passphrase.');
  const { encryption, ciphertext } = envelope.data;
  const master = await deriveMasterKey(passphrase, fromBase64(encryption.salt), encryption.iterations);
  if (keyCheckOf(master) !== encryption.keyCheck) {
    master.fill(0);
    throw new BackupError('passphrase', 'Wrong passphrase for this backup.');
  }
  const key = await aesKey(master);
  master.fill(0);
  let plain: string;
  try {
    const bytes = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(encryption.iv) as BufferSource, additionalData: utf8.encode(ENVELOPE_AAD) as BufferSource },
      key,
      fromBase64(ciphertext) as BufferSource,
    );
    plain = utf8.decode(new Uint8Array(bytes));
  } catch {
    throw new BackupError('tampered', 'The encrypted backup was altered or damaged: the passphrase is right but the content does not decrypt.');
  }
  try {
    return JSON.parse(plain);
  } catch {
    throw new BackupError('damaged', 'The encrypted backup decrypts to something that is not a backup.');
  }
}

/**
 * Only settings a backup may carry, each valid under its schema. This browser's own settings (the
 * install secret, the actor, the last verification…) are dropped: older backups carried some of them.
 */
function validateSettings(rows: Array<{ key: string; value: unknown }>, problems: string[]): Setting[] {
  const out: Setting[] = [];
  for (const { key, value } of rows) {
    if (isLocalSetting(key)) continue;
    const schema = backupSettingSchema(key);
    if (!schema) {
      problems.push(`setting "${key.slice(0, 80)}" is not one a backup may carry.`);
      continue;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) problems.push(`setting "${key.slice(0, 80)}": ${describeIssues(parsed.error)}.`);
    else out.push({ key, value: parsed.data });
  }
  return out;
}

/**
 * Backups of schema version 1 kept PDFs as settings rows (`documents.file.<id>`): they become
 * documentFiles records, as the schema upgrade does to a database (lib/db/upgrades/document-files.ts).
 */
function takeLegacyFiles(settings: Setting[], tables: Record<string, unknown[]>): unknown[] {
  const documents = new Map((tables.documents ?? []).filter(isObject).map((d) => [d.id, d.createdAt]));
  const files: unknown[] = [];
  for (let i = settings.length - 1; i >= 0; i -= 1) {
    const { key, value } = settings[i]!;
    if (!key.startsWith(LEGACY_FILE_PREFIX)) continue;
    settings.splice(i, 1);
    const id = key.slice(LEGACY_FILE_PREFIX.length);
    const createdAt = documents.get(id);
    if (typeof createdAt === 'string') files.unshift({ id, createdAt, updatedAt: createdAt, pdf: value });
  }
  return files;
}

function validateRows(table: RecordTable, rows: unknown[], schema: z.ZodType, problems: string[]): unknown[] {
  const out: unknown[] = [];
  const ids = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const parsed = schema.safeParse(row);
    const id = isObject(row) && typeof row.id === 'string' ? row.id : `#${i + 1}`;
    if (!parsed.success) {
      problems.push(`${table} record "${id}": ${describeIssues(parsed.error)}.`);
      continue;
    }
    if (ids.has(id)) problems.push(`${table} holds the id "${id}" twice.`);
    ids.add(id);
    out.push(parsed.data);
  }
  return out;
}
