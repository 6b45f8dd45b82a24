// Dutch cues (AVG = the GDPR). Dutch puts the verb last ("mijn gegevens laten verwijderen"), so
// most cues come in both orders. Syntax: lib/detect/rules.ts.
import type { PhraseTable } from '../rules';

export const nl: PhraseTable = {
  stop: 'de het een en is ik mijn van niet met voor dat die je u uw wij zijn graag op naar ook heb wil kunnen maar bij om deze hebben worden wordt geen mij er als nog dank bedankt groet groeten vriendelijke hallo beste alstublieft alvast hoe wat waar wanneer waarom jullie ons onze kan kunt moet moeten ben heeft dit wel te we ze hij zij uit tot zou mag even nu toch hier daar dan omdat welke',
  negators: 'niet nooit geen',
  macros: {
    my: "(al |alle )?(mijn|m'?n)",
    // Compounds: "transactiegegevens", "locatiegegevens".
    data: '((persoonlijke|opgeslagen|eigen) ){0,2}(\\w*gegevens|data|informatie|info)',
    acct: '(klant|gebruikers)?(account|profiel)',
    field: '{data}|(achter|voor|familie|gebruikers)?naam|adres|woonadres|e-?mailadres|e-?mail|geboortedatum|telefoonnummer',
    me: '(over|van|betreffende|omtrent) mij',
    // Things a ticket deletes or cancels that are not the writer's personal data.
    obj: '(ticket|melding|bijlage|bestand|bericht|bestelling|factuur|rapport|dashboard|reactie|winkelmand|boeking|afspraak|concept|review|artikel)*',
  },
  combine: {
    self: "(mijn|m'?n)( \\w+){0,2} (\\w*gegevens|data|informatie|info|dossier|account|profiel|\\w*naam|\\w*adres|e-?mail\\w*|geboortedatum|\\w*nummer|locatie|foto\\w*|\\w*registratie|historie|geschiedenis)|(over|van|betreffende|omtrent|op) mij|op mijn naam|wat (jullie|u) ~2 (heeft|hebben|weet|weten)",
    block: "\\w*(bijlage|ticket|melding|factuur|facturen|rapport|rapportage|bestelling|boeking|wachtwoord|abonnement|winkelmand)\\w*|concept|(vorige|laatste) (bericht|mail)|dubbel\\w*",
    verbs: {
      erasure: "(verwijder|wis|wissen|gewist|vernietig|weggooi|weggegooid|schrap|geschrapt|vergeet|vergeten)*|(niet|niets) (meer|langer) ~3 (bewaard|bewaren|opgeslagen|opslaan|bewaart)",
      access: "(inzage|inzien|kopie|overzicht|afschrift)*|(wat|welke) ~ (jullie|u) ~ (bewaren|bewaart|hebben|heeft|weten|verwerken|opgeslagen|vastgelegd)|(weten|zien) (wat|welke)",
      rectification: "(oude|vorige|nieuwe|huidige)|klopt niet (meer)?|niet meer (juist|actueel|correct)|(corrig|verbeter|wijzig|aanpass|aangepast|actualis|bijwerk|bijgewerkt|rechtzet|vervang)*|pas ~3 aan|(onjuist|verkeerd|fout|verouderd)*|klopt niet|niet (juist|correct)",
      restriction: "(beperk|blokkeer|bevries|opschort|afscherm)*|op slot|alleen (bewaren|opslaan|bewaard)|(zolang|totdat) ~ (uitgezocht|opgelost|gesprek|onderzo|beslist|klacht|bezwaar)*",
      portability: "(exporteer|exporteren|download|overdragen|overzetten|overbrengen|overstap|meenemen)*|stap ~ over|(andere|nieuwe) \\w*(aanbieder|leverancier|provider|bank|verzekeraar|partij)|machineleesbaar|(bestand|formaat) ~ (inlezen|importeren|openen)",
      objection: "(bezwaar|afmeld|uitschrijv|stop|stoppen|weiger)*|niet (meer|langer)|(wil|wens) ~2 niet",
      "withdraw-consent": "toestemming|instemming|ingestemd|(trek|trekken|ingetrokken|intrek|herroep)*",
    },
  },
  cues: [
    // Art. 17 ("recht op vergetelheid")
    'e1 verwijder*|wissen|gewist|vernietig*',
    'e3 (verwijder|wis|wissen|vernietig)* ~ ({my} ({data}|{acct}|{field})|{data} ~ {me})',
    'e3 {my} ({data}|{acct}|{field}) ~ (verwijder|wissen|gewist|vernietig|schrappen|geschrapt)*',
    'e3 (haal|schrap)* ~ {my} ({field}) ~ (uit|van) ~2 (\\w*bestand|database|systeem|systemen|administratie)*',
    'e3 (verwijdering|wissing|vernietiging) ~ ({my}|{data}|{acct})|recht (op|om) ~2 (vergetelheid|vergeten|verwijdering|gegevenswissing|wissing)',
    'e2 (verwijder|wis)* ~2 alles(?=\\s*([,.;!?]|$))|alles ~2 (verwijderen|wissen)',
    'e3 verwijder(ing)?sverzoek|(account|data|gegevens)verwijdering|(alles|alle gegevens) ~ {me} ~ (verwijder|wissen)*',
    // Art. 15 ("inzage")
    'a1 inzage*|kopie|overzicht',
    'a3 inzageverzoek|recht (op|van) inzage|(inzage|toegang) ~ ({data}|dossier)',
    'a3 (kopie|overzicht|afschrift)* ~ {data}|(welke|wat voor) ~ {data} ~ {me}|(alle|al) ~2 {data} ~6 {me}',
    'a3 (wat|welke) ~ {me} ~ (opgeslagen|bewaard|vastgelegd|geregistreerd|verwerkt)',
    'a2 (weten|zien|inzien|opvragen|ontvangen) ~ {my} {data}|{my} {data} ~ (inzien|opvragen|inzage)|of ~ (jullie|u) ~ {data} ~ (verwerk|bewaar|opsla|opgesla|heeft|hebben)*',
    // Art. 16
    'r1 rectific*|corrig*|onjuist*|verkeerd*|fout*|verouderd|rechtzet*',
    'r2 (verkeerde|onjuiste|foute) ({field})',
    'r2 ({field}) ~2 (geregistreerd|opgeslagen|vastgelegd|in jullie|in uw|bij jullie|bij u) ~ (onjuist|verkeerd|fout|niet juist|niet correct|verouderd)*',
    'r3 rectificatie|recht op (rectificatie|correctie|verbetering)',
    'r3 (corrigeer|corrigeren|wijzig|wijzigen|verbeter|verbeteren|actualiseer|bijwerken|rechtzetten)* ~ {my} ({field})|pas ~ {my} ({field}) ~2 aan',
    'r3 {my} ({field}) ~ (corrigeren|aanpassen|wijzigen|verbeteren|actualiseren|bijwerken|rechtzetten|rechtgezet|aangepast|gewijzigd|gecorrigeerd|verbeterd|veranderd|veranderen)',
    'r3 {my} ({field}) ~ (onjuist|verkeerd|fout|niet juist|niet correct|incorrect|verouderd|niet meer actueel|onvolledig)*',
    'r2 (corrigeer|corrigeren|verbeter|verbeteren|rechtzetten)* ~2 {data}|({my}|het|de) (nieuwe|oude|vorige) ({field})',
    'n2 (bezorg|verzend|aflever|factuur)adres|adres ~2 (bestelling|pakket|levering|factuur|zending)',
    // Art. 18
    's1 beperk*|blokkeer*|bevries*|opschort*',
    's3 beperking ~ verwerking|verwerking ~ beperk*|recht op beperking',
    's3 (beperk|blokkeer|bevries|opschort)* ~ {my} {data}|{my} {data} ~ (beperken|blokkeren|bevriezen|opschorten|afschermen)',
    's2 niet (te )?(verwijder|wis)* ~ (maar|alleen)|(tot|totdat|zolang) ~ (opgelost|uitgezocht|gecontroleerd|geverifieerd|beslist|afgehandeld|duidelijk)',
    's3 (zolang|totdat|tot|in afwachting) ~12 niet ~2 (gebruik|verwerk|doorge|del)*',
    's2 juridisch* ~2 (procedure|claim|geschil)|rechtszaak|rechtsvordering',
    // Art. 20
    'p1 export*|download*',
    'p3 (data)?portabiliteit|overdraagbaarheid|machineleesbaar*|gestructureerd* ~ (formaat|bestand|vorm)|gangbaar ~ formaat',
    // Providers are compounds in Dutch: "energieleverancier", "zorgverzekeraar".
    'p3 (overdragen|overzetten|overbrengen|doorsturen|verhuizen|meenemen|overdracht)* ~ (andere|nieuwe) ~2 \\w*(aanbieder|leverancier|provider|dienst|bank|verzekeraar|partij)',
    'p3 (andere|nieuwe) ~2 \\w*(aanbieder|leverancier|provider|bank|verzekeraar|partij) ~ (overdragen|overzetten|overbrengen|overgedragen|meenemen|sturen|overgezet)',
    'p2 {my} {data} ~ (\\w*formaat|bestand|csv|json|xml|excel)',
    'p3 (export|download)* ~ {my} {data}|{my} {data} ~ (exporteren|downloaden)',
    'n2 export* ~2 (rapport|rapportage|factur|statistiek|bestelling|transactie|dashboard)*|(rapport|rapportage|factur|statistiek|bestelling|transactie)* ~2 export*',
    // Art. 21 and the marketing opt-out (Art. 21(2))
    'o1 bezwaar|afmeld*|uitschrijv*|nieuwsbrie*|reclame|marketing|aanbieding*',
    'o2 (stop|stoppen) ~2 (ermee|er mee|hiermee|daarmee)|wil ik (vanaf|niet meer)',
    'o3 bezwaar ~ (verwerking|gebruik|profilering|direct marketing|marketing|reclame|tracking)|recht (op|van) bezwaar|maak ~2 bezwaar',
    'o3 (afmeld|uitschrijv|uitgeschreven|afgemeld)* ~ (nieuwsbrie|mailing|marketing|reclame|aanbieding|(e-?)?mail|lijst)*|(nieuwsbrie|mailing|marketing|reclame)* ~ (afmeld|afmelden|uitschrijv|stopzet|opzegg)*|meld ~ (mij|me) ~ af',
    'o3 (haal|verwijder|schrap)* (mij|me) ~ (mailinglijst|verzendlijst|nieuwsbrie*|lijst)',
    'o3 geen ~2 (reclame|marketing|nieuwsbrie|aanbieding|(e-?)?mail|telefoontje|sms|post)* meer',
    'o3 (niet|nooit) meer ~ (gebeld|benaderd|gemaild|lastiggevallen)|wil ~ niet meer ~ (ontvangen|gebeld|benaderd)',
    'o3 (stop|stoppen) ~ (gebruik|verwerk)* ~ {my} {data}|{my} {data} ~ niet (meer|langer) ~ (gebruik|verwerk)*',
    'o3 (stop|stoppen|ophouden) ~ (bellen|mailen|e-?mailen|sturen|benaderen|contacteren)',
    'o3 (niet|nooit|geen|stop*) ~6 {data} ~4 (doorverko|verko|doorgegeven|doorgeven|gedeeld|delen|verstrekt|verstrekken)*|{my} {data} ~ niet (meer|langer) ~ (delen|doorgeven|verkopen|verstrekken)',
    'o2 profilering|direct marketing|gepersonaliseerde (advertenties|reclame)',
    // Art. 7(3)
    'w1 toestemming*|intrek*|ingetrokken',
    'w2 (intrek|herroep)* ~ (machtiging|akkoord|goedkeuring)|(machtiging|akkoord|goedkeuring) ~ (intrekken|in te trekken|ingetrokken|herroepen)',
    // "Ik trek mijn toestemming … in": a separable verb, the particle may come much later.
    'w3 toestemming ~ (intrekken|in te trekken|ingetrokken|terugtrekken|terug te trekken|herroepen|intrek)|(trek|herroep)* ~2 toestemming|toestemming ~16 (intrekken|in te trekken|intrek|herroep*)|intrekking ~ toestemming|(geen|niet langer) ~2 toestemming',
    // Context
    'l1 avg|algemene verordening gegevensbescherming|privacywet*|wbp|autoriteit persoonsgegevens|privacy',
    'd1 {my} {data}|persoonsgegevens|{me}',
    'q1 verzoek*|op grond van|conform|krachtens|ingevolge|binnen ~2 (maand|termijn)|beroep (op|doen op)|schriftelijk bevestig*',
    // A business customer asking about GDPR
    'n3 verwerkersovereenkomst*|(sub-?)?verwerkers|standaardcontractbepalingen|beveiligingsvragenlijst',
    'n3 (zijn jullie|bent u|is \\w+|zijn \\w+) ~2 (avg|gdpr)\\W?(compliant|proof|conform)|avg\\W?conform|voldoen ~ aan de avg',
    'n2 waar ~ (gehost|servers?|datacent*|hosting)|(servers?|datacent*) ~ (europa|eu|nederland)',
    'n3 (onze|hun) (klanten|gebruikers|medewerkers|leden|clienten|patienten|relaties)|namens ~2 (klant|organisatie|opdrachtgever)|een (klant|gebruiker) van ons|(van|door) een betrokkene',
    'n2 wachtwoord|inlog*|betaal*|betalings*|bankrekening*|creditcard|iban',
    // Housekeeping
    'n2 dubbel* ~2 (ticket|melding|aanvraag|bestelling|boeking|afschrijving|bericht)',
    'n2 (verwijder|annuleer|wis)* ~2 {obj}|{obj} ~2 (verwijder|annuleer|wissen)*',
    'n3 u heeft (het )?recht|uw rechten',
    'o2 (ik )?maak ~2 bezwaar',
    'n2 dit bericht ~ vertrouwelijk',
    'n2 (zijn|haar|hun) (persoons)?gegevens',
    // Een winkelier die vraagt naar de gegevens van zijn eigen klanten (hij is de verwerkingsverantwoordelijke).
    'n3 (mijn|m\'?n) (eigen )?(klanten|abonnees|leden)|(een )?klant van (mijn|m\'?n|onze) (webshop|winkel|zaak|shop|bedrijf)|(wij|we) zijn (de )?verwerkingsverantwoordelijke',
    'n3 (opgeslagen )?(betaalkaart|creditcard|pinpas|bankpas) ~4 (uit|van) ~2 (mijn|m.?n|het) (account|profiel)|nummerbehoud|(nummer|06-?nummer) ~2 (meenemen|overzetten|porteren)',
    // Consumentenrecht en facturen: herroeping van een aankoop, betwiste betaling, opzegging, kopie factuur.
    'n2 herroep* ~ (aankoop|bestelling|koop|overeenkomst)|herroepingsrecht|bedenktijd',
    'n2 terugboek*|storneer*|(betwist|onterecht*) ~2 (afschrijving|betaling|incasso|transactie)',
    'n2 (opzeg|opzegg)* ~2 (abonnement|contract|lidmaatschap|dienst)|(abonnement|contract|lidmaatschap) ~2 opzeg*',
    'n2 (kopie|duplicaat) ~2 (factuur|facturen|bon|nota)',
    'n3 bezwaar tegen ~2 (boete|parkeerboete|factuur|verhoging|prijsverhoging|aanslag|beslissing|naheffing)|(knop|link|pagina) ~3 (fout|error|bug|werkt niet|crasht)|(meld|melden) ~2 bug',
    'e3 (account|profiel|gebruikersaccount) ~2 (verwijderen|wissen|opheffen)|gooi ~ (mijn|m.?n) ~3 (weg|uit)',
    'w3 (toestemming|instemming) ~3 (trek|trekken|trekt) ~4 in(?!\\w)',
    'a3 waar ~4 (mijn|m.?n) ~2 (gegevens|adres|nummer|telefoonnummer|e-?mailadres) ~2 vandaan',
    'p3 meenemen ~3 naar|(importeren|inlezen|overzetten) ~4 (andere|nieuwe) ~2 (app|dienst|aanbieder|vereniging|bank)',
    'r3 (mijn|m.?n) (iban|rekeningnummer|adres|naam|achternaam|telefoonnummer|e-?mailadres|geboortedatum) ~6 (aanpassen|wijzigen|corrigeren|bijwerken)',
    's2 (alleen|enkel|uitsluitend) (nog )?(bewaren|opslaan|bewaard|opgeslagen)',
    // Namens een ander (ouder, erfgenaam, advocaat) en over concrete stukken: dezelfde rechten.
    'e3 (verwijder|wis|vernietig)* ~ (zijn|haar|hun) ~2 ({data}|{acct})|(zijn|haar|hun) ~2 ({data}|{acct}) ~6 (verwijder|wis|vernietig)*',
    'e2 (cv|sollicitatie\\w*|foto\\w*|opnames?|camerabeelden|beelden|aankoopgeschiedenis) ~6 (verwijder|wis|weghal|vernietig)*|(verwijder|wis|vernietig)* ~6 (cv|foto\\w*|opnames?|camerabeelden|aankoopgeschiedenis)',
    'a3 (ontvangen|inzien|kopie|opvragen|krijgen|toesturen|sturen) ~ (camerabeelden|beelden|opname|gespreksopname|notities|dossier|chatgesprek\\w*)|(camerabeelden|beelden|opname|gespreksopname|notities|chatgesprek\\w*) ~8 (ontvangen|inzien|opvragen|krijgen|toesturen)',
    // Een account houden omdat het nog gebruikt wordt: geen verzoek.
    'n2 ik gebruik (het|hem|dat|mijn account|het account|de app) (nog|nog steeds|nog altijd)',
  ],
};
