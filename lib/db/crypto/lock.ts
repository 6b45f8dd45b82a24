// The passphrase lock: turn on, unlock, lock, change the passphrase, turn off.
//
// Turning on, changing and turning off rewrite every sealed record in ONE transaction (the whole
// database converts or nothing does); the key derivation (WebCrypto, asynchronous) happens before it
// opens, and the rewrite itself is synchronous crypto inside it. They run in the Store's write queue, so
// no audited write interleaves. The lock changes no record's content, so it writes no audit entries;
// the audit log holds no personal data and stays plain (see fields.ts).
import { randomBytes } from '@noble/ciphers/utils.js';
import { toHex } from '../../audit/sha256';
import { ConflictError } from '../errors';
import { translateStorageError, type Store } from '../store';
import type { PrivacyDeskDb } from '../schema';
import { equalBytes, toBase64, utf8 } from './bytes';
import { DEFAULT_ITERATIONS, ENCRYPTION_SETTING, deriveMasterKey, keyCheckOf, saltOf, type EncryptionConfig } from './keys';
import { PassphraseError } from './errors';
import { SEALED } from './fields';
import { checkSealWith, fieldKeysOf, type FieldKeys, type Vault, type VaultState } from './vault';
import { SEAL_PENDING_SETTING } from '../upgrades/document-files';
import { rebuildDatabase, type RebuildProgress } from '../rebuild';
import { AUDIT_SEAL_SETTING, AuditSeal } from '../../audit/seal';

/** What a long lock operation reports while it runs: records done of total, per phase. */
export interface LockProgress {
  phase: 'rewrite' | RebuildProgress['step'];
  done: number;
  total: number;
}

/**
 * Keeps the master key across restarts of the background. MV3 stops an idle service worker after
 * about 30 seconds: without this the user would unlock again after every pause. The background keeps
 * it in `storage.session` — held in memory by the browser, never written to disk, cleared when the
 * browser closes, and not readable by content scripts.
 */
export interface KeyKeeper {
  /** Keeps the key with the instant (ms) the lock was opened, so its age survives a restart. */
  keep(keyId: string, master: Uint8Array, openedAt: number): Promise<void>;
  recall(): Promise<{ keyId: string; master: Uint8Array; openedAt?: number } | undefined>;
  forget(): Promise<void>;
}

/** How long an opened lock may stay open, whatever happens (lib/db/crypto/auto-lock.ts). */
export interface KeyLifetime {
  now(): number;
  /** Milliseconds after opening at which the lock closes by itself. */
  maxAgeMs(): Promise<number>;
}

export interface LockStatus {
  state: VaultState;
  iterations?: number;
  enabledAt?: string;
  /** While on: searching names matches whole words only (a keyed hash has no prefixes). */
  searchByWholeWords: boolean;
}

export interface LockDeps {
  db: PrivacyDeskDb;
  store: Store;
  vault: Vault;
}

export interface LockOptions {
  /** Rebuild the database after turning on or changing (lib/db/rebuild.ts); tests of other things skip it. */
  rebuild?: boolean;
  onProgress?: (progress: LockProgress) => void;
}

/** Records sealed between two progress reports. */
const REWRITE_SLICE = 1_000;

export class PassphraseLock {
  private resumed: Promise<void> | undefined;
  /** When the lock was last opened (ms), while it is open. */
  private openedAt: number | undefined;

  constructor(
    private readonly deps: LockDeps,
    private readonly keeper?: KeyKeeper,
    /** Only tests lower it, to run fast; the product always uses DEFAULT_ITERATIONS. */
    private readonly iterations = DEFAULT_ITERATIONS,
    private readonly lifetime?: KeyLifetime,
    private readonly options: LockOptions = {},
  ) {}

  /**
   * Turning on and changing the passphrase leave the earlier (plain, or old-key) copies in the browser's
   * storage files: the database is rebuilt so none survives (lib/db/rebuild.ts).
   */
  private async scrub(): Promise<void> {
    if (this.options.rebuild === false) return;
    await rebuildDatabase(this.deps.db, { onProgress: (p) => this.options.onProgress?.({ phase: p.step, done: p.done, total: p.total }) });
  }

  private now(): number {
    return this.lifetime?.now() ?? Date.now();
  }

  /** Closes the lock when it has been open longer than the key's lifetime. Returns whether it closed it. */
  async expire(): Promise<boolean> {
    if (!this.lifetime || this.deps.vault.state !== 'unlocked' || this.openedAt === undefined) return false;
    if (this.now() - this.openedAt <= (await this.lifetime.maxAgeMs())) return false;
    await this.lock();
    return true;
  }

  /** When the open lock will close by itself (ms), if it is open and has a lifetime. */
  async closesAt(): Promise<number | undefined> {
    if (!this.lifetime || this.deps.vault.state !== 'unlocked' || this.openedAt === undefined) return undefined;
    return this.openedAt + (await this.lifetime.maxAgeMs());
  }

  private async keep(keyId: string, master: Uint8Array): Promise<void> {
    this.openedAt = this.now();
    await this.keeper?.keep(keyId, master, this.openedAt);
  }

