// `breach-register`: the register of personal-data breaches the controller keeps under Art. 33(5) GDPR —
// every breach, notified or not, with its facts, effects, remedial action and the reasons for each
// decision — as a PDF report; and the same entries as CSV (RFC 4180 via papaparse, with a byte-order
// mark for spreadsheets and cells that could start a formula guarded) and JSON.
import Papa from 'papaparse';
import type { UiLanguage } from '../../model/common';
import { formatDate } from '../format';
import { partyView } from '../inputs/common-view';
import { BreachRegisterInput, type BreachEntry } from '../inputs/breach';
import { composed, type DocumentKindSpec } from '../kind';
import { guardFormula } from '../../register/cells';
import { breachView, KIND_LABEL, NATURE_LABEL, RISK_LABEL, STATUS_LABEL } from './breach-view';
import { templates, templateVersion } from '../../../templates/breach-register/skeleton.hbs';
import sample from '../../../templates/breach-register/sample.json';

const TITLE: Record<UiLanguage, string> = {
  en: 'Register of personal-data breaches',
  nl: 'Register van datalekken',
  de: 'Verzeichnis der Verletzungen des Schutzes personenbezogener Daten',
  it: 'Registro delle violazioni dei dati personali',
};

export const breachRegisterKind: DocumentKindSpec<typeof BreachRegisterInput> = {
  kind: 'breach-register',
  ...composed('breach-register', templates, templateVersion),
  input: BreachRegisterInput,
  view(input, lang) {
    const breaches = input.breaches.map((b, i) => ({ number: i + 1, ...breachView(b, lang, input.timeZone) }));
    return {
      title: TITLE[lang],
      organisation: partyView(input.controller, lang),
      place: input.place,
      date: formatDate(input.date, lang),
      count: breaches.length,
      notifiedCount: input.breaches.filter((b) => b.authority.phases.length > 0).length,
      breaches,
    };
  },
  meta(input, lang) {
    return { title: TITLE[lang], subject: `${TITLE[lang]} — ${input.controller.legalName}`, author: input.controller.legalName, date: input.date, keywords: ['GDPR', 'Art. 33(5)'] };
  },
  sample: () => BreachRegisterInput.parse(structuredClone(sample)),
};

const CSV_HEADERS: Record<UiLanguage, string[]> = {
  en: ['Reference', 'Title', 'Status', 'Occurred from', 'Occurred until', 'Aware at', 'Due (72 h)', 'Nature', 'Kind', 'Description', 'Categories of people', 'People (approx.)', 'Categories of records', 'Records (approx.)', 'Special categories', 'Activities', 'Subprocessors', 'Likely consequences', 'Risk', 'Risk reasoning', 'Measures in place before', 'Measures taken or proposed', 'Notify authority', 'Decision reasons', 'Authority', 'Authority reference', 'Notified at', 'Reasons for delay', 'People informed'],
  nl: ['Kenmerk', 'Titel', 'Status', 'Begonnen', 'Beëindigd', 'Ontdekt', 'Termijn (72 uur)', 'Aard', 'Soort', 'Omschrijving', 'Categorieën betrokkenen', 'Betrokkenen (circa)', 'Categorieën gegevens', 'Gegevens (circa)', 'Bijzondere categorieën', 'Verwerkingen', 'Subverwerkers', 'Waarschijnlijke gevolgen', 'Risico', 'Onderbouwing risico', 'Maatregelen vooraf', 'Genomen of voorgestelde maatregelen', 'Melden aan toezichthouder', 'Redenen besluit', 'Toezichthouder', 'Kenmerk toezichthouder', 'Gemeld op', 'Redenen vertraging', 'Betrokkenen geïnformeerd'],
  de: ['Aktenzeichen', 'Titel', 'Status', 'Beginn', 'Ende', 'Kenntnis am', 'Frist (72 Std.)', 'Art der Verletzung', 'Vorfallsart', 'Beschreibung', 'Kategorien betroffener Personen', 'Personen (ca.)', 'Kategorien von Datensätzen', 'Datensätze (ca.)', 'Besondere Kategorien', 'Verarbeitungstätigkeiten', 'Unterauftragsverarbeiter', 'Wahrscheinliche Folgen', 'Risiko', 'Begründung Risiko', 'Vorherige Maßnahmen', 'Ergriffene oder vorgeschlagene Maßnahmen', 'Meldung an Behörde', 'Gründe der Entscheidung', 'Aufsichtsbehörde', 'Aktenzeichen Behörde', 'Gemeldet am', 'Gründe der Verzögerung', 'Betroffene benachrichtigt'],
  it: ['Riferimento', 'Titolo', 'Stato', 'Inizio', 'Fine', 'Conoscenza il', 'Scadenza (72 ore)', 'Natura', 'Tipo', 'Descrizione', 'Categorie di interessati', 'Interessati (circa)', 'Categorie di registrazioni', 'Registrazioni (circa)', 'Categorie particolari', 'Trattamenti', 'Sub-responsabili', 'Probabili conseguenze', 'Rischio', 'Motivazione del rischio', 'Misure preesistenti', 'Misure adottate o proposte', 'Notifica al Garante', 'Motivi della decisione', 'Autorità', 'Riferimento dell’autorità', 'Notificata il', 'Motivi del ritardo', 'Interessati informati'],
};

/** The register as CSV in `lang`: instants stay ISO 8601 (UTC) so the file sorts and imports anywhere. */
export function breachRegisterCsv(breaches: readonly BreachEntry[], lang: UiLanguage): string {
  const rows = breaches.map((b) => {
    const c = b.communication;
    return [
      b.reference,
      b.title,
      STATUS_LABEL[lang][b.status],
      b.occurred.from ?? '',
      b.occurred.until ?? '',
      b.awareAt,
      b.dueAt,
      b.natures.map((n) => NATURE_LABEL[lang][n]).join('; '),
      KIND_LABEL[lang][b.kind],
      b.description,
      b.affected.subjectCategories.join('; '),
      b.affected.subjectsApprox ?? '',
      b.affected.recordCategories.join('; '),
      b.affected.recordsApprox ?? '',
      b.affected.specialCategories.join('; '),
      b.affected.activities.join('; '),
      b.affected.subprocessors.join('; '),
      b.consequences,
      b.risk.level ? RISK_LABEL[lang][b.risk.level] : '',
      b.risk.reasoning,
      b.risk.priorMeasures,
      b.measures,
      b.decision ? String(b.decision.notifyAuthority) : '',
      b.decision?.reasons ?? '',
      b.authority.name,
      b.authority.reference ?? '',
      b.authority.phases.find((p) => p.phase === 'initial')?.at ?? '',
      b.delayReasons ?? '',
      c.status === 'done' ? c.at : c.status === 'not-needed' ? `Art. 34(3)(${c.ground})` : '',
    ].map((cell) => guardFormula(String(cell)));
  });
  return `\uFEFF${Papa.unparse({ fields: CSV_HEADERS[lang], data: rows }, { newline: '\r\n' })}\r\n`;
}
