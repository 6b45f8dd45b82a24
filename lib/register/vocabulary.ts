// Controlled vocabularies for the record of processing activities: categories of personal data and of
// data subjects (Art. 30(1)(c)) and purposes (Art. 30(1)(b)), labelled in the four UI languages.
// Written for Privacy Desk (not copied from any taxonomy). Activities store an entry's key, so the same
// register reads in Dutch for one DPO and in German in a report; a value that is no key (typed before
// the vocabulary existed, or imported) is kept and shown as the text it is.
//
// Pure: imports only lib/model. The labels are data, not UI strings, because exports and documents need
// them in a language other than the browser's.
import { z } from 'zod';
import type { UiLanguage } from '../model/common';

export const VOCABULARY_KINDS = ['personalData', 'dataSubjects', 'purposes'] as const;
export const VocabularyKind = z.enum(VOCABULARY_KINDS);
export type VocabularyKind = z.infer<typeof VocabularyKind>;

export type Labels = Record<UiLanguage, string>;

export interface VocabularyEntry {
  key: string;
  labels: Labels;
  /** Art. 9(1) special category: processing needs an Art. 9(2) condition. */
  special?: boolean;
  /** Art. 10 data (criminal convictions and offences). */
  art10?: boolean;
}

const e = (key: string, en: string, nl: string, de: string, it: string, extra: Partial<VocabularyEntry> = {}): VocabularyEntry => ({
  key,
  labels: { en, nl, de, it },
  ...extra,
});

