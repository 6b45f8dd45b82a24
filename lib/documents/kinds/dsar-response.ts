// `dsar-response`: the letter answering a data subject's request (Arts. 12–22 GDPR), in the
// subject's language. The variant decides the body: access (Art. 15), portability (Art. 20),
// erasure (Art. 17), extension notice (Art. 12(3)) or refusal (Art. 12(4)).
import type { UiLanguage } from '../../model/common';
import { REQUEST_ARTICLE, type RequestType } from '../../model/request';
import { countryName, formatCellDate, formatDate } from '../format';
import { cityLine, dateWithArticle, formatArticle, paragraphs, partyView } from '../inputs/common-view';
import { DsarResponseInput } from '../inputs/dsar-response';
import { composed, type DocumentKindSpec } from '../kind';
import { TRANSFER_LABEL } from './subprocessors';
import { templates, templateVersion } from '../../../templates/dsar-response/skeleton.hbs';
import sample from '../../../templates/dsar-response/sample.json';
import portabilitySample from '../../../templates/dsar-response/sample-portability.json';
import erasureSample from '../../../templates/dsar-response/sample-erasure.json';
import extensionSample from '../../../templates/dsar-response/sample-extension.json';
import rejectionSample from '../../../templates/dsar-response/sample-rejection.json';

/** The right exercised, as the letter names it ("your request concerning the right of access"). */
const RIGHT: Record<UiLanguage, Record<RequestType, string>> = {
  en: {
    access: 'right of access',
    rectification: 'right to rectification',
    erasure: 'right to erasure',
    restriction: 'right to restriction of processing',
    portability: 'right to data portability',
    objection: 'right to object',
    'withdraw-consent': 'withdrawal of consent',
  },
  nl: {
    access: 'recht op inzage',
    rectification: 'recht op rectificatie',
    erasure: 'recht op gegevenswissing',
    restriction: 'recht op beperking van de verwerking',
    portability: 'recht op overdraagbaarheid van gegevens',
    objection: 'recht van bezwaar',
    'withdraw-consent': 'intrekking van toestemming',
  },
  de: {
    access: 'Auskunftsrecht',
    rectification: 'Recht auf Berichtigung',
    erasure: 'Recht auf Löschung',
    restriction: 'Recht auf Einschränkung der Verarbeitung',
    portability: 'Recht auf Datenübertragbarkeit',
    objection: 'Widerspruchsrecht',
    'withdraw-consent': 'Widerruf der Einwilligung',
  },
  it: {
    access: 'diritto di accesso',
    rectification: 'diritto di rettifica',
    erasure: 'diritto alla cancellazione',
    restriction: 'diritto di limitazione del trattamento',
    portability: 'diritto alla portabilità dei dati',
    objection: 'diritto di opposizione',
    'withdraw-consent': 'revoca del consenso',
  },
};

/** Salutation when the input gives none: neutral, without guessing a gender. */
/** The greeting: neutral with the full name, or formal with the family name ("Geachte mevrouw Rossi,"). */
const SALUTATION: Record<UiLanguage, Record<'ms' | 'mr' | 'neutral', (name: string) => string>> = {
  en: { neutral: (n) => `Dear ${n},`, ms: (n) => `Dear Ms ${n},`, mr: (n) => `Dear Mr ${n},` },
  nl: { neutral: (n) => `Geachte ${n},`, ms: (n) => `Geachte mevrouw ${n},`, mr: (n) => `Geachte heer ${n},` },
  de: { neutral: (n) => `Guten Tag ${n},`, ms: (n) => `Sehr geehrte Frau ${n},`, mr: (n) => `Sehr geehrter Herr ${n},` },
  it: { neutral: (n) => `Gentile ${n},`, ms: (n) => `Gentile signora ${n},`, mr: (n) => `Gentile signor ${n},` },
};

function salutation(recipient: DsarResponseInput['recipient'], lang: UiLanguage): string {
  if (recipient.salutation) return recipient.salutation;
  if (!recipient.form) return SALUTATION[lang].neutral(recipient.name);
  return SALUTATION[lang][recipient.form](recipient.familyName ?? recipient.name.trim().split(/\s+/).pop()!);
}

const TITLE: Record<UiLanguage, Record<DsarResponseInput['variant'], string>> = {
  en: {
    access: 'Response to your request for access',
    portability: 'Response to your request for data portability',
    erasure: 'Confirmation of erasure',
    extension: 'Extension of the time limit for your request',
    rejection: 'Decision on your request',
  },
  nl: {
    access: 'Antwoord op uw verzoek om inzage',
    portability: 'Antwoord op uw verzoek om gegevensoverdracht',
    erasure: 'Bevestiging van gegevenswissing',
    extension: 'Verlenging van de termijn voor uw verzoek',
    rejection: 'Besluit op uw verzoek',
  },
  de: {
    access: 'Antwort auf Ihren Antrag auf Auskunft',
    portability: 'Antwort auf Ihren Antrag auf Datenübertragung',
    erasure: 'Bestätigung der Löschung',
    extension: 'Verlängerung der Frist für Ihren Antrag',
    rejection: 'Entscheidung über Ihren Antrag',
  },
  it: {
    access: 'Riscontro alla richiesta di accesso',
    portability: 'Riscontro alla richiesta di portabilità dei dati',
    erasure: 'Conferma della cancellazione',
    extension: 'Proroga del termine di riscontro',
    rejection: 'Decisione sulla richiesta',
  },
};

