// Answers the breach register messages (Art. 33/34): reporting from a ticket or the Breaches tab,
// editing, the decision, the authority's phases, the lifecycle. Every write moves the badge and the
// warning alarm, so each one tells the background.
import type { HandlersOf } from '../../../lib/messaging/server';
import type { BREACH_MESSAGES } from '../../../lib/messaging/messages/breaches';
import { decideBreach, editBreach, listBreaches, recordPhase, reportBreach, transitionBreach } from '../../../lib/db/breaches';
import { getOrganisation } from '../../../lib/db/organisation';
import { breachDeadline } from '../../../lib/law/breach-deadline';
import type { HandlerContext } from './context';
import { renderAndRecord } from './documents';
import { letterInput, letterLanguage, notificationInput, registerInput, breachEntry, type BreachSources } from '../documents/breach-inputs';
import { breachRegisterCsv } from '../../../lib/documents/kinds/breach-register';

export function breachHandlers(ctx: HandlerContext): HandlersOf<typeof BREACH_MESSAGES> {
  const { repos, hooks, actor } = ctx;
  const changed = <T>(value: T): T => {
    hooks.requestsChanged();
    return value;
  };

  const authority = async () => {
    const name = (await getOrganisation(repos))?.supervisoryAuthority.name;
    return name ? { authorityName: name } : {};
  };

  async function sources(): Promise<BreachSources> {
    const organisation = await getOrganisation(repos);
    const zone = organisation?.timeZone ?? 'UTC';
    // The document's date is today in the organisation's zone (en-CA writes YYYY-MM-DD).
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(repos.store.clock.now());
    return { organisation, activities: await repos.activities.listLive(), subprocessors: await repos.subprocessors.listLive(), today };
  }

  return {
    'overlay.reportBreach': async ({ ticket, awareAt }) => {
      const { breach, created } = await reportBreach(repos, await actor(), { ticket, ...(awareAt ? { awareAt } : {}), ...(await authority()) });
      return changed({ breachId: breach.id, dueAt: breach.dueAt, awareAt: breach.awareAt, created });
    },
    'breaches.list': async () => ({ breaches: await listBreaches(repos) }),
    'breaches.get': async ({ id, timeZone }) => {
      const breach = await repos.breaches.require(id);
      const p = breach.processor;
      const clock = breachDeadline({
        awareAt: breach.awareAt,
        timeZone,
        ...(p?.awareAt && p.deadlineHours ? { processorAwareAt: p.awareAt, processorHours: p.deadlineHours } : {}),
      });
      const org = await getOrganisation(repos);
      return {
        breach,
        clock: { due: clock.due, timeZone: clock.timeZone, rule: clock.rule, ...(clock.processorDue ? { processorDue: clock.processorDue } : {}) },
        activities: (await repos.activities.listLive()).map(({ id: aid, name }) => ({ id: aid, name })),
        subprocessors: (await repos.subprocessors.listLive()).map(({ id: sid, name }) => ({ id: sid, name })),
        authorityName: org?.supervisoryAuthority.name ?? '',
        letterLanguage: letterLanguage(breach, org),
      };
    },
    'breaches.create': async ({ title, awareAt }) => changed((await reportBreach(repos, await actor(), { title, ...(awareAt ? { awareAt } : {}), ...(await authority()) })).breach),
    'breaches.edit': async ({ id, edit }) => changed(await editBreach(repos, await actor(), id, edit)),
    'breaches.decide': async ({ id, notifyAuthority, reasons }) => changed(await decideBreach(repos, await actor(), id, { notifyAuthority, reasons })),
    'breaches.phase': async ({ id, ...phase }) => changed(await recordPhase(repos, await actor(), id, phase)),
    'breaches.transition': async ({ id, to, reason }) => changed(await transitionBreach(repos, await actor(), id, to, reason)),
    'breaches.delete': async ({ id }) => {
      await repos.breaches.softDelete(await actor(), id);
      return changed({ id });
    },
    'breaches.document': async ({ id, kind, language }) => {
      const breach = await repos.breaches.require(id);
      const src = await sources();
      const input = kind === 'breach-notification' ? notificationInput(breach, src) : letterInput(breach, src);
      return renderAndRecord(ctx, kind, language, input);
    },
    'breaches.export': async ({ format, language }) => {
      const breaches = await listBreaches(repos);
      const src = await sources();
      const stem = `breach-register-${src.today}`;
      if (format === 'pdf') {
        const out = await renderAndRecord(ctx, 'breach-register', language, registerInput(breaches, src));
        return { format, fileName: `${stem}.pdf`, content: out.pdf, document: out.document };
      }
      const entries = breaches.map((b) => breachEntry(b, src));
      const content = format === 'csv' ? breachRegisterCsv(entries, language) : `${JSON.stringify({ format: 'privacy-desk/breach-register', version: 1, exportedAt: repos.store.nowIso(), breaches: entries }, null, 2)}\n`;
      await repos.store.log(await actor(), 'export', 'breaches', '*', `breach register as ${format.toUpperCase()}, ${entries.length} breaches`);
      return { format, fileName: `${stem}.${format}`, content };
    },
  };
}
