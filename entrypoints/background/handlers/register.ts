// Answers the register messages: activities (Art. 30), the processing-event log and consent (Art. 7).
import type { HandlersOf } from '../../../lib/messaging/server';
import type { REGISTER_MESSAGES } from '../../../lib/messaging/messages/register';
import type { DataSubject } from '../../../lib/model';
import { addVocabularyEntry, deleteActivity, exportRegister, getCustomVocabulary, importRegister, listActivities, saveActivity } from '../../../lib/db/register';
import { logEvent, queryEvents } from '../../../lib/db/events';
import { consentHistory, listPurposes, recordConsent, savePurpose, setConsentText, withdrawConsent } from '../../../lib/db/consent';
import { findSubjectByEmail } from '../../../lib/db/subjects';
import { getOrganisation } from '../../../lib/db/organisation';
import { ConflictError } from '../../../lib/db/errors';
import type { HandlerContext } from './context';

export function registerHandlers(ctx: HandlerContext): HandlersOf<typeof REGISTER_MESSAGES> {
  const { repos, actor } = ctx;
  const subjectByEmail = async (email: string) => {
    const subject = await findSubjectByEmail(repos, email);
    if (!subject) throw new ConflictError(`Nobody with the e-mail ${email} is recorded in Privacy Desk yet`);
    return subject;
  };

  return {
    'register.list': async () => ({
      activities: await listActivities(repos),
      vocabulary: await getCustomVocabulary(repos),
      organisationProfile: !!(await getOrganisation(repos)),
    }),
    'register.save': async ({ id, activity }) => saveActivity(repos, await actor(), activity, id),
    'register.delete': async ({ id }) => {
      await deleteActivity(repos, await actor(), id);
      return { id };
    },
    'register.addVocabulary': async ({ kind, label, special }) => addVocabularyEntry(repos, await actor(), { kind, label, ...(special ? { special } : {}) }),
    'register.export': async ({ format, language }) => exportRegister(repos, await actor(), format, language),
    'register.import': async ({ format, content }) => importRegister(repos, await actor(), format, content),

    'events.query': async (q) => {
      const page = await queryEvents(repos, q);
      const ids = [...new Set(page.items.map((e) => e.subjectId).filter((id): id is string => !!id))];
      const subjects = (await repos.db.subjects.bulkGet(ids)).filter((s): s is DataSubject => !!s);
      return { ...page, subjects: Object.fromEntries(subjects.map((s) => [s.id, s])) };
    },
    'events.log': async ({ email, ...input }) => {
      const subject = email ? await subjectByEmail(email) : undefined;
      return logEvent(repos, await actor(), { ...input, ...(subject ? { subjectId: subject.id } : {}) });
    },

    'consent.purposes': async () => listPurposes(repos),
    'consent.savePurpose': async (input) => savePurpose(repos, await actor(), input),
    'consent.setText': async (input) => setConsentText(repos, await actor(), input),
    'consent.history': async ({ email }) => {
      const subject = await findSubjectByEmail(repos, email);
      if (!subject) return { subject: null, records: [], texts: [] };
      return { subject, ...(await consentHistory(repos, subject.id)) };
    },
    'consent.record': async ({ email, purposeId, language, channel, quote, ticketUrl, at }) =>
      recordConsent(repos, await actor(), {
        email,
        purposeId,
        ...(language ? { language } : {}),
        channel,
        ...(at ? { at } : {}),
        evidence: { quote, ...(ticketUrl ? { ticketUrl } : {}) },
      }),
    'consent.withdraw': async ({ email, purposeId, channel, quote, ticketUrl, at }) =>
      withdrawConsent(repos, await actor(), {
        subjectId: (await subjectByEmail(email)).id,
        purposeId,
        channel,
        ...(at ? { at } : {}),
        evidence: { quote, ...(ticketUrl ? { ticketUrl } : {}) },
      }),
  };
}
