// The background's answers to every message. Handlers receive payloads already validated against the
// protocol's zod schemas and a sender already checked against the message's allow-list.
import type { HandlersOf } from '../../../lib/messaging/server';
import { DatedVerifyResult, type CORE_MESSAGES } from '../../../lib/messaging/messages/core';
import type { HandlerContext } from './context';
import { rebuildDatabase } from '../../../lib/db/rebuild';
import { editRequest, findRequestByTicket, findSubjectByEmail, flagTicket, queryQueue, transitionRequest } from '../../../lib/db/requests';
import { eraseSubject, exportSubjectData } from '../../../lib/db/subject-data';
import { getOrganisation, saveOrganisation } from '../../../lib/db/organisation';
import { recordConsentFromTicket } from '../../../lib/db/consent';
import { logEventFromTicket } from '../../../lib/db/events';
import { verifyAudit } from '../../../lib/audit/verify';
import { OPEN_STATUSES } from '../../../lib/model/request';
import { classifyTicket } from '../../../lib/detect/ticket';
import { boundForClassifier } from '../../../lib/detect/bounds';
import type { DataSubject } from '../../../lib/model';
import { canExtendFn, deadlineFn } from '../deadlines';
import { getSettings, installSecret, saveSettings } from '../settings';
import { withManagedFields } from '../../../lib/settings/managed';
import { readManaged } from '../managed';

export function coreHandlers(ctx: HandlerContext): HandlersOf<typeof CORE_MESSAGES> {
  const { repos, hooks, actor, calendar } = ctx;
  const checklistDefaults = async () => {
    const org = await getOrganisation(repos);
    const subprocessors = await repos.subprocessors.listLive();
    return [...(org?.systems ?? []), ...subprocessors.map((s) => s.name)];
  };

  return {
    'overlay.lookup': async ({ email, helpdesk, ticketId }) => {
      const subject = email ? await findSubjectByEmail(repos, email) : undefined;
      const fromTicket = await findRequestByTicket(repos, helpdesk, ticketId);
      const subjectId = subject?.id ?? fromTicket?.subjectId;
      const requests = subjectId ? await repos.db.requests.where('subjectId').equals(subjectId).toArray() : [];
      const consents = subjectId ? await repos.db.consents.where('subjectId').equals(subjectId).toArray() : [];
      return {
        ...(subjectId ? { subjectId } : {}),
        openRequests: requests
          .filter((r) => !r.deletedAt && OPEN_STATUSES.includes(r.status))
          .sort((a, b) => a.effectiveDueAt.localeCompare(b.effectiveDueAt))
          .map(({ id, type, status, effectiveDueAt }) => ({ id, type, status, effectiveDueAt })),
        consents: { given: consents.filter((c) => c.action === 'give').length, withdrawn: consents.filter((c) => c.action === 'withdraw').length },
        ...(fromTicket ? { ticketRequestId: fromTicket.id } : {}),
      };
    },
    'overlay.flag': async ({ ticket, type, email }) => {
      const result = await flagTicket(repos, await actor(), { ticket, type, ...(email ? { email } : {}) }, deadlineFn(await calendar()), await checklistDefaults());
      hooks.requestsChanged();
      return { requestId: result.request.id, subjectId: result.subject.id, created: result.created, effectiveDueAt: result.request.effectiveDueAt };
    },
    'overlay.recordConsent': async ({ ticket, purposeId, quote, channel, email }) => {
      const record = await recordConsentFromTicket(repos, await actor(), { ticket, purposeId, quote, channel, ...(email ? { email } : {}) });
      return { consentId: record.id };
    },
    'overlay.logEvent': async ({ ticket, activityId, type, description, email }) => {
      const event = await logEventFromTicket(repos, await actor(), { ticket, activityId, type, description, ...(email ? { email } : {}) });
      return { eventId: event.id };
    },
    'overlay.choices': async () => ({
      purposes: (await repos.consentPurposes.listLive()).map(({ id, name }) => ({ id, name })),
      activities: (await repos.activities.listLive()).map(({ id, name }) => ({ id, name })),
      locked: false,
    }),
    'overlay.classify': async ({ messages }) => classifyTicket(boundForClassifier(messages)),
    'overlay.openSidePanel': async ({ subjectId, breachId }) => ({ opened: await hooks.openSidePanel(subjectId, breachId) }),

    'organisation.get': async () => (await getOrganisation(repos)) ?? null,
    'organisation.save': async ({ profile }) => {
      // Fields the organisation's policy locks keep the policy's value whatever the page sent.
      const saved = await saveOrganisation(repos, await actor(), withManagedFields(profile, await readManaged()));
      hooks.requestsChanged();
      return saved;
    },
    'requests.query': async ({ dueWithinDays, ...q }) => {
      const dueBefore = dueWithinDays === undefined ? undefined : new Date(repos.store.clock.now().getTime() + dueWithinDays * 86_400_000).toISOString();
      const page = await queryQueue(repos, { ...q, ...(dueBefore ? { dueBefore } : {}) });
      const subjects = await repos.db.subjects.bulkGet([...new Set(page.items.map((r) => r.subjectId))]);
      return { ...page, subjects: Object.fromEntries(subjects.filter((s): s is DataSubject => !!s).map((s) => [s.id, s])) };
    },
    'requests.get': async ({ id }) => {
      const request = await repos.requests.require(id);
      return { request, subject: await repos.subjects.require(request.subjectId) };
    },
    'requests.transition': async ({ id, ...rest }) => {
      const cal = await calendar();
      const updated = await transitionRequest(repos, await actor(), { requestId: id, ...rest }, deadlineFn(cal), canExtendFn(cal));
      hooks.requestsChanged();
      return updated;
    },
    'requests.edit': async ({ id, ...edit }) => editRequest(repos, await actor(), { requestId: id, ...edit }),
    'subjects.export': async ({ subjectId }) => exportSubjectData(repos, await actor(), subjectId),
    'subjects.erase': async ({ subjectId }) =>
      ctx.progress.run('erase', async (report) => {
        const erased = await eraseSubject(repos, await actor(), subjectId, await installSecret(repos));
        // The erased identifiers must not survive in the browser's storage files (lib/db/rebuild.ts).
        await repos.store.serialise(() => rebuildDatabase(repos.db, { onProgress: (p) => report(p.step, p.done, p.total) }));
        return erased;
      }),
    'audit.verify': async ({ kept, routine }) => {
      const previous = DatedVerifyResult.safeParse((await repos.db.settings.get('lastAuditVerify'))?.value);
      const from = routine && previous.success && previous.data.ok ? { entries: previous.data.entries, hash: previous.data.head } : undefined;
      const result = await verifyAudit(repos.db, { ...(kept ? { kept } : {}), ...(from ? { from } : {}) });
      await repos.db.settings.put({ key: 'lastAuditVerify', value: { ...result, at: repos.store.nowIso() } });
      return result;
    },
    'audit.status': async () => {
      const head = await repos.db.audit.orderBy('seq').last();
      const last = (await repos.db.settings.get('lastAuditVerify'))?.value;
      const parsed = DatedVerifyResult.safeParse(last);
      return { entries: head?.seq ?? 0, last: parsed.success ? parsed.data : null };
    },
    'settings.get': async () => getSettings(repos),
    'settings.save': async (patch) => {
      const saved = await saveSettings(repos, patch);
      hooks.requestsChanged();
      return saved;
    },
  };
}
