// `register`: the record of processing activities (Art. 30 GDPR) as a report. Each activity
// lists every Art. 30(1) item (Art. 30(2) for activities carried out as processor), the legal
// basis (Art. 6(1)), special categories with their Art. 9(2) condition, transfers with their
// safeguards, retention and security measures; a summary table shows how complete each entry is,
// by the same check the side panel uses (lib/register/completeness.ts). Purposes and categories
// are vocabulary keys, printed as their labels in the document language.
import { LEGAL_BASIS_ARTICLE } from '../../model/activity';
import type { UiLanguage } from '../../model/common';
import { countryName, formatDate, formatList } from '../format';
import { checkCompleteness, type Missing, type MissingItem } from '../../register/completeness';
import { labelOf, type CustomVocabularyEntry, type VocabularyKind } from '../../register/vocabulary';
import type { ActivityEntry } from '../inputs/common';
import { formatArticle, LEGAL_BASIS_LABEL, paragraphs, partyView } from '../inputs/common-view';
import { RegisterInput } from '../inputs/register';
import { composed, type DocumentKindSpec } from '../kind';
import { TRANSFER_LABEL } from './subprocessors';
import { templates, templateVersion } from '../../../templates/register/skeleton.hbs';
import sample from '../../../templates/register/sample.json';

type Art9Condition = ActivityEntry['specialCategories'][number]['condition'];

/** Art. 9(2)(a)–(j), summarised in a few words each. */
const ART9_LABEL: Record<UiLanguage, Record<Art9Condition, string>> = {
  en: {
    a: 'explicit consent',
    b: 'employment and social security law',
    c: 'vital interests, consent not possible',
    d: 'not-for-profit body',
    e: 'made manifestly public by the data subject',
    f: 'legal claims or courts',
    g: 'substantial public interest',
    h: 'health or social care',
    i: 'public health',
    j: 'archiving, research or statistics',
  },
  nl: {
    a: 'uitdrukkelijke toestemming',
    b: 'arbeidsrecht en socialezekerheidsrecht',
    c: 'vitale belangen, toestemming niet mogelijk',
    d: 'organisatie zonder winstoogmerk',
    e: 'door de betrokkene kennelijk openbaar gemaakt',
    f: 'rechtsvordering of rechtspraak',
    g: 'zwaarwegend algemeen belang',
    h: 'gezondheidszorg of sociale zorg',
    i: 'volksgezondheid',
    j: 'archivering, onderzoek of statistiek',
  },
  de: {
    a: 'ausdrückliche Einwilligung',
    b: 'Arbeitsrecht und Recht der sozialen Sicherheit',
    c: 'lebenswichtige Interessen, Einwilligung nicht möglich',
    d: 'Organisation ohne Gewinnerzielungsabsicht',
    e: 'von der betroffenen Person offensichtlich öffentlich gemacht',
    f: 'Rechtsansprüche oder justizielle Tätigkeit',
    g: 'erhebliches öffentliches Interesse',
    h: 'Gesundheits- oder Sozialbereich',
    i: 'öffentliche Gesundheit',
    j: 'Archiv-, Forschungs- oder Statistikzwecke',
  },
  it: {
    a: 'consenso esplicito',
    b: 'diritto del lavoro e della sicurezza sociale',
    c: 'interessi vitali, consenso impossibile',
    d: 'organismo senza scopo di lucro',
    e: 'dati resi manifestamente pubblici dall’interessato',
    f: 'diritti in sede giudiziaria',
    g: 'interesse pubblico rilevante',
    h: 'assistenza sanitaria o sociale',
    i: 'sanità pubblica',
    j: 'archiviazione, ricerca o statistica',
  },
};

const ROLE_LABEL: Record<UiLanguage, Record<ActivityEntry['role'], string>> = {
  en: { controller: 'Controller', processor: 'Processor' },
  nl: { controller: 'Verwerkingsverantwoordelijke', processor: 'Verwerker' },
  de: { controller: 'Verantwortlicher', processor: 'Auftragsverarbeiter' },
  it: { controller: 'Titolare', processor: 'Responsabile' },
};

