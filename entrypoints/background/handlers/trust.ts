// The passphrase lock and backup/restore messages, and the lock's gate in front of every handler.
//
// While the lock is closed, every message answers the typed error 'locked' except the few whose definition
// in lib/messaging/messages/ says `{ whileLocked: true }` (they read no personal data: the lock's own
// messages, the audit chain, settings, organisation profile and policy, opening the side panel,
// classifying the overlay's text), and `overlay.choices`, which tells the overlay it is locked.
import type { Handlers, HandlersOf } from '../../../lib/messaging/server';
import { BACKUP_CHUNK, type OperationProgress, type TRUST_MESSAGES } from '../../../lib/messaging/messages/trust';
import { PassphraseLock, type KeyKeeper } from '../../../lib/db/crypto/lock';
import { DEFAULT_ITERATIONS } from '../../../lib/db/crypto/keys';
import { getAutoLock, keyLifetime, saveAutoLock } from '../../../lib/db/crypto/auto-lock';
import { browserApis, watchIdle } from '../auto-lock';
import { LockedError } from '../../../lib/db/crypto/errors';
import { fromBase64, toBase64 } from '../../../lib/db/crypto/bytes';
import { ConflictError } from '../../../lib/db/errors';
import { createBackup, restoreFromFile } from '../../../lib/backup/service';
import { inspectBackup } from '../../../lib/backup/inspect';
import type { HandlerContext } from './context';
import { BackupTransfers } from '../backup-transfers';
import { openWhileLocked } from '../../../lib/messaging/protocol';

