// Consent records (Art. 7(1): the controller must be able to demonstrate that the data subject consented).
// Purposes carry versioned consent texts per language; each version is immutable and stored with its
// SHA-256, so a record names exactly the words the person agreed to. A withdrawal (Art. 7(3)) is a new
// record pointing at the consent it ends; nothing is ever edited. The current state is derived from the
// history (lib/register/consent-state.ts).
import { Dexie } from 'dexie';
import type { ConsentChannel, ConsentPurpose, ConsentRecord, ConsentTextVersion } from '../model/consent';
import type { UiLanguage } from '../model/common';
import type { TicketContext } from '../model/helpdesk';
import type { DataSubject } from '../model/subject';
import { UI_LANGUAGES } from '../model/common';
import { sha256Hex } from '../audit/sha256';
import { byTime, consentState } from '../register/consent-state';
import { ConflictError } from './errors';
import type { Repositories } from './repositories';
import type { WriteOp } from './store';
import { prepareEvent, sourceOf } from './events';
import { assertStillUnknown, findSubjectByEmail, subjectForTicket } from './subjects';

// — purposes and their texts —

export async function listPurposes(repos: Repositories): Promise<{ purposes: ConsentPurpose[]; texts: ConsentTextVersion[] }> {
  const purposes = (await repos.consentPurposes.listLive()).sort((a, b) => a.name.localeCompare(b.name));
  const texts = await repos.db.consentTexts.where('purposeId').anyOf(purposes.map((p) => p.id)).toArray();
  texts.sort((a, b) => a.purposeId.localeCompare(b.purposeId) || a.language.localeCompare(b.language) || a.version - b.version);
  return { purposes, texts };
}

export interface PurposeInput {
  id?: string;
  key: string;
  name: string;
  activityId?: string;
}

/** Creates or renames a purpose. Keys are unique: they identify the purpose in exports and forms. */
export async function savePurpose(repos: Repositories, actor: string, input: PurposeInput): Promise<ConsentPurpose> {
  if (input.activityId) {
    const activity = await repos.activities.require(input.activityId);
    if (activity.deletedAt) throw new ConflictError(`The activity "${activity.name}" was deleted`);
  }
  const fields = { key: input.key.trim(), name: input.name, ...(input.activityId ? { activityId: input.activityId } : {}) };
  const clash = async (db = repos.db) => {
    const same = await db.consentPurposes.where('key').equals(fields.key).first();
    if (same && same.id !== input.id) throw new ConflictError(`A purpose with the key "${fields.key}" exists already`);
  };
  await clash();
  if (!input.id) {
    const record = repos.consentPurposes.prepareCreate(fields);
    await repos.store.commit(actor, [repos.consentPurposes.createOp(record, `purpose ${record.key}`)], clash);
    return record;
  }
  return repos.consentPurposes.update(actor, input.id, { activityId: undefined, ...fields });
}

/** The newest version of a purpose's text in one language. */
export async function latestText(repos: Repositories, purposeId: string, language: UiLanguage): Promise<ConsentTextVersion | undefined> {
  return repos.db.consentTexts
    .where('[purposeId+language+version]')
    .between([purposeId, language, Dexie.minKey], [purposeId, language, Dexie.maxKey])
    .last();
}

/**
 * Sets the consent text of a purpose in one language. A changed text becomes a new version (the old one
 * stays: earlier consents point at it); the same text as the newest version creates nothing. Texts are
 * compared by the SHA-256 of their NFC form, so the same visible text always has the same digest.
 */
