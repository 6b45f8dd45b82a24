// The vault holds the field keys while the lock is open and seals/opens records for the database
// middleware. Everything in here is synchronous (@noble/ciphers AES-GCM, @noble/hashes HMAC) because
// it runs inside IndexedDB transactions, which auto-commit as soon as the code awaits anything that is
// not an IndexedDB request (such as WebCrypto).
//
// A sealed record keeps its plain fields (id, dates, status…) and replaces its personal fields by
// `_sealed: "<keyId>.<base64(nonce ‖ AES-GCM ciphertext ‖ tag)>"`. The additional data binds each
// ciphertext to its table and record id, so a ciphertext copied onto another record does not open.
import { gcm } from '@noble/ciphers/aes.js';
import { randomBytes } from '@noble/ciphers/utils.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { normaliseEmail } from '../../model/common';
import { toHex } from '../../audit/sha256';
import { equalBytes, fromBase64, toBase64, utf8 } from './bytes';
import { EncryptionConfig, deriveSubkey } from './keys';
import { LockedError } from './errors';
import { SEALED, nameWords, type LookupKind } from './fields';
import type { RecordTable } from '../schema';
import { sealMessage, type AuditSeal } from '../../audit/seal';
import type { ChainHead } from '../../audit/chain';

export const SEALED_FIELD = '_sealed';
const NONCE_BYTES = 12;

export type VaultState = 'off' | 'locked' | 'unlocked';

export interface FieldKeys {
  id: string;
  /** AES-256-GCM key for the personal fields. */
  enc: Uint8Array;
  /** HMAC-SHA-256 key for the lookup indexes (e-mails, name words). */
  mac: Uint8Array;
  /** HMAC-SHA-256 key for the audit log's keyed checkpoint (lib/audit/seal.ts). */
  audit: Uint8Array;
}

export function fieldKeysOf(master: Uint8Array, id: string): FieldKeys {
  return { id, enc: deriveSubkey(master, 'fields'), mac: deriveSubkey(master, 'lookup'), audit: deriveSubkey(master, 'audit') };
}

const attached = new WeakMap<object, Vault>();

/** The vault installed on this database handle (lib/db/crypto/middleware.ts attaches it), if any. */
export function vaultOf(db: object): Vault | undefined {
  return attached.get(db);
}

export function registerVault(db: object, vault: Vault): void {
  attached.set(db, vault);
}

/** A stored record whose personal fields failed AES-GCM authentication: it was altered on disk. */
export class IntegrityError extends Error {
  override readonly name = 'IntegrityError';
  constructor(table: string, id: string) {
    super(`The stored ${table} record "${id}" failed its integrity check: it was altered outside Privacy Desk`);
  }
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const aad = (table: string, id: unknown) => utf8.encode(`${table}\n${String(id)}`);

export class Vault {
  private config: EncryptionConfig | undefined;
  private damaged = false;
  /** Keys that may open a ciphertext, by key id: one, or two while a passphrase change rewrites records. */
  private ring = new Map<string, FieldKeys>();
  /** The keys new writes are sealed with; undefined while locked, off, or being turned off. */
  private sealing: FieldKeys | undefined;
  /** Writes may go in plain text: the lock is off (or being turned off). */
  private plainWrites = true;
  /** Resolves once the database is open and its lock settings are loaded (set by attachVault). */
  ready: () => Promise<unknown> = () => Promise.resolve();

  get state(): VaultState {
    if (!this.config && !this.damaged) return 'off';
    return this.sealing ? 'unlocked' : 'locked';
  }

  get settings(): EncryptionConfig | undefined {
    return this.config;
  }

  /** The stored lock settings, read when the database opens (or reopens). */
  load(raw: unknown): void {
    if (raw === undefined || raw === null) {
      this.config = undefined;
      this.damaged = false;
      this.plainWrites = true;
      this.forgetKeys();
      return;
    }
    const parsed = EncryptionConfig.safeParse(raw);
    // Damaged settings keep everything locked rather than letting plain text in.
    this.damaged = !parsed.success;
    this.plainWrites = false;
    const config = parsed.success ? parsed.data : undefined;
    if (this.sealing?.id !== config?.keyId) this.forgetKeys();
    this.config = config;
  }

