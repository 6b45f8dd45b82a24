// Data subjects: finding a person by e-mail and creating one from a helpdesk ticket. Shared by flagging
// a request, recording consent and logging events from the overlay, so a person is one subject however
// the agent first met them.
import { UI_LANGUAGES, type DataSubject, type TicketContext, type UiLanguage } from '../model';
import { ConflictError } from './errors';
import type { Repositories } from './repositories';
import type { WriteOp } from './store';
import type { PrivacyDeskDb } from './schema';
import { emailLookupKey } from './crypto/lookup';

export async function findSubjectByEmail(repos: Repositories, email: string): Promise<DataSubject | undefined> {
  const matches = await repos.db.subjects.where('emails').equals(emailLookupKey(repos.db, email)).toArray();
  return matches.find((s) => !s.deletedAt);
}

export interface SubjectForTicket {
  subject: DataSubject;
  /** Set when the subject is new: add it to the same commit as the record that needs it. */
  createOp?: WriteOp;
}

/**
 * The subject a ticket is about: the live subject with the requester's e-mail (or the e-mail the agent
 * typed when the page showed none), else a new one — not yet written — from the ticket's requester.
 */
export async function subjectForTicket(repos: Repositories, ticket: TicketContext, typedEmail?: string): Promise<SubjectForTicket> {
  const email = typedEmail ?? ticket.requesterEmail;
  const known = email ? await findSubjectByEmail(repos, email) : undefined;
  if (known) return { subject: known };
  const language = UI_LANGUAGES.find((l): l is UiLanguage => l === ticket.language);
  const subject = repos.subjects.prepareCreate({
    emails: email ? [email] : [],
    names: ticket.requesterName ? [ticket.requesterName] : [],
    helpdeskContacts: [],
    ...(language ? { language } : {}),
  });
  return { subject, createOp: repos.subjects.createOp(subject, `from ${ticket.helpdesk} ticket`) };
}

/**
 * Inside the commit that creates `subject`: refuses when another write created a live subject with the
 * same e-mail meanwhile, so two quick clicks never make the same person twice.
 */
export async function assertStillUnknown(db: PrivacyDeskDb, subject: DataSubject): Promise<void> {
  const email = subject.emails[0];
  if (!email) return;
  const raced = (await db.subjects.where('emails').equals(emailLookupKey(db, email)).toArray()).some((s) => !s.deletedAt && s.id !== subject.id);
  if (raced) throw new ConflictError('This person was recorded a moment ago; try again');
}
