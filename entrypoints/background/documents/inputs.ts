// Builds a document kind's input from what Privacy Desk already keeps — the organisation profile, the
// register of processing activities, the subprocessor list and its published versions — and the
// per-document fields the user enters on the documents page (counterparty, dates, governing law,
// notice periods…). Pure: records in, validated input out; the background reads the records.
//
// The result is validated with the kind's own zod schema (lib/documents/inputs/*), and every problem
// is reported under the name of the form field it came from: `counterparty.legalName`, `signatory.title`,
// `organisation.dpo.email`, `activity "Payroll": personalDataCategories`.
import { z } from 'zod';
import type { $ZodIssue } from 'zod/v4/core';
import { Id, LocalDate, type UiLanguage } from '../../../lib/model/common';
import type { DocumentKind } from '../../../lib/model/document';
import type { OrganisationProfile } from '../../../lib/model/organisation';
import { ValidationError } from '../../../lib/model/errors';
import { onListOn, partyFromOrganisation, withoutBookkeeping, type Party, type SubprocessorEntry } from '../../../lib/documents/inputs/common';
import { kindSpec } from '../../../lib/documents/kinds';
import { labelOf, type CustomVocabulary } from '../../../lib/register/vocabulary';
import type { ProcessingActivity } from '../../../lib/model/activity';
import type { DocumentSources } from '../../../lib/db/documents';
export type { DocumentSources } from '../../../lib/db/documents';

/** The organisation profile is missing: documents cannot name their own party. */
export class MissingOrganisationError extends ValidationError {
  constructor() {
    super('organisation profile', ['organisation'], '');
    this.message =
      'Fill in the organisation profile first (Settings → Organisation profile: legal name, street, city, country, data protection officer and supervisory authority): every document names the organisation from it.';
  }
}

const Optional = z.string().trim().max(500).optional();

/** Fields every kind takes. The rest of a kind's fields pass through to its own schema. */
const BaseFields = z.looseObject({
  /** The document's date (for a change notice: the day it is sent). */
  date: LocalDate,
  /** Where it is drawn up; by default the organisation's city. */
  place: Optional,
  /** Who signs for the organisation; by default the profile's representative and their role. */
  signatory: z.object({ name: Optional, title: Optional }).optional(),
  /** Register entries to include; by default all. */
  activityIds: z.array(Id).max(1000).optional(),
  /** Subprocessors to include; by default all. */
  subprocessorIds: z.array(Id).max(2000).optional(),
});
type BaseFields = z.infer<typeof BaseFields>;

const DpaFields = BaseFields.extend({
  /** Whether the organisation signs as processor (the default unless its profile says controller) or controller. */
  ourRole: z.enum(['processor', 'controller']).optional(),
  counterparty: z.unknown(),
  ourPlaceOfSigning: Optional,
  processing: z.looseObject({}).optional(),
});

const NoticeFields = BaseFields.extend({
  objectionPeriodDays: z.unknown(),
  /** The published version the notice compares with; by default the newest. */
  previousVersionId: Id.optional(),
  /** Or: the previous list as it stood on a date (entries added on or before it, not yet removed). */
  previousDate: LocalDate.optional(),
  previousVersion: Optional,
  /** How the current version is numbered; by default the notice date. */
  currentVersion: Optional,
});

const ListFields = BaseFields.extend({ version: Optional });

const DsarFields = BaseFields.extend({ variant: z.unknown(), supervisoryAuthorityAddress: Optional });

type Raw = Record<string, unknown>;
type PathNamer = (path: readonly PropertyKey[]) => string;

export interface BuiltInput {
  /** The validated input, as the kind's schema returns it (defaults applied). */
  input: unknown;
}

/**
 * The validated input of `kind` in `language`. Throws MissingOrganisationError without a profile and a
 * ValidationError naming the form fields otherwise.
 */
