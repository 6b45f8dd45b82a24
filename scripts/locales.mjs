// Source of the UI strings in four languages; writes public/_locales/<lang>/messages.json.
// One table keeps the languages side by side so none falls behind. Run: node scripts/locales.mjs
import { mkdirSync, writeFileSync } from 'node:fs';

const S = {
  extName: ['Privacy Desk', 'Privacy Desk', 'Privacy Desk', 'Privacy Desk'],
  extDescription: [
    'GDPR work inside your helpdesk: data-subject requests, register, consent and DPAs, stored only in your browser.',
    'AVG-werk in uw helpdesk: verzoeken van betrokkenen, register, toestemming en verwerkersovereenkomsten, alleen opgeslagen in uw browser.',
    'DSGVO-Arbeit in Ihrem Helpdesk: Betroffenenanfragen, Verzeichnis, Einwilligungen und AV-Verträge, nur in Ihrem Browser gespeichert.',
    'Adempimenti GDPR nel tuo helpdesk: richieste degli interessati, registro, consensi e accordi sul trattamento, salvati solo nel tuo browser.',
  ],
  type_access: ['Access', 'Inzage', 'Auskunft', 'Accesso'],
  type_rectification: ['Rectification', 'Rectificatie', 'Berichtigung', 'Rettifica'],
  type_erasure: ['Erasure', 'Wissing', 'Löschung', 'Cancellazione'],
  type_restriction: ['Restriction', 'Beperking', 'Einschränkung', 'Limitazione'],
  type_portability: ['Portability', 'Overdraagbaarheid', 'Datenübertragbarkeit', 'Portabilità'],
  type_objection: ['Objection', 'Bezwaar', 'Widerspruch', 'Opposizione'],
  'type_withdraw-consent': ['Withdrawal of consent', 'Intrekking toestemming', 'Widerruf der Einwilligung', 'Revoca del consenso'],
  status_received: ['Received', 'Ontvangen', 'Eingegangen', 'Ricevuta'],
  'status_identity-verification': ['Identity verification', 'Identiteitscontrole', 'Identitätsprüfung', 'Verifica dell’identità'],
  'status_in-progress': ['In progress', 'In behandeling', 'In Bearbeitung', 'In lavorazione'],
  status_extended: ['Extended', 'Verlengd', 'Verlängert', 'Prorogata'],
  status_completed: ['Completed', 'Afgerond', 'Abgeschlossen', 'Completata'],
  status_rejected: ['Rejected', 'Afgewezen', 'Abgelehnt', 'Respinta'],
  status_withdrawn: ['Withdrawn', 'Ingetrokken', 'Zurückgezogen', 'Ritirata'],
  overlayLayoutChanged: [
    'This $1 page layout was not recognised. Privacy Desk cannot read this ticket.',
    'De indeling van deze $1-pagina werd niet herkend. Privacy Desk kan dit ticket niet lezen.',
    'Das Layout dieser $1-Seite wurde nicht erkannt. Privacy Desk kann dieses Ticket nicht lesen.',
    'Il layout di questa pagina di $1 non è stato riconosciuto. Privacy Desk non può leggere il ticket.',
  ],
  overlayUnknownRequester: ['Unknown requester', 'Onbekende aanvrager', 'Unbekannte anfragende Person', 'Richiedente sconosciuto'],
  overlayAskEmail: ['Requester’s e-mail (not shown on this page)', 'E-mailadres van de aanvrager (niet op deze pagina)', 'E-Mail der anfragenden Person (nicht auf dieser Seite)', 'E-mail del richiedente (non presente nella pagina)'],
  overlayDetected: ['Looks like a data-subject request: $1 ($2)', 'Lijkt een verzoek van een betrokkene: $1 ($2)', 'Sieht nach einer Betroffenenanfrage aus: $1 ($2)', 'Sembra una richiesta dell’interessato: $1 ($2)'],
  overlayNotDetected: ['No data-subject request detected', 'Geen verzoek van een betrokkene herkend', 'Keine Betroffenenanfrage erkannt', 'Nessuna richiesta dell’interessato rilevata'],
  overlayLoading: ['Looking up this requester…', 'Aanvrager opzoeken…', 'Person wird gesucht…', 'Ricerca del richiedente…'],
  overlayNoOpenRequests: ['No open requests from this requester', 'Geen openstaande verzoeken van deze aanvrager', 'Keine offenen Anfragen dieser Person', 'Nessuna richiesta aperta di questo richiedente'],
  overlayOpenRequests: ['$1 open request(s), next due $2', '$1 openstaand(e) verzoek(en), eerstvolgende termijn $2', '$1 offene Anfrage(n), nächste Frist $2', '$1 richiesta/e aperta/e, prossima scadenza $2'],
  overlayConsents: ['Consents: $1 given, $2 withdrawn', 'Toestemmingen: $1 gegeven, $2 ingetrokken', 'Einwilligungen: $1 erteilt, $2 widerrufen', 'Consensi: $1 prestati, $2 revocati'],
  overlayRequestType: ['Request type', 'Soort verzoek', 'Art der Anfrage', 'Tipo di richiesta'],
  overlayFlag: ['Flag as request', 'Markeren als verzoek', 'Als Anfrage markieren', 'Segna come richiesta'],
  overlayFlagAgain: ['Flagged ✓ (show)', 'Gemarkeerd ✓ (tonen)', 'Markiert ✓ (anzeigen)', 'Segnata ✓ (mostra)'],
  overlayFlagged: ['Request recorded, due $1', 'Verzoek vastgelegd, termijn $1', 'Anfrage erfasst, Frist $1', 'Richiesta registrata, scadenza $1'],
  overlayAlreadyFlagged: ['This ticket is already a request, due $1', 'Dit ticket is al een verzoek, termijn $1', 'Dieses Ticket ist bereits eine Anfrage, Frist $1', 'Questo ticket è già una richiesta, scadenza $1'],
  overlayOpenSidePanel: ['Open this requester in Privacy Desk', 'Deze aanvrager openen in Privacy Desk', 'Diese Person in Privacy Desk öffnen', 'Apri il richiedente in Privacy Desk'],
  queueTitle: ['Request queue', 'Verzoekenwachtrij', 'Anfragen', 'Coda delle richieste'],
  queueEmpty: ['No requests match.', 'Geen verzoeken gevonden.', 'Keine passenden Anfragen.', 'Nessuna richiesta corrispondente.'],
  queueCount: ['$1 requests', '$1 verzoeken', '$1 Anfragen', '$1 richieste'],
  queueDue: ['Due', 'Termijn', 'Frist', 'Scadenza'],
  queueOverdue: ['overdue', 'te laat', 'überfällig', 'scaduta'],
  queueDaysLeft: ['$1 days left', 'nog $1 dagen', 'noch $1 Tage', 'mancano $1 giorni'],
  queueSearch: ['Search e-mail or name', 'Zoek op e-mail of naam', 'E-Mail oder Name suchen', 'Cerca e-mail o nome'],
  filterStatus: ['Status', 'Status', 'Status', 'Stato'],
  filterOpen: ['All open', 'Alle open', 'Alle offenen', 'Tutte aperte'],
  filterType: ['Type', 'Soort', 'Art', 'Tipo'],
  filterAll: ['All', 'Alle', 'Alle', 'Tutte'],
  filterDue: ['Due', 'Termijn', 'Frist', 'Scadenza'],
  filterDueSoon: ['Due within 7 days', 'Binnen 7 dagen', 'In 7 Tagen fällig', 'Entro 7 giorni'],
  filterOverdue: ['Overdue', 'Te laat', 'Überfällig', 'Scadute'],
  navQueue: ['Queue', 'Wachtrij', 'Anfragen', 'Coda'],
  navAudit: ['Audit', 'Audit', 'Prüfprotokoll', 'Audit'],
  auditOk: ['Audit trail verified: $1 entries, unbroken.', 'Audittrail gecontroleerd: $1 regels, ongeschonden.', 'Prüfprotokoll verifiziert: $1 Einträge, lückenlos.', 'Registro di audit verificato: $1 voci, integro.'],
  auditBroken: ['Audit trail broken at entry $1: $2', 'Audittrail verbroken bij regel $1: $2', 'Prüfprotokoll bei Eintrag $1 unterbrochen: $2', 'Registro di audit interrotto alla voce $1: $2'],
  optionsTitle: ['Privacy Desk settings', 'Instellingen van Privacy Desk', 'Einstellungen von Privacy Desk', 'Impostazioni di Privacy Desk'],
  orgProfile: ['Organisation profile', 'Organisatieprofiel', 'Organisationsprofil', 'Profilo dell’organizzazione'],
  orgLegalName: ['Legal name', 'Statutaire naam', 'Firmenname', 'Ragione sociale'],
  orgRole: ['Role under the GDPR', 'Rol onder de AVG', 'Rolle nach DSGVO', 'Ruolo ai sensi del GDPR'],
  roleController: ['Controller', 'Verwerkingsverantwoordelijke', 'Verantwortlicher', 'Titolare del trattamento'],
  roleProcessor: ['Processor', 'Verwerker', 'Auftragsverarbeiter', 'Responsabile del trattamento'],
  roleBoth: ['Controller and processor', 'Verwerkingsverantwoordelijke en verwerker', 'Verantwortlicher und Auftragsverarbeiter', 'Titolare e responsabile'],
  orgStreet: ['Street and number', 'Straat en huisnummer', 'Straße und Hausnummer', 'Via e numero civico'],
  orgPostalCode: ['Postal code', 'Postcode', 'Postleitzahl', 'CAP'],
  orgCity: ['City', 'Plaats', 'Ort', 'Città'],
  orgCountry: ['Country (ISO code)', 'Land (ISO-code)', 'Land (ISO-Code)', 'Paese (codice ISO)'],
  orgRegion: ['Region for holidays (e.g. DE-BY)', 'Regio voor feestdagen (bijv. DE-BY)', 'Region für Feiertage (z. B. DE-BY)', 'Regione per le festività (es. DE-BY)'],
  orgDpoName: ['DPO name', 'Naam FG', 'Name des DSB', 'Nome del DPO'],
  orgDpoEmail: ['DPO e-mail', 'E-mail FG', 'E-Mail des DSB', 'E-mail del DPO'],
  orgAuthority: ['Supervisory authority', 'Toezichthoudende autoriteit', 'Aufsichtsbehörde', 'Autorità di controllo'],
  orgLanguage: ['Default document language', 'Standaardtaal van documenten', 'Standardsprache für Dokumente', 'Lingua predefinita dei documenti'],
  orgTimeZone: ['Time zone', 'Tijdzone', 'Zeitzone', 'Fuso orario'],
  save: ['Save', 'Opslaan', 'Speichern', 'Salva'],
  saved: ['Saved.', 'Opgeslagen.', 'Gespeichert.', 'Salvato.'],
  yourName: ['Your name (recorded in the audit trail)', 'Uw naam (vastgelegd in de audittrail)', 'Ihr Name (im Prüfprotokoll vermerkt)', 'Il tuo nome (registrato nel registro di audit)'],
};

const LANGS = ['en', 'nl', 'de', 'it'];
LANGS.forEach((lang, i) => {
  const messages = Object.fromEntries(Object.entries(S).map(([key, values]) => {
    const message = values[i];
    const placeholders = {};
    for (const m of message.matchAll(/\$(\d)/g)) placeholders[`p${m[1]}`] = { content: `$${m[1]}` };
    const msg = message.replace(/\$(\d)/g, '$$p$1$$');
    return [key.replace(/-/g, '_'), Object.keys(placeholders).length ? { message: msg, placeholders } : { message }];
  }));
  mkdirSync(new URL(`../public/_locales/${lang}/`, import.meta.url), { recursive: true });
  writeFileSync(new URL(`../public/_locales/${lang}/messages.json`, import.meta.url), JSON.stringify(messages, null, 2) + '\n');
});
