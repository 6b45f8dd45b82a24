// Shared by the trust tests (backup, lock, migrations, quota): a realistic database built through the
// product's own functions, bulk data for volume, full dumps to compare before/after, raw access to the
// stored form, and a write failure on demand.
import { AUDIT_SEAL_SETTING } from '../../lib/audit/seal';
import { Dexie, type DBCoreMutateRequest } from 'dexie';
import type { Repositories } from '../../lib/db/repositories';
import { flagTicket, transitionRequest, editRequest } from '../../lib/db/requests';
import { saveOrganisation } from '../../lib/db/organisation';
import { saveActivity } from '../../lib/db/register';
import { recordConsentFromTicket, savePurpose, setConsentText, withdrawConsent } from '../../lib/db/consent';
import { logEventFromTicket } from '../../lib/db/events';
import { eraseSubject } from '../../lib/db/subject-data';
import { dumpDatabase } from '../../lib/backup/dump';
import { ENCRYPTION_SETTING } from '../../lib/db/crypto/keys';
import type { PrivacyDeskDb } from '../../lib/db/schema';
import type { DataSubject, SubjectRequest, ConsentRecord, ProcessingEvent } from '../../lib/model';
import { plainDeadline, sampleTicket } from '../db/helpers';

const ticket = (id: string, name: string, email: string, subject: string, language = 'en') => ({
  ...sampleTicket,
  ticketId: id,
  ticketUrl: `http://localhost:4173/tickets/${id}`,
  subject,
  requesterName: name,
  requesterEmail: email,
  language: language as 'en',
});

/** The personal values `populate` writes: none may appear in the stored form while the lock is on. */
export const PERSONAL_VALUES = [
  'jan@example.nl',
  'Jan de Vries',
  'sabine.mueller@example.de',
  'Sabine Müller',
  'giulia.rossi@example.it',
  'Giulia Rossi',
  'Called back on +31 6 1234 5678',
  'Passport checked at the desk',
  'Ja, ik wil de nieuwsbrief',
  'Sent the CSV export to Sabine',
  'Auskunft über meine Daten',
];

/** A small but complete database, every table used, written through the audited functions. */
export async function populate(repos: Repositories): Promise<void> {
  const actor = 'Dana DPO';
  await saveOrganisation(repos, actor, {
    legalName: 'Acme B.V.',
    role: 'controller',
    address: { street: 'Keizersgracht 1', postalCode: '1015 AA', city: 'Amsterdam', country: 'NL' },
    country: 'NL',
    dpo: { name: 'Dana DPO', email: 'dpo@acme.example' },
    supervisoryAuthority: { name: 'Autoriteit Persoonsgegevens', country: 'NL' },
    defaultLanguage: 'nl',
    timeZone: 'Europe/Amsterdam',
    closingDays: [],
    systems: ['Zendesk', 'CRM'],
  });
  await repos.helpdeskOrigins.create(actor, { origin: 'https://acme.zendesk.com', kind: 'zendesk', grantedAt: repos.store.nowIso() });
  const activity = await saveActivity(repos, actor, { name: 'Customer support', role: 'controller', purposes: ['support'] });
  await repos.subprocessors.create(actor, {
    name: 'Helpdesk Inc.',
    legalEntity: 'Helpdesk Inc.',
    purpose: 'Ticketing',
    dataCategories: ['contact details'],
    locations: ['US'],
    transferMechanism: 'scc',
    addedOn: '2026-01-05',
  });
  const purpose = await savePurpose(repos, actor, { key: 'newsletter', name: 'Newsletter', activityId: activity.id });
  await setConsentText(repos, actor, { purposeId: purpose.id, language: 'nl', text: 'Ik ontvang graag de maandelijkse nieuwsbrief.' });
  await setConsentText(repos, actor, { purposeId: purpose.id, language: 'en', text: 'I would like to receive the monthly newsletter.' });

  const jan = ticket('1042', 'Jan de Vries', 'jan@example.nl', 'Verzoek om inzage', 'nl');
  const sabine = ticket('2001', 'Sabine Müller', 'sabine.mueller@example.de', 'Auskunft über meine Daten', 'de');
  const giulia = ticket('3001', 'Giulia Rossi', 'giulia.rossi@example.it', 'Cancellazione dei miei dati', 'it');
  const a = await flagTicket(repos, actor, { ticket: jan, type: 'access' }, plainDeadline);
  const b = await flagTicket(repos, actor, { ticket: sabine, type: 'portability' }, plainDeadline);
  const c = await flagTicket(repos, actor, { ticket: giulia, type: 'erasure' }, plainDeadline);
  await transitionRequest(repos, actor, { requestId: a.request.id, to: 'identity-verification' }, plainDeadline, () => true);
  await editRequest(repos, actor, { requestId: a.request.id, identity: { method: 'id-document', evidence: 'Passport checked at the desk' }, notes: 'Called back on +31 6 1234 5678' });
  await editRequest(repos, actor, { requestId: b.request.id, checklist: { system: 'CRM', done: true, note: 'exported' }, outcome: { summary: 'Export sent by e-mail' } });
  await transitionRequest(repos, actor, { requestId: b.request.id, to: 'rejected', reason: 'Manifestly unfounded', ground: 'Art. 12(5)' }, plainDeadline, () => true);
  await recordConsentFromTicket(repos, actor, { ticket: jan, purposeId: purpose.id, quote: 'Ja, ik wil de nieuwsbrief', channel: 'ticket' });
  await withdrawConsent(repos, actor, { subjectId: a.subject.id, purposeId: purpose.id, channel: 'email', evidence: { quote: 'Stop the newsletter please' } });
  await logEventFromTicket(repos, actor, { ticket: sabine, activityId: activity.id, type: 'exported', description: 'Sent the CSV export to Sabine' });
  await repos.documents.create(actor, {
    kind: 'dsar-response',
    language: 'de',
    title: 'Auskunft an Sabine Müller',
    templateId: 'dsar-response',
    templateVersion: '1',
    inputSha256: 'a'.repeat(64),
    outputSha256: 'b'.repeat(64),
    pages: 2,
    bytes: 12_345,
    generatedBy: actor,
  });
  // History: a soft delete and its restore, and one erased subject.
  await repos.subprocessors.softDelete(actor, (await repos.subprocessors.listLive())[0]!.id);
  await eraseSubject(repos, actor, c.subject.id, 'install-secret');
  await repos.db.settings.bulkPut([
    { key: 'actorName', value: actor },
    { key: 'badgeDays', value: 5 },
    { key: 'installSecret', value: 'f'.repeat(64) },
  ]);
}