export function buildDocumentInput(kind: DocumentKind, language: UiLanguage, sources: DocumentSources, fields: unknown): BuiltInput {
  switch (kind) {
    case 'dpa':
      return dpaInput(language, sources, parseFields(DpaFields, fields));
    case 'subprocessors':
      return listInput(language, sources, parseFields(ListFields, fields));
    case 'subprocessor-notice':
      return noticeInput(language, sources, parseFields(NoticeFields, fields));
    case 'dsar-response':
      return dsarInput(language, sources, parseFields(DsarFields, fields));
    case 'register':
      return registerInput(language, sources, parseFields(BaseFields, fields));
    case 'breach-notification':
    case 'breach-letter':
    case 'breach-register':
      // Filled from a breach record (lib/db/breach-documents.ts), not from this page's fields.
      throw new ValidationError('The document kind', ['kind'], `kind: ${kind} is generated from a breach in the side panel's Breaches tab`);
  }
}

function parseFields<T extends z.ZodType>(schema: T, fields: unknown): z.infer<T> {
  const result = schema.safeParse(fields ?? {});
  if (!result.success) throw problems('document fields', result.error.issues, (path) => path.map(String).join('.'));
  return result.data;
}

function problems(what: string, issues: readonly $ZodIssue[], name: PathNamer): ValidationError {
  const named = issues.map((issue) => ({ field: name(issue.path) || '(document)', message: issue.message }));
  return new ValidationError(
    what,
    named.map((n) => n.field),
    named.map((n) => `${n.field}: ${n.message}`).join('; '),
  );
}

function validate(kind: DocumentKind, raw: Raw, name: PathNamer): BuiltInput {
  const result = kindSpec(kind).input.safeParse(raw);
  if (!result.success) throw problems(`The ${kind} document`, result.error.issues, name);
  return { input: result.data };
}

// — the organisation as a party —

function organisationOf(sources: DocumentSources): OrganisationProfile {
  if (!sources.organisation) throw new MissingOrganisationError();
  return sources.organisation;
}

/** The organisation as a document party, signed by the person the fields or the profile name. */
function organisationParty(org: OrganisationProfile, fields: BaseFields): Party {
  const name = fields.signatory?.name || org.representative?.name;
  const title = fields.signatory?.title || org.representative?.role;
  const missing = [...(name ? [] : ['signatory.name']), ...(title ? [] : ['signatory.title'])];
  if (missing.length) {
    throw new ValidationError(
      'The signatory',
      missing,
      `${missing.join(', ')}: name the person who signs for ${org.legalName} and their title (or add a representative with a role to the organisation profile)`,
    );
  }
  return partyFromOrganisation(org, { name: name!, title: title! });
}

/** `controller.address.city` of our own party → the form field it came from. */
function ourPartyField(rest: string): string {
  if (rest === 'representative' || rest.startsWith('representative.')) return `signatory${rest.slice('representative'.length)}`;
  if (rest === 'placeOfSigning') return 'ourPlaceOfSigning';
  return `organisation.${rest}`;
}

// — selections from the register and the subprocessor list —

