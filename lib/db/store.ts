// The one writer. Every record write validates with zod, then writes the record and its audit entry in
// one Dexie transaction, so a failed audit append leaves nothing behind (lib/audit/README.md).
//
// Why hashes are computed before the transaction: WebCrypto is asynchronous and not an IndexedDB
// request, so awaiting it inside a transaction lets IndexedDB auto-commit. Writes are therefore
// serialised through a queue; the chain head is read before hashing and checked again inside the
// transaction, which aborts if another writer moved it.
import { Dexie } from 'dexie';
import type { z } from 'zod';
import type { AuditAction, AuditEntry } from '../model/audit';
import { parseOrThrow } from '../model/errors';
import { chainEntries, type AuditDraft } from '../audit/chain';
import { recordHashOf } from '../audit/verify';
import type { PrivacyDeskDb, RecordTable } from './schema';
import { NotFoundError, StorageFullError } from './errors';
import { vaultOf } from './crypto/vault';
import { AUDIT_SEAL_SETTING } from '../audit/seal';

export const DEFAULT_RECOVERY_DAYS = 60;

export interface WriteOp {
  table: RecordTable;
  /** `put` writes the record, `delete` removes it for good (purge only). */
  kind: 'put' | 'delete';
  id: string;
  record?: unknown;
  action: AuditAction;
  detail: string;
}

export interface Clock {
  now(): Date;
}

/**
 * Runs inside every local write transaction, after the records and before it commits: team sync
 * (lib/sync) turns the write into a signed change in its outbox there, so a record and the change that
 * tells the team about it are stored together or not at all. It may throw to refuse the write.
 */
export interface CommitHook {
  readonly tables: readonly string[];
  onCommit(db: PrivacyDeskDb, actor: string, at: string, ops: readonly WriteOp[]): Promise<void>;
}

export interface CommitOptions {
  /**
   * false: written and audited like any other write, but not sent to the team (a change pulled from
   * the team, a restore of this browser's own backup).
   */
  send?: boolean;
  /** Further tables `extra` writes in the same transaction. */
  tables?: readonly string[];
}
export const systemClock: Clock = { now: () => new Date() };

export class Store {
  private queue: Promise<unknown> = Promise.resolve();
  hook: CommitHook | undefined;

  constructor(
    readonly db: PrivacyDeskDb,
    readonly clock: Clock = systemClock,
  ) {}

  nowIso(): string {
    return this.clock.now().toISOString();
  }

  /** Runs `fn` after every earlier write finished: one writer at a time. */
  serialise<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Writes records and their audit entries atomically. Records must already be validated.
   * `extra` runs inside the same transaction (e.g. to check a precondition) and may throw to abort.
   */
  commit(actor: string, ops: readonly WriteOp[], extra?: (tx: PrivacyDeskDb) => Promise<void>, options: CommitOptions = {}): Promise<AuditEntry[]> {
    return this.serialise(async () => {
      const at = this.nowIso();
      const head = await this.db.audit.orderBy('seq').last();
      // Each write's audit entry binds the record it leaves (verify compares them; lib/audit/README.md).
      const recordHashes = await Promise.all(ops.map((op) => (op.kind === 'put' ? recordHashOf(op.record) : undefined)));
      const drafts: AuditDraft[] = ops.map((op, i) => ({ at, actor, action: op.action, table: op.table, recordId: op.id, detail: op.detail, ...(recordHashes[i] ? { recordHash: recordHashes[i] } : {}) }));
      const entries = await chainEntries(head, drafts);
      const hook = options.send === false ? undefined : this.hook;
      const tables = [...new Set([...ops.map((op) => op.table), 'audit', 'settings', ...(options.tables ?? []), ...(hook?.tables ?? [])])];
      try {
        await this.db.transaction('rw', tables, async () => {
          const current = await this.db.audit.orderBy('seq').last();
          if (current?.hash !== head?.hash) throw new Error('The audit log moved during a write; retry');
          if (extra) await extra(this.db);
          // Before the writes, so the hook still sees each record as it was (team roles judge the change).
          if (hook) await hook.onCommit(this.db, actor, at, ops);
          for (const op of ops) {
            const table = this.db.table(op.table);
            if (op.kind === 'put') await table.put(op.record);
            else await table.delete(op.id);
          }
          await this.db.audit.bulkAdd(entries);
          await this.sealHead(entries);
        });
      } catch (error) {
        throw translateStorageError(error);
      }
      return entries;
    });
  }

