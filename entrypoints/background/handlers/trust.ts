// The passphrase lock and backup/restore messages, and the lock's gate in front of every handler.
//
// While the lock is closed, every message answers the typed error 'locked' except the few that read no
// personal data: the lock's own messages, the audit chain's status and verification (it holds none), the
// user's settings, the organisation profile and policy, opening the side panel, classifying the text
// the overlay sends, and `overlay.choices`,
// which tells the overlay it is locked.
import type { Handlers, HandlersOf } from '../../../lib/messaging/server';
import { BACKUP_CHUNK, type TRUST_MESSAGES } from '../../../lib/messaging/messages/trust';
import { PassphraseLock, type KeyKeeper } from '../../../lib/db/crypto/lock';
import { LockedError } from '../../../lib/db/crypto/errors';
import { fromBase64, toBase64 } from '../../../lib/db/crypto/bytes';
import { ConflictError } from '../../../lib/db/errors';
import { createBackup, restoreFromFile } from '../../../lib/backup/service';
import type { HandlerContext } from './context';

const OPEN_WHILE_LOCKED: ReadonlySet<string> = new Set([
  'trust.status',
  'trust.unlock',
  'trust.lock',
  'trust.disable',
  'audit.verify',
  'audit.status',
  'settings.get',
  'organisation.get',
  'managed.get',
  'overlay.openSidePanel',
  // Classifies the text the overlay sends; reads nothing stored.
  'overlay.classify',
]);
/** A backup in transit is dropped after this long (the page has long given up by then). */
const TRANSFER_TTL_MS = 15 * 60_000;

interface Transfer {
  chunks: string[];
  total: number;
  at: number;
}

export function trustGroup(ctx: HandlerContext, keeper: KeyKeeper | undefined = sessionKeyKeeper()) {
  const { repos, actor, hooks } = ctx;
  const lock = new PassphraseLock(repos, keeper);
  // Try the session's key at once: the first message after a service-worker restart finds the lock open.
  void lock.ready().catch(() => undefined);

  const transfers = new Map<string, Transfer>();
  const transfer = (id: string): Transfer => {
    const now = Date.now();
    for (const [key, t] of transfers) if (now - t.at > TRANSFER_TTL_MS) transfers.delete(key);
    const found = transfers.get(id);
    if (!found) throw new ConflictError('This backup transfer expired or is unknown: start again');
    found.at = now;
    return found;
  };

  const handlers: HandlersOf<typeof TRUST_MESSAGES> = {
    'trust.status': async () => (await lock.ready(), lock.status()),
    'trust.enable': async ({ passphrase }) => lock.enable(passphrase),
    'trust.unlock': async ({ passphrase }) => lock.unlock(passphrase),
    'trust.lock': async () => lock.lock(),
    'trust.changePassphrase': async ({ current, next }) => lock.change(current, next),
    'trust.disable': async ({ passphrase }) => lock.disable(passphrase),

    'backup.create': async ({ passphrase }) => {
      const { text, meta } = await createBackup(repos, passphrase ? { passphrase } : {});
      const records = Object.entries(meta.counts).reduce((n, [k, v]) => (k === 'audit' || k === 'settings' ? n : n + v), 0);
      // A backup is an export of everything: the trail says when, by whom, and which file (by checksum).
      await repos.store.log(await actor(), 'export', 'backup', meta.sha256, `backup of ${records} records and ${meta.counts.audit ?? 0} audit entries${meta.encrypted ? ', encrypted' : ''}`);
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += BACKUP_CHUNK) chunks.push(text.slice(i, i + BACKUP_CHUNK));
      const id = crypto.randomUUID();
      transfers.set(id, { chunks, total: chunks.length, at: Date.now() });
      return { ...meta, id, fileName: `privacy-desk-backup-${meta.createdAt.slice(0, 10)}${meta.encrypted ? '-encrypted' : ''}.json`, chars: text.length, chunks: chunks.length };
    },
    'backup.chunk': async ({ id, index }) => {
      const t = transfer(id);
      const text = t.chunks[index];
      if (text === undefined) throw new ConflictError(`This backup has ${t.total} chunks; there is no chunk ${index}`);
      if (index === t.total - 1) transfers.delete(id);
      return { text };
    },
    'backup.upload': async ({ id, index, total, text }) => {
      let key = id;
      if (!key) {
        if (index !== 0) throw new ConflictError('An upload starts with chunk 0');
        key = crypto.randomUUID();
        transfers.set(key, { chunks: [], total, at: Date.now() });
      }
      const t = transfer(key);
      if (total !== t.total || index !== t.chunks.length) throw new ConflictError(`Expected chunk ${t.chunks.length} of ${t.total}`);
      t.chunks.push(text);
      return { id: key, received: t.chunks.length };
    },
    'backup.restore': async ({ id, passphrase, mode }) => {
      const t = transfer(id);
      if (t.chunks.length !== t.total) throw new ConflictError(`The file arrived incompletely (${t.chunks.length} of ${t.total} parts): send it again`);
      transfers.delete(id);
      const result = await restoreFromFile(repos, await actor(), t.chunks.join(''), { mode, ...(passphrase ? { passphrase } : {}) });
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
        if (lock.status().state === 'locked' && !OPEN_WHILE_LOCKED.has(type)) {
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
    keep: (keyId, master) => area.set({ [KEY]: { keyId, master: toBase64(master) } }),
    recall: async () => {
      const kept = (await area.get(KEY))[KEY] as { keyId?: unknown; master?: unknown } | undefined;
      return typeof kept?.keyId === 'string' && typeof kept.master === 'string' ? { keyId: kept.keyId, master: fromBase64(kept.master) } : undefined;
    },
    forget: () => area.remove(KEY),
  };
}