/** Categories of personal data; the last eight are the special categories of Art. 9(1). */
export const PERSONAL_DATA_CATEGORIES: readonly VocabularyEntry[] = [
  e('identity', 'Name and identification details', 'Naam en identificatiegegevens', 'Name und Identifikationsdaten', 'Nome e dati identificativi'),
  e('contact-details', 'Contact details (address, e-mail, phone)', 'Contactgegevens (adres, e-mail, telefoon)', 'Kontaktdaten (Anschrift, E-Mail, Telefon)', 'Dati di contatto (indirizzo, e-mail, telefono)'),
  e('government-id', 'Government identifiers (passport, national ID number)', 'Overheidsidentificatie (paspoort, BSN)', 'Amtliche Kennungen (Ausweis, Steuer-ID)', 'Identificativi pubblici (passaporto, codice fiscale)'),
  e('demographic', 'Demographic data (age, gender, nationality)', 'Demografische gegevens (leeftijd, geslacht, nationaliteit)', 'Demografische Daten (Alter, Geschlecht, Staatsangehörigkeit)', 'Dati demografici (età, genere, cittadinanza)'),
  e('account-credentials', 'Account and login data', 'Account- en inloggegevens', 'Konto- und Anmeldedaten', 'Dati dell’account e di accesso'),
  e('financial', 'Financial data (bank account, payment card)', 'Financiële gegevens (bankrekening, betaalkaart)', 'Finanzdaten (Bankkonto, Zahlungskarte)', 'Dati finanziari (conto bancario, carta di pagamento)'),
  e('transactions', 'Orders, invoices and transactions', 'Bestellingen, facturen en transacties', 'Bestellungen, Rechnungen und Transaktionen', 'Ordini, fatture e transazioni'),
  e('contract', 'Contract data', 'Contractgegevens', 'Vertragsdaten', 'Dati contrattuali'),
  e('communications', 'Correspondence and support tickets', 'Correspondentie en supporttickets', 'Korrespondenz und Support-Tickets', 'Corrispondenza e ticket di assistenza'),
  e('online-identifiers', 'Online identifiers (IP address, cookie and device IDs)', 'Online-identificatoren (IP-adres, cookie- en apparaat-ID’s)', 'Online-Kennungen (IP-Adresse, Cookie- und Geräte-IDs)', 'Identificativi online (indirizzo IP, ID di cookie e dispositivi)'),
  e('usage', 'Usage and behaviour data', 'Gebruiks- en gedragsgegevens', 'Nutzungs- und Verhaltensdaten', 'Dati di utilizzo e comportamento'),
  e('location', 'Location data', 'Locatiegegevens', 'Standortdaten', 'Dati di localizzazione'),
  e('preferences', 'Preferences and interests', 'Voorkeuren en interesses', 'Präferenzen und Interessen', 'Preferenze e interessi'),
  e('employment', 'Employment data (position, salary, performance)', 'Arbeidsgegevens (functie, salaris, beoordeling)', 'Beschäftigtendaten (Position, Gehalt, Leistung)', 'Dati lavorativi (mansione, retribuzione, valutazioni)'),
  e('education', 'Education and qualifications', 'Opleiding en kwalificaties', 'Ausbildung und Qualifikationen', 'Istruzione e qualifiche'),
  e('family', 'Family and household details', 'Gezins- en huishoudgegevens', 'Familien- und Haushaltsdaten', 'Dati familiari e del nucleo'),
  e('images-recordings', 'Photos, video and voice recordings', 'Foto’s, video- en spraakopnamen', 'Fotos, Video- und Sprachaufnahmen', 'Foto, video e registrazioni vocali'),
  e('social-media', 'Social media profiles and content', 'Socialemediaprofielen en -inhoud', 'Social-Media-Profile und -Inhalte', 'Profili e contenuti dei social media'),
  e('vehicle-property', 'Vehicle and property data', 'Voertuig- en eigendomsgegevens', 'Fahrzeug- und Eigentumsdaten', 'Dati su veicoli e proprietà'),
  e('criminal', 'Criminal convictions and offences (Art. 10)', 'Strafrechtelijke gegevens (art. 10)', 'Strafrechtliche Verurteilungen und Straftaten (Art. 10)', 'Condanne penali e reati (art. 10)', { art10: true }),
  e('special-racial-ethnic', 'Racial or ethnic origin (Art. 9)', 'Ras of etnische afkomst (art. 9)', 'Rassische oder ethnische Herkunft (Art. 9)', 'Origine razziale o etnica (art. 9)', { special: true }),
  e('special-political', 'Political opinions (Art. 9)', 'Politieke opvattingen (art. 9)', 'Politische Meinungen (Art. 9)', 'Opinioni politiche (art. 9)', { special: true }),
  e('special-religious', 'Religious or philosophical beliefs (Art. 9)', 'Religieuze of levensbeschouwelijke overtuigingen (art. 9)', 'Religiöse oder weltanschauliche Überzeugungen (Art. 9)', 'Convinzioni religiose o filosofiche (art. 9)', { special: true }),
  e('special-trade-union', 'Trade union membership (Art. 9)', 'Lidmaatschap van een vakbond (art. 9)', 'Gewerkschaftszugehörigkeit (Art. 9)', 'Appartenenza sindacale (art. 9)', { special: true }),
  e('special-genetic', 'Genetic data (Art. 9)', 'Genetische gegevens (art. 9)', 'Genetische Daten (Art. 9)', 'Dati genetici (art. 9)', { special: true }),
  e('special-biometric', 'Biometric data for unique identification (Art. 9)', 'Biometrische gegevens voor unieke identificatie (art. 9)', 'Biometrische Daten zur eindeutigen Identifizierung (Art. 9)', 'Dati biometrici per l’identificazione univoca (art. 9)', { special: true }),
  e('special-health', 'Health data (Art. 9)', 'Gezondheidsgegevens (art. 9)', 'Gesundheitsdaten (Art. 9)', 'Dati relativi alla salute (art. 9)', { special: true }),
  e('special-sex-life', 'Sex life or sexual orientation (Art. 9)', 'Seksueel gedrag of seksuele gerichtheid (art. 9)', 'Sexualleben oder sexuelle Orientierung (Art. 9)', 'Vita sessuale o orientamento sessuale (art. 9)', { special: true }),
];