  /** Waits until the database is open and a kept key (if any) was tried. Every caller of state() should. */
  ready(): Promise<void> {
    this.resumed ??= (async () => {
      await this.deps.vault.ready();
      await this.resume();
    })().catch((error: unknown) => {
      // A database that failed to open (blocked, quota) is tried again by the next caller.
      this.resumed = undefined;
      throw error;
    });
    return this.resumed;
  }

  status(): LockStatus {
    const { vault } = this.deps;
    const config = vault.settings;
    return {
      state: vault.state,
      ...(config ? { iterations: config.iterations, enabledAt: config.enabledAt } : {}),
      searchByWholeWords: vault.state !== 'off',
    };
  }

  /** Turns encryption on: converts every personal field of the existing database in place. */
  async enable(passphrase: string): Promise<{ status: LockStatus; records: number }> {
    await this.ready();
    return this.deps.store.serialise(async () => {
      if (this.deps.vault.state !== 'off') throw new ConflictError('Encryption is already on');
      const { master, config } = await this.newKey(passphrase);
      const records = await this.rewrite(fieldKeysOf(master, config.keyId), config);
      await this.keep(config.keyId, master);
      master.fill(0);
      await this.scrub();
      return { status: this.status(), records };
    });
  }

  async unlock(passphrase: string): Promise<LockStatus> {
    await this.ready();
    const { vault } = this.deps;
    if (vault.isDamaged) throw new ConflictError('The stored encryption settings are damaged: restore a backup');
    const config = vault.settings;
    if (!config) throw new ConflictError('Encryption is off: there is nothing to unlock');
    const master = await this.check(passphrase, config);
    vault.useKeys(fieldKeysOf(master, config.keyId));
    await this.keep(config.keyId, master);
    await this.sealAudit(master, config).finally(() => master.fill(0));
    await this.sealPending();
    return this.status();
  }

  async lock(): Promise<LockStatus> {
    await this.ready();
    this.deps.vault.forgetKeys();
    this.openedAt = undefined;
    await this.keeper?.forget();
    return this.status();
  }

  /** Re-encrypts every personal field under a key from the new passphrase, in one transaction. */
  async change(current: string, next: string): Promise<{ status: LockStatus; records: number }> {
    await this.ready();
    return this.deps.store.serialise(async () => {
      const config = this.requireOn();
      const old = await this.check(current, config);
      const previous = fieldKeysOf(old, config.keyId);
      old.fill(0);
      const { master, config: nextConfig } = await this.newKey(next);
      const records = await this.rewrite(fieldKeysOf(master, nextConfig.keyId), nextConfig, previous).finally(() => {
        for (const key of [previous.enc, previous.mac, previous.audit]) key.fill(0);
      });
      await this.keep(nextConfig.keyId, master);
      master.fill(0);
      await this.scrub();
      return { status: this.status(), records };
    });
  }

  /** Turns encryption off: decrypts every personal field in place. Needs the passphrase, not just an open lock. */
  async disable(passphrase: string): Promise<{ status: LockStatus; records: number }> {
    await this.ready();
    return this.deps.store.serialise(async () => {
      const config = this.requireOn();
      const master = await this.check(passphrase, config);
      // Reading needs the key even if the lock was closed; closed it stays if turning off fails.
      const wasLocked = this.deps.vault.state === 'locked';
      if (wasLocked) this.deps.vault.useKeys(fieldKeysOf(master, config.keyId));
      master.fill(0);
      const records = await this.rewrite(undefined, undefined).catch((error: unknown) => {
        if (wasLocked) this.deps.vault.forgetKeys();
        throw error;
      });
      await this.keeper?.forget();
      return { status: this.status(), records };
    });
  }

  private requireOn(): EncryptionConfig {
    const config = this.deps.vault.settings;
    if (!config) throw new ConflictError('Encryption is off');
    return config;
  }

  private async newKey(passphrase: string): Promise<{ master: Uint8Array; config: EncryptionConfig }> {
    const salt = randomBytes(16);
    const master = await deriveMasterKey(passphrase, salt, this.iterations);
    const config: EncryptionConfig = {
      version: 2,
      cipher: 'AES-256-GCM',
      kdf: 'PBKDF2-SHA-256',
      iterations: this.iterations,
      salt: toBase64(salt),
      keyId: toHex(randomBytes(4)),
      keyCheck: keyCheckOf(master, 2),
      enabledAt: this.deps.store.nowIso(),
    };
    return { master, config };
  }

  private async check(passphrase: string, config: EncryptionConfig): Promise<Uint8Array> {
    const master = await deriveMasterKey(passphrase, saltOf(config), config.iterations);
    if (!equalBytes(utf8.encode(keyCheckOf(master, config.version)), utf8.encode(config.keyCheck))) {
      master.fill(0);
      throw new PassphraseError('Wrong passphrase');
    }
    return master;
  }