/** `count` requests over `count / 2` subjects with consents and events, straight into the tables (no audit): volume only. */
export async function bulkSeed(db: PrivacyDeskDb, count: number): Promise<void> {
  const at = '2026-03-02T09:00:00.000Z';
  const subjects: DataSubject[] = [];
  const requests: SubjectRequest[] = [];
  const consents: ConsentRecord[] = [];
  const events: ProcessingEvent[] = [];
  const half = Math.max(1, Math.floor(count / 2));
  for (let i = 0; i < half; i += 1) subjects.push({ id: `s${i}`, createdAt: at, updatedAt: at, emails: [`person${i}@example.org`], names: [`Person Nummer ${i}`], helpdeskContacts: [] });
  for (let i = 0; i < count; i += 1)
    requests.push({
      id: `r${i}`,
      createdAt: at,
      updatedAt: at,
      subjectId: `s${i % half}`,
      type: 'access',
      status: 'received',
      receivedAt: at,
      dueAt: '2026-04-02T09:00:00.000Z',
      effectiveDueAt: '2026-04-02T09:00:00.000Z',
      open: 1,
      transitions: [{ to: 'received', at, actor: 'bench', reason: `flagged from demo ticket ${i}` }],
      checklist: [{ system: 'CRM', done: false }],
      notes: `Note about person ${i}`,
      source: { helpdesk: 'demo', ticketId: String(i), url: `http://localhost/tickets/${i}`, subject: `Request number ${i}` },
      ticketKey: `demo:${i}`,
    });
  for (let i = 0; i < half; i += 10) {
    consents.push({ id: `c${i}`, createdAt: at, updatedAt: at, subjectId: `s${i}`, purposeId: 'p1', action: 'give', textVersionId: 't1', textSha256: 'c'.repeat(64), language: 'en', channel: 'ticket', at, evidence: { quote: `Yes please ${i}` }, recordedBy: 'bench' });
    events.push({ id: `e${i}`, createdAt: at, updatedAt: at, type: 'viewed', activityId: 'a1', subjectId: `s${i}`, description: `Looked at person ${i}`, actor: 'bench', at });
  }
  await db.transaction('rw', [db.subjects, db.requests, db.consents, db.events], async () => {
    await db.subjects.bulkAdd(subjects);
    await db.requests.bulkAdd(requests);
    await db.consents.bulkAdd(consents);
    await db.events.bulkAdd(events);
  });
}

/** Every table, the settings and the audit chain, as plain JSON (lazily opened fields materialised). */
export async function fullDump(db: PrivacyDeskDb): Promise<unknown> {
  const dump = await dumpDatabase(db);
  // All settings but the lock's own rows (its settings and the audit log's keyed checkpoint), which
  // change with the lock by design.
  const settings = (await db.settings.toArray()).filter((s) => s.key !== ENCRYPTION_SETTING && s.key !== AUDIT_SEAL_SETTING);
  return JSON.parse(JSON.stringify({ ...dump, settings }));
}

/** The stored form, read without the vault: what is on disk. */
export async function rawTables(name: string): Promise<Record<string, unknown[]>> {
  const raw = new Dexie(name);
  await raw.open();
  const out: Record<string, unknown[]> = {};
  for (const table of raw.tables) out[table.name] = await table.toArray();
  raw.close();
  return out;
}

/**
 * Makes writes fail like a full disk: while `armed(request)` answers true, a mutation is rejected with
 * a DOMException named QuotaExceededError, as IndexedDB does. Install before the database opens.
 */
export function quotaFailure(db: Dexie, armed: (table: string, req: DBCoreMutateRequest) => boolean): void {
  db.use({
    stack: 'dbcore',
    name: 'TestQuota',
    level: 5,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => (armed(name, req) ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : table.mutate(req)),
        };
      },
    }),
  });
}