export const DATA_SUBJECT_CATEGORIES: readonly VocabularyEntry[] = [
  e('customers', 'Customers', 'Klanten', 'Kunden', 'Clienti'),
  e('prospects', 'Prospective customers', 'Potentiële klanten', 'Interessenten', 'Potenziali clienti'),
  e('website-visitors', 'Website visitors', 'Websitebezoekers', 'Website-Besucher', 'Visitatori del sito web'),
  e('app-users', 'App and platform users', 'Gebruikers van app en platform', 'App- und Plattformnutzer', 'Utenti di app e piattaforma'),
  e('subscribers', 'Newsletter subscribers', 'Abonnees van de nieuwsbrief', 'Newsletter-Abonnenten', 'Iscritti alla newsletter'),
  e('employees', 'Employees', 'Werknemers', 'Beschäftigte', 'Dipendenti'),
  e('applicants', 'Job applicants', 'Sollicitanten', 'Bewerber', 'Candidati'),
  e('contractors', 'Freelancers and contractors', 'Freelancers en ingehuurde krachten', 'Freiberufler und Auftragnehmer', 'Collaboratori e liberi professionisti'),
  e('supplier-contacts', 'Contact persons at suppliers', 'Contactpersonen bij leveranciers', 'Ansprechpersonen bei Lieferanten', 'Referenti dei fornitori'),
  e('business-contacts', 'Contact persons at business customers', 'Contactpersonen bij zakelijke klanten', 'Ansprechpersonen bei Geschäftskunden', 'Referenti dei clienti aziendali'),
  e('children', 'Children (under 16)', 'Kinderen (jonger dan 16)', 'Kinder (unter 16)', 'Minori (sotto i 16 anni)'),
  e('members', 'Members', 'Leden', 'Mitglieder', 'Soci'),
  e('patients', 'Patients', 'Patiënten', 'Patienten', 'Pazienti'),
];

export const PURPOSES: readonly VocabularyEntry[] = [
  e('customer-service', 'Customer service and support', 'Klantenservice en ondersteuning', 'Kundenservice und Support', 'Assistenza clienti'),
  e('service-delivery', 'Delivering products and services', 'Leveren van producten en diensten', 'Erbringung von Produkten und Dienstleistungen', 'Fornitura di prodotti e servizi'),
  e('account-management', 'Account management and authentication', 'Accountbeheer en authenticatie', 'Kontoverwaltung und Authentifizierung', 'Gestione dell’account e autenticazione'),
  e('billing', 'Billing and payments', 'Facturatie en betalingen', 'Abrechnung und Zahlungen', 'Fatturazione e pagamenti'),
  e('accounting-tax', 'Accounting and tax obligations', 'Boekhouding en fiscale verplichtingen', 'Buchhaltung und steuerliche Pflichten', 'Contabilità e obblighi fiscali'),
  e('email-marketing', 'E-mail marketing and newsletters', 'E-mailmarketing en nieuwsbrieven', 'E-Mail-Marketing und Newsletter', 'E-mail marketing e newsletter'),
  e('personalised-ads', 'Personalised advertising and profiling', 'Gepersonaliseerde advertenties en profilering', 'Personalisierte Werbung und Profiling', 'Pubblicità personalizzata e profilazione'),
  e('analytics', 'Website and product analytics', 'Website- en productanalyse', 'Website- und Produktanalyse', 'Analisi del sito web e del prodotto'),
  e('product-improvement', 'Product development and improvement', 'Productontwikkeling en -verbetering', 'Produktentwicklung und -verbesserung', 'Sviluppo e miglioramento dei prodotti'),
  e('security-fraud', 'Security and fraud prevention', 'Beveiliging en fraudepreventie', 'Sicherheit und Betrugsprävention', 'Sicurezza e prevenzione delle frodi'),
  e('surveys', 'Customer surveys and research', 'Klantonderzoek en enquêtes', 'Kundenbefragungen und Marktforschung', 'Sondaggi e ricerche sui clienti'),
  e('recruitment', 'Recruitment', 'Werving en selectie', 'Personalgewinnung', 'Selezione del personale'),
  e('hr-payroll', 'Personnel administration and payroll', 'Personeelsadministratie en salarisverwerking', 'Personalverwaltung und Lohnabrechnung', 'Amministrazione del personale e paghe'),
  e('supplier-management', 'Supplier and partner management', 'Beheer van leveranciers en partners', 'Lieferanten- und Partnermanagement', 'Gestione di fornitori e partner'),
  e('legal-claims', 'Establishing, exercising or defending legal claims', 'Instellen, uitoefenen of onderbouwen van rechtsvorderingen', 'Geltendmachung, Ausübung oder Verteidigung von Rechtsansprüchen', 'Accertamento, esercizio o difesa di diritti in sede giudiziaria'),
  e('data-subject-rights', 'Handling data-subject requests (Arts. 15–22)', 'Afhandelen van verzoeken van betrokkenen (art. 15–22)', 'Bearbeitung von Betroffenenanfragen (Art. 15–22)', 'Gestione delle richieste degli interessati (artt. 15–22)'),
];