function pick<T extends { id: string }>(records: readonly T[], ids: readonly string[] | undefined, field: string, label: string): T[] {
  if (ids === undefined) return [...records];
  const byId = new Map(records.map((r) => [r.id, r]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length) throw new ValidationError('The selection', [field], `${field}: ${unknown.length} ${label} no longer exist (deleted?): choose again`);
  return ids.map((id) => byId.get(id)!);
}

const entry = <T extends { createdAt: string; updatedAt: string; deletedAt?: string | undefined }>(record: T) => withoutBookkeeping(record);

/**
 * A register entry as a document prints it: purposes and categories are stored as vocabulary keys
 * (lib/register/vocabulary.ts) and become their labels in the document's language. (The register
 * report gets the keys and the vocabulary and labels them itself.)
 */
function labelled(activity: ProcessingActivity, lang: UiLanguage, vocabulary: CustomVocabulary) {
  const e = entry(activity);
  return {
    ...e,
    purposes: e.purposes.map((v) => labelOf('purposes', v, lang, vocabulary)),
    dataSubjectCategories: e.dataSubjectCategories.map((v) => labelOf('dataSubjects', v, lang, vocabulary)),
    personalDataCategories: e.personalDataCategories.map((v) => labelOf('personalData', v, lang, vocabulary)),
    specialCategories: e.specialCategories.map((s) => ({ ...s, category: labelOf('personalData', s.category, lang, vocabulary) })),
  };
}

function distinct(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.trim().toLocaleLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `activities.2.purposes` → `activity "Payroll": purposes`. */
function listField(path: readonly PropertyKey[], list: string, items: readonly { name: string }[], label: string): string | undefined {
  if (path[0] !== list || typeof path[1] !== 'number') return undefined;
  const item = items[path[1]];
  const rest = path.slice(2).map(String).join('.');
  return `${label} "${item?.name ?? path[1]}"${rest ? `: ${rest}` : ''}`;
}

const plain: PathNamer = (path) => path.map(String).join('.');

/** Names list items by their name and our own party by the form fields; everything else as is. */
function namer(opts: { ours?: string; theirs?: string; activities?: readonly { name: string }[]; subprocessors?: Record<string, readonly { name: string }[]> }): PathNamer {
  return (path) => {
    const [head] = path;
    if (opts.ours && head === opts.ours) return ourPartyField(path.slice(1).map(String).join('.'));
    if (opts.theirs && head === opts.theirs) return ['counterparty', ...path.slice(1).map(String)].join('.');
    if (opts.activities) {
      const named = listField(path, 'activities', opts.activities, 'activity');
      if (named) return named;
    }
    for (const [key, items] of Object.entries(opts.subprocessors ?? {})) {
      const keyPath = key.split('.');
      if (keyPath.every((k, i) => path[i] === k)) {
        const named = listField(path.slice(keyPath.length - 1), keyPath[keyPath.length - 1]!, items, 'subprocessor');
        if (named) return named;
      }
    }
    return plain(path);
  };
}

// — the kinds —

function dpaInput(language: UiLanguage, sources: DocumentSources, f: z.infer<typeof DpaFields>): BuiltInput {
  const org = organisationOf(sources);
  const ourRole = f.ourRole ?? (org.role === 'controller' ? 'controller' : 'processor');
  const theirRole = ourRole === 'controller' ? 'processor' : 'controller';
  const ours = { ...organisationParty(org, f), ...(f.ourPlaceOfSigning ? { placeOfSigning: f.ourPlaceOfSigning } : {}) };
  const activities = pick(sources.activities, f.activityIds, 'activityIds', 'activities').map((a) => labelled(a, language, sources.vocabulary));
  const subprocessors = pick(sources.subprocessors, f.subprocessorIds, 'subprocessorIds', 'subprocessors').map(entry);
  const given = (f.processing ?? {}) as Raw;
  // Annex II is described by the register entries the agreement covers, unless the user wrote it out.
  const purpose = distinct(activities.flatMap((a) => a.purposes)).join('; ');
  const retention = distinct(activities.map((a) => a.retention)).join('; ');
  const processing = {
    frequency: 'continuous',
    dataTypes: distinct(activities.flatMap((a) => a.personalDataCategories)),
    dataSubjects: distinct(activities.flatMap((a) => a.dataSubjectCategories)),
    specialCategories: distinct(activities.flatMap((a) => a.specialCategories.map((s) => s.category))),
    ...(purpose ? { purpose } : {}),
    ...(retention ? { retention } : {}),
    ...given,
  };
  const { ourRole: _r, counterparty, ourPlaceOfSigning: _p, signatory: _s, activityIds: _a, subprocessorIds: _sp, ...rest } = f;
  const raw: Raw = {
    ...rest,
    language,
    place: f.place || org.address.city,
    [ourRole]: ours,
    [theirRole]: counterparty,
    processing,
    activities,
    subprocessors,
  };
  return validate('dpa', raw, namer({ ours: ourRole, theirs: theirRole, activities, subprocessors: { subprocessors } }));
}

function listInput(language: UiLanguage, sources: DocumentSources, f: z.infer<typeof ListFields>): BuiltInput {
  const org = organisationOf(sources);
  const subprocessors = pick(sources.subprocessors, f.subprocessorIds, 'subprocessorIds', 'subprocessors').map(entry);
  const raw: Raw = {
    language,
    date: f.date,
    place: f.place || org.address.city,
    organisation: organisationParty(org, f),
    list: { version: f.version || f.date, date: f.date, subprocessors },
  };
  return validate('subprocessors', raw, namer({ ours: 'organisation', subprocessors: { 'list.subprocessors': subprocessors } }));
}

/** The list as it stood on `date`: entries added on or before it and not removed by then. */
export function listOn(subprocessors: readonly SubprocessorEntry[], date: string): SubprocessorEntry[] {
  return subprocessors.filter((s) => onListOn(s, date));
}

function noticeInput(language: UiLanguage, sources: DocumentSources, f: z.infer<typeof NoticeFields>): BuiltInput {
  const org = organisationOf(sources);
  const current = sources.subprocessors.map(entry);
  let previous: { version: string; date: string; subprocessors: SubprocessorEntry[] };
  if (f.previousDate) {
    previous = { version: f.previousVersion || f.previousDate, date: f.previousDate, subprocessors: listOn(current, f.previousDate) };
  } else {
    const snapshot = f.previousVersionId ? sources.listVersions.find((v) => v.id === f.previousVersionId) : sources.listVersions[0];
    if (!snapshot) {
      const field = f.previousVersionId ? 'previousVersionId' : 'previousDate';
      throw new ValidationError('The previous version', [field], `${field}: choose the published version of the subprocessor list the notice compares with, or the date of the previous list`);
    }
    previous = { version: snapshot.version, date: snapshot.date, subprocessors: snapshot.subprocessors };
  }
  const raw: Raw = {
    language,
    place: f.place || org.address.city,
    organisation: organisationParty(org, f),
    noticeDate: f.date,
    objectionPeriodDays: f.objectionPeriodDays,
    ...(typeof f.effectiveDate === 'string' ? { effectiveDate: f.effectiveDate } : {}),
    previous,
    current: { version: f.currentVersion || f.date, date: f.date, subprocessors: current },
  };
  const name = namer({ ours: 'organisation', subprocessors: { 'previous.subprocessors': previous.subprocessors, 'current.subprocessors': current } });
  return validate('subprocessor-notice', raw, (path) => (path[0] === 'noticeDate' ? 'date' : name(path)));
}

function dsarInput(language: UiLanguage, sources: DocumentSources, f: z.infer<typeof DsarFields>): BuiltInput {
  const org = organisationOf(sources);
  const controller = organisationParty(org, f);
  const authority = org.supervisoryAuthority;
  const { signatory: _s, activityIds, subprocessorIds: _sp, supervisoryAuthorityAddress, ...rest } = f;
  const raw: Raw = {
    ...rest,
    language,
    place: f.place || org.address.city,
    controller,
    signatory: controller.representative,
    supervisoryAuthority: {
      name: authority.name,
      ...(authority.url ? { website: authority.url } : {}),
      ...(supervisoryAuthorityAddress ? { address: supervisoryAuthorityAddress } : {}),
    },
  };
  if ((f.variant === 'access' || f.variant === 'portability') && activityIds !== undefined) {
    // Art. 15(1): what the register says about the chosen processing, unless the letter says otherwise.
    const activities = pick(sources.activities, activityIds, 'activityIds', 'activities').map((a) => labelled(a, language, sources.vocabulary));
    const retention = distinct(activities.map((a) => a.retention));
    raw.purposes ??= distinct(activities.flatMap((a) => a.purposes));
    raw.dataCategories ??= distinct(activities.flatMap((a) => a.personalDataCategories));
    raw.recipients ??= distinct(activities.flatMap((a) => a.recipients));
    if (retention.length) raw.retention ??= retention.join('\n');
    raw.transfers ??= activities.flatMap((a) => a.transfers.map(({ country, recipient, safeguard }) => ({ country, recipient, safeguard })));
  }
  return validate('dsar-response', raw, namer({ ours: 'controller' }));
}

function registerInput(language: UiLanguage, sources: DocumentSources, f: BaseFields): BuiltInput {
  const org = organisationOf(sources);
  const activities = pick(sources.activities, f.activityIds, 'activityIds', 'activities').map(entry);
  const raw: Raw = {
    language,
    date: f.date,
    place: f.place || org.address.city,
    organisation: organisationParty(org, f),
    ...(typeof f.euRepresentative === 'string' && f.euRepresentative ? { euRepresentative: f.euRepresentative } : {}),
    activities,
    vocabulary: sources.vocabulary,
  };
  return validate('register', raw, namer({ ours: 'organisation', activities }));
}
