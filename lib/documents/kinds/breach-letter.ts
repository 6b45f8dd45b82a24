// `breach-letter`: the communication of a personal-data breach to the people affected (Art. 34(2) GDPR),
// in their language and in clear words: what happened, whom to contact (the DPO), the likely
// consequences, the measures taken or proposed, and what they can do themselves.
import type { UiLanguage } from '../../model/common';
import { formatDate } from '../format';
import { paragraphs, partyView } from '../inputs/common-view';
import { BreachLetterInput } from '../inputs/breach';
import { composed, type DocumentKindSpec } from '../kind';
import { breachView, NATURE_LABEL } from './breach-view';
import { templates, templateVersion } from '../../../templates/breach-letter/skeleton.hbs';
import sample from '../../../templates/breach-letter/sample.json';

const TITLE: Record<UiLanguage, string> = {
  en: 'An incident involving your personal data',
  nl: 'Een incident met uw persoonsgegevens',
  de: 'Ein Vorfall, der Ihre personenbezogenen Daten betrifft',
  it: 'Un incidente che riguarda i tuoi dati personali',
};

const GREETING: Record<UiLanguage, (name?: string) => string> = {
  en: (name) => (name ? `Dear ${name},` : 'Dear customer,'),
  nl: (name) => (name ? `Geachte ${name},` : 'Geachte klant,'),
  de: (name) => (name ? `Guten Tag ${name},` : 'Guten Tag,'),
  it: (name) => (name ? `Gentile ${name},` : 'Gentile cliente,'),
};

/** In plain words, what the nature means for the reader (Art. 34(2): "in clear and plain language"). */
const PLAIN_NATURE: Record<UiLanguage, Record<'confidentiality' | 'integrity' | 'availability', string>> = {
  en: { confidentiality: 'people who should not have seen your data may have seen them', integrity: 'your data may have been changed without authority', availability: 'your data were lost or could not be reached for a time' },
  nl: { confidentiality: 'mensen die uw gegevens niet mochten zien, hebben ze mogelijk gezien', integrity: 'uw gegevens zijn mogelijk zonder toestemming gewijzigd', availability: 'uw gegevens zijn verloren gegaan of waren een tijd niet bereikbaar' },
  de: { confidentiality: 'Personen, die Ihre Daten nicht sehen durften, haben sie möglicherweise gesehen', integrity: 'Ihre Daten wurden möglicherweise unbefugt verändert', availability: 'Ihre Daten gingen verloren oder waren zeitweise nicht erreichbar' },
  it: { confidentiality: 'persone che non dovevano vedere i tuoi dati potrebbero averli visti', integrity: 'i tuoi dati potrebbero essere stati modificati senza autorizzazione', availability: 'i tuoi dati sono andati persi o non sono stati accessibili per un certo tempo' },
};

export const breachLetterKind: DocumentKindSpec<typeof BreachLetterInput> = {
  kind: 'breach-letter',
  ...composed('breach-letter', templates, templateVersion),
  input: BreachLetterInput,
  view(input, lang) {
    const breach = breachView(input.breach, lang, input.timeZone);
    return {
      title: TITLE[lang],
      controller: partyView(input.controller, lang),
      greeting: GREETING[lang](input.recipient?.name),
      place: input.place,
      date: formatDate(input.date, lang),
      breach,
      plainNatures: input.breach.natures.map((n) => PLAIN_NATURE[lang][n]),
      natureTerms: input.breach.natures.map((n) => NATURE_LABEL[lang][n]),
      advice: input.advice ? paragraphs(input.advice) : null,
    };
  },
  meta(input, lang) {
    return { title: TITLE[lang], subject: `${TITLE[lang]} — ${input.breach.reference}`, author: input.controller.legalName, date: input.date, keywords: ['GDPR', 'Art. 34'] };
  },
  sample: () => BreachLetterInput.parse(structuredClone(sample)),
};