  /** Rewrites every record of every sealed table under `keys` (undefined: plain text), and the settings row, atomically. */
  private async rewrite(keys: FieldKeys | undefined, config: EncryptionConfig | undefined, previous?: FieldKeys): Promise<number> {
    const { db, vault } = this.deps;
    const tables = Object.keys(SEALED);
    // The audit log's keyed checkpoint (lib/audit/seal.ts) follows the key: turning on seals the head as
    // it is now; a new passphrase re-makes the same checkpoint only if it checked under the old key (a
    // forged or broken one stays broken, so verify keeps reporting it); turning off removes it.
    const stored = AuditSeal.safeParse((await db.settings.get(AUDIT_SEAL_SETTING))?.value);
    const carried = vault.state === 'off' ? 'head' : stored.success && previous && checkSealWith(previous, stored.data) ? stored.data : undefined;
    const step = vault.transition({ keys, config });
    let records = 0;
    try {
      await db.transaction('rw', [...new Set([...tables, 'settings', 'audit'])], async () => {
        let total = 0;
        for (const name of tables) total += await db.table(name).count();
        for (const name of tables) {
          // Opened with the old key on the way up, sealed with the new one on the way down; in slices,
          // to report progress (still one transaction: all or nothing).
          const rows = await db.table(name).toArray();
          for (let i = 0; i < rows.length; i += REWRITE_SLICE) {
            const slice = rows.slice(i, i + REWRITE_SLICE);
            await db.table(name).bulkPut(slice);
            records += slice.length;
            this.options.onProgress?.({ phase: 'rewrite', done: records, total });
          }
        }
        if (config) await db.settings.put({ key: ENCRYPTION_SETTING, value: config });
        else await db.settings.delete(ENCRYPTION_SETTING);
        if (!keys) await db.settings.delete(AUDIT_SEAL_SETTING);
        else {
          const head = carried === 'head' ? await db.audit.orderBy('seq').last() : carried;
          const entries = head ? ('seq' in head ? head.seq : head.entries) : 0;
          const seal = head && vault.sealHead({ entries, hash: head.hash });
          if (seal) await db.settings.put({ key: AUDIT_SEAL_SETTING, value: seal });
        }
        await db.settings.delete(SEAL_PENDING_SETTING);
      });
    } catch (error) {
      step.rollback();
      throw translateStorageError(error);
    }
    step.commit();
    return records;
  }

  /** After a restart of the background: opens the lock with the key kept for this session, if it still fits. */
  private async resume(): Promise<void> {
    const { vault } = this.deps;
    const config = vault.settings;
    if (!this.keeper || vault.state !== 'locked' || !config) return;
    const kept = await this.keeper.recall().catch(() => undefined);
    if (!kept) return;
    // A key kept longer than its lifetime (or of unknown age, when a lifetime applies) is not used again.
    const tooOld = this.lifetime && (kept.openedAt === undefined || this.now() - kept.openedAt > (await this.lifetime.maxAgeMs()));
    if (!tooOld && kept.keyId === config.keyId && keyCheckOf(kept.master, config.version) === config.keyCheck) {
      vault.useKeys(fieldKeysOf(kept.master, config.keyId));
      this.openedAt = kept.openedAt ?? this.now();
      await this.sealAudit(kept.master, config);
    } else await this.keeper.forget();
    kept.master.fill(0);
    await this.sealPending();
  }

  /**
   * A lock turned on before the audit log had a keyed checkpoint (settings version 1): its first unlock
   * seals the log's head as it is then and moves the settings to version 2, whose key check only the
   * passphrase gives, in one transaction. From then on a missing checkpoint is reported by verify.
   */
  private async sealAudit(master: Uint8Array, config: EncryptionConfig): Promise<void> {
    if (config.version !== 1) return;
    const { db, store, vault } = this.deps;
    const next: EncryptionConfig = { ...config, version: 2, keyCheck: keyCheckOf(master, 2) };
    await store.serialise(() =>
      db.transaction('rw', ['settings', 'audit'], async () => {
        const head = await db.audit.orderBy('seq').last();
        const seal = head && vault.sealHead({ entries: head.seq, hash: head.hash });
        if (seal) await db.settings.put({ key: AUDIT_SEAL_SETTING, value: seal });
        await db.settings.put({ key: ENCRYPTION_SETTING, value: next });
      }),
    );
    vault.load(next);
  }

  /**
   * Seals records a schema upgrade wrote in plain text while the lock was closed (it has no key then;
   * lib/db/upgrades/document-files.ts leaves a marker). Runs at the first unlock, in one transaction.
   */
  private async sealPending(): Promise<void> {
    const { db, store, vault } = this.deps;
    if (vault.state !== 'unlocked') return;
    const pending = (await db.settings.get(SEAL_PENDING_SETTING))?.value;
    const tables = Array.isArray(pending) ? pending.filter((t): t is string => typeof t === 'string' && Object.hasOwn(SEALED, t)) : [];
    if (pending === undefined) return;
    await store.serialise(() =>
      db.transaction('rw', [...tables, 'settings'], async () => {
        // Read through the vault (plain fields as they are, sealed ones opened) and written back sealed.
        for (const name of tables) await db.table(name).bulkPut(await db.table(name).toArray());
        await db.settings.delete(SEAL_PENDING_SETTING);
      }),
    );
  }
}