export const BUILT_IN: Record<VocabularyKind, readonly VocabularyEntry[]> = {
  personalData: PERSONAL_DATA_CATEGORIES,
  dataSubjects: DATA_SUBJECT_CATEGORIES,
  purposes: PURPOSES,
};

/** Which activity field each vocabulary fills. */
export const VOCABULARY_FIELD = {
  personalData: 'personalDataCategories',
  dataSubjects: 'dataSubjectCategories',
  purposes: 'purposes',
} as const satisfies Record<VocabularyKind, string>;

/** An entry the DPO added. Its key starts with `x-` so it can never collide with a built-in key. */
export const CustomVocabularyEntry = z.object({
  kind: VocabularyKind,
  key: z.string().regex(/^x-[a-z0-9-]{1,80}$/, 'must look like x-my-category'),
  /** The label as typed, in the language it was typed in; shown in every language. */
  label: z.string().trim().min(1, 'must not be empty').max(200),
  special: z.boolean().optional(),
});
export type CustomVocabularyEntry = z.infer<typeof CustomVocabularyEntry>;
export const CustomVocabulary = z.array(CustomVocabularyEntry).max(1000);
export type CustomVocabulary = z.infer<typeof CustomVocabulary>;

/** Built-in then custom entries of one kind, in one shape. */
export function entriesOf(kind: VocabularyKind, custom: readonly CustomVocabularyEntry[] = []): VocabularyEntry[] {
  return [
    ...BUILT_IN[kind],
    ...custom
      .filter((c) => c.kind === kind)
      .map((c) => ({ key: c.key, labels: { en: c.label, nl: c.label, de: c.label, it: c.label }, ...(c.special ? { special: true } : {}) })),
  ];
}

/** The label of a stored value: a vocabulary key becomes its label, anything else is shown as it is. */
export function labelOf(kind: VocabularyKind, value: string, lang: UiLanguage, custom: readonly CustomVocabularyEntry[] = []): string {
  return entriesOf(kind, custom).find((entry) => entry.key === value)?.labels[lang] ?? value;
}

const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('en');

/**
 * The stored value for a text read from an import: a key, or a label in any of the four languages
 * (case-insensitive), becomes the key; any other text is kept as it is.
 */
export function valueFromText(kind: VocabularyKind, text: string, custom: readonly CustomVocabularyEntry[] = []): string {
  const wanted = fold(text);
  const entries = entriesOf(kind, custom);
  const match = entries.find((entry) => entry.key === text.trim()) ?? entries.find((entry) => Object.values(entry.labels).some((label) => fold(label) === wanted));
  return match?.key ?? text.trim();
}

/** Is this stored personal-data value a special category (Art. 9(1))? */
export function isSpecialCategory(value: string, custom: readonly CustomVocabularyEntry[] = []): boolean {
  return entriesOf('personalData', custom).some((entry) => entry.key === value && entry.special === true);
}

/** A key for a new custom entry, unique among `existing`. */
export function customKey(label: string, existing: readonly CustomVocabularyEntry[]): string {
  const slug =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'entry';
  const taken = new Set(existing.map((c) => c.key));
  let key = `x-${slug}`;
  for (let n = 2; taken.has(key); n += 1) key = `x-${slug}-${n}`;
  return key;
}
