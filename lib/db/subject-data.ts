// Everything stored about one data subject: the export package (Arts. 15, 20) and erasure (Art. 17).
import { SUBJECT_EXPORT_FORMAT, SubjectExport, type DataSubject } from '../model';
import { parseOrThrow } from '../model/errors';
import { sha256Hex } from '../audit/sha256';
import type { Repositories } from './repositories';
import type { WriteOp } from './store';

export async function collectSubjectData(repos: Repositories, subjectId: string): Promise<SubjectExport> {
  const { db } = repos;
  const subject = await repos.subjects.require(subjectId);
  const live = <T extends { deletedAt?: string }>(rows: T[]) => rows.filter((r) => !r.deletedAt);
  const requests = live(await db.requests.where('subjectId').equals(subjectId).toArray());
  const consents = live(await db.consents.where('subjectId').equals(subjectId).toArray());
  const events = live(await db.events.where('subjectId').equals(subjectId).toArray());
  const textIds = [...new Set(consents.map((c) => c.textVersionId).filter((id): id is string => !!id))];
  const consentTexts = (await db.consentTexts.bulkGet(textIds)).filter((t) => !!t);
  const purposeIds = [...new Set(consents.map((c) => c.purposeId))];
  const consentPurposes = (await db.consentPurposes.bulkGet(purposeIds)).filter((p) => !!p);
  const activityIds = new Set([...events.map((e) => e.activityId), ...consentPurposes.map((p) => p.activityId).filter((id): id is string => !!id)]);
  const activities = live((await db.activities.bulkGet([...activityIds])).filter((a) => !!a));
  const org = await db.organisation.get('organisation');
  return parseOrThrow(
    SubjectExport,
    {
      format: SUBJECT_EXPORT_FORMAT,
      version: 1,
      generatedAt: repos.store.nowIso(),
      ...(org ? { controller: org.legalName } : {}),
      subject,
      requests,
      consents,
      consentTexts,
      consentPurposes,
      events,
      activities,
    },
    'subject export',
  );
}

/** Collects the package and records the export in the audit trail. */
export async function exportSubjectData(repos: Repositories, actor: string, subjectId: string): Promise<SubjectExport> {
  const data = await collectSubjectData(repos, subjectId);
  await repos.store.log(actor, 'export', 'subjects', subjectId, `subject export: ${data.requests.length} requests, ${data.consents.length} consents, ${data.events.length} events`);
  return data;
}

/** A keyed hash of an identifier: the same person maps to the same value, which reveals nothing without the key. */
export async function pseudonym(key: string, value: string): Promise<string> {
  return `erased:${(await sha256Hex(`${key}\n${value.trim().toLowerCase()}`)).slice(0, 32)}`;
}

/**
 * Erases a subject's own records in the extension after an erasure request (Art. 17): consents and
 * events are purged, the subject's identifiers are replaced by keyed hashes, and requests keep only
 * what the audit needs — type, dates, transitions, ground and which systems were confirmed erased.
 */
export async function eraseSubject(repos: Repositories, actor: string, subjectId: string, key: string): Promise<DataSubject> {
  const { db } = repos;
  const subject = await repos.subjects.require(subjectId);
  const now = repos.store.nowIso();
  const erased: DataSubject = {
    ...subject,
    emails: [],
    names: await Promise.all([...subject.emails, ...subject.names].map((v) => pseudonym(key, v))),
    helpdeskContacts: [],
    erasedAt: now,
    updatedAt: now,
  };
  delete erased.language;
  // Values a concurrent team edit overwrote (lib/sync/fields.ts) may name the subject too.
  delete erased.overwritten;
  const ops: WriteOp[] = [{ table: 'subjects', kind: 'put', id: subjectId, record: erased, action: 'update', detail: 'identifiers replaced by keyed hashes (erasure)' }];
  for (const request of await db.requests.where('subjectId').equals(subjectId).toArray()) {
    const { identity: _identity, overwritten: _overwritten, ...rest } = request;
    const record = {
      ...rest,
      notes: '',
      ...(request.source ? { source: { ...request.source, subject: undefined } } : {}),
      ...(request.outcome ? { outcome: { ...request.outcome, summary: '' } } : {}),
      updatedAt: now,
    };
    ops.push({ table: 'requests', kind: 'put', id: request.id, record, action: 'update', detail: 'personal details removed (erasure)' });
  }
  for (const c of await db.consents.where('subjectId').equals(subjectId).primaryKeys())
    ops.push({ table: 'consents', kind: 'delete', id: String(c), action: 'purge', detail: 'subject erased' });
  for (const e of await db.events.where('subjectId').equals(subjectId).primaryKeys())
    ops.push({ table: 'events', kind: 'delete', id: String(e), action: 'purge', detail: 'subject erased' });
  await repos.store.commit(actor, ops);
  return erased;
}
