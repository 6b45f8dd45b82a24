// Soft-deleted records across every table that soft-deletes: what the DPO can still restore, until
// when, and the purge that removes them once the recovery window ended (README: soft delete, then
// purge). Restore and purge each leave their own audit entry through the Repository.
import type { Repositories } from './repositories';
import { DEFAULT_RECOVERY_DAYS } from './store';
import { NotFoundError } from './errors';
import { SOFT_DELETE_TABLES, type DeletedItem, type SoftDeleteTable } from '../model/deleted';
import type { RequestType } from '../model/request';

const DAY_MS = 86_400_000;

export function purgeInstant(deletedAt: string, recoveryDays = DEFAULT_RECOVERY_DAYS): string {
  return new Date(Date.parse(deletedAt) + recoveryDays * DAY_MS).toISOString();
}

/** Every soft-deleted record, most recently deleted first. */
export async function listDeleted(repos: Repositories, recoveryDays = DEFAULT_RECOVERY_DAYS): Promise<DeletedItem[]> {
  const items: DeletedItem[] = [];
  const subjectName = async (id: string | undefined) => {
    const s = id ? await repos.db.subjects.get(id) : undefined;
    return s ? (s.names[0] ?? s.emails[0] ?? '') : '';
  };
  const add = (table: SoftDeleteTable, id: string, deletedAt: string | undefined, title: string, requestType?: RequestType) => {
    if (!deletedAt) return;
    items.push({ table, id, title, ...(requestType ? { requestType } : {}), deletedAt, purgeAt: purgeInstant(deletedAt, recoveryDays) });
  };
  // Records without deletedAt are absent from the deletedAt index: each query reads only deleted ones.
  for (const r of await repos.db.requests.orderBy('deletedAt').toArray()) add('requests', r.id, r.deletedAt, (await subjectName(r.subjectId)) || (r.source?.subject ?? ''), r.type);
  for (const s of await repos.db.subjects.orderBy('deletedAt').toArray()) add('subjects', s.id, s.deletedAt, s.names[0] ?? s.emails[0] ?? '');
  for (const a of await repos.db.activities.orderBy('deletedAt').toArray()) add('activities', a.id, a.deletedAt, a.name);
  for (const e of await repos.db.events.orderBy('deletedAt').toArray()) add('events', e.id, e.deletedAt, e.description || (await subjectName(e.subjectId)));
  for (const s of await repos.db.subprocessors.orderBy('deletedAt').toArray()) add('subprocessors', s.id, s.deletedAt, s.name);
  for (const b of await repos.db.breaches.orderBy('deletedAt').toArray()) add('breaches', b.id, b.deletedAt, b.title);
  return items.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
}

/** Brings one soft-deleted record back; a purged record is gone (NotFoundError). */
export async function restoreDeleted(repos: Repositories, actor: string, table: SoftDeleteTable, id: string): Promise<void> {
  const repo = repos[table];
  const found = await repo.get(id);
  if (!found?.deletedAt) throw new NotFoundError(`deleted ${repo.label}`, id);
  await repo.restore(actor, id);
}

/**
 * Purges every table's records deleted more than `recoveryDays` ago; one audit entry per record.
 * `send` says whether, in a team, the purge travels to the other replicas as a change: only a DPO's does
 * (lib/sync/purge.ts decides; lib/sync/README.md, "Purge"). Out of a team it changes nothing.
 */
export async function purgeAllExpired(repos: Repositories, actor: string, recoveryDays = DEFAULT_RECOVERY_DAYS, options: { send?: boolean } = {}): Promise<Record<SoftDeleteTable, number>> {
  const counts = {} as Record<SoftDeleteTable, number>;
  for (const table of SOFT_DELETE_TABLES) counts[table] = await repos[table].purgeExpired(actor, recoveryDays, { send: options.send ?? false });
  return counts;
}
