// Input of the Data Processing Agreement (controller–processor contract, Art. 28(3) GDPR).
// Everything the clauses and the four annexes print comes from here; choices that change a
// clause's wording (authorisation of subprocessors, deletion or return, liability, term) are
// enums, so each language's template can word every variant properly.
import { z } from 'zod';
import { ContactPerson, CountryCode, LocalDate, ShortText, UiLanguage } from '../../model/common';
import { TransferSafeguard } from '../../model/activity';
import { EEA_COUNTRIES } from '../../model/eea';
import { ActivityEntry, DocumentFields, Party, SubprocessorEntry } from './common';

/** The European Economic Area (lib/model/eea.ts): transfers outside it fall under Chapter V GDPR. */
export { EEA_COUNTRIES };

const Days = (max: number, required = 'must be a whole number of days') =>
  z
    .number({ error: (issue) => (issue.input === undefined ? required : 'must be a whole number of days') })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(max, `must be at most ${max} days`);

const Text = z.string().trim().min(1, 'must not be empty').max(5_000, 'is longer than 5 000 characters');
const Items = (what: string) => z.array(ShortText).min(1, `name at least one ${what}`).max(200);

/** A party to the DPA: the shared Party, plus what Annex I lists about it. */
export const DpaParty = Party.extend({
  /** Where its representative signs (default: the document's place). */
  placeOfSigning: ShortText.optional(),
  /** The day its representative signs or the party accedes (default: the document's date). */
  signedOn: LocalDate.optional(),
  /**
   * The name it trades under, printed beside the legal name ("Quality Unit, s.r.o., trading as
   * LiveAgent"); the title, Annex I's name and the signatures use the legal name.
   */
  tradeName: ShortText.optional(),
  /** A contact point for data protection that is not a designated DPO (a privacy team, a legal counsel), with its position. */
  contact: ContactPerson.optional(),
  /** Set only to state in Annex I that the party has designated no DPO; without it and without `dpo` nothing is said. */
  noDpo: z.literal(true).optional(),
});
export type DpaParty = z.infer<typeof DpaParty>;

/** Areas of Annex III; each prints under its localised name. `other` needs its own `label`. */
export const MeasureArea = z.enum([
  'access-control',
  'encryption',
  'pseudonymisation',
  'availability',
  'testing',
  'logging',
  'physical-security',
  'confidentiality',
  'incident-response',
  'data-minimisation',
  'other',
]);
export type MeasureArea = z.infer<typeof MeasureArea>;

/** One row of Annex III: a technical or organisational measure (Art. 32). */
export const Measure = z.object({
  area: MeasureArea,
  /** Printed instead of the area's standard name; required for `other`. */
  label: ShortText.optional(),
  measure: Text,
});
export type Measure = z.infer<typeof Measure>;

const SccModule = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

/** One destination outside the EEA and the Chapter V ground its transfers rest on. */
export const TransferDestination = z.object({
  country: CountryCode,
  mechanism: TransferSafeguard.exclude(['none-needed']),
  sccModule: SccModule.optional(),
  /** Who receives the data there, when not every recipient in that country does. */
  recipients: z.array(ShortText).max(50).default([]),
  details: Text.optional(),
});
export type TransferDestination = z.infer<typeof TransferDestination>;

/**
 * A register entry as Annex II prints it. A register export is a valid input: the register's other
 * fields (systems, joint controllers, the activity's own DPO…) are not part of the agreement and
 * are dropped rather than accepted and never printed.
 */
export const DpaActivity = ActivityEntry.pick({
  name: true,
  purposes: true,
  dataSubjectCategories: true,
  personalDataCategories: true,
  specialCategories: true,
  legalBasis: true,
  legitimateInterest: true,
  recipients: true,
  retention: true,
  transfers: true,
});
export type DpaActivity = z.infer<typeof DpaActivity>;

