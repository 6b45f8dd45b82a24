// `dpa`: the Data Processing Agreement between a controller and a processor (Art. 28(3) GDPR),
// laid out like the Commission's controller–processor clauses (clauses, then Annexes I–IV) but
// worded by us. The view turns every choice into booleans and every value into text in the
// document language, so the four templates hold wording only.
import type { TransferSafeguard } from '../../model/activity';
import type { UiLanguage } from '../../model/common';
import { countryName, formatDate, formatMoney, periodView } from '../format';
import { formatArticle, legalBasisLabel, partyView } from '../inputs/common-view';
import { onListOn } from '../inputs/common';
import { inLanguage, keepWhole } from '../spans';
import { DpaInput, type DpaActivity, type DpaParty, type MeasureArea } from '../inputs/dpa';
import { composed, type DocumentKindSpec } from '../kind';
import { byName, formatLocations, subprocessorRow, TRANSFER_LABEL } from './subprocessors';
import { templates, templateVersion } from '../../../templates/dpa/skeleton.hbs';
import sample from '../../../templates/dpa/sample.json';

/** "Performance of a contract (Art. 6(1)(b) GDPR)": the register's wording, shared (inputs/common-view.ts). */
export { legalBasisLabel };

const MEASURE_AREA: Record<UiLanguage, Record<Exclude<MeasureArea, 'other'>, string>> = {
  en: {
    'access-control': 'Access control',
    encryption: 'Encryption',
    pseudonymisation: 'Pseudonymisation',
    availability: 'Availability and backup',
    testing: 'Regular testing and evaluation',
    logging: 'Logging and monitoring',
    'physical-security': 'Physical security',
    confidentiality: 'Staff confidentiality and training',
    'incident-response': 'Incident response',
    'data-minimisation': 'Data minimisation',
  },
  nl: {
    'access-control': 'Toegangsbeveiliging',
    encryption: 'Versleuteling',
    pseudonymisation: 'Pseudonimisering',
    availability: 'Beschikbaarheid en back-up',
    testing: 'Periodiek testen en evalueren',
    logging: 'Logging en monitoring',
    'physical-security': 'Fysieke beveiliging',
    confidentiality: 'Geheimhouding en opleiding van personeel',
    'incident-response': 'Afhandeling van incidenten',
    'data-minimisation': 'Dataminimalisatie',
  },
  de: {
    'access-control': 'Zugangs- und Zugriffskontrolle',
    encryption: 'Verschlüsselung',
    pseudonymisation: 'Pseudonymisierung',
    availability: 'Verfügbarkeit und Datensicherung',
    testing: 'Regelmäßige Überprüfung und Bewertung',
    logging: 'Protokollierung und Überwachung',
    'physical-security': 'Physische Sicherheit',
    confidentiality: 'Vertraulichkeit und Schulung der Beschäftigten',
    'incident-response': 'Umgang mit Sicherheitsvorfällen',
    'data-minimisation': 'Datenminimierung',
  },
  it: {
    'access-control': 'Controllo degli accessi',
    encryption: 'Cifratura',
    pseudonymisation: 'Pseudonimizzazione',
    availability: 'Disponibilità e backup',
    testing: 'Verifiche e valutazioni periodiche',
    logging: 'Registrazione e monitoraggio',
    'physical-security': 'Sicurezza fisica',
    confidentiality: 'Riservatezza e formazione del personale',
    'incident-response': 'Gestione degli incidenti',
    'data-minimisation': 'Minimizzazione dei dati',
  },
};

const FREQUENCY: Record<UiLanguage, Record<DpaInput['processing']['frequency'], string>> = {
  en: { continuous: 'Continuous', recurring: 'Recurring', 'one-off': 'One-off' },
  nl: { continuous: 'Doorlopend', recurring: 'Periodiek', 'one-off': 'Eenmalig' },
  de: { continuous: 'Fortlaufend', recurring: 'Wiederkehrend', 'one-off': 'Einmalig' },
  it: { continuous: 'Continuativa', recurring: 'Periodica', 'one-off': 'Una tantum' },
};

