// Stored records as the background would read them, for the documents tests (input mapping, db).
import type { DocumentSources } from '../../lib/db/documents';
import type { OrganisationProfile } from '../../lib/model/organisation';
import type { ProcessingActivity } from '../../lib/model/activity';
import type { Subprocessor } from '../../lib/model/subprocessor';

const at = '2026-01-05T09:00:00.000Z';

export const organisation: OrganisationProfile = {
  id: 'organisation',
  legalName: 'Müller & Söhne Datenverarbeitung GmbH',
  role: 'processor',
  registrationNumber: 'HRB 241 785',
  address: { street: 'Leopoldstraße 112', postalCode: '80802', city: 'München', country: 'DE' },
  country: 'DE',
  representative: { name: 'Jürgen Weiß', email: 'jw@mueller-soehne.example', role: 'Geschäftsführer' },
  dpo: { name: 'Dr. Anneliese Köhler', email: 'dsb@mueller-soehne.example' },
  supervisoryAuthority: { name: 'Bayerisches Landesamt für Datenschutzaufsicht', country: 'DE', url: 'https://www.lda.bayern.de' },
  defaultLanguage: 'de',
  timeZone: 'Europe/Berlin',
  closingDays: [],
  systems: [],
  updatedAt: at,
};

const activity = (fields: Partial<ProcessingActivity> & Pick<ProcessingActivity, 'id' | 'name'>): ProcessingActivity => ({
  role: 'processor',
  jointControllers: [],
  purposes: [],
  dataSubjectCategories: [],
  personalDataCategories: [],
  recipients: [],
  transfers: [],
  retention: '',
  securityMeasures: '',
  processingOnBehalf: [],
  specialCategories: [],
  systems: [],
  subprocessorIds: [],
  dpiaRequired: false,
  createdAt: at,
  updatedAt: at,
  ...fields,
});

export const activities: ProcessingActivity[] = [
  activity({
    id: 'act-support',
    name: 'Kundensupport',
    // Vocabulary keys, as the register stores them, and one custom entry.
    purposes: ['customer-service', 'x-treueprogramm'],
    dataSubjectCategories: ['customers'],
    personalDataCategories: ['identity', 'contact-details', 'communications'],
    recipients: ['Città Cloud S.r.l.'],
    transfers: [{ country: 'US', recipient: 'MailBridge Inc.', safeguard: 'scc', sccModule: 3, documentation: '' }],
    retention: '24 Monate nach Abschluss des Tickets',
  }),
  activity({
    id: 'act-survey',
    name: 'Zufriedenheitsumfragen',
    purposes: ['x-treueprogramm'],
    dataSubjectCategories: ['customers'],
    personalDataCategories: ['contact-details'],
    retention: '12 Monate',
  }),
];

const sub = (fields: Partial<Subprocessor> & Pick<Subprocessor, 'id' | 'name' | 'legalEntity'>): Subprocessor => ({
  purpose: 'Hosting',
  dataCategories: ['Kontaktdaten'],
  locations: ['DE'],
  transferMechanism: 'none-needed',
  addedOn: '2025-01-10',
  createdAt: at,
  updatedAt: at,
  ...fields,
});

export const subprocessors: Subprocessor[] = [
  sub({ id: 'sp-citta', name: 'Città Cloud', legalEntity: 'Città Cloud S.r.l.', locations: ['IT'] }),
  sub({ id: 'sp-mail', name: 'MailBridge', legalEntity: 'MailBridge Inc.', purpose: 'E-Mail-Versand', locations: ['US'], transferMechanism: 'scc', addedOn: '2026-02-01' }),
];

export function sources(overrides: Partial<DocumentSources> = {}): DocumentSources {
  return {
    organisation,
    activities,
    subprocessors,
    listVersions: [],
    vocabulary: [{ kind: 'purposes', key: 'x-treueprogramm', label: 'Treueprogramm' }],
    ...overrides,
  };
}

/** The per-document fields of a German DPA as the documents page sends them. */
export const dpaFields = {
  date: '2026-03-02',
  reference: 'AVV-2026-017',
  effectiveDate: '2026-03-15',
  mainAgreement: { title: 'Helpdesk-Dienstleistungsvertrag' },
  counterparty: {
    legalName: 'Zoë Coördinatie B.V.',
    address: { street: 'Keizersgracht 123', postalCode: '1015 CJ', city: 'Amsterdam' },
    country: 'NL',
    representative: { name: 'Eline van den Bergh', title: 'Directeur' },
    email: 'privacy@zoe.example',
  },
  term: { type: 'main-agreement' },
  governingLaw: { country: 'DE', court: 'Landgericht München I' },
  subprocessorAuthorisation: { type: 'general', noticeDays: 30 },
  endOfProcessing: { action: 'delete', days: 30 },
  liability: { variant: 'main-agreement' },
  processing: { nature: 'Speichern und Beantworten von Kundenanfragen im Helpdesk.' },
  measures: [{ area: 'encryption', measure: 'TLS 1.2 und AES-256 im Ruhezustand.' }],
  transfers: { mechanism: 'scc', sccModule: 3 },
  activityIds: ['act-support', 'act-survey'],
  subprocessorIds: ['sp-citta', 'sp-mail'],
};
