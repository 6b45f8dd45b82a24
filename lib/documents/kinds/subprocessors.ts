// `subprocessors`: the list of subprocessors an organisation engages (Art. 28(2), (4) GDPR),
// published for its customers. Also home of the row formatting the change notice reuses.
import type { TransferSafeguard } from '../../model/activity';
import type { UiLanguage } from '../../model/common';
import { countryName, formatCellDate, formatDate } from '../format';
import { onListOn, type SubprocessorEntry } from '../inputs/common';
import { partyView } from '../inputs/common-view';
import { inLanguage, keepWhole } from '../spans';
import { SubprocessorListInput } from '../inputs/subprocessors';
import { composed, type DocumentKindSpec } from '../kind';
import { templates, templateVersion } from '../../../templates/subprocessors/skeleton.hbs';
import sample from '../../../templates/subprocessors/sample.json';

/** Chapter V transfer mechanisms, as a reader of each language expects them cited. */
export const TRANSFER_LABEL: Record<UiLanguage, Record<TransferSafeguard, string>> = {
  en: {
    adequacy: 'Adequacy decision (Art. 45 GDPR)',
    scc: 'Standard contractual clauses (Art. 46(2)(c) GDPR)',
    bcr: 'Binding corporate rules (Art. 47 GDPR)',
    'derogation-art49': 'Derogation for a specific situation (Art. 49 GDPR)',
    'none-needed': 'None needed (EU/EEA only)',
  },
  nl: {
    adequacy: 'Adequaatheidsbesluit (art. 45 AVG)',
    scc: 'Standaardcontractbepalingen (art. 46 lid 2 sub c AVG)',
    bcr: 'Bindende bedrijfsvoorschriften (art. 47 AVG)',
    'derogation-art49': 'Uitzondering voor een specifieke situatie (art. 49 AVG)',
    'none-needed': 'Niet nodig (alleen EU/EER)',
  },
  de: {
    adequacy: 'Angemessenheitsbeschluss (Art. 45 DSGVO)',
    scc: 'Standardvertragsklauseln (Art. 46 Abs. 2 lit. c DSGVO)',
    bcr: 'Verbindliche interne Datenschutzvorschriften (Art. 47 DSGVO)',
    'derogation-art49': 'Ausnahme für bestimmte Fälle (Art. 49 DSGVO)',
    'none-needed': 'Nicht erforderlich (nur EU/EWR)',
  },
  it: {
    adequacy: 'Decisione di adeguatezza (art. 45 GDPR)',
    scc: 'Clausole contrattuali tipo (art. 46, par. 2, lett. c), GDPR)',
    bcr: 'Norme vincolanti d’impresa (art. 47 GDPR)',
    'derogation-art49': 'Deroga in una situazione specifica (art. 49 GDPR)',
    'none-needed': 'Non necessario (solo UE/SEE)',
  },
};

/** Sorts names the way a reader of the language expects (ä with a, ø after z in Danish…). */
export function byName(lang: UiLanguage) {
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  return (a: { name: string; legalEntity: string }, b: { name: string; legalEntity: string }) =>
    collator.compare(a.name, b.name) || collator.compare(a.legalEntity, b.legalEntity);
}

export function formatLocations(codes: readonly string[], lang: UiLanguage): string {
  return codes.map((code) => countryName(code, lang)).join(', ');
}

export interface SubprocessorRow {
  name: string;
  legalEntity: string;
  /** The entity's address and data-protection contact, or null. */
  address: string | null;
  contact: string | null;
  purpose: string;
  dataCategories: string;
  locations: string;
  transferMechanism: string;
  addedOn: string;
}

/** One table row, every value pre-formatted for the language. */
export function subprocessorRow(entry: SubprocessorEntry, lang: UiLanguage, textLanguage?: UiLanguage): SubprocessorRow {
  const text = (value: string) => inLanguage(value, textLanguage !== lang ? textLanguage : undefined);
  return {
    name: keepWhole(entry.name),
    legalEntity: keepWhole(entry.legalEntity),
    address: entry.address ?? null,
    contact: entry.contact ? keepWhole(entry.contact) : null,
    purpose: text(entry.purpose),
    dataCategories: text(entry.dataCategories.join(', ')),
    locations: formatLocations(entry.locations, lang),
    transferMechanism: TRANSFER_LABEL[lang][entry.transferMechanism],
    addedOn: formatCellDate(entry.addedOn, lang),
  };
}

const TITLE: Record<UiLanguage, string> = {
  en: 'Subprocessor list',
  nl: 'Lijst van subverwerkers',
  de: 'Liste der Unterauftragsverarbeiter',
  it: 'Elenco dei sub-responsabili del trattamento',
};

export const subprocessorsKind: DocumentKindSpec<typeof SubprocessorListInput> = {
  kind: 'subprocessors',
  ...composed('subprocessors', templates, templateVersion),
  input: SubprocessorListInput,
  view(input, lang) {
    const rows = input.list.subprocessors
      .filter((entry) => onListOn(entry, input.date))
      .sort(byName(lang))
      .map((entry) => subprocessorRow(entry, lang));
    return {
      organisation: partyView(input.organisation, lang),
      version: input.list.version,
      versionDate: formatDate(input.list.date, lang),
      date: formatDate(input.date, lang),
      place: input.place,
      rows,
      rowContacts: rows.filter((row) => row.address || row.contact),
      hasRows: rows.length > 0,
    };
  },
  meta(input, lang) {
    return {
      title: `${TITLE[lang]} – ${input.organisation.legalName}`,
      subject: `${TITLE[lang]} ${input.list.version}`,
      author: input.organisation.legalName,
      date: input.date,
      keywords: ['GDPR', 'Art. 28', TITLE[lang]],
    };
  },
  sample: () => SubprocessorListInput.parse(structuredClone(sample)),
};