export const DpaInput = DocumentFields.extend({
  /**
   * The language the free-text values (descriptions, categories, measures) are written in, when
   * the agreement is rendered in others too: they are hyphenated in their own language.
   */
  textLanguage: UiLanguage.optional(),
  /** The agreement's own reference, printed under the title and in Annex I. */
  reference: ShortText,
  effectiveDate: LocalDate,
  controller: DpaParty,
  processor: DpaParty,
  /** The services agreement under which the processor processes (often called the main agreement). */
  mainAgreement: z.object({
    title: ShortText,
    date: LocalDate.optional(),
    reference: ShortText.optional(),
  }),
  /** How long this agreement runs. */
  term: z.discriminatedUnion('type', [
    z.object({ type: z.literal('main-agreement') }),
    z.object({ type: z.literal('fixed'), endDate: LocalDate }),
    z.object({ type: z.literal('indefinite'), terminationNoticeDays: Days(365) }),
  ]),
  governingLaw: z.object({
    country: CountryCode,
    /** The competent court, e.g. "Rechtbank Midden-Nederland (Utrecht)" or "Tribunale di Milano". */
    court: ShortText,
  }),
  /**
   * Art. 28(2): prior specific or general written authorisation. With general authorisation the
   * processor announces changes `noticeDays` ahead and the controller may object (required); with
   * specific authorisation the controller decides on each request, and `noticeDays`, when given,
   * is how far ahead the processor must ask.
   */
  subprocessorAuthorisation: z.discriminatedUnion('type', [
    z.object({ type: z.literal('specific'), noticeDays: Days(180).optional() }),
    z.object({
      type: z.literal('general'),
      noticeDays: Days(180, 'general authorisation needs a notice period in days (Art. 28(2) GDPR: the controller must be able to object)'),
    }),
  ]),
  /** The processor confirms that it has a written contract (Art. 28(4)) with each subprocessor of Annex IV. */
  subprocessorContractsConcluded: z.boolean().default(false),
  /**
   * How soon after becoming aware the processor notifies a breach to the controller: a number of
   * hours (at most 48, so the controller keeps at least a day of its own 72, Art. 33(1)) or
   * "immediately". Always "without undue delay" (Art. 33(2)) as well.
   */
  breachNotificationHours: z
    .union([
      z.literal('immediately'),
      z
        .number({ error: 'must be a number of hours or "immediately"' })
        .int('must be a whole number of hours')
        .min(1, 'must be at least 1 hour')
        .max(48, 'must be at most 48 hours: the controller has 72 hours in all to notify the supervisory authority (Art. 33(1) GDPR) and needs time of its own'),
    ])
    .default(24),
  /**
   * Who notifies the supervisory authority and the data subjects (Art. 33, 34): the controller
   * (the processor assists), or the processor on the controller's behalf once the controller agrees.
   */
  breachReporting: z.enum(['controller', 'processor-on-behalf']).default('controller'),
  /** How fast the processor carries out an erasure instruction (Art. 17, 28(3)(e)); absent: in time for Art. 12(3). */
  erasureOnRequest: z.union([z.literal('immediately'), Days(30)]).optional(),
  /** Data subjects may enforce the clauses that protect them as third-party beneficiaries, where the governing law allows it. */
  thirdPartyBeneficiaries: z.boolean().default(true),
  /** Advance notice of an audit or inspection (Art. 28(3)(h)). */
  auditNoticeDays: Days(90).default(30),
  /** Art. 28(3)(g): what happens to the personal data when the services end, and within how many days. */
  endOfProcessing: z.object({
    action: z.enum(['delete', 'return', 'controller-choice']),
    days: Days(365),
  }),
  liability: z.object({
    variant: z.enum(['main-agreement', 'capped']),
    /** Required for `capped`: the aggregate cap per party. */
    cap: z
      .object({
        amount: z.number().positive('must be more than 0'),
        currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code like EUR'),
      })
      .optional(),
  }),
  /** Where the processor itself processes the data (its own offices and data centres); Annex II and clause 14. */
  processorLocations: z.array(CountryCode).max(50).default([]),
  /** Annex II, general part; also what clause 3 (subject matter) points to. */
  processing: z.object({
    nature: Text,
    /** May be left out when every activity of Annex II states its purposes. */
    purpose: Text.optional(),
    dataTypes: Items('type of personal data'),
    dataSubjects: Items('category of data subjects'),
    /** Art. 9 / Art. 10 data, when processed at all. */
    specialCategories: z.array(ShortText).max(50).default([]),
    /** Restrictions or safeguards applied to special categories. */
    specialCategorySafeguards: Text.optional(),
    frequency: z.enum(['continuous', 'recurring', 'one-off']),
    retention: Text,
  }),
  /** Annex II, per activity: the register entries this agreement covers (what Annex II prints of them). */
  activities: z.array(DpaActivity).min(1, 'choose at least one processing activity for Annex II').max(100),
  /** Annex III (Art. 28(3)(c), Art. 32). */
  measures: z.array(Measure).min(1, 'describe at least one technical or organisational measure for Annex III').max(300),
  /** Annex IV: the subprocessor list; entries removed on or before the effective date are left out. */
  subprocessors: z.array(SubprocessorEntry).max(2_000).default([]),
  /** Chapter V: the mechanism relied on for transfers of the controller's data outside the EEA. */
  transfers: z.object({
    /** The mechanism principally relied on. */
    mechanism: TransferSafeguard,
    sccModule: SccModule.optional(),
    details: Text.optional(),
    /** Per destination when more than one ground is used (adequacy for some countries, SCCs for others). */
    destinations: z.array(TransferDestination).max(100).default([]),
  }),
}).superRefine((dpa, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

  if (dpa.processing.purpose === undefined && dpa.activities.some((a) => a.purposes.length === 0)) {
    issue(['processing', 'purpose'], 'state the purpose of the processing, or the purposes of every activity in Annex II');
  }
  dpa.transfers.destinations.forEach((d, i) => {
    if (d.mechanism === 'scc' && d.sccModule === undefined) issue(['transfers', 'destinations', i, 'sccModule'], 'name the module of the standard contractual clauses (1–4)');
    if (EEA_COUNTRIES.has(d.country)) issue(['transfers', 'destinations', i, 'country'], `${d.country} is in the EEA: no Chapter V ground is needed`);
  });
  for (const [i, d] of dpa.processorLocations.entries()) {
    if (!EEA_COUNTRIES.has(d) && dpa.transfers.mechanism === 'none-needed' && !dpa.transfers.destinations.some((t) => t.country === d)) {
      issue(['processorLocations', i], `the processor processes outside the EEA (${d}): name the transfer mechanism`);
    }
  }
  if (dpa.liability.variant === 'capped' && !dpa.liability.cap) {
    issue(['liability', 'cap'], 'a capped liability clause needs the cap (amount and currency)');
  }
  if (dpa.term.type === 'fixed' && dpa.term.endDate <= dpa.effectiveDate) {
    issue(['term', 'endDate'], 'must be after the effective date');
  }
  if (dpa.transfers.mechanism === 'scc' && dpa.transfers.sccModule === undefined) {
    issue(['transfers', 'sccModule'], 'name the module of the standard contractual clauses (1–4)');
  }
  dpa.subprocessors.forEach((sub, i) => {
    const third = sub.locations.filter((c) => !EEA_COUNTRIES.has(c));
    if (third.length) {
      if (sub.transferMechanism === 'none-needed') {
        issue(['subprocessors', i, 'transferMechanism'], `${sub.name} processes outside the EEA (${third.join(', ')}): name the transfer mechanism`);
      }
    }
  });
  const covered = new Set(dpa.transfers.destinations.map((d) => d.country));
  const uncovered = dpa.subprocessors.filter((sub) => sub.locations.some((c) => !EEA_COUNTRIES.has(c) && !covered.has(c))).map((sub) => sub.name);
  if (uncovered.length && dpa.transfers.mechanism === 'none-needed') {
    issue(['transfers', 'mechanism'], `subprocessors process outside the EEA (${uncovered.slice(0, 3).join(', ')}${uncovered.length > 3 ? ', …' : ''}): name the transfer mechanism or a ground per destination`);
  }
  dpa.measures.forEach((m, i) => {
    if (m.area === 'other' && !m.label) issue(['measures', i, 'label'], 'a measure of area "other" needs a label');
  });
});
export type DpaInput = z.infer<typeof DpaInput>;
