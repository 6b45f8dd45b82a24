// The per-document fields of each kind as the documents page shows them, and how a filled-in form
// becomes the `fields` the background maps onto the kind's input (entrypoints/background/documents/
// inputs.ts). Field paths are the fields' own paths, so a validation error's field names the input.
// Labels are i18n keys (scripts/locales.mjs).
import { MeasureArea } from '../../lib/documents/inputs/dpa';
import { TransferSafeguard } from '../../lib/model/activity';
import { REQUEST_TYPES } from '../../lib/model/request';
import type { FormDocumentKind } from '../../lib/model/document';
import type { OrganisationProfile } from '../../lib/model/organisation';
import type { ListVersionSummary } from '../../lib/messaging/messages/documents';
import type { ChromeName, MessageKey } from '../shared/message-keys';

export type FormState = Record<string, string>;

/** An i18n key, or the text itself when `raw`. */
export type Option = { value: string; label: MessageKey; raw?: false } | { value: string; label: string; raw: true };

export interface FieldSpec {
  path: string;
  label: MessageKey;
  type?: 'text' | 'date' | 'number' | 'email' | 'textarea' | 'lines' | 'select' | 'country';
  required?: boolean;
  wide?: boolean;
  options?: readonly Option[] | ((ctx: FormContext) => readonly Option[]);
  when?: (form: FormState) => boolean;
  /** i18n key of a hint shown under the field (e.g. what an empty field defaults to). */
  hint?: MessageKey;
}

export interface GroupSpec {
  legend: MessageKey;
  fields: FieldSpec[];
  when?: (form: FormState) => boolean;
}

export interface FormContext {
  organisation: OrganisationProfile | null;
  listVersions: readonly ListVersionSummary[];
}

export interface KindForm {
  groups: GroupSpec[];
  /** Which register entries / subprocessors the user picks, and whether all start ticked. */
  pick: { activities?: 'all' | 'none'; subprocessors?: 'all' | 'none' };
  defaults(ctx: FormContext): FormState;
}

/** A key built from a value, as Chrome names it; one the table lacks does not compile. */
const messageKey = <K extends string>(key: K & (ChromeName<K> extends MessageKey ? unknown : never)): MessageKey => key.replace(/-/g, '_') as MessageKey;

/** Options labelled `<prefix><value>`; a value without its message in the table does not compile. */
const opts = <P extends string, V extends string>(prefix: P, values: readonly V[], ..._missing: ChromeName<`${P}${V}`> extends MessageKey ? [] : [`a message is missing for ${P}…`]): Option[] =>
  values.map((value) => ({ value, label: `${prefix}${value}`.replace(/-/g, '_') as MessageKey }));
const is = (path: string, ...values: string[]) => (form: FormState) => values.includes(form[path] ?? '');

export function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

const SIGNATORY: GroupSpec = {
  legend: 'doc_group_signatory',
  fields: [
    { path: 'signatory.name', label: 'doc_signatoryName', hint: 'doc_hint_fromProfile' },
    { path: 'signatory.title', label: 'doc_signatoryTitle', hint: 'doc_hint_fromProfile' },
    { path: 'place', label: 'doc_place', hint: 'doc_hint_orgCity' },
  ],
};

const signatoryDefaults = (ctx: FormContext): FormState => ({
  'signatory.name': ctx.organisation?.representative?.name ?? '',
  'signatory.title': ctx.organisation?.representative?.role ?? '',
});

const party = (prefix: string): FieldSpec[] => [
  { path: `${prefix}.legalName`, label: 'doc_legalName', required: true, wide: true },
  { path: `${prefix}.registrationNumber`, label: 'doc_registrationNumber' },
  { path: `${prefix}.vatNumber`, label: 'doc_vatNumber' },
  { path: `${prefix}.address.street`, label: 'doc_street', required: true },
  { path: `${prefix}.address.postalCode`, label: 'doc_postalCode' },
  { path: `${prefix}.address.city`, label: 'doc_city', required: true },
  { path: `${prefix}.country`, label: 'doc_country', type: 'country', required: true },
  { path: `${prefix}.representative.name`, label: 'doc_representativeName', required: true },
  { path: `${prefix}.representative.title`, label: 'doc_representativeTitle', required: true },
  { path: `${prefix}.email`, label: 'doc_privacyEmail', type: 'email', required: true },
  { path: `${prefix}.dpo.name`, label: 'doc_dpoName' },
  { path: `${prefix}.dpo.email`, label: 'doc_dpoEmail', type: 'email' },
];