const SCC_MODULE: Record<UiLanguage, string> = { en: 'module', nl: 'module', de: 'Modul', it: 'modulo' };

const TITLE: Record<UiLanguage, string> = {
  en: 'Data Processing Agreement',
  nl: 'Verwerkersovereenkomst',
  de: 'Auftragsverarbeitungsvertrag',
  it: 'Accordo sul trattamento dei dati personali',
};
const SUBJECT: Record<UiLanguage, string> = {
  en: 'Agreement between controller and processor under Art. 28(3) GDPR',
  nl: 'Overeenkomst tussen verwerkingsverantwoordelijke en verwerker op grond van artikel 28 lid 3 AVG',
  de: 'Vertrag zwischen Verantwortlichem und Auftragsverarbeiter nach Art. 28 Abs. 3 DSGVO',
  it: 'Accordo tra titolare e responsabile del trattamento ai sensi dell’art. 28, par. 3, GDPR',
};

/**
 * The governing-law phrase each template's sentence needs. Country names need an article or a
 * preposition that depends on the country ("the Netherlands", "in den Niederlanden", "nei Paesi
 * Bassi"); the exceptions cover the EEA, Switzerland, the UK and the US.
 */
const LAW_EXCEPTIONS: Record<UiLanguage, Record<string, string>> = {
  en: { NL: 'the Netherlands', GB: 'the United Kingdom', US: 'the United States' },
  nl: { GB: 'het Verenigd Koninkrijk', US: 'de Verenigde Staten' },
  de: { NL: 'in den Niederlanden', CH: 'in der Schweiz', SK: 'in der Slowakei', GB: 'im Vereinigten Königreich', US: 'in den Vereinigten Staaten' },
  it: { NL: 'nei Paesi Bassi', GB: 'nel Regno Unito', US: 'negli Stati Uniti', MT: 'a Malta', CY: 'a Cipro' },
};
export function governingLawPhrase(code: string, lang: UiLanguage): string {
  const special = LAW_EXCEPTIONS[lang][code];
  const name = countryName(code, lang);
  switch (lang) {
    case 'en':
      return `the law of ${special ?? name}`; // "governed by the law of Germany"
    case 'nl':
      return `het recht van ${special ?? name}`; // "is het recht van Duitsland van toepassing"
    case 'de':
      return `dem ${special ?? `in ${name}`} geltenden Recht`; // "unterliegt dem in Deutschland geltenden Recht"
    case 'it':
      return `dal diritto vigente ${special ?? `in ${name}`}`; // "è disciplinato dal diritto vigente in Germania"
  }
}

/**
 * Register entries are phrases that often hold their own commas and "and"s ("Name and contact
 * details"), so a conjunction list would blur where one ends: semicolons keep them apart.
 */
const itemsOrNull = (items: readonly string[]) => (items.length ? items.join('; ') : null);

/** The general description of Annex II, which an activity's own entries are compared with. */
interface GeneralDescription {
  purpose: string | undefined;
  dataTypes: readonly string[];
  dataSubjects: readonly string[];
  retention: string;
}

const sameItems = (a: readonly string[], b: readonly string[]) => {
  const norm = (list: readonly string[]) => [...new Set(list.map((x) => x.trim().toLocaleLowerCase('en')))].sort().join('\u0000');
  return a.length > 0 && norm(a) === norm(b);
};

/**
 * One activity of Annex II. An entry that repeats the general description word for word is not
 * printed again: the template says "as in the general description" instead.
 */