function variantView(input: DsarResponseInput, lang: UiLanguage) {
  const none = { access: null, portability: null, erasure: null, extension: null, rejection: null };
  switch (input.variant) {
    case 'access':
      return {
        ...none,
        access: {
          purposes: input.purposes,
          dataCategories: input.dataCategories,
          recipients: input.recipients,
          hasRecipients: input.recipients.length > 0,
          retention: paragraphs(input.retention),
          source: input.source ?? null,
          automatedDecisions: input.automatedDecisions ?? null,
          transfers: input.transfers.map((t) => ({
            recipient: t.recipient,
            country: countryName(t.country, lang),
            safeguard: TRANSFER_LABEL[lang][t.safeguard],
          })),
          hasTransfers: input.transfers.length > 0,
          enclosures: input.enclosures,
        },
      };
    case 'portability':
      return {
        ...none,
        portability: {
          dataCategories: input.dataCategories,
          format: input.format,
          files: input.files,
          transmittedTo: input.transmittedTo ?? null,
        },
      };
    case 'erasure':
      return {
        ...none,
        erasure: {
          erasedOn: formatDate(input.erasedOn, lang),
          erasedOnWithArticle: dateWithArticle(input.erasedOn, lang),
          systems: input.systems,
          retained: input.retained.map((r) => ({
            data: r.data,
            ground: formatArticle(r.ground, lang),
            reason: r.reason,
            until: r.until ? formatCellDate(r.until, lang) : '—',
          })),
          hasRetained: input.retained.length > 0,
          recipientsNotified: input.recipientsNotified,
          hasRecipientsNotified: input.recipientsNotified.length > 0,
        },
      };
    case 'extension':
      return {
        ...none,
        extension: {
          originalDeadline: formatDate(input.originalDeadline, lang),
          originalDeadlineWithArticle: dateWithArticle(input.originalDeadline, lang),
          newDeadline: formatDate(input.newDeadline, lang),
          newDeadlineWithArticle: dateWithArticle(input.newDeadline, lang),
          reason: paragraphs(input.reason),
        },
      };
    case 'rejection':
      return {
        ...none,
        rejection: {
          ground: formatArticle(input.ground, lang),
          explanation: paragraphs(input.explanation),
        },
      };
  }
}

export const dsarResponseKind: DocumentKindSpec<typeof DsarResponseInput> = {
  kind: 'dsar-response',
  ...composed('dsar-response', templates, templateVersion),
  input: DsarResponseInput,
  view(input, lang) {
    const { recipient, request } = input;
    const address = recipient.address
      ? {
          street: recipient.address.street,
          cityLine: cityLine(recipient.address.postalCode, recipient.address.city, recipient.address.country),
          // A letter within one country leaves the country out of the address block.
          country: recipient.address.country === input.controller.country ? null : countryName(recipient.address.country, lang),
        }
      : null;
    return {
      variant: input.variant,
      title: TITLE[lang][input.variant],
      controller: partyView(input.controller, lang),
      recipient: { name: recipient.name, address, email: recipient.email ?? null },
      salutation: salutation(recipient, lang),
      place: input.place,
      date: formatDate(input.date, lang),
      request: {
        right: RIGHT[lang][request.type],
        article: formatArticle(REQUEST_ARTICLE[request.type], lang),
        receivedOn: formatDate(request.receivedOn, lang),
        receivedOnWithArticle: dateWithArticle(request.receivedOn, lang),
        reference: request.reference ?? null,
      },
      supervisoryAuthority: {
        name: input.supervisoryAuthority.name,
        address: input.supervisoryAuthority.address ?? null,
        website: input.supervisoryAuthority.website ?? null,
      },
      signatory: input.signatory ?? input.controller.representative,
      ...variantView(input, lang),
    };
  },
  meta(input, lang) {
    return {
      title: TITLE[lang][input.variant],
      subject: `${TITLE[lang][input.variant]} – ${formatArticle(REQUEST_ARTICLE[input.request.type], lang)}`,
      author: input.controller.legalName,
      date: input.date,
      keywords: ['GDPR', formatArticle(REQUEST_ARTICLE[input.request.type], 'en'), input.variant],
    };
  },
  sample: () => DSAR_SAMPLES.access(),
};

/** One complete example per variant (templates/dsar-response/sample*.json); `sample()` is the access letter. */
export const DSAR_SAMPLES: Record<DsarResponseInput['variant'], () => DsarResponseInput> = {
  access: () => DsarResponseInput.parse(structuredClone(sample)),
  portability: () => DsarResponseInput.parse(structuredClone(portabilitySample)),
  erasure: () => DsarResponseInput.parse(structuredClone(erasureSample)),
  extension: () => DsarResponseInput.parse(structuredClone(extensionSample)),
  rejection: () => DsarResponseInput.parse(structuredClone(rejectionSample)),
};