const DPA: KindForm = {
  pick: { activities: 'all', subprocessors: 'all' },
  defaults: (ctx) => ({
    ...signatoryDefaults(ctx),
    date: today(),
    effectiveDate: today(),
    ourRole: ctx.organisation?.role === 'controller' ? 'controller' : 'processor',
    'term.type': 'main-agreement',
    'subprocessorAuthorisation.type': 'general',
    'subprocessorAuthorisation.noticeDays': '30',
    breachNotificationHours: '24',
    auditNoticeDays: '30',
    'endOfProcessing.action': 'controller-choice',
    'endOfProcessing.days': '30',
    'liability.variant': 'main-agreement',
    'liability.cap.currency': 'EUR',
    'processing.frequency': 'continuous',
    'transfers.mechanism': 'none-needed',
    'governingLaw.country': ctx.organisation?.country ?? '',
  }),
  groups: [
    {
      legend: 'doc_group_agreement',
      fields: [
        { path: 'reference', label: 'doc_reference', required: true },
        { path: 'ourRole', label: 'doc_ourRole', type: 'select', options: opts('doc_ourRole_', ['processor', 'controller']) },
        { path: 'date', label: 'doc_date', type: 'date', required: true },
        { path: 'effectiveDate', label: 'doc_effectiveDate', type: 'date', required: true },
        { path: 'mainAgreement.title', label: 'doc_mainAgreementTitle', required: true, wide: true },
        { path: 'mainAgreement.date', label: 'doc_mainAgreementDate', type: 'date' },
        { path: 'mainAgreement.reference', label: 'doc_mainAgreementReference' },
      ],
    },
    { legend: 'doc_group_counterparty', fields: [...party('counterparty'), { path: 'counterparty.placeOfSigning', label: 'doc_placeOfSigning' }] },
    { ...SIGNATORY, fields: [...SIGNATORY.fields, { path: 'ourPlaceOfSigning', label: 'doc_placeOfSigning' }] },
    {
      legend: 'doc_group_terms',
      fields: [
        { path: 'term.type', label: 'doc_term', type: 'select', options: opts('doc_term_', ['main-agreement', 'fixed', 'indefinite']) },
        { path: 'term.endDate', label: 'doc_termEndDate', type: 'date', required: true, when: is('term.type', 'fixed') },
        { path: 'term.terminationNoticeDays', label: 'doc_terminationNoticeDays', type: 'number', required: true, when: is('term.type', 'indefinite') },
        { path: 'governingLaw.country', label: 'doc_governingLawCountry', type: 'country', required: true },
        { path: 'governingLaw.court', label: 'doc_court', required: true },
        { path: 'subprocessorAuthorisation.type', label: 'doc_authorisation', type: 'select', options: opts('doc_authorisation_', ['general', 'specific']) },
        { path: 'subprocessorAuthorisation.noticeDays', label: 'doc_authorisationNoticeDays', type: 'number' },
        { path: 'breachNotificationHours', label: 'doc_breachHours', type: 'number' },
        { path: 'auditNoticeDays', label: 'doc_auditNoticeDays', type: 'number' },
        { path: 'endOfProcessing.action', label: 'doc_endAction', type: 'select', options: opts('doc_endAction_', ['controller-choice', 'delete', 'return']) },
        { path: 'endOfProcessing.days', label: 'doc_endDays', type: 'number', required: true },
        { path: 'liability.variant', label: 'doc_liability', type: 'select', options: opts('doc_liability_', ['main-agreement', 'capped']) },
        { path: 'liability.cap.amount', label: 'doc_capAmount', type: 'number', required: true, when: is('liability.variant', 'capped') },
        { path: 'liability.cap.currency', label: 'doc_capCurrency', required: true, when: is('liability.variant', 'capped') },
      ],
    },
    {
      legend: 'doc_group_processing',
      fields: [
        { path: 'processing.nature', label: 'doc_nature', type: 'textarea', required: true, wide: true },
        { path: 'processing.purpose', label: 'doc_purpose', type: 'textarea', wide: true, hint: 'doc_hint_fromRegister' },
        { path: 'processing.retention', label: 'doc_retention', type: 'textarea', wide: true, hint: 'doc_hint_fromRegister' },
        { path: 'processing.frequency', label: 'doc_frequency', type: 'select', options: opts('doc_frequency_', ['continuous', 'recurring', 'one-off']) },
        { path: 'processing.specialCategorySafeguards', label: 'doc_specialSafeguards', type: 'textarea', wide: true },
      ],
    },
    {
      legend: 'doc_group_transfers',
      fields: [
        { path: 'transfers.mechanism', label: 'doc_transferMechanism', type: 'select', options: opts('safeguard_', TransferSafeguard.options) },
        { path: 'transfers.sccModule', label: 'doc_sccModule', type: 'select', when: is('transfers.mechanism', 'scc'), options: ['1', '2', '3', '4'].map((v) => ({ value: v, label: v, raw: true as const })) },
        { path: 'transfers.details', label: 'doc_transferDetails', type: 'textarea', wide: true },
      ],
    },
    {
      legend: 'doc_group_measures',
      fields: MeasureArea.options.filter((a) => a !== 'other').map((area) => ({ path: `measure.${area}`, label: messageKey(`doc_area_${area}` as const), type: 'textarea' as const, wide: true })),
    },
  ],
};

