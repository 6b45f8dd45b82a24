// What the three breach documents share: the labels of the breach vocabulary in the four languages, times
// printed in the controller's zone with their offset, and one breach as every template sees it, where a
// fact not yet known reads "not yet known" so the authority sees what a follow-up will bring (Art. 33(4)).
import type { UiLanguage } from '../../model/common';
import type { Art34Exemption, BreachKind, BreachNature, BreachReporter, BreachStatus, RiskLevel } from '../../model/breach';
import { formatList, formatNumber, localeOf } from '../format';
import { formatArticle, paragraphs } from '../inputs/common-view';
import type { BreachEntry } from '../inputs/breach';

type Labels<K extends string> = Record<UiLanguage, Record<K, string>>;

export const NATURE_LABEL: Labels<BreachNature> = {
  en: { confidentiality: 'confidentiality (disclosure or access without authority)', integrity: 'integrity (alteration without authority)', availability: 'availability (loss of access or destruction)' },
  nl: { confidentiality: 'vertrouwelijkheid (onbevoegde openbaarmaking of toegang)', integrity: 'integriteit (onbevoegde wijziging)', availability: 'beschikbaarheid (verlies van toegang of vernietiging)' },
  de: { confidentiality: 'Vertraulichkeit (unbefugte Offenlegung oder unbefugter Zugang)', integrity: 'Integrität (unbefugte Veränderung)', availability: 'Verfügbarkeit (Verlust des Zugangs oder Vernichtung)' },
  it: { confidentiality: 'riservatezza (divulgazione o accesso non autorizzati)', integrity: 'integrità (modifica non autorizzata)', availability: 'disponibilità (perdita di accesso o distruzione)' },
};

export const KIND_LABEL: Labels<BreachKind> = {
  en: { ransomware: 'Ransomware', exfiltration: 'Data exfiltration by an attacker', 'internal-human-error': 'Internal human error', 'lost-or-stolen': 'Lost or stolen device or paper documents', 'misdirected-mail': 'Mail or e-mail sent to the wrong recipient', 'social-engineering': 'Social engineering (e.g. phishing)', other: 'Other' },
  nl: { ransomware: 'Ransomware', exfiltration: 'Diefstal van gegevens door een aanvaller', 'internal-human-error': 'Menselijke fout binnen de organisatie', 'lost-or-stolen': 'Verloren of gestolen apparaat of papieren documenten', 'misdirected-mail': 'Post of e-mail aan de verkeerde ontvanger', 'social-engineering': 'Social engineering (bijv. phishing)', other: 'Overig' },
  de: { ransomware: 'Ransomware', exfiltration: 'Abfluss von Daten durch einen Angreifer', 'internal-human-error': 'Menschliches Versehen in der Organisation', 'lost-or-stolen': 'Verlorenes oder gestohlenes Gerät oder Papierdokument', 'misdirected-mail': 'Post oder E-Mail an den falschen Empfänger', 'social-engineering': 'Social Engineering (z. B. Phishing)', other: 'Sonstiges' },
  it: { ransomware: 'Ransomware', exfiltration: 'Sottrazione di dati da parte di un attaccante', 'internal-human-error': 'Errore umano interno', 'lost-or-stolen': 'Dispositivo o documenti cartacei smarriti o rubati', 'misdirected-mail': 'Posta o e-mail inviata al destinatario sbagliato', 'social-engineering': 'Ingegneria sociale (ad es. phishing)', other: 'Altro' },
};

export const RISK_LABEL: Labels<RiskLevel> = {
  en: { 'no-risk': 'unlikely to result in a risk to people', risk: 'a risk to people', 'high-risk': 'a high risk to people' },
  nl: { 'no-risk': 'waarschijnlijk geen risico voor betrokkenen', risk: 'een risico voor betrokkenen', 'high-risk': 'een hoog risico voor betrokkenen' },
  de: { 'no-risk': 'voraussichtlich kein Risiko für die Betroffenen', risk: 'ein Risiko für die Betroffenen', 'high-risk': 'ein hohes Risiko für die Betroffenen' },
  it: { 'no-risk': 'improbabile che presenti un rischio per gli interessati', risk: 'un rischio per gli interessati', 'high-risk': 'un rischio elevato per gli interessati' },
};