export async function setConsentText(
  repos: Repositories,
  actor: string,
  input: { purposeId: string; language: UiLanguage; text: string },
): Promise<{ text: ConsentTextVersion; created: boolean }> {
  const purpose = await repos.consentPurposes.require(input.purposeId);
  const text = input.text.normalize('NFC').trim();
  const sha256 = await sha256Hex(text);
  const latest = await latestText(repos, purpose.id, input.language);
  if (latest?.sha256 === sha256) return { text: latest, created: false };
  const version = (latest?.version ?? 0) + 1;
  const record = repos.consentTexts.prepareCreate({ purposeId: purpose.id, version, language: input.language, text, sha256 });
  await repos.store.commit(actor, [repos.consentTexts.createOp(record, `purpose ${purpose.key}, ${input.language} v${version}`)], async (db) => {
    const raced = await db.consentTexts.where('[purposeId+language+version]').equals([purpose.id, input.language, version]).count();
    if (raced > 0) throw new ConflictError('The consent text was changed a moment ago; reload and try again');
  });
  return { text: record, created: true };
}

/**
 * The text a consent is recorded against: the newest version in the first preferred language that has
 * one, else English, else any language.
 */
export async function textForConsent(repos: Repositories, purposeId: string, preferred: readonly (UiLanguage | undefined)[]): Promise<ConsentTextVersion> {
  const order = [...new Set([...preferred.filter((l): l is UiLanguage => !!l), 'en' as const, ...UI_LANGUAGES])];
  for (const language of order) {
    const text = await latestText(repos, purposeId, language);
    if (text) return text;
  }
  const purpose = await repos.consentPurposes.require(purposeId);
  throw new ConflictError(`The purpose "${purpose.name}" has no consent text yet: add the text people agree to first`);
}

// — giving and withdrawing —

export interface Evidence {
  quote?: string;
  ticketUrl?: string;
}

interface GiveInput {
  subject: DataSubject;
  /** Present when the subject is new and must be written in the same commit. */
  subjectOp?: WriteOp;
  purposeId: string;
  /** Languages to prefer for the text version, best first. */
  languages: readonly (UiLanguage | undefined)[];
  channel: ConsentChannel;
  at?: string;
  evidence: Evidence;
  ticket?: TicketContext;
}

async function give(repos: Repositories, actor: string, input: GiveInput): Promise<ConsentRecord> {
  const purpose = await repos.consentPurposes.require(input.purposeId);
  if (purpose.deletedAt) throw new ConflictError(`The purpose "${purpose.name}" was deleted`);
  const text = await textForConsent(repos, purpose.id, input.languages);
  const record = repos.consents.prepareCreate({
    subjectId: input.subject.id,
    purposeId: purpose.id,
    action: 'give',
    textVersionId: text.id,
    textSha256: text.sha256,
    language: text.language,
    channel: input.channel,
    at: input.at ?? repos.store.nowIso(),
    evidence: { ...(input.evidence.ticketUrl ? { ticketUrl: input.evidence.ticketUrl } : {}), quote: input.evidence.quote ?? '' },
    recordedBy: actor,
  });
  const ops: WriteOp[] = [...(input.subjectOp ? [input.subjectOp] : []), repos.consents.createOp(record, `give, purpose ${purpose.key}, text ${text.language} v${text.version}`)];
  // The register's event log shows the capture too, under the purpose's activity when it names one.
  const activity = purpose.activityId ? await repos.activities.get(purpose.activityId) : undefined;
  if (activity && !activity.deletedAt) {
    const { op } = await prepareEvent(
      repos,
      actor,
      {
        type: 'consent-captured',
        activityId: activity.id,
        subjectId: input.subject.id,
        ...(input.ticket ? { ticket: sourceOf(input.ticket) } : {}),
        description: `${purpose.name} (${text.language} v${text.version})`,
        at: record.at,
      },
      !!input.subjectOp,
    );
    ops.push(op);
  }
  await repos.store.commit(actor, ops, input.subjectOp ? (db) => assertStillUnknown(db, input.subject) : undefined);
  return record;
}

/**
 * Records consent given by the person with this e-mail (side panel: a phone call, a web form, a letter);
 * a person not seen before is created in the same commit.
 */