const LIST: KindForm = {
  pick: { subprocessors: 'all' },
  defaults: (ctx) => ({ ...signatoryDefaults(ctx), date: today() }),
  groups: [
    {
      legend: 'doc_group_list',
      fields: [
        { path: 'date', label: 'doc_date', type: 'date', required: true },
        { path: 'version', label: 'doc_listVersion', hint: 'doc_hint_versionDate' },
      ],
    },
    SIGNATORY,
  ],
};

const NOTICE: KindForm = {
  pick: {},
  defaults: (ctx) => ({ ...signatoryDefaults(ctx), date: today(), objectionPeriodDays: '30', previousVersionId: ctx.listVersions[0]?.id ?? '' }),
  groups: [
    {
      legend: 'doc_group_notice',
      fields: [
        { path: 'date', label: 'doc_noticeDate', type: 'date', required: true },
        { path: 'objectionPeriodDays', label: 'doc_objectionDays', type: 'number', required: true },
        { path: 'effectiveDate', label: 'doc_changesEffective', type: 'date', hint: 'doc_hint_afterObjection' },
        {
          path: 'previousVersionId',
          label: 'doc_previousVersion',
          type: 'select',
          options: (ctx) => [{ value: '', label: 'doc_previousByDate' }, ...ctx.listVersions.map((v) => ({ value: v.id, label: `${v.version} (${v.date}, ${v.count})`, raw: true as const }))],
        },
        { path: 'previousDate', label: 'doc_previousDate', type: 'date', required: true, when: is('previousVersionId', '') },
        { path: 'currentVersion', label: 'doc_currentVersion', hint: 'doc_hint_versionDate' },
      ],
    },
    SIGNATORY,
  ],
};

const variant = (...values: string[]) => is('variant', ...values);
const DSAR: KindForm = {
  pick: { activities: 'none' },
  defaults: (ctx) => ({ ...signatoryDefaults(ctx), date: today(), variant: 'access', 'request.type': 'access' }),
  groups: [
    {
      legend: 'doc_group_letter',
      fields: [
        { path: 'variant', label: 'doc_variant', type: 'select', options: opts('doc_variant_', ['access', 'portability', 'erasure', 'extension', 'rejection']) },
        { path: 'date', label: 'doc_date', type: 'date', required: true },
        { path: 'request.type', label: 'doc_requestType', type: 'select', options: opts('type_', REQUEST_TYPES) },
        { path: 'request.receivedOn', label: 'doc_receivedOn', type: 'date', required: true },
        { path: 'request.reference', label: 'doc_reference' },
        { path: 'supervisoryAuthorityAddress', label: 'doc_authorityAddress' },
      ],
    },
    {
      legend: 'doc_group_recipient',
      fields: [
        { path: 'recipient.name', label: 'doc_recipientName', required: true },
        { path: 'recipient.email', label: 'doc_recipientEmail', type: 'email' },
        { path: 'recipient.address.street', label: 'doc_street' },
        { path: 'recipient.address.postalCode', label: 'doc_postalCode' },
        { path: 'recipient.address.city', label: 'doc_city' },
        { path: 'recipient.address.country', label: 'doc_country', type: 'country' },
        { path: 'recipient.salutation', label: 'doc_salutation', wide: true },
      ],
    },
    {
      legend: 'doc_group_answer',
      fields: [
        { path: 'purposes', label: 'doc_purposes', type: 'lines', when: variant('access'), hint: 'doc_hint_linesRegister' },
        { path: 'dataCategories', label: 'doc_dataCategories', type: 'lines', when: variant('access', 'portability'), hint: 'doc_hint_linesRegister' },
        { path: 'recipients', label: 'doc_recipients', type: 'lines', when: variant('access'), hint: 'doc_hint_linesRegister' },
        { path: 'retention', label: 'doc_retention', type: 'textarea', when: variant('access'), hint: 'doc_hint_fromRegister' },
        { path: 'source', label: 'doc_source', type: 'textarea', when: variant('access') },
        { path: 'automatedDecisions', label: 'doc_automatedDecisions', type: 'textarea', when: variant('access') },
        { path: 'enclosures', label: 'doc_enclosures', type: 'lines', required: true, when: variant('access'), hint: 'doc_hint_lines' },
        { path: 'format', label: 'doc_format', required: true, when: variant('portability') },
        { path: 'files', label: 'doc_files', type: 'lines', required: true, when: variant('portability'), hint: 'doc_hint_lines' },
        { path: 'transmittedTo', label: 'doc_transmittedTo', when: variant('portability') },
        { path: 'erasedOn', label: 'doc_erasedOn', type: 'date', required: true, when: variant('erasure') },
        { path: 'systems', label: 'doc_systems', type: 'lines', required: true, when: variant('erasure'), hint: 'doc_hint_lines' },
        { path: 'recipientsNotified', label: 'doc_recipientsNotified', type: 'lines', when: variant('erasure'), hint: 'doc_hint_lines' },
        { path: 'originalDeadline', label: 'doc_originalDeadline', type: 'date', required: true, when: variant('extension') },
        { path: 'newDeadline', label: 'doc_newDeadline', type: 'date', required: true, when: variant('extension') },
        { path: 'reason', label: 'doc_extensionReason', type: 'textarea', required: true, wide: true, when: variant('extension') },
        { path: 'ground', label: 'doc_ground', required: true, when: variant('rejection') },
        { path: 'explanation', label: 'doc_explanation', type: 'textarea', required: true, wide: true, when: variant('rejection') },
      ],
    },
    SIGNATORY,
  ],
};