/** What lib/register's completeness check finds missing, named as a reader of each language expects. */
const MISSING_LABEL: Record<UiLanguage, Record<MissingItem, string>> = {
  en: {
    controller: 'name and contact details of the controller',
    organisation: 'name and contact details of the processor',
    purposes: 'purposes',
    legalBasis: 'legal basis',
    legitimateInterest: 'legitimate interest pursued',
    dataSubjectCategories: 'categories of data subjects',
    personalDataCategories: 'categories of personal data',
    specialCategoryCondition: 'Art. 9(2) condition',
    recipients: 'recipients',
    transferSafeguard: 'transfer safeguard',
    sccModule: 'module of the standard contractual clauses',
    transferDocumentation: 'documentation of suitable safeguards',
    retention: 'time limits for erasure',
    securityMeasures: 'security measures',
    processingOnBehalf: 'controllers served',
    processingCategories: 'categories of processing',
  },
  nl: {
    controller: 'naam en contactgegevens van de verwerkingsverantwoordelijke',
    organisation: 'naam en contactgegevens van de verwerker',
    purposes: 'doeleinden',
    legalBasis: 'rechtsgrond',
    legitimateInterest: 'nagestreefd gerechtvaardigd belang',
    dataSubjectCategories: 'categorieën betrokkenen',
    personalDataCategories: 'categorieën persoonsgegevens',
    specialCategoryCondition: 'uitzonderingsgrond van art. 9 lid 2 AVG',
    recipients: 'ontvangers',
    transferSafeguard: 'waarborg voor de doorgifte',
    sccModule: 'module van de standaardcontractbepalingen',
    transferDocumentation: 'documentatie van passende waarborgen',
    retention: 'bewaartermijnen',
    securityMeasures: 'beveiligingsmaatregelen',
    processingOnBehalf: 'verwerkingsverantwoordelijken voor wie wordt verwerkt',
    processingCategories: 'categorieën verwerkingen',
  },
  de: {
    controller: 'Name und Kontaktdaten des Verantwortlichen',
    organisation: 'Name und Kontaktdaten des Auftragsverarbeiters',
    purposes: 'Zwecke',
    legalBasis: 'Rechtsgrundlage',
    legitimateInterest: 'verfolgtes berechtigtes Interesse',
    dataSubjectCategories: 'Kategorien betroffener Personen',
    personalDataCategories: 'Kategorien personenbezogener Daten',
    specialCategoryCondition: 'Ausnahmetatbestand nach Art. 9 Abs. 2 DSGVO',
    recipients: 'Empfänger',
    transferSafeguard: 'Garantie für die Übermittlung',
    sccModule: 'Modul der Standardvertragsklauseln',
    transferDocumentation: 'Dokumentierung geeigneter Garantien',
    retention: 'Löschfristen',
    securityMeasures: 'Sicherheitsmaßnahmen',
    processingOnBehalf: 'Verantwortliche, in deren Auftrag verarbeitet wird',
    processingCategories: 'Kategorien von Verarbeitungen',
  },
  it: {
    controller: 'nome e dati di contatto del titolare',
    organisation: 'nome e dati di contatto del responsabile',
    purposes: 'finalità',
    legalBasis: 'base giuridica',
    legitimateInterest: 'legittimo interesse perseguito',
    dataSubjectCategories: 'categorie di interessati',
    personalDataCategories: 'categorie di dati personali',
    specialCategoryCondition: 'condizione dell’art. 9, par. 2, GDPR',
    recipients: 'destinatari',
    transferSafeguard: 'garanzia per il trasferimento',
    sccModule: 'modulo delle clausole contrattuali tipo',
    transferDocumentation: 'documentazione delle garanzie adeguate',
    retention: 'termini di cancellazione',
    securityMeasures: 'misure di sicurezza',
    processingOnBehalf: 'titolari per conto dei quali si tratta',
    processingCategories: 'categorie di trattamenti',
  },
};

/** "recipients, Art. 9(2) condition (health data) and security measures" in the document language. */
function describeMissing(missing: readonly Missing[], lang: UiLanguage, custom: readonly CustomVocabularyEntry[]): string {
  const items = missing.map((m) => {
    const about = m.item === 'specialCategoryCondition' && m.about ? labelOf('personalData', m.about, lang, custom) : m.about;
    return about ? `${MISSING_LABEL[lang][m.item]} (${about})` : MISSING_LABEL[lang][m.item];
  });
  return formatList([...new Set(items)], lang);
}

const TITLE: Record<UiLanguage, string> = {
  en: 'Record of processing activities',
  nl: 'Register van verwerkingsactiviteiten',
  de: 'Verzeichnis von Verarbeitungstätigkeiten',
  it: 'Registro delle attività di trattamento',
};

const NONE = '—';