  /**
   * With the passphrase lock open, moves the audit log's keyed checkpoint to the new head, in the
   * transaction that wrote it (lib/audit/README.md). Closed or off, the checkpoint stays where it was.
   * Call inside a transaction that includes `settings`.
   */
  async sealHead(entries: readonly AuditEntry[]): Promise<void> {
    const last = entries[entries.length - 1];
    const seal = last && vaultOf(this.db)?.sealHead({ entries: last.seq, hash: last.hash });
    if (seal) await this.db.settings.put({ key: AUDIT_SEAL_SETTING, value: seal });
  }

  /** Appends an audit entry that records an action without changing a record (e.g. an export). */
  async log(actor: string, action: AuditAction, table: string, recordId: string, detail: string): Promise<AuditEntry> {
    const [entry] = await this.serialise(async () => {
      const head = await this.db.audit.orderBy('seq').last();
      const entries = await chainEntries(head, [{ at: this.nowIso(), actor, action, table, recordId, detail }]);
      try {
        await this.db.transaction('rw', ['audit', 'settings'], async () => {
          const current = await this.db.audit.orderBy('seq').last();
          if (current?.hash !== head?.hash) throw new Error('The audit log moved during a write; retry');
          await this.db.audit.bulkAdd(entries);
          await this.sealHead(entries);
        });
      } catch (error) {
        // A full disk reads the same whether a record or only its audit entry did not fit.
        throw translateStorageError(error);
      }
      return entries;
    });
    return entry!;
  }
}

export function translateStorageError(error: unknown): unknown {
  const name = (error as { name?: string; inner?: { name?: string } })?.name;
  const inner = (error as { inner?: { name?: string } })?.inner?.name;
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError' || name === Dexie.errnames.QuotaExceeded) return new StorageFullError();
  return error;
}

/** Names of the top-level fields that differ between two versions of a record (never their values). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => k !== 'updatedAt' && JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}

type Stored = { id: string; createdAt: string; updatedAt: string; deletedAt?: string };

/**
 * Create / update / soft delete / restore / purge for one table, validating with its schema.
 * Soft-deleted records stay for the recovery window, then `purgeExpired` removes them.
 */
/** Per-table adjustments to soft delete and restore, e.g. to keep a derived index field right. */
export interface SoftDeleteRules<T> {
  onDelete?(record: T): T;
  onRestore?(record: T): T;
}

export class Repository<S extends z.ZodType<Stored>> {
  constructor(
    readonly store: Store,
    readonly table: RecordTable,
    readonly schema: S,
    readonly label: string,
    private readonly rules: SoftDeleteRules<z.infer<S>> = {},
  ) {}

  private get dexieTable() {
    return this.store.db.table<z.infer<S>, string>(this.table);
  }

  newId(): string {
    return globalThis.crypto.randomUUID();
  }

  async get(id: string): Promise<z.infer<S> | undefined> {
    return this.dexieTable.get(id);
  }

  async require(id: string): Promise<z.infer<S>> {
    const found = await this.get(id);
    if (!found) throw new NotFoundError(this.label, id);
    return found;
  }

  /** Validates without writing: used to build multi-record commits. */
  prepareCreate(input: Omit<z.input<S>, 'id' | 'createdAt' | 'updatedAt'> & { id?: string }): z.infer<S> {
    const now = this.store.nowIso();
    return parseOrThrow(this.schema, { ...input, id: input.id ?? this.newId(), createdAt: now, updatedAt: now }, this.label);
  }

