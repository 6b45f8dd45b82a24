// `subprocessor-notice`: tells customers what changed between two versions of the subprocessor
// list and until when they may object (Art. 28(2) GDPR: the controller must be able to object
// to an intended addition or replacement).
import { DateTime } from 'luxon';
import type { UiLanguage } from '../../model/common';
import { formatCellDate, formatDate } from '../format';
import { onListOn, type SubprocessorEntry } from '../inputs/common';
import { dateWithArticle, partyView } from '../inputs/common-view';
import { SubprocessorNoticeInput } from '../inputs/subprocessors';
import { composed, type DocumentKindSpec } from '../kind';
import { byName, formatLocations, subprocessorRow, TRANSFER_LABEL } from './subprocessors';
import { templates, templateVersion } from '../../../templates/subprocessor-notice/skeleton.hbs';
import sample from '../../../templates/subprocessor-notice/sample.json';

/** The details of a subprocessor a change notice compares. */
export const COMPARED_FIELDS = ['name', 'legalEntity', 'purpose', 'dataCategories', 'locations', 'transferMechanism', 'addedOn'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface SubprocessorChange {
  before: SubprocessorEntry;
  after: SubprocessorEntry;
  /** The fields that differ, in COMPARED_FIELDS order. */
  fields: ComparedField[];
}

export interface SubprocessorDiff {
  added: SubprocessorEntry[];
  removed: SubprocessorEntry[];
  changed: SubprocessorChange[];
  unchanged: SubprocessorEntry[];
}

/** Name + legal entity, compared without regard to case, spacing or Unicode normalisation form. */
function identity(entry: SubprocessorEntry): string {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
  return `${norm(entry.name)}\u0000${norm(entry.legalEntity)}`;
}

/** Lists are compared as sets: reordering data categories or locations is no change. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const sa = [...new Set(a)].sort();
    const sb = [...new Set(b)].sort();
    return sa.length === sb.length && sa.every((v, i) => v === sb[i]);
  }
  return a === b;
}

/**
 * Compares two versions of a subprocessor list. Entries are matched by `id` when both carry the
 * same one (so a renamed subprocessor is a change, not a removal plus an addition), otherwise by
 * name and legal entity. Pure; keeps the order of `current` (and of `previous` for removals).
 */
export function diffSubprocessorLists(previous: readonly SubprocessorEntry[], current: readonly SubprocessorEntry[]): SubprocessorDiff {
  const unmatched = new Set(previous.map((_, i) => i));
  const byId = new Map<string, number>();
  const byIdentity = new Map<string, number>();
  previous.forEach((entry, i) => {
    if (entry.id !== undefined && !byId.has(entry.id)) byId.set(entry.id, i);
    if (!byIdentity.has(identity(entry))) byIdentity.set(identity(entry), i);
  });

  // First pass by id, so that an id match is never taken by another entry's name match.
  const matchOf = new Map<number, number>();
  current.forEach((entry, ci) => {
    const pi = entry.id !== undefined ? byId.get(entry.id) : undefined;
    if (pi !== undefined && unmatched.has(pi)) {
      matchOf.set(ci, pi);
      unmatched.delete(pi);
    }
  });
  current.forEach((entry, ci) => {
    if (matchOf.has(ci)) return;
    const pi = byIdentity.get(identity(entry));
    // An entry whose id differs from the previous one's is another subprocessor of the same name.
    if (pi !== undefined && unmatched.has(pi) && (entry.id === undefined || previous[pi]!.id === undefined)) {
      matchOf.set(ci, pi);
      unmatched.delete(pi);
    }
  });

  const diff: SubprocessorDiff = { added: [], removed: [], changed: [], unchanged: [] };
  current.forEach((after, ci) => {
    const pi = matchOf.get(ci);
    if (pi === undefined) {
      diff.added.push(after);
      return;
    }
    const before = previous[pi]!;
    const fields = COMPARED_FIELDS.filter((field) => !sameValue(before[field], after[field]));
    if (fields.length) diff.changed.push({ before, after, fields });
    else diff.unchanged.push(after);
  });
  previous.forEach((entry, pi) => {
    if (unmatched.has(pi)) diff.removed.push(entry);
  });
  return diff;
}

/** Calendar days after the notice date (the day of the notice itself is not counted). */
export function objectionDeadline(noticeDate: string, days: number): string {
  return DateTime.fromISO(noticeDate, { zone: 'utc' }).plus({ days }).toISODate()!;
}

const FIELD_LABEL: Record<UiLanguage, Record<ComparedField, string>> = {
  en: {
    name: 'Name',
    legalEntity: 'Legal entity',
    purpose: 'Purpose',
    dataCategories: 'Categories of data',
    locations: 'Processing locations',
    transferMechanism: 'Transfer mechanism',
    addedOn: 'Added on',
  },
  nl: {
    name: 'Naam',
    legalEntity: 'Rechtspersoon',
    purpose: 'Doel',
    dataCategories: 'Categorieën gegevens',
    locations: 'Verwerkingslocaties',
    transferMechanism: 'Doorgiftemechanisme',
    addedOn: 'Toegevoegd op',
  },
  de: {
    name: 'Name',
    legalEntity: 'Gesellschaft',
    purpose: 'Zweck',
    dataCategories: 'Datenkategorien',
    locations: 'Verarbeitungsorte',
    transferMechanism: 'Übermittlungsgrundlage',
    addedOn: 'Aufgenommen am',
  },
  it: {
    name: 'Nome',
    legalEntity: 'Ragione sociale',
    purpose: 'Finalità',
    dataCategories: 'Categorie di dati',
    locations: 'Luoghi del trattamento',
    transferMechanism: 'Meccanismo di trasferimento',
    addedOn: 'Aggiunto il',
  },
};

function formatField(entry: SubprocessorEntry, field: ComparedField, lang: UiLanguage): string {
  switch (field) {
    case 'dataCategories':
      return entry.dataCategories.join(', ');
    case 'locations':
      return formatLocations(entry.locations, lang);
    case 'transferMechanism':
      return TRANSFER_LABEL[lang][entry.transferMechanism];
    case 'addedOn':
      return formatCellDate(entry.addedOn, lang);
    default:
      return entry[field];
  }
}

const TITLE: Record<UiLanguage, string> = {
  en: 'Notice of changes to our subprocessors',
  nl: 'Kennisgeving van wijzigingen in onze subverwerkers',
  de: 'Mitteilung über Änderungen bei unseren Unterauftragsverarbeitern',
  it: 'Comunicazione di modifiche ai sub-responsabili del trattamento',
};

export const subprocessorNoticeKind: DocumentKindSpec<typeof SubprocessorNoticeInput> = {
  kind: 'subprocessor-notice',
  ...composed('subprocessor-notice', templates, templateVersion),
  input: SubprocessorNoticeInput,
  view(input, lang) {
    const { previous, current } = input;
    const diff = diffSubprocessorLists(
      previous.subprocessors.filter((e) => onListOn(e, previous.date)),
      current.subprocessors.filter((e) => onListOn(e, current.date)),
    );
    const order = byName(lang);
    const deadline = objectionDeadline(input.noticeDate, input.objectionPeriodDays);
    const effective = input.effectiveDate ?? DateTime.fromISO(deadline, { zone: 'utc' }).plus({ days: 1 }).toISODate()!;
    const added = [...diff.added].sort(order).map((e) => subprocessorRow(e, lang));
    const removed = [...diff.removed].sort(order).map((e) => {
      // The current list may still carry the entry with its removal date.
      const later = current.subprocessors.find((c) => c.removedOn && identity(c) === identity(e));
      // Without a removal date of its own, the subprocessor goes when the changes take effect.
      const removedOn = e.removedOn ?? later?.removedOn ?? effective;
      return { name: e.name, legalEntity: e.legalEntity, purpose: e.purpose, removedOn: formatCellDate(removedOn, lang) };
    });
    const changed = [...diff.changed]
      .sort((a, b) => order(a.after, b.after))
      .map((change) => ({
        name: change.after.name,
        legalEntity: change.after.legalEntity,
        changes: change.fields.map((field) => ({
          field: FIELD_LABEL[lang][field],
          before: formatField(change.before, field, lang),
          after: formatField(change.after, field, lang),
        })),
      }));
    return {
      organisation: partyView(input.organisation, lang),
      place: input.place,
      noticeDate: formatDate(input.noticeDate, lang),
      previousVersion: previous.version,
      previousDate: formatDate(previous.date, lang),
      currentVersion: current.version,
      currentDate: formatDate(current.date, lang),
      objectionPeriodDays: input.objectionPeriodDays,
      objectionDeadline: formatDate(deadline, lang),
      objectionDeadlineWithArticle: dateWithArticle(deadline, lang),
      effectiveDate: formatDate(effective, lang),
      effectiveDateWithArticle: dateWithArticle(effective, lang),
      added,
      hasAdded: added.length > 0,
      addedContacts: added.filter((row) => row.address || row.contact),
      removed,
      hasRemoved: removed.length > 0,
      changed,
      hasChanged: changed.length > 0,
      unchangedCount: diff.unchanged.length,
      hasChanges: added.length + removed.length + changed.length > 0,
    };
  },
  meta(input, lang) {
    return {
      title: `${TITLE[lang]} – ${input.organisation.legalName}`,
      subject: `${TITLE[lang]}: ${input.previous.version} → ${input.current.version}`,
      author: input.organisation.legalName,
      date: input.noticeDate,
      keywords: ['GDPR', 'Art. 28(2)', TITLE[lang]],
    };
  },
  sample: () => SubprocessorNoticeInput.parse(structuredClone(sample)),
};