const REGISTER: KindForm = {
  pick: { activities: 'all' },
  defaults: (ctx) => ({ ...signatoryDefaults(ctx), date: today() }),
  groups: [
    {
      legend: 'doc_group_report',
      fields: [
        { path: 'date', label: 'doc_date', type: 'date', required: true },
        { path: 'euRepresentative', label: 'doc_euRepresentative' },
      ],
    },
    SIGNATORY,
  ],
};

export const KIND_FORMS: Record<FormDocumentKind, KindForm> = {
  dpa: DPA,
  subprocessors: LIST,
  'subprocessor-notice': NOTICE,
  'dsar-response': DSAR,
  register: REGISTER,
};

export function visibleGroups(kind: FormDocumentKind, form: FormState): GroupSpec[] {
  return KIND_FORMS[kind].groups.filter((g) => !g.when || g.when(form)).map((g) => ({ ...g, fields: g.fields.filter((f) => !f.when || f.when(form)) }));
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

function convert(spec: FieldSpec, raw: string): unknown {
  switch (spec.type) {
    case 'number':
    case 'select':
      // A number field that is not a number is passed on as text, so the error names the field.
      if (spec.type === 'select' && spec.path !== 'transfers.sccModule') return raw;
      return Number.isFinite(Number(raw.replace(',', '.'))) ? Number(raw.replace(',', '.')) : raw;
    case 'lines':
      return raw.split('\n').map((line) => line.trim()).filter(Boolean);
    case 'country':
      return raw.toUpperCase();
    default:
      return raw;
  }
}

export interface Picked {
  activityIds: readonly string[];
  subprocessorIds: readonly string[];
}

/** The filled-in form as the `fields` of a documents.generate / documents.prepare message. Empty fields are left out. */
export function formToFields(kind: FormDocumentKind, form: FormState, picked: Picked): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const measures: { area: string; measure: string }[] = [];
  for (const group of visibleGroups(kind, form)) {
    for (const spec of group.fields) {
      const raw = (form[spec.path] ?? '').trim();
      if (!raw) continue;
      if (spec.path.startsWith('measure.')) measures.push({ area: spec.path.slice('measure.'.length), measure: raw });
      else setPath(fields, spec.path, convert(spec, raw));
    }
  }
  if (kind === 'dpa') fields.measures = measures;
  const { pick } = KIND_FORMS[kind];
  if (pick.activities === 'all' || (pick.activities === 'none' && picked.activityIds.length)) fields.activityIds = [...picked.activityIds];
  if (pick.subprocessors) fields.subprocessorIds = [...picked.subprocessorIds];
  return fields;
}