  createOp(record: z.infer<S>, detail = ''): WriteOp {
    return { table: this.table, kind: 'put', id: record.id, record, action: 'create', detail };
  }

  async create(actor: string, input: Omit<z.input<S>, 'id' | 'createdAt' | 'updatedAt'> & { id?: string }): Promise<z.infer<S>> {
    const record = this.prepareCreate(input);
    await this.store.commit(actor, [this.createOp(record)]);
    return record;
  }

  prepareUpdate(existing: z.infer<S>, patch: Partial<z.input<S>>): { record: z.infer<S>; op: WriteOp } {
    const record = parseOrThrow(
      this.schema,
      { ...existing, ...patch, id: existing.id, createdAt: existing.createdAt, updatedAt: this.store.nowIso() },
      this.label,
    );
    const fields = changedFields(existing as Record<string, unknown>, record as Record<string, unknown>);
    return { record, op: { table: this.table, kind: 'put', id: record.id, record, action: 'update', detail: `fields: ${fields.join(', ')}` } };
  }

  async update(actor: string, id: string, patch: Partial<z.input<S>>): Promise<z.infer<S>> {
    const existing = await this.require(id);
    const { record, op } = this.prepareUpdate(existing, patch);
    await this.store.commit(actor, [op], async () => {
      const now = await this.dexieTable.get(id);
      if (now?.updatedAt !== existing.updatedAt) throw new Error(`${this.label} ${id} changed during the update; retry`);
    });
    return record;
  }

  async softDelete(actor: string, id: string): Promise<z.infer<S>> {
    const existing = await this.require(id);
    const deleted = { ...existing, deletedAt: this.store.nowIso(), updatedAt: this.store.nowIso() };
    const record = this.rules.onDelete ? this.rules.onDelete(deleted) : deleted;
    await this.store.commit(actor, [{ table: this.table, kind: 'put', id, record, action: 'delete', detail: 'soft delete' }]);
    return record;
  }

  async restore(actor: string, id: string): Promise<z.infer<S>> {
    const existing = await this.require(id);
    if (!existing.deletedAt) return existing;
    const { deletedAt: _gone, ...rest } = existing;
    const restored = { ...rest, updatedAt: this.store.nowIso() } as z.infer<S>;
    const record = this.rules.onRestore ? this.rules.onRestore(restored) : restored;
    await this.store.commit(actor, [{ table: this.table, kind: 'put', id, record, action: 'restore', detail: '' }]);
    return record;
  }

  /** Removes records soft-deleted more than `recoveryDays` ago, each with its own audit entry. */
  async purgeExpired(actor: string, recoveryDays = DEFAULT_RECOVERY_DAYS, options: CommitOptions = {}): Promise<number> {
    const cutoff = new Date(this.store.clock.now().getTime() - recoveryDays * 86_400_000).toISOString();
    // Tables with a deletedAt index answer from it; small tables without one are scanned.
    const expired = this.dexieTable.schema.idxByName['deletedAt']
      ? await this.dexieTable.where('deletedAt').below(cutoff).primaryKeys()
      : (await this.dexieTable.filter((r) => !!r.deletedAt && r.deletedAt < cutoff).toArray()).map((r) => r.id);
    if (expired.length === 0) return 0;
    await this.store.commit(
      actor,
      expired.map((id) => ({ table: this.table, kind: 'delete' as const, id: String(id), action: 'purge' as const, detail: `recovery window of ${recoveryDays} days ended` })),
      undefined,
      options,
    );
    return expired.length;
  }

  /** Live (not soft-deleted) records. */
  async listLive(): Promise<z.infer<S>[]> {
    return this.dexieTable.filter((r) => !r.deletedAt).toArray();
  }
}