export const REPORTER_LABEL: Labels<BreachReporter> = {
  en: { agent: 'a support agent, from a helpdesk ticket', processor: 'a processor, under the breach clause of its processing agreement', staff: 'a member of staff', other: 'another source' },
  nl: { agent: 'een supportmedewerker, vanuit een helpdeskticket', processor: 'een verwerker, op grond van de datalekbepaling in de verwerkersovereenkomst', staff: 'een medewerker', other: 'een andere bron' },
  de: { agent: 'eine Support-Mitarbeiterin oder einen Support-Mitarbeiter, aus einem Helpdesk-Ticket', processor: 'einen Auftragsverarbeiter, nach der Meldeklausel seines AV-Vertrags', staff: 'eine Beschäftigte oder einen Beschäftigten', other: 'eine andere Quelle' },
  it: { agent: 'un operatore dell’assistenza, da un ticket dell’helpdesk', processor: 'un responsabile del trattamento, in base alla clausola sulle violazioni del contratto di trattamento', staff: 'un dipendente', other: 'un’altra fonte' },
};

export const STATUS_LABEL: Labels<BreachStatus> = {
  en: { reported: 'Reported', assessing: 'Being assessed', notified: 'Authority notified', 'not-notified': 'Not notified (reasons recorded)', closed: 'Closed', dismissed: 'Not a personal-data breach' },
  nl: { reported: 'Gemeld', assessing: 'In beoordeling', notified: 'Gemeld aan de toezichthouder', 'not-notified': 'Niet gemeld (redenen vastgelegd)', closed: 'Afgesloten', dismissed: 'Geen inbreuk op persoonsgegevens' },
  de: { reported: 'Gemeldet', assessing: 'In Prüfung', notified: 'Aufsichtsbehörde benachrichtigt', 'not-notified': 'Nicht gemeldet (Gründe dokumentiert)', closed: 'Abgeschlossen', dismissed: 'Keine Verletzung des Schutzes personenbezogener Daten' },
  it: { reported: 'Segnalata', assessing: 'In valutazione', notified: 'Notificata al Garante', 'not-notified': 'Non notificata (motivi documentati)', closed: 'Chiusa', dismissed: 'Non è una violazione di dati personali' },
};

/** Art. 34(3)(a)–(c), in our own words. */
export const EXEMPTION_LABEL: Labels<Art34Exemption> = {
  en: { a: 'the data were protected so that they are unintelligible to anyone not authorised, e.g. by encryption', b: 'measures taken since ensure the high risk is no longer likely to materialise', c: 'telling each person would take disproportionate effort; a public communication was made instead' },
  nl: { a: 'de gegevens waren zo beschermd dat ze voor onbevoegden onbegrijpelijk zijn, bijvoorbeeld door versleuteling', b: 'genomen maatregelen zorgen ervoor dat het hoge risico zich waarschijnlijk niet meer voordoet', c: 'iedereen afzonderlijk informeren zou een onevenredige inspanning vergen; er is een openbare mededeling gedaan' },
  de: { a: 'die Daten waren so geschützt, dass sie für Unbefugte unverständlich sind, etwa durch Verschlüsselung', b: 'nachträgliche Maßnahmen sorgen dafür, dass das hohe Risiko aller Wahrscheinlichkeit nach nicht mehr besteht', c: 'jede Person einzeln zu benachrichtigen wäre unverhältnismäßig aufwendig; stattdessen gab es eine öffentliche Bekanntmachung' },
  it: { a: 'i dati erano protetti in modo da risultare incomprensibili a chi non è autorizzato, ad esempio con la cifratura', b: 'le misure adottate successivamente scongiurano il probabile verificarsi del rischio elevato', c: 'informare ciascuno richiederebbe sforzi sproporzionati; è stata fatta una comunicazione pubblica' },
};

/** Printed wherever a fact is not known yet: the follow-up will bring it (Art. 33(4)). */
export const NOT_YET_KNOWN: Record<UiLanguage, string> = {
  en: 'Not yet known — will follow (Art. 33(4) GDPR)',
  nl: 'Nog niet bekend — volgt (art. 33 lid 4 AVG)',
  de: 'Noch nicht bekannt — wird nachgereicht (Art. 33 Abs. 4 DSGVO)',
  it: 'Non ancora noto — sarà comunicato (art. 33, par. 4, GDPR)',
};

const PHASE_LABEL: Record<UiLanguage, Record<'initial' | 'follow-up', string>> = {
  en: { initial: 'initial', 'follow-up': 'follow-up' },
  nl: { initial: 'eerste melding', 'follow-up': 'aanvulling' },
  de: { initial: 'Erstmeldung', 'follow-up': 'Nachmeldung' },
  it: { initial: 'notifica iniziale', 'follow-up': 'integrazione' },
};

const NONE: Record<UiLanguage, string> = { en: 'None', nl: 'Geen', de: 'Keine', it: 'Nessuna' };
const YES: Record<UiLanguage, string> = { en: 'Yes', nl: 'Ja', de: 'Ja', it: 'Sì' };
const NO: Record<UiLanguage, string> = { en: 'No', nl: 'Nee', de: 'Nein', it: 'No' };

