// `breach-notification`: the notification of a personal-data breach to the supervisory authority
// (Art. 33(3) GDPR), initial or follow-up (Art. 33(4)). The sections follow the order the authorities'
// own forms ask in — notifying organisation, what happened, when and how it came to light, nature, who
// and what is affected, consequences, risk, measures, telling the people affected — so the text can be
// carried into the Dutch, German or Italian form field by field. What is not known yet is marked.
import type { UiLanguage } from '../../model/common';
import { formatDate } from '../format';
import { partyView } from '../inputs/common-view';
import { BreachNotificationInput } from '../inputs/breach';
import { composed, type DocumentKindSpec } from '../kind';
import { breachView } from './breach-view';
import { templates, templateVersion } from '../../../templates/breach-notification/skeleton.hbs';
import sample from '../../../templates/breach-notification/sample.json';

const TITLE: Record<UiLanguage, Record<'initial' | 'follow-up', string>> = {
  en: { initial: 'Notification of a personal-data breach', 'follow-up': 'Follow-up notification of a personal-data breach' },
  nl: { initial: 'Melding van een datalek', 'follow-up': 'Aanvullende melding van een datalek' },
  de: { initial: 'Meldung einer Verletzung des Schutzes personenbezogener Daten', 'follow-up': 'Nachmeldung zu einer Verletzung des Schutzes personenbezogener Daten' },
  it: { initial: 'Notifica di una violazione dei dati personali', 'follow-up': 'Notifica integrativa di una violazione dei dati personali' },
};

export const breachNotificationKind: DocumentKindSpec<typeof BreachNotificationInput> = {
  kind: 'breach-notification',
  ...composed('breach-notification', templates, templateVersion),
  input: BreachNotificationInput,
  view(input, lang) {
    return {
      title: TITLE[lang][input.phase],
      followUp: input.phase === 'follow-up',
      controller: partyView(input.controller, lang),
      place: input.place,
      date: formatDate(input.date, lang),
      timeZone: input.timeZone,
      breach: breachView(input.breach, lang, input.timeZone),
    };
  },
  meta(input, lang) {
    return {
      title: `${TITLE[lang][input.phase]} — ${input.breach.reference}`,
      subject: input.breach.title,
      author: input.controller.legalName,
      date: input.date,
      keywords: ['GDPR', 'Art. 33', input.phase],
    };
  },
  sample: () => BreachNotificationInput.parse(structuredClone(sample)),
};