function activityView(activity: DpaActivity, index: number, general: GeneralDescription, lang: UiLanguage, t: (text: string) => string) {
  const legalBasis = activity.legalBasis
    ? `${legalBasisLabel(activity.legalBasis, lang)}${activity.legitimateInterest ? `: ${activity.legitimateInterest}` : ''}`
    : null;
  const special = activity.specialCategories.map((s) => `${s.category} — ${formatArticle(`Art. 9(2)(${s.condition})`, lang)}`);
  const transfers = activity.transfers.map((t) => {
    const module = t.safeguard === 'scc' && t.sccModule ? `, ${SCC_MODULE[lang]} ${t.sccModule}` : '';
    const documentation = t.documentation ? ` (${t.documentation})` : '';
    return `${countryName(t.country, lang)}: ${t.recipient} — ${TRANSFER_LABEL[lang][t.safeguard]}${module}${documentation}`;
  });
  const samePurposes = general.purpose !== undefined && sameItems(activity.purposes, [general.purpose]);
  const sameSubjects = sameItems(activity.dataSubjectCategories, general.dataSubjects);
  const sameData = sameItems(activity.personalDataCategories, general.dataTypes);
  const sameRetention = activity.retention.trim() === general.retention.trim();
  return {
    number: index + 1,
    name: t(activity.name),
    purposes: samePurposes ? null : itemsOrNull(activity.purposes.map(t)),
    samePurposes,
    dataSubjects: sameSubjects ? null : itemsOrNull(activity.dataSubjectCategories.map(t)),
    sameDataSubjects: sameSubjects,
    dataCategories: sameData ? null : itemsOrNull(activity.personalDataCategories.map(t)),
    sameDataCategories: sameData,
    specialCategories: itemsOrNull(special),
    legalBasis,
    recipients: itemsOrNull(activity.recipients.map(keepWhole)),
    retention: sameRetention ? null : activity.retention ? t(activity.retention) : null,
    transfers: itemsOrNull(transfers),
  };
}

function dpaPartyView(party: DpaParty, input: DpaInput, lang: UiLanguage) {
  const contact = party.contact;
  return {
    ...partyView(party, lang),
    tradeName: party.tradeName ? keepWhole(party.tradeName) : null,
    place: party.placeOfSigning ?? input.place,
    signedOn: formatDate(party.signedOn ?? input.date, lang),
    contact: contact ? { name: keepWhole(contact.name), role: contact.role || null, email: contact.email, phone: contact.phone || null } : null,
    dpoRole: party.dpo?.role || null,
    noDpo: party.noDpo === true,
  };
}

/** A Chapter V ground as cited in the language, with the SCC module when there is one. */
function groundLabel(mechanism: TransferSafeguard, module: number | undefined, lang: UiLanguage): string {
  return `${TRANSFER_LABEL[lang][mechanism]}${mechanism === 'scc' && module ? `, ${SCC_MODULE[lang]} ${module}` : ''}`;
}

