// Builds the breach documents' inputs from the stored records: the breach, the organisation profile as
// controller, and the names of the register activities and subprocessors the breach links to by id.
// Pure: records in, validated input out; the background reads the records.
import type { Breach } from '../../../lib/model/breach';
import type { OrganisationProfile } from '../../../lib/model/organisation';
import type { ProcessingActivity } from '../../../lib/model/activity';
import type { Subprocessor } from '../../../lib/model/subprocessor';
import type { UiLanguage } from '../../../lib/model/common';
import { parseDocumentInput, partyFromOrganisation, type Party } from '../../../lib/documents/inputs/common';
import { BreachEntry, BreachLetterInput, BreachNotificationInput, BreachRegisterInput } from '../../../lib/documents/inputs/breach';
import { MissingOrganisationError } from './inputs';

export interface BreachSources {
  organisation: OrganisationProfile | undefined;
  activities: readonly ProcessingActivity[];
  subprocessors: readonly Subprocessor[];
  /** The document's date, YYYY-MM-DD, in the organisation's zone. */
  today: string;
}

/** Our reference for a breach, on every document about it: year of the record and the start of its id. */
export const breachReference = (b: Breach) => `BR-${b.createdAt.slice(0, 4)}-${b.id.slice(0, 8).toUpperCase()}`;

/** The organisation as the controller who signs: its representative, or else its DPO. */
function controller(org: OrganisationProfile): Party {
  const person = org.representative?.role ? { name: org.representative.name, title: org.representative.role } : { name: org.dpo.name, title: org.dpo.role ?? 'Data protection officer' };
  return partyFromOrganisation(org, person);
}

export function breachEntry(b: Breach, sources: Pick<BreachSources, 'activities' | 'subprocessors'>): BreachEntry {
  const name = <T extends { id: string; name: string }>(list: readonly T[], id: string) => list.find((x) => x.id === id)?.name ?? id;
  const { open: _o, transitions: _t, source: _s, ticketKey: _k, notes: _n, subjectLanguage: _l, id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, affected, ...rest } = b;
  const { activityIds, subprocessorIds, ...counts } = affected;
  return parseDocumentInput(
    BreachEntry,
    { ...rest, reference: breachReference(b), affected: { ...counts, activities: activityIds.map((id) => name(sources.activities, id)), subprocessors: subprocessorIds.map((id) => name(sources.subprocessors, id)) } },
    'breach',
  );
}

function common(sources: BreachSources) {
  const org = sources.organisation;
  if (!org) throw new MissingOrganisationError();
  return { date: sources.today, place: org.address.city, controller: controller(org), timeZone: org.timeZone };
}

export function notificationInput(b: Breach, sources: BreachSources): BreachNotificationInput {
  const phase = b.authority.phases.some((p) => p.phase === 'initial') ? 'follow-up' : 'initial';
  return parseDocumentInput(BreachNotificationInput, { ...common(sources), phase, breach: breachEntry(b, sources) }, 'breach notification');
}

export function letterInput(b: Breach, sources: BreachSources): BreachLetterInput {
  return parseDocumentInput(BreachLetterInput, { ...common(sources), breach: breachEntry(b, sources) }, 'breach letter');
}

export function registerInput(breaches: readonly Breach[], sources: BreachSources): BreachRegisterInput {
  return parseDocumentInput(BreachRegisterInput, { ...common(sources), breaches: breaches.map((b) => breachEntry(b, sources)) }, 'breach register');
}

/** The language a letter to the people affected is written in: theirs if recorded, else the organisation's. */
export const letterLanguage = (b: Breach, org: OrganisationProfile | undefined): UiLanguage => b.subjectLanguage ?? org?.defaultLanguage ?? 'en';