export async function recordConsent(
  repos: Repositories,
  actor: string,
  input: { email: string; purposeId: string; language?: UiLanguage; channel: ConsentChannel; at?: string; evidence: Evidence },
): Promise<ConsentRecord> {
  const known = await findSubjectByEmail(repos, input.email);
  const subject = known ?? repos.subjects.prepareCreate({ emails: [input.email], names: [], helpdeskContacts: [] });
  return give(repos, actor, {
    ...input,
    subject,
    ...(known ? {} : { subjectOp: repos.subjects.createOp(subject, 'from a consent record') }),
    languages: [input.language, subject.language],
  });
}

/**
 * Records consent given in a helpdesk ticket: the person is found by e-mail or created from the ticket
 * (in the same commit), the ticket link and the customer's quoted words are the evidence.
 */
export async function recordConsentFromTicket(
  repos: Repositories,
  actor: string,
  input: { ticket: TicketContext; purposeId: string; quote: string; channel: ConsentChannel; email?: string },
): Promise<ConsentRecord> {
  const email = input.email ?? input.ticket.requesterEmail;
  if (!email) throw new ConflictError('Consent belongs to a person: type the requester’s e-mail first');
  const { subject, createOp } = await subjectForTicket(repos, input.ticket, email);
  const ticketLanguage = UI_LANGUAGES.find((l) => l === input.ticket.language);
  return give(repos, actor, {
    subject,
    ...(createOp ? { subjectOp: createOp } : {}),
    purposeId: input.purposeId,
    languages: [ticketLanguage, subject.language],
    channel: input.channel,
    evidence: { ticketUrl: input.ticket.ticketUrl, quote: input.quote },
    ticket: input.ticket,
  });
}

/** Records a withdrawal (Art. 7(3)) of the consent currently given for the purpose. */
export async function withdrawConsent(
  repos: Repositories,
  actor: string,
  input: { subjectId: string; purposeId: string; channel: ConsentChannel; at?: string; evidence: Evidence },
): Promise<ConsentRecord> {
  await repos.subjects.require(input.subjectId);
  const purpose = await repos.consentPurposes.require(input.purposeId);
  const at = input.at ?? repos.store.nowIso();
  const history = await repos.db.consents.where('[subjectId+purposeId]').equals([input.subjectId, input.purposeId]).toArray();
  const current = consentState(history, purpose.id, at);
  if (current.state !== 'given' || !current.decidedBy) throw new ConflictError(`There is no consent for "${purpose.name}" to withdraw`);
  const record = repos.consents.prepareCreate({
    subjectId: input.subjectId,
    purposeId: purpose.id,
    action: 'withdraw',
    withdraws: current.decidedBy.id,
    language: current.decidedBy.language,
    channel: input.channel,
    at,
    evidence: { ...(input.evidence.ticketUrl ? { ticketUrl: input.evidence.ticketUrl } : {}), quote: input.evidence.quote ?? '' },
    recordedBy: actor,
  });
  await repos.store.commit(actor, [repos.consents.createOp(record, `withdraw, purpose ${purpose.key}`)], async (db) => {
    const now = await db.consents.where('[subjectId+purposeId]').equals([input.subjectId, input.purposeId]).count();
    if (now !== history.length) throw new ConflictError('This consent changed a moment ago; reload and try again');
  });
  return record;
}

/** A subject's consent history, oldest first, with the text versions it refers to. */
export async function consentHistory(repos: Repositories, subjectId: string): Promise<{ records: ConsentRecord[]; texts: ConsentTextVersion[] }> {
  const records = (await repos.db.consents.where('subjectId').equals(subjectId).toArray()).filter((r) => !r.deletedAt).sort(byTime);
  const ids = [...new Set(records.map((r) => r.textVersionId).filter((id): id is string => !!id))];
  const texts = (await repos.db.consentTexts.bulkGet(ids)).filter((t): t is ConsentTextVersion => !!t);
  return { records, texts };
}
