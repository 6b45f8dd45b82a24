// Field-level merge of team edits (lib/sync/README.md, "Conflicts"). A change that edits a record carries
// the names of the top-level fields it changed, and the team order its sender had seen (`seen`). Every
// replica applies the changes in team order and, per field, the later edit wins; edits of different
// fields of one record all survive. When an edit overwrites a value its sender had not seen (another
// device wrote it after the sender's `seen`), the overwritten value is kept in the record's history
// (`overwritten`, lib/model/common.ts), the same on every replica.
//
// This browser's own edits are applied at once but take their place in team order only when the server
// files them. Until the own change comes back in a pull, the field is "ahead": what the team order says
// the field holds (the shadow) is kept beside it, sealed under the team key, so the history notes that
// other replicas write are written here too, in the same order.
import type { PrivacyDeskDb, SyncMeta } from '../db/schema';
import type { FieldNote } from '../model/common';
import type { Change, ChangeOp } from './change';
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from './codec';
import { open, seal } from './keys';

/** What the merge needs to know of the change an op came in: who sent it, what it had seen, its number. */
export type ChangeOrigin = Pick<Change, 'device' | 'actor' | 'seen' | 'seq' | 'ops'>;

/** A request's lifecycle fields move together and merge by their transitions (merge.ts), not field by field. */
export const LIFECYCLE = new Set(['status', 'open', 'transitions', 'extendedDueAt', 'effectiveDueAt', 'extension', 'outcome']);
/** Fields never merged or noted: the history itself, and the write time (every edit changes it). */
const UNNOTED = new Set(['updatedAt', 'overwritten']);
/** Tables whose schema keeps a history of overwritten values (the organisation profile does not). */
const NOTES_TABLES = new Set(['subjects', 'requests', 'activities', 'events', 'consents', 'consentPurposes', 'consentTexts', 'subprocessors', 'documents', 'breaches']);
const VALUE_CHARS = 2000;

export const fieldKey = (table: string, id: string, field: string) => `${table}/${id}#${field}`;

type Row = Record<string, unknown>;

/** The top-level fields a write changed (the history itself never counts). */
export function editedFields(before: Row, after: Row): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => k !== 'overwritten' && JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}

/** Whether a change is an erasure (Art. 17): it keeps no overwritten value of the records it writes. */
export const isErasure = (change: Pick<Change, 'ops'>): boolean => change.ops.some((op) => op.table === 'subjects' && !!op.fields?.includes('erasedAt'));

/** Who last wrote a field in team order: the field's own meta or the record's whole write, the later. */
function prior(field: SyncMeta | undefined, record: SyncMeta | undefined): SyncMeta | undefined {
  if (!field) return record;
  if (!record) return field;
  return record.order > field.order ? record : field;
}