  /** Refuses plain writes from now on: the lock settings are missing or unreadable but sealed data exists. */
  markDamaged(): void {
    this.damaged = true;
    this.plainWrites = false;
  }

  get isDamaged(): boolean {
    return this.damaged;
  }

  /** Opens the lock with keys already checked against the stored key-check value. */
  useKeys(keys: FieldKeys): void {
    this.forgetKeys();
    this.ring.set(keys.id, keys);
    this.sealing = keys;
  }

  /** Locks: the keys are overwritten and dropped. */
  forgetKeys(): void {
    for (const keys of this.ring.values()) wipe(keys);
    if (this.sealing) wipe(this.sealing);
    this.ring.clear();
    this.sealing = undefined;
  }

  /**
   * Prepares rewriting every sealed record: reads still open with the current keys, writes seal with
   * `next.keys` (or stay plain when undefined). Commit after the rewrite's transaction committed;
   * roll back if it failed, and the vault is as it was.
   */
  transition(next: { keys: FieldKeys | undefined; config: EncryptionConfig | undefined }): { commit(): void; rollback(): void } {
    const before = { sealing: this.sealing, plainWrites: this.plainWrites };
    if (next.keys) this.ring.set(next.keys.id, next.keys);
    this.sealing = next.keys;
    this.plainWrites = !next.keys;
    return {
      commit: () => {
        for (const [id, keys] of this.ring) {
          if (id === next.keys?.id) continue;
          wipe(keys);
          this.ring.delete(id);
        }
        this.config = next.config;
        this.damaged = false;
      },
      rollback: () => {
        if (next.keys && next.keys.id !== before.sealing?.id) {
          this.ring.delete(next.keys.id);
          wipe(next.keys);
        }
        this.sealing = before.sealing;
        this.plainWrites = before.plainWrites;
      },
    };
  }

  /**
   * The keyed checkpoint of the audit log at `head`, made with the key new writes are sealed with;
   * undefined unless the lock is open (off: there is no key only the user holds; closed: no key here).
   */
  sealHead(head: ChainHead): AuditSeal | undefined {
    const keys = this.sealing;
    if (!keys) return undefined;
    return { v: 1, entries: head.entries, hash: head.hash, keyId: keys.id, mac: auditMac(keys, head.entries, head.hash) };
  }

  /** Whether a checkpoint's MAC is right; undefined when no key for it is at hand (the lock is closed). */
  checkSeal(seal: AuditSeal): boolean | undefined {
    const keys = this.ring.get(seal.keyId);
    if (!keys) return this.state === 'unlocked' ? false : undefined;
    return checkSealWith(keys, seal);
  }

  /** The value a subject's `emails` index holds for this address: itself, or its keyed hash while the lock is on. */
  emailKey(email: string): string {
    return this.lookupKey('email', normaliseEmail(email));
  }

  /** Keyed hashes of the words of a search text (lock on), or undefined when names are stored in plain text. */
  nameKeys(text: string): string[] | undefined {
    if (!this.sealing && this.plainWrites) return undefined;
    return nameWords(text).map((w) => this.lookupKey('name', w));
  }

  private lookupKey(kind: LookupKind, normalised: string): string {
    if (this.sealing) return keyedHash(this.sealing, kind, normalised);
    if (this.plainWrites) return normalised;
    throw new LockedError();
  }