export function trustGroup(ctx: HandlerContext, keeper: KeyKeeper | undefined = sessionKeyKeeper(), apis = browserApis()) {
  const { repos, actor, hooks } = ctx;
  // Long operations report records done of total to ctx.progress, which the page polls ('trust.progress').
  let report: ((phase: OperationProgress['phase'], done: number, total: number) => void) | undefined;
  const tracked = <T>(operation: OperationProgress['operation'], work: () => Promise<T>): Promise<T> =>
    ctx.progress.run(operation, async (r) => {
      report = r;
      try {
        return await work();
      } finally {
        report = undefined;
      }
    });
  const lock = new PassphraseLock(repos, keeper, DEFAULT_ITERATIONS, keyLifetime(repos.db), { onProgress: (p) => report?.(p.phase, p.done, p.total) });
  const autoLock = watchIdle(lock, apis.idle, apis.alarms);
  // Try the session's key at once: the first message after a service-worker restart finds the lock open.
  void lock
    .ready()
    .then(async () => autoLock.apply(await getAutoLock(repos.db)))
    .catch(() => undefined);
  /** Runs a lock operation, then re-plans when the lock closes by itself. */
  const planned = async <T>(result: Promise<T>): Promise<T> => {
    const value = await result;
    await autoLock.plan();
    return value;
  };

  const transfers = new BackupTransfers();

  const handlers: HandlersOf<typeof TRUST_MESSAGES> = {
    'trust.status': async () => (await lock.ready(), lock.status()),
    'trust.enable': async ({ passphrase }) => planned(tracked('enable', () => lock.enable(passphrase))),
    'trust.unlock': async ({ passphrase }) => planned(lock.unlock(passphrase)),
    'trust.lock': async () => planned(lock.lock()),
    'trust.changePassphrase': async ({ current, next }) => planned(tracked('change', () => lock.change(current, next))),
    'trust.disable': async ({ passphrase }) => planned(tracked('disable', () => lock.disable(passphrase))),
    'trust.progress': async () => ctx.progress.get(),
    'trust.getAutoLock': async () => getAutoLock(repos.db),
    'trust.setAutoLock': async (settings) => {
      const saved = await saveAutoLock(repos.db, settings);
      await autoLock.apply(saved);
      // A shorter lifetime applies at once to a lock opened long ago.
      await lock.expire();
      return saved;
    },

    'backup.create': async ({ passphrase }) => {
      transfers.ensureRoom();
      const { text, meta } = await createBackup(repos, passphrase ? { passphrase } : {});
      const records = Object.entries(meta.counts).reduce((n, [k, v]) => (k === 'audit' || k === 'settings' ? n : n + v), 0);
      // A backup is an export of everything: the trail says when, by whom, and which file (by checksum).
      await repos.store.log(await actor(), 'export', 'backup', meta.sha256, `backup of ${records} records and ${meta.counts.audit ?? 0} audit entries${meta.encrypted ? ', encrypted' : ''}`);
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += BACKUP_CHUNK) chunks.push(text.slice(i, i + BACKUP_CHUNK));
      const id = transfers.start(chunks, chunks.length);
      return { ...meta, id, fileName: `privacy-desk-backup-${meta.createdAt.slice(0, 10)}${meta.encrypted ? '-encrypted' : ''}.json`, chars: text.length, chunks: chunks.length };
    },
    'backup.chunk': async ({ id, index }) => {
      const t = transfers.get(id);
      const text = t.chunks[index];
      if (text === undefined) throw new ConflictError(`This backup has ${t.total} chunks; there is no chunk ${index}`);
      if (index === t.total - 1) transfers.finish(id);
      return { text };
    },
    'backup.upload': async ({ id, index, total, text }) => {
      let key = id;
      if (!key) {
        if (index !== 0) throw new ConflictError('An upload starts with chunk 0');
        key = transfers.start([], total);
      }
      return { id: key, received: transfers.append(key, index, total, text) };
    },
    'backup.inspect': async ({ id, passphrase }) => {
      const t = transfers.get(id);
      if (t.chunks.length !== t.total) throw new ConflictError(`The file arrived incompletely (${t.chunks.length} of ${t.total} parts): send it again`);
      return inspectBackup(repos, t.chunks.join(''), passphrase ? { passphrase } : {});
    },
    'backup.discard': async ({ id }) => (transfers.finish(id), {}),
    'backup.restore': async ({ id, passphrase, mode }) => {
      const t = transfers.get(id);
      if (t.chunks.length !== t.total) throw new ConflictError(`The file arrived incompletely (${t.chunks.length} of ${t.total} parts): send it again`);
      transfers.finish(id);
      const text = t.chunks.join('');
      const result = await tracked('restore', async () =>
        restoreFromFile(repos, await actor(), text, { mode, ...(passphrase ? { passphrase } : {}), onProgress: (done, total) => report?.('write', done, total) }),
      );
      hooks.requestsChanged();
      return result;
    },
  };

  /** Wraps every handler: waits for the lock to be ready, refuses personal data while it is closed. */
  function guard(all: Handlers): Handlers {
    const out: Record<string, (payload: unknown, sender: never) => Promise<unknown>> = {};
    for (const [type, handler] of Object.entries(all) as Array<[string, (payload: unknown, sender: never) => Promise<unknown>]>) {
      out[type] = async (payload, sender) => {
        await lock.ready();
        // The key's lifetime is checked on every message too: the expiry alarm may not have fired yet.
        await lock.expire();
        if (lock.status().state === 'locked' && !openWhileLocked(type)) {
          if (type === 'overlay.choices') return { purposes: [], activities: [], locked: true };
          throw new LockedError();
        }
        return handler(payload, sender);
      };
    }
    return out as unknown as Handlers;
  }

  return { lock, handlers, guard };
}

/**
 * The lock's key for this browser session in `storage.session`: kept in memory by the browser, never
 * on disk, gone when the browser closes, and by default not readable from content scripts. Without it
 * the user would unlock again each time MV3 stops the idle service worker. Undefined outside an
 * extension (unit tests).
 */
export function sessionKeyKeeper(): KeyKeeper | undefined {
  type Area = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; remove(key: string): Promise<void> };
  const g = globalThis as { browser?: { storage?: { session?: Area } }; chrome?: { storage?: { session?: Area } } };
  const area = g.browser?.storage?.session ?? g.chrome?.storage?.session;
  if (!area) return undefined;
  const KEY = 'privacyDesk.lockKey';
  return {
    keep: (keyId, master, openedAt) => area.set({ [KEY]: { keyId, master: toBase64(master), openedAt } }),
    recall: async () => {
      const kept = (await area.get(KEY))[KEY] as { keyId?: unknown; master?: unknown; openedAt?: unknown } | undefined;
      if (typeof kept?.keyId !== 'string' || typeof kept.master !== 'string') return undefined;
      return { keyId: kept.keyId, master: fromBase64(kept.master), ...(typeof kept.openedAt === 'number' ? { openedAt: kept.openedAt } : {}) };
    },
    forget: () => area.remove(KEY),
  };
}
