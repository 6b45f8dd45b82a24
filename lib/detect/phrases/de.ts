// German cues (folded: "Löschung" is matched as "loschung"; "oe" spellings are allowed where
// customers without umlauts write them). Syntax: lib/detect/rules.ts.
import type { PhraseTable } from '../rules';

export const de: PhraseTable = {
  stop: 'der die das und ist ich mein meine meiner meinen nicht mit fur sie ihr ihre ihnen bitte von zu auf ein eine dass wir haben sind auch den dem des uns werden wurde mich mir hallo danke freundlichen grussen sehr geehrte damen herren wie was wo wann warum kann konnen muss mussen wird bin hat habe noch schon nur oder aber wenn weil sich es einen einem einer im vom zum zur uber mochte bei nach unsere unser kein keine',
  negators: 'nicht nie niemals kein keine keinesfalls',
  macros: {
    my: '(alle |samtliche |all )?(meine[nmrs]?|mein)',
    // Compounds: "Verbrauchsdaten", "Kaufhistorie".
    data: '((personenbezogen|perso?e?nlich|gespeichert|privat)* ){0,2}(\\w*daten|informationen|angaben|datensatze|personalien|\\w*historie)',
    acct: '(kunden|benutzer|nutzer)?(konto|kontos|account|accounts|profil|profils)',
    field: '{data}|(vor|nach|familien|nutzer|madchen|maedchen|geburts)?namen?|anschrift|adresse|wohnadresse|e-?mail(-?adresse)?|geburtsdatum|telefonnummer|handynummer',
    me: 'ue?ber mich|zu meiner person|mich betreffen*',
    // Things a ticket deletes or cancels that are not the writer's personal data.
    obj: '(anhang|anhange|datei|ticket|nachricht|bestellung|bericht|rechnung|kommentar|warenkorb|entwurf|eintrag|termin|buchung|beitrag)*',
  },
  combine: {
    self: "(mein|meine[nmrs]?)( \\w+){0,2} (\\w*daten|informationen|angaben|unterlagen|eintrag|eintrage|akte|\\w*konto|account|profil|\\w*namen?|\\w*adresse|anschrift|e-?mail\\w*|geburtsdatum|\\w*nummer|fotos?|bild\\w*|standort|\\w*verlauf|\\w*historie)|ue?ber mich|zu meiner person|mich betreffend\\w*|von mir",
    block: "\\w*(anhang|anhange|ticket|bestellung|rechnung|bericht|report|passwort|abonnement|warenkorb|entwurf|doppelt)\\w*|dateien|datei|abo|(letzten|vorigen|vorherigen) (nachricht|e-?mail)",
    verbs: {
      erasure: "\\w*(loe?sch|vernicht|entfern)\\w*|nicht (mehr|langer) ~6 (gespeichert|speicher\\w*|aufbewahr\\w*)|vergessen",
      access: "auskunft\\w*|kopie|ue?bersicht|einsicht\\w*|(was|welche) ~ (sie|ihr) ~ (gespeichert|speichern|haben|wissen|verarbeiten|gesammelt)|erfahren|wissen (was|welche|ob)",
      rectification: "(alte[nmrs]?|neue[nmrs]?|bisherige\\w*|aktuelle\\w*)|stimmt (nicht|nicht mehr|nicht langer)|nicht mehr (korrekt|richtig|aktuell)|(berichtig|korrigier|aktualisier|anpass|angepasst|ersetz|richtigstell)*|(ae|a)nder(n|t|ung)|(falsch|fehlerhaft|unrichtig|veraltet)*|nicht (korrekt|richtig|aktuell)",
      restriction: "((ein|be)schrank|sperr|einfrier|aussetz)*|nur (noch )?(speicher|aufbewahr)*|(bis|solange|wahrend) ~ (klarung|geklart|pruf|gepruft|entscheid|verfahren)*",
      portability: "(export|herunterlad|ue?bertrag|ue?bermitt|mitnehm)*|(anderen|neuen|neue) \\w*(anbieter|kasse|bank|versicher\\w*|dienstleister|provider|plattform)|maschinenlesbar\\w*|(gangig|elektronisch|strukturiert)\\w* ~2 format|wechsle|wechseln",
      objection: "(widersprech|widerspruch|untersag|abmeld|abbestell|verbiet)*|nicht (mehr|langer)|keine ~3 mehr|(will|mochte|wunsche) ~3 nicht",
      "withdraw-consent": "(widerruf|zuruckzieh|zurucknehm|entzieh)*|\\w*(einwilligung|zustimmung|einverstandnis|erlaubnis)|zuruck|einverstanden",
    },
  },
  cues: [
    // Art. 17 ("Recht auf Vergessenwerden"); compounds such as "Datenlöschung" count too.
    'e1 \\w*loe?sch*|entfern*|vernicht*',
    'e3 (loe?sch|entfern|vernicht)* ~ ({my} ({data}|{acct}|{field})|{data} ~ {me})',
    'e3 {my} ({data}|{acct}|{field}) ~ (loe?sch|entfern|vernicht)*|\\w*loe?schung ~ ({my}|{data})',
    'e2 (loe?sch|entfern)* ~2 alles(?=\\s*([,.;!?]|$))|alles (loe?sch|entfern)*',
    'e3 (daten|konto|account|profil)loe?sch*|loe?sch(antrag|ungsantrag|begehren|ersuchen|ungsersuchen|aufforderung|verlangen|ungsverlangen)|recht auf ~2 (vergessen*|loe?schung)',
    // Art. 15. "Auskunft" alone also means "information" ("Auskunft zur Lieferung").
    'a1 auskunft*|kopie|ue?bersicht',
    'a3 (zugang|zugriff|einsicht)* ~2 {my} {data}|(daten|selbst)auskunft|auskunfts(ersuchen|anfrage|antrag|begehren|verlangen|recht)|recht auf auskunft',
    'a3 auskunft ~ ({my} {data}|{data}|{me})|(kopie|ue?bersicht|aufstellung|auflistung|einsicht)* ~ {data}',
    'a3 (welche|was fur) ~ {data} ~ {me}|(alle|samtliche*|jegliche*) ~2 {data} ~6 {me}',
    'a2 ob ~ (sie|ihr unternehmen|ihre firma) ~ {data} ~ (speicher|verarbeit)*',
    // Art. 16
    'r1 berichtig*|korrigier*|korrektur*|falsch*|fehlerhaft*|unrichtig*|veraltet*',
    'r3 berichtigung ~ ({my}|{data})|recht auf berichtigung',
    'r3 (berichtig|korrigier|aktualisier|(ae|a)nder(n|t)|anpass)* ~ {my} ({field})',
    'r3 {my} ({field}) ~ (berichtig|korrigier|aktualisier|(ae|a)nder(n|t|ung)|ge(ae|a)ndert|anpass|angepasst|richtigstell)*',
    'r2 {my} (alte|bisherige|fruhere|neue)* ({field})|{my} (madchen|maedchen|geburts)namen?',
    'r2 ({field}) ~2 (gespeichert|hinterlegt|registriert|bei ihnen|in ihrem) ~ (falsch|fehlerhaft|unrichtig|nicht korrekt|veraltet)*',
    'r3 {my} ({field}) ~ (falsch|fehlerhaft|unrichtig|nicht korrekt|nicht richtig|veraltet|nicht mehr aktuell|unvollstandig)*',
    'r2 (berichtig|korrigier)* ~2 {data}|{data} ~2 (berichtig|korrigier)*',
    'n2 (liefer|versand|rechnungs)(adresse|anschrift)|adresse ~2 (bestellung|lieferung|paket|rechnung)',
    // Art. 18; "Sperrung" is the old BDSG word for it. "Konto gesperrt" is a log-in problem.
    's1 (ein|be)schrank*|sperr*|einfrier*',
    's3 einschrankung ~ verarbeitung|verarbeitung ~ (ein|be)schrank*|recht auf einschrankung',
    's3 ((ein|be)schrank|sperr|einfrier)* ~ {my} {data}|{my} {data} ~ ((ein|be)schrank|sperr|einfrier)*|sperrung ~ {data}',
    's2 nicht (zu )?(loe?sch|entfern)* ~ (sondern|stattdessen|lediglich)|(bis|solange|wahrend) ~ (geklart|gepruft|uberpruft|entschieden|klarung|prufung)*',
    's3 (bis|solange|wahrend) ~12 nicht ~2 (nutz|verwend|verarbeit|weitergeb|weiterzugeb)*',
    's2 rechtsanspruch*|rechtsstreit*|gerichtsverfahren|klage',
    // Art. 20
    'p1 export*|herunterlad*',
    'p3 (daten)?ue?bertragbarkeit|maschinenlesbar*|strukturiert* ~ (format|gangig*)',
    // Providers are compounds: "Stromanbieter", "Krankenversicherung".
    'p3 (ue?bertrag|ue?bermitt|mitnehm|weitergeb|transferier)* ~ (anderen|neuen) ~2 \\w*(anbieter|dienstleister|verantwortlichen|bank|versicher*|plattform|unternehmen|provider)',
    'p3 (anderen|neuen) ~2 \\w*(anbieter|dienstleister|verantwortlichen|bank|versicher*|plattform|provider) ~ (ue?bertrag|ue?bermitt|mitnehm|mitzunehm|weitergeb)*',
    'p2 {my} {data} ~ (format*|csv|json|xml|excel)',
    'p3 (export|herunterlad)* ~ {my} {data}|{my} {data} ~ (export|herunter)*',
    'n2 (export|herunterlad)* ~2 (bericht|rechnung|statistik|auswertung|bestellung|umsatz|umsatze|report|tabelle|dashboard)*|(bericht|rechnungen|statistik|auswertung|reports?)* ~2 (export|herunterlad)*',
    // Art. 21 and the marketing opt-out (Art. 21(2))
    'o1 widerspr*|abmeld*|abbestell*|newsletter|werbung|werbe*',
    'o3 widerspr* ~ (verarbeitung|nutzung|verwendung|werbung|profiling|direktwerbung|datenverarbeitung|{my} {data})',
    'o3 (newsletter|verteiler|mailingliste|werbe*|marketing*) ~ (abmeld|abbestell|austrag|streich|entfern)*|(abmeld|abbestell|austrag)* ~ (newsletter|verteiler|mailingliste|werbe*|marketing*)',
    // Separable verbs: "melden Sie mich vom Newsletter ab".
    'o3 meld* ~ (newsletter|verteiler|mailingliste|werbe*) ab|(newsletter|verteiler|mailingliste) ~ austrag*',
    'o3 keine ~3 (werbung|newsletter|werbe|angebote|marketing|anrufe|sms|e-?mails)* ~2 mehr|(werbung|werbe*|marketing*) ~ (einstell|unterlass|stopp|beend)*',
    'o3 nicht mehr ~ (kontaktiert|angerufen|angeschrieben|beworben|angemailt)|(verarbeitung|nutzung|verwendung) ~ {my} {data} ~ (einstell|beend|unterlass|stopp)*',
    'o3 (aufhor*|nicht|nie|keine) ~6 {data} ~6 (weitergeb|weiterzugeb|verkauf|ue?bermitt|teilen|geteilt)*|(aufhor*|nicht|nie) ~6 dritt* ~3 (weitergeb|weiterzugeb|verkauf|ue?bermitt|geteilt|teilen)*',
    'o3 (nicht|keine|kein) ~8 (werbung|werbezweck*|marketing*|werbe*) ~4 (ausgewertet|genutzt|verwendet|verarbeitet|benutzt|auswerten|nutzen|verwenden)',
    'o2 profiling|direktwerbung|personalisierte werbung',
    // Art. 7(3). "Widerruf" of a purchase (§ 355 BGB) is not consent: see the not-request cue.
    'w1 einwilligung*|zustimmung*|einverstandnis*|widerruf*',
    // The verb comes last or splits ("ziehe … zurück"), so within one sentence a long gap is allowed.
    'w3 widerruf* ~ (einwilligung|zustimmung|einverstandnis)*|(einwilligung|zustimmung|einverstandnis)* ~16 (widerruf|zuruckzieh|zuruckzunehm|zurucknehm|entzieh|zuruckgezogen|zuruck)*',
    'w2 (widerruf|zuruckzieh|zurucknehm|entzieh)* ~ (erlaubnis|genehmigung|freigabe)|(erlaubnis|genehmigung|freigabe) ~ (widerruf|zuruckzieh|zuruckgezogen|entzieh)*',
    'w3 (ziehe|nehme) ~ (einwilligung|zustimmung|einverstandnis)* ~ zuruck|entziehe ~ (einwilligung|zustimmung)*|nicht (mehr|langer) einverstanden',
    'n2 widerruf* ~ (bestellung|kauf|kaufvertrag|vertrag|vertrags|abo|abonnement|auftrag)|widerrufs(recht|belehrung|formular)',
    // Context
    'l1 datenschutz*|bdsg',
    'd1 {my} {data}|personenbezogen* daten|{me}|{data} von mir',
    'q1 hiermit|fordere ~ auf|verlange*|ersuche*|beantrage*|gemass|gem\\.|nach art|innerhalb ~2 (monat|frist)*|unverzuglich|fristgerecht',
    // A business customer asking about GDPR
    'n3 auftragsverarbeit*|avv|unterauftragsverarbeiter*|subunternehmer*|toms|technisch* und organisatorisch* massnahmen|standardvertragsklauseln|sicherheitsfragebogen',
    'n3 (sind sie|ist \\w+|seid ihr|ist ihr \\w+|ist ihre \\w+) ~2 (dsgvo|datenschutz)\\W?(konform|compliant)|dsgvo\\W?konformitat',
    'n2 (wo|in welchem land|welche[mr]? (land|region|rechenzentrum)) ~ (gehostet|server|rechenzentr*|hosting)|serverstandort*|gehostet',
    'n3 (unsere[nr]?|deren) (kunden|nutzer|mitarbeiter*|mandanten|patienten|mitglieder|endkunden|anwender)|(kunde|kundin|kunden|nutzer) von uns|(ein|eine|einer|unsere[nr]?) (ehemalige[rn]? )?(kunde|kundin|mitarbeiter*|nutzer) (hat|haben|mochte|will|verlangt)|(eines|einer|ein|eine) betroffenen?|im auftrag ~2 (kunden|mandanten|unternehmen)|(einer? unserer|ein) (kunde|kundin|kunden|nutzer) hat',
    'n2 passwort|zugangsdaten|bankdaten|bankverbindung|iban|kreditkarte|einloggen|anmeld(en|ung)',
    // Housekeeping
    'n2 doppelt* ~2 (ticket|anfrage|bestellung|buchung|abbuchung|nachricht|eintrag)|duplikat*',
    'n2 {obj} ~2 (loe?sch|entfern|stornier)*|(loe?sch|entfern|stornier)* ~2 {obj}',
    'n3 sie haben das recht|ihre rechte',
    'o2 (ich )?widerspreche',
    'n2 diese (e-?mail|nachricht) ~ vertraulich',
    'n2 (seine[nr]?|deren) (daten|angaben|konto*)',
    // Ein Shopbetreiber, der nach den Daten seiner eigenen Kunden fragt (er ist der Verantwortliche).
    'n3 (meine|meiner|meinen) (eigenen )?(kunden|kundinnen|abonnenten|mitglieder)|kund(e|in) (meines|unseres|von meinem|von unserem) (shops|ladens|geschafts|onlineshops|betriebs)|einer? (meiner|unserer) (eigenen )?(kunden|kundinnen)|wir sind (der |die )?verantwortliche',
    'n3 rufnummernmitnahme|(rufnummer|handynummer|nummer) ~2 mitnehmen|portierung',
    // Verbraucherrecht und Abrechnung: Rückbuchung, Kündigung, Rechnungskopie.
    'n2 ruckbuchung|ruckerstattung|chargeback|(abbuchung|belastung|lastschrift) ~2 (reklamier|widersproch|zuruckgeb)*',
    'n2 (kundig|kundigung)* ~2 (abo|abonnement|vertrag|mitgliedschaft|tarif|dienst)|(abo|abonnement|vertrag|mitgliedschaft|tarif) ~2 (kundig)*',
    'n2 (kopie|duplikat|zweitschrift) ~2 (rechnung|quittung|beleg)|rechnungskopie',
    'n3 widersprech* ~2 (erhohung|preiserhohung|gebuhr*|rechnung|mahnung|bescheid|vertragsanderung)|(button|knopf|link|seite) ~3 (fehler|500er|bug|funktioniert nicht|kaputt)|(melde|melden) ~2 bug',
    'e3 (konto|account|kundenkonto|benutzerkonto|profil) ~2 (lo?e?schen|entfernen)',
    'w3 (zustimmung|einwilligung) ~3 (ziehe|ziehen|zieht) ~3 zuruck|(eingewilligt|zugestimmt) ~6 widerruf*',
    'a3 woher ~4 (meine|meinen) (daten|adresse|anschrift|nummer|telefonnummer|e-?mail-?adresse)',
    'p3 (datei|export|csv|excel) ~8 (woanders|importieren|einlesen)|(andere|neue) ~2 (plattform|app|krankenkasse|kasse|anbieter|bank) ~6 (mitnehmen|importieren|umziehen|ubernehmen)',
    'r3 (geburtsjahr|geburtsdatum|adresse|anschrift|bankverbindung|nachname|vorname|name|telefonnummer|e-?mail-?adresse) ~8 (korrigieren|andern|berichtigen|aktualisieren)',
    's2 nur (noch )?(speicher|aufbewahr)\\w*|nur speicherung',
    // Im Namen anderer (Eltern, Erben, Anwälte) und über konkrete Unterlagen: dieselben Rechte.
    'e3 (losch|entfern|vernicht)* ~ (sein|ihr)\\w* ~2 ({data}|{acct})|(sein|ihr)\\w* ~2 ({data}|{acct}) ~6 (losch|geloscht|entfern|vernicht)*',
    'e2 (lebenslauf|bewerbung\\w*|fotos?|bilder|aufnahmen?|videoaufnahmen|kameraaufnahmen) ~6 (losch|geloscht|entfern|vernicht)*|(losch|entfern|vernicht)* ~6 (lebenslauf|bewerbung\\w*|fotos?|aufnahmen?|videoaufnahmen)',
    'a3 (kopie|erhalten|bekommen|einsicht|zusenden|schicken|herausgeben) ~ (chatverl\\w*|aufnahme\\w*|aufzeichnung\\w*|videoaufnahmen|kamerabilder|gesprachsnotizen|notizen|akte)|(chatverl\\w*|aufnahme\\w*|aufzeichnung\\w*|videoaufnahmen|kamerabilder|gesprachsnotizen|notizen) ~8 (erhalten|bekommen|zusenden|schicken)',
    // Ein Konto behalten, weil es noch genutzt wird: kein Antrag.
    'n2 ich (nutze|benutze|verwende) (es|ihn|das|mein konto|das konto|die app) (noch|weiterhin|immer noch)',
  ],
};