export const dpaKind: DocumentKindSpec<typeof DpaInput> = {
  kind: 'dpa',
  ...composed('dpa', templates, templateVersion),
  input: DpaInput,
  view(input, lang) {
    const { term, subprocessorAuthorisation: auth, endOfProcessing: end, liability, processing, transfers } = input;
    const subprocessors = input.subprocessors
      .filter((entry) => onListOn(entry, input.effectiveDate))
      .sort(byName(lang))
      .map((entry) => subprocessorRow(entry, lang, input.textLanguage));
    // Free text written in another language than the document's is hyphenated in its own (../spans.ts).
    const t = (text: string) => inLanguage(text, input.textLanguage !== lang ? input.textLanguage : undefined);
    const breach = input.breachNotificationHours;
    const erasure = input.erasureOnRequest;
    const general: GeneralDescription = {
      purpose: processing.purpose,
      dataTypes: processing.dataTypes,
      dataSubjects: processing.dataSubjects,
      retention: processing.retention,
    };
    return {
      reference: keepWhole(input.reference),
      date: formatDate(input.date, lang),
      place: input.place,
      effectiveDate: formatDate(input.effectiveDate, lang),
      controller: dpaPartyView(input.controller, input, lang),
      processor: dpaPartyView(input.processor, input, lang),
      mainAgreement: {
        title: input.mainAgreement.title,
        date: input.mainAgreement.date ? formatDate(input.mainAgreement.date, lang) : null,
        reference: input.mainAgreement.reference ?? null,
      },
      term: {
        mainAgreement: term.type === 'main-agreement',
        fixed: term.type === 'fixed',
        indefinite: term.type === 'indefinite',
        endDate: term.type === 'fixed' ? formatDate(term.endDate, lang) : null,
        notice: term.type === 'indefinite' ? periodView(term.terminationNoticeDays, 'day', lang) : null,
      },
      governingLaw: {
        country: countryName(input.governingLaw.country, lang),
        law: governingLawPhrase(input.governingLaw.country, lang),
        court: keepWhole(input.governingLaw.court),
      },
      authorisation: {
        specific: auth.type === 'specific',
        general: auth.type === 'general',
        notice: auth.noticeDays !== undefined ? periodView(auth.noticeDays, 'day', lang) : null,
        contractsConcluded: input.subprocessorContractsConcluded,
      },
      breach: {
        immediately: breach === 'immediately',
        within: breach === 'immediately' ? null : periodView(breach, 'hour', lang),
        controllerReports: input.breachReporting === 'controller',
        processorReports: input.breachReporting === 'processor-on-behalf',
      },
      erasure: {
        immediately: erasure === 'immediately',
        within: typeof erasure === 'number' ? periodView(erasure, 'day', lang) : null,
      },
      thirdPartyBeneficiaries: input.thirdPartyBeneficiaries,
      auditNotice: periodView(input.auditNoticeDays, 'day', lang),
      endOfProcessing: {
        delete: end.action === 'delete',
        return: end.action === 'return',
        choice: end.action === 'controller-choice',
        within: periodView(end.days, 'day', lang),
      },
      liability: {
        mainAgreement: liability.variant === 'main-agreement',
        capped: liability.variant === 'capped',
        cap: liability.cap ? formatMoney(liability.cap.amount, liability.cap.currency, lang) : null,
      },
      processorLocations: input.processorLocations.length ? formatLocations(input.processorLocations, lang) : null,
      processing: {
        nature: t(processing.nature),
        purpose: processing.purpose ? t(processing.purpose) : null,
        dataTypes: processing.dataTypes.map(t),
        dataSubjects: processing.dataSubjects.map(t),
        specialCategories: itemsOrNull(processing.specialCategories.map(t)),
        specialCategorySafeguards: processing.specialCategorySafeguards ? t(processing.specialCategorySafeguards) : null,
        continuous: processing.frequency === 'continuous',
        recurring: processing.frequency === 'recurring',
        oneOff: processing.frequency === 'one-off',
        frequency: FREQUENCY[lang][processing.frequency],
        retention: t(processing.retention),
      },
      activities: input.activities.map((activity, i) => activityView(activity, i, general, lang, t)),
      measures: input.measures.map((m) => ({
        area: m.label ?? (m.area === 'other' ? '' : MEASURE_AREA[lang][m.area]),
        measure: t(m.measure),
      })),
      subprocessors,
      subprocessorContacts: subprocessors.filter((row) => row.address || row.contact),
      transfers: {
        none: transfers.mechanism === 'none-needed' && transfers.destinations.length === 0,
        mechanism: transfers.mechanism === 'none-needed' ? null : groundLabel(transfers.mechanism, transfers.sccModule, lang),
        details: transfers.details ? t(transfers.details) : null,
        destinations: transfers.destinations.map((d) => ({
          country: countryName(d.country, lang),
          ground: groundLabel(d.mechanism, d.sccModule, lang),
          recipients: d.recipients.length ? d.recipients.join(', ') : null,
          details: d.details ? t(d.details) : null,
        })),
      },
    };
  },
  meta(input, lang) {
    return {
      title: `${TITLE[lang]} — ${input.controller.legalName} / ${input.processor.legalName}`,
      subject: SUBJECT[lang],
      author: `${input.controller.legalName}; ${input.processor.legalName}`,
      date: input.date,
      keywords: ['GDPR', 'Art. 28', TITLE[lang], input.reference],
    };
  },
  sample: () => DpaInput.parse(structuredClone(sample)),
};