/** An edit overwrote `previous` unseen: another device wrote it after the team order the editor had seen. */
const unseen = (previous: { order: number; device?: string }, change: ChangeOrigin, device: string) => previous.device !== device && previous.order > (change.seen ?? 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function note(field: string, value: unknown, by: string | undefined, order: number, overwrittenBy: string): FieldNote {
  const json = JSON.stringify(value ?? null);
  return { field, value: json.length > VALUE_CHARS ? `${json.slice(0, VALUE_CHARS)}…` : json, by: by ?? '', order, overwrittenBy };
}

export function withNotes(record: Row, notes: readonly FieldNote[]): Row {
  if (notes.length === 0) return record;
  const all = [...((record.overwritten as FieldNote[] | undefined) ?? []), ...notes];
  all.sort((a, b) => a.order - b.order || (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  return { ...record, overwritten: all.slice(-500) };
}

/** Seals a field's value under the team key (the shadow holds personal data as records do). */
export interface ShadowKeys {
  epoch: number;
  keys: Record<string, string>;
}
function sealValue(value: unknown, k: ShadowKeys): string {
  return `${k.epoch}.${toBase64Url(seal(fromBase64Url(k.keys[String(k.epoch)]!), utf8(JSON.stringify({ v: value }))))}`;
}
function openValue(sealed: string | undefined, k: ShadowKeys): unknown {
  if (!sealed) return undefined;
  const [epoch, body] = sealed.split('.');
  const key = k.keys[epoch ?? ''];
  if (!key || !body) return undefined;
  return (JSON.parse(fromUtf8(open(fromBase64Url(key), fromBase64Url(body)))) as { v?: unknown }).v;
}

/**
 * In the commit hook: this device edits `fields` of a record. Each field becomes ahead until the change
 * comes back from the server; the first own edit keeps the team order's value as the shadow.
 */
export async function markAhead(db: PrivacyDeskDb, op: ChangeOp, before: Row, seq: number, device: string, k: ShadowKeys): Promise<void> {
  const record = await db.syncMeta.get(`${op.table}/${op.id}`);
  for (const field of op.fields ?? []) {
    const key = fieldKey(op.table, op.id, field);
    const meta = await db.syncMeta.get(key);
    if (meta?.ahead) {
      await db.syncMeta.put({ ...meta, ahead: { ...meta.ahead, until: seq } });
      continue;
    }
    const last = prior(meta, record);
    await db.syncMeta.put({
      key,
      order: meta?.order ?? 0,
      ...(meta?.device ? { device: meta.device } : {}),
      ...(meta?.actor ? { actor: meta.actor } : {}),
      ahead: { order: last?.order ?? 0, ...(last?.device ? { device: last.device } : {}), ...(last?.actor ? { actor: last.actor } : {}), value: sealValue(before[field], k), until: seq, own: device },
    });
  }
}

export interface Merged {
  record: Row;
  metas: SyncMeta[];
}

/**
 * Applies a pulled edit (`op.fields` set, the record present here) at team order `order`: the record to
 * write and the field metas to store with it.
 */
export async function mergeEdit(
  db: PrivacyDeskDb,
  op: ChangeOp,
  before: Row,
  change: ChangeOrigin,
  order: number,
  lifecycle: ((localOrder: number) => Row) | undefined,
  k: ShadowKeys,
): Promise<Merged> {
  const incoming = op.record as Row;
  const record: Row = { ...before };
  const notes: FieldNote[] = [];
  const metas: SyncMeta[] = [];
  const erasure = isErasure(change);
  const noting = NOTES_TABLES.has(op.table) && !erasure;
  const recordMeta = await db.syncMeta.get(`${op.table}/${op.id}`);
  const mine = { order, device: change.device, actor: change.actor };
  const set = (field: string, value: unknown) => {
    if (value === undefined) delete record[field];
    else record[field] = value;
  };

  const fields = op.fields ?? [];
  const group = lifecycle ? fields.filter((f) => LIFECYCLE.has(f)) : [];
  if (group.length > 0) {
    // The lifecycle merges by its transitions (merge.ts): ahead here means "later than anything that arrives".
    let localOrder = 0;
    for (const field of LIFECYCLE) {
      const meta = await db.syncMeta.get(fieldKey(op.table, op.id, field));
      localOrder = Math.max(localOrder, meta?.ahead ? Number.POSITIVE_INFINITY : (prior(meta, recordMeta)?.order ?? 0));
    }
    const merged = lifecycle!(localOrder);
    for (const field of LIFECYCLE) set(field, merged[field]);
    for (const field of group) {
      const key = fieldKey(op.table, op.id, field);
      const meta = await db.syncMeta.get(key);
      if (!meta?.ahead) metas.push({ key, ...mine });
    }
  }
  for (const field of fields) {
    if (group.includes(field) || field === 'overwritten') continue;
    const key = fieldKey(op.table, op.id, field);
    const meta = await db.syncMeta.get(key);
    if (meta?.ahead) {
      // This device's own later edit stands; the team order's value moves on in the shadow.
      const shadow = openValue(meta.ahead.value, k);
      if (noting && !UNNOTED.has(field) && unseen(meta.ahead, change, change.device) && !same(shadow, incoming[field]))
        notes.push(note(field, shadow, meta.ahead.actor, meta.ahead.order, change.actor));
      metas.push({ ...meta, ahead: { ...meta.ahead, order, device: change.device, actor: change.actor, value: sealValue(incoming[field], k) } });
      continue;
    }
    const last = prior(meta, recordMeta);
    if (noting && last && !UNNOTED.has(field) && unseen(last, change, change.device) && !same(before[field], incoming[field]))
      notes.push(note(field, before[field], last.actor, last.order, change.actor));
    set(field, incoming[field]);
    metas.push({ key, ...mine });
  }
  if (erasure) delete record.overwritten;
  return { record: withNotes(record, notes), metas };
}

/**
 * A pulled whole write (a snapshot) of a record with fields this device edited ahead: those keep the own
 * value, and the team order's value moves on in their shadow.
 */
export async function keepAhead(db: PrivacyDeskDb, recordKey: string, before: Row, incoming: Row, change: ChangeOrigin, order: number, metas: SyncMeta[], k: ShadowKeys): Promise<Row> {
  const ahead = (await db.syncMeta.where('key').startsWith(`${recordKey}#`).toArray()).filter((m) => m.ahead);
  if (ahead.length === 0) return incoming;
  const record = { ...incoming };
  for (const meta of ahead) {
    const field = meta.key.slice(recordKey.length + 1);
    if (LIFECYCLE.has(field) && recordKey.startsWith('requests/')) continue;
    if (before[field] === undefined) delete record[field];
    else record[field] = before[field];
    metas.push({ ...meta, ahead: { ...meta.ahead!, order, device: change.device, actor: change.actor, value: sealValue(incoming[field], k) } });
  }
  return record;
}

/**
 * A pulled change that this device sent itself has found its place in team order: its fields stop being
 * ahead (or their shadow moves on to it, when a later own edit is still ahead), and what it overwrote
 * unseen is noted, as every other replica notes it. Returns the record when it gains a note.
 */
export async function settleOwn(db: PrivacyDeskDb, op: ChangeOp, current: Row | undefined, change: ChangeOrigin, order: number, k: ShadowKeys): Promise<Merged> {
  const metas: SyncMeta[] = [];
  const notes: FieldNote[] = [];
  const noting = NOTES_TABLES.has(op.table) && !isErasure(change);
  const incoming = op.record as Row;
  for (const field of op.fields ?? []) {
    const key = fieldKey(op.table, op.id, field);
    const meta = await db.syncMeta.get(key);
    if (!meta?.ahead) continue;
    if (noting && !UNNOTED.has(field) && !LIFECYCLE.has(field) && unseen(meta.ahead, change, change.device)) {
      const shadow = openValue(meta.ahead.value, k);
      if (!same(shadow, incoming[field])) notes.push(note(field, shadow, meta.ahead.actor, meta.ahead.order, change.actor));
    }
    const mine = { order, device: change.device, actor: change.actor };
    if (meta.ahead.until > change.seq) metas.push({ key, ...mine, ahead: { ...meta.ahead, ...mine, value: sealValue(incoming[field], k) } });
    else metas.push({ key, ...mine });
  }
  const record = current && notes.length > 0 ? withNotes(current, notes) : (current ?? {});
  return { record, metas };
}