  /** The stored form of a record: personal fields encrypted, blind indexes hashed. Called by the middleware on every write. */
  seal(table: string, value: unknown): unknown {
    const spec = SEALED[table as RecordTable];
    if (!spec || !isObject(value) || (spec.only && !spec.only(value))) return value;
    const keys = this.sealing;
    const stored: Obj = { ...value };
    delete stored[SEALED_FIELD];
    if (!keys) {
      if (this.plainWrites) return stored;
      throw new LockedError();
    }
    const secret: Obj = {};
    for (const field of spec.fields) {
      if (stored[field] !== undefined) secret[field] = stored[field];
      delete stored[field];
    }
    for (const [field, blind] of Object.entries(spec.blind ?? {}))
      stored[field] = [...new Set(blind.values(value).map((v) => keyedHash(keys, blind.kind, blind.kind === 'email' ? normaliseEmail(v) : v)))];
    const nonce = randomBytes(NONCE_BYTES);
    const sealed = gcm(keys.enc, nonce, aad(table, stored.id)).encrypt(utf8.encode(JSON.stringify(secret)));
    const bytes = new Uint8Array(NONCE_BYTES + sealed.length);
    bytes.set(nonce);
    bytes.set(sealed, NONCE_BYTES);
    stored[SEALED_FIELD] = `${keys.id}.${toBase64(bytes)}`;
    return stored;
  }

  /**
   * The logical form of a stored record. The personal fields are decrypted lazily, on first access:
   * scans that only look at plain fields (the queue filter, reminders, the badge) cost no decryption
   * and keep working while locked; touching a personal field while locked throws LockedError.
   */
  open(table: string, stored: unknown): unknown {
    if (!isObject(stored) || typeof stored[SEALED_FIELD] !== 'string') return stored;
    const spec = SEALED[table as RecordTable];
    if (!spec) return stored;
    // A sealed record without lock settings: the settings row was deleted or lost. Writing in plain
    // text from here on would leak what the lock protected, so the database counts as damaged.
    if (!this.config && !this.sealing) this.markDamaged();
    const { [SEALED_FIELD]: sealed, ...out } = stored;
    let secret: Obj | undefined;
    const reveal = () => (secret ??= this.decrypt(table, out.id, sealed as string));
    for (const field of spec.fields) {
      // A field sealed only since a later version stays plain in records sealed before, until the next
      // write or the first unlock after the upgrade (PassphraseLock.sealPending) seals it.
      if (Object.hasOwn(out, field) && !spec.blind?.[field]) continue;
      Object.defineProperty(out, field, {
        enumerable: true,
        configurable: true,
        get: () => reveal()[field],
        // Writing a field replaces the getter by the plain value (Dexie's modify() assigns in place).
        set: (value: unknown) => Object.defineProperty(out, field, { value, writable: true, enumerable: true, configurable: true }),
      });
    }
    return out;
  }

  private decrypt(table: string, id: unknown, sealed: string): Obj {
    const dot = sealed.indexOf('.');
    const keys = this.ring.get(sealed.slice(0, dot));
    if (!keys) throw new LockedError();
    let plain: Uint8Array;
    try {
      const bytes = fromBase64(sealed.slice(dot + 1));
      plain = gcm(keys.enc, bytes.subarray(0, NONCE_BYTES), aad(table, id)).decrypt(bytes.subarray(NONCE_BYTES));
    } catch {
      throw new IntegrityError(table, String(id));
    }
    return JSON.parse(utf8.decode(plain)) as Obj;
  }
}

function keyedHash(keys: FieldKeys, kind: LookupKind, normalised: string): string {
  // Domain-separated by kind; 128 bits are plenty for an index key and halve its size.
  return toHex(hmac(sha256, keys.mac, utf8.encode(`${kind}\n${normalised}`)).subarray(0, 16));
}

/** Whether a checkpoint was made with these keys (a passphrase change checks it before re-making it). */
export function checkSealWith(keys: FieldKeys, seal: AuditSeal): boolean {
  return seal.keyId === keys.id && equalBytes(utf8.encode(auditMac(keys, seal.entries, seal.hash)), utf8.encode(seal.mac));
}

function auditMac(keys: FieldKeys, entries: number, hash: string): string {
  return toHex(hmac(sha256, keys.audit, utf8.encode(sealMessage(entries, hash))));
}

function wipe(keys: FieldKeys): void {
  keys.enc.fill(0);
  keys.mac.fill(0);
  keys.audit.fill(0);
}