const instantFormats = new Map<string, Intl.DateTimeFormat>();
/** "13 June 2026, 10:15 (GMT+02:00)" in the controller's zone: one formatter per language and zone (they are costly). */
export function formatInstant(iso: string, lang: UiLanguage, timeZone: string): string {
  const key = `${lang} ${timeZone}`;
  let format = instantFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(lang), { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'longOffset', hourCycle: 'h23' });
    instantFormats.set(key, format);
  }
  return format.format(new Date(iso)).replace(/\u202f/g, ' ');
}

/** "about 1,200" / "circa 1.200" / "ca. 1.200" / "circa 1.200". */
const ABOUT: Record<UiLanguage, string> = { en: 'about', nl: 'circa', de: 'ca.', it: 'circa' };

/** One breach as the templates see it: every value formatted, or the not-yet-known marker. */
export function breachView(b: BreachEntry, lang: UiLanguage, timeZone: string) {
  const unknown = NOT_YET_KNOWN[lang];
  const at = (iso: string | undefined) => (iso ? formatInstant(iso, lang, timeZone) : unknown);
  const text = (s: string | undefined) => (s?.trim() ? paragraphs(s) : [unknown]);
  const list = (items: readonly string[]) => (items.length ? formatList(items, lang) : unknown);
  const count = (n: number | undefined) => (n === undefined ? unknown : `${ABOUT[lang]} ${formatNumber(n, lang)}`);
  const occurred = b.occurred.unknown || (!b.occurred.from && !b.occurred.until) ? unknown : `${at(b.occurred.from)} – ${b.occurred.until ? at(b.occurred.until) : unknown}`;
  const c = b.communication;
  const initial = b.authority.phases.find((p) => p.phase === 'initial');
  const late = initial ? initial.at > b.dueAt : false;
  return {
    reference: b.reference,
    title: b.title,
    status: STATUS_LABEL[lang][b.status],
    occurred,
    awareAt: at(b.awareAt),
    dueAt: at(b.dueAt),
    how: text(b.awareness.how),
    reporter: REPORTER_LABEL[lang][b.awareness.reporter],
    reporterName: b.awareness.reporterName ?? null,
    processor: b.processor
      ? {
          awareAt: at(b.processor.awareAt),
          toldUsAt: at(b.processor.toldUsAt),
          hours: b.processor.deadlineHours === undefined ? unknown : String(b.processor.deadlineHours),
        }
      : null,
    natures: b.natures.length ? b.natures.map((n) => NATURE_LABEL[lang][n]) : [unknown],
    kind: KIND_LABEL[lang][b.kind],
    description: text(b.description),
    subjectCategories: list(b.affected.subjectCategories),
    subjectsApprox: count(b.affected.subjectsApprox),
    recordCategories: list(b.affected.recordCategories),
    recordsApprox: count(b.affected.recordsApprox),
    specialCategories: b.affected.specialCategories.length ? formatList(b.affected.specialCategories, lang) : NONE[lang],
    hasSpecialCategories: b.affected.specialCategories.length > 0,
    activities: b.affected.activities.length ? formatList(b.affected.activities, lang) : NONE[lang],
    subprocessors: b.affected.subprocessors.length ? formatList(b.affected.subprocessors, lang) : NONE[lang],
    consequences: text(b.consequences),
    riskLevel: b.risk.level ? RISK_LABEL[lang][b.risk.level] : unknown,
    riskReasoning: text(b.risk.reasoning),
    priorMeasures: text(b.risk.priorMeasures),
    measures: text(b.measures),
    decision: b.decision
      ? { notify: b.decision.notifyAuthority ? YES[lang] : NO[lang], reasons: paragraphs(b.decision.reasons), by: b.decision.by, at: at(b.decision.at) }
      : null,
    authority: b.authority.name || unknown,
    authorityReference: b.authority.reference ?? null,
    phases: b.authority.phases.map((p) => ({ at: at(p.at), phase: PHASE_LABEL[lang][p.phase], channel: p.channel || '—', reference: p.reference ?? '—', summary: p.summary || '—' })),
    hasPhases: b.authority.phases.length > 0,
    late,
    delayReasons: b.delayReasons?.trim() ? paragraphs(b.delayReasons) : null,
    communication: {
      pending: c.status === 'pending',
      done: c.status === 'done' ? { at: at(c.at), how: c.how } : null,
      notNeeded: c.status === 'not-needed' ? { ground: formatArticle(`Art. 34(3)(${c.ground})`, lang), reason: EXEMPTION_LABEL[lang][c.ground], explanation: c.explanation || null } : null,
    },
  };
}