function activityView(activity: ActivityEntry, index: number, input: RegisterInput, lang: UiLanguage) {
  const custom = input.vocabulary;
  const joined = (items: readonly string[]) => (items.length ? items.join('; ') : NONE);
  const label = (kind: VocabularyKind, values: readonly string[]) => joined(values.map((v) => labelOf(kind, v, lang, custom)));
  // The document's input always names the organisation, so its profile counts as filled in.
  const { missing } = checkCompleteness(activity, { organisationProfile: true, custom });
  const org = input.organisation;
  const orgContact = { name: org.legalName, contact: [org.email, partyView(org, lang).address].join(', ') };
  // A controller's entry names the controller (the organisation unless another is recorded); a
  // processor's entry names the controller it serves only when one is recorded.
  const controller = activity.controller
    ? {
        name: activity.controller.entity,
        contact: [activity.controller.name, activity.controller.email, activity.controller.phone].filter(Boolean).join(', '),
      }
    : activity.role === 'controller'
      ? orgContact
      : null;
  return {
    number: index + 1,
    name: activity.name,
    isController: activity.role === 'controller',
    isProcessor: activity.role === 'processor',
    role: ROLE_LABEL[lang][activity.role],
    controller,
    /** For processor activities: the organisation itself, as processor. */
    processor: orgContact,
    jointControllers: activity.jointControllers.length ? activity.jointControllers.join('; ') : null,
    representative: activity.representative ?? input.euRepresentative ?? null,
    dpo: activity.dpo ?? (org.dpo ? `${org.dpo.name}, ${org.dpo.email}` : null),
    purposes: label('purposes', activity.purposes),
    legalBasis: activity.legalBasis
      ? `${formatArticle(LEGAL_BASIS_ARTICLE[activity.legalBasis], lang)} – ${LEGAL_BASIS_LABEL[lang][activity.legalBasis]}`
      : NONE,
    legitimateInterest: activity.legalBasis === 'legitimate-interests' ? (activity.legitimateInterest ?? NONE) : null,
    dataSubjectCategories: label('dataSubjects', activity.dataSubjectCategories),
    personalDataCategories: label('personalData', activity.personalDataCategories),
    specialCategories: activity.specialCategories.length
      ? activity.specialCategories
          .map((s) => `${labelOf('personalData', s.category, lang, custom)} (${formatArticle(`Art. 9(2)(${s.condition})`, lang)} – ${ART9_LABEL[lang][s.condition]})`)
          .join('; ')
      : null,
    recipients: joined(activity.recipients),
    processingOnBehalfText: activity.processingOnBehalf.length
      ? activity.processingOnBehalf.map((p) => `${p.controller}: ${p.categories.join(', ') || NONE}`).join('; ')
      : NONE,
    transfers: activity.transfers.map((t) => ({
      recipient: t.recipient,
      country: countryName(t.country, lang),
      safeguard: t.safeguard === 'scc' && t.sccModule ? `${TRANSFER_LABEL[lang].scc}, ${MODULE[lang]} ${t.sccModule}` : TRANSFER_LABEL[lang][t.safeguard],
      documentation: t.documentation || NONE,
    })),
    hasTransfers: activity.transfers.length > 0,
    retention: paragraphs(activity.retention),
    hasRetention: activity.retention.trim().length > 0,
    securityMeasures: paragraphs(activity.securityMeasures),
    hasSecurityMeasures: activity.securityMeasures.trim().length > 0,
    systems: activity.systems.length ? activity.systems.join(', ') : null,
    dpiaRequired: activity.dpiaRequired,
    complete: missing.length === 0,
    missingCount: missing.length,
    missing: missing.length ? describeMissing(missing, lang, custom) : NONE,
  };
}

const MODULE: Record<UiLanguage, string> = { en: 'module', nl: 'module', de: 'Modul', it: 'modulo' };

export const registerKind: DocumentKindSpec<typeof RegisterInput> = {
  kind: 'register',
  ...composed('register', templates, templateVersion),
  input: RegisterInput,
  view(input, lang) {
    const activities = input.activities.map((activity, i) => activityView(activity, i, input, lang));
    const complete = activities.filter((a) => a.complete).length;
    return {
      organisation: partyView(input.organisation, lang),
      euRepresentative: input.euRepresentative ?? null,
      date: formatDate(input.date, lang),
      place: input.place,
      activities,
      activityCount: activities.length,
      completeCount: complete,
      allComplete: complete === activities.length,
      hasController: activities.some((a) => a.isController),
      hasProcessor: activities.some((a) => a.isProcessor),
    };
  },
  meta(input, lang) {
    return {
      title: `${TITLE[lang]} – ${input.organisation.legalName}`,
      subject: `${TITLE[lang]} (${formatArticle('Art. 30', lang)})`,
      author: input.organisation.legalName,
      date: input.date,
      keywords: ['GDPR', 'Art. 30', TITLE[lang]],
    };
  },
  sample: () => RegisterInput.parse(structuredClone(sample)),
};
