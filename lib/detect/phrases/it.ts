// Italian cues ("diritto all'oblio"). "Cancellare" also means cancelling an order, so it needs the
// writer's data as object. Syntax: lib/detect/rules.ts.
import type { PhraseTable } from '../rules';

export const it: PhraseTable = {
  stop: 'il lo la di che e non per un una sono mi mio miei mia mie dei del della delle con ho vorrei grazie gli le si come anche al alla questo essere buongiorno saluti cordiali gentile distinti sia ma piu nel dal dell nell po i posso potete puo vostro vostra vostri nostro nostra sto ci ne cosa quando dove perche se tutti tutto ancora gia sul sulla agli degli dalla nella questa quello siamo avete abbiamo hanno fare ha',
  negators: 'non mai',
  macros: {
    my: '(tutti |tutte )?(i |il |la |le |gli )?(miei|mie|mio|mia)',
    data: '(dati|informazioni|dettagli)( personali| anagrafici| di contatto)?',
    acct: 'account|profilo|utenza',
    field: '{data}|nome|cognome|indirizzo( e-?mail| di casa)?|e-?mail|data di nascita|codice fiscale|numero( di (telefono|cellulare))?|telefono',
    me: '(su|di|riguardo a) me|(che )?mi riguard*|relativi a me|a me riferit*|a mio nome',
  },
  combine: {
    self: "(mio|mia|miei|mie)( \\w+)? (dati|informazioni|dettagli|account|profilo|\\w*nome|indirizzo|e-?mail|codice fiscale|numero|telefono|immagine|foto\\w*|storico|contratto|posizione|fascicolo|abitudini|cronologia)|(su|di|riguardo a) me|mi riguard\\w*|a mio nome",
    block: "\\w*(allegat|ticket|fattur|report|prenotazion|password|abbonament|carrello|bozz|doppi|duplicat)\\w*|ordin[ei]|(ultimo|precedente) messaggio",
    verbs: {
      erasure: "(cancell|elimin|rimuov|rimozion|distrugg|dimentic)*|non ~2 piu ~6 (conserv|memorizz|tenut|mantenut)*",
      access: "copia|elenco|riepilogo|accesso|(quali|che|cosa) ~ (avete|conservate|trattate|raccolto|raccolte|sapete|detenete)|(sapere|capire|conoscere) (quali|che|cosa|se)",
      rectification: "(vecchi[oa]|precedente|nuov[oa]|attuale)|non (e )?piu (corrett|aggiornat|valid)*|(corregg|correzion|rettific|aggiorn|modific|sistem)*|(errat|sbagliat|inesatt|obsolet)*|non (e )?corrett*",
      restriction: "(limit|blocc|sospend|congel)*|(solo|soltanto) ~2 conserv*|(finche|fino a|in attesa) ~ (verific|risolt|chiar|decis|contestazion)*",
      portability: "(esport|scaric|trasferi|trasmett|portabilit)*|(altro|nuovo|altra|nuova) ~2 (gestore|operatore|fornitore|banca|provider|compagnia|servizio)|formato ~2 (leggibile|strutturato|elettronico)|passando|passare",
      objection: "(oppong|opporm|opposizion|disiscri|rifiut)*|non (voglio|desidero|autorizzo|accetto)|non piu|smett*|basta",
      "withdraw-consent": "(revoc|ritir)*|consenso|autorizzazion*|permesso",
    },
  },
  cues: [
    // Art. 17
    'e1 cancell*|elimin*|rimuov*|rimozion*',
    'e3 (cancell|elimin|rimuov|distrugg)* ~6 ({my} ({data}|{acct}|{field})|{data} ~ {me})',
    'e3 {my} ({data}|{acct}) ~ (cancellat|eliminat|rimoss|distrutt)*|(cancellazione|eliminazione|rimozione) ~ ({my}|{data}|{acct})',
    'e2 (cancell|elimin)* (tutto|proprio tutto)(?=\\s*([,.;!?]|$))',
    'e3 diritto ~2 (oblio|cancellazione)|(cancellarmi|rimuovermi|eliminarmi) ~ (database|archivi|sistemi|registri|banca dati|banche dati)',
    // Art. 15
    'a1 access*|copia|elenco',
    'a3 diritto (di|d) ~2 accesso|richiesta di accesso|acce(sso|dere) ~2 {data}|(copia|elenco|prospetto|riepilogo) ~ {data}',
    'a3 (quali|che) ~ {data} ~ {me}|(tutti|tutte|qualsiasi|ogni) ~2 {data} ~6 {me}',
    'a2 (sapere|conoscere) ~2 (quali|che) ~ {data}',
    'a2 (sapere|conoscere|visionare|ricevere|ottenere|consultare) ~ {my} {data}|se ~2 (trattate|conservate|avete) ~ {my} {data}',
    // Art. 16. "Rettifica della fattura" is an invoice correction, so the cue needs my data.
    'r1 rettific*|corregg*|correzion*|errat*|sbagliat*|inesatt*|aggiorn*',
    'r3 rettific* ~ ({my}|{data})|diritto di rettifica',
    'r3 (correggere|correggete|correggi|aggiornare|aggiornate|modificare|modificate|rettificare|rettificate|sistemare|sistemate|cambiare|cambiate)* ~ {my} ({field})',
    'r3 {my} ({field}) ~ (errat|sbagliat|inesatt|non corrett|scritt* male|non aggiornat|obsolet|incomplet)*',
    'r2 (il mio |la mia )?(vecchi[oa]|precedente) ({field})|(correggere|correggete|rettificare|rettificate)* ~2 {data}|(nuov[oa]|cambiato|modificato) ~2 ({field})',
    'r2 ({field}) ~2 (registrat|salvat|memorizzat|nel vostro|nel mio|nei vostri|che avete)* ~ (errat|sbagliat|inesatt|non corrett|scritt* male)*',
    'n2 indirizzo di (spedizione|consegna|fatturazione)|indirizzo ~2 (ordine|pacco|spedizione|fattura)',
    // Art. 18
    's1 limit*|blocc*|sospend*|congel*',
    's3 limitazione ~ trattamento|trattamento ~ (limitat|sospes|bloccat)*|diritto ~2 limitazione',
    's3 (limit|blocc|sospend|congel)* ~ (trattamento|utilizzo|uso) ~ {data}|(limit|blocc|sospend|congel)* ~ {my} {data}',
    's2 non (cancell|elimin)* ~ (ma|bensi|solo|soltanto)|(fino a|finche|in attesa) ~ (verific|chiarit|risolt|accert|decision|conclus)*',
    's3 (fino a|finche|in attesa|mentre) ~12 non ~2 (utilizz|usa|usat|tratt|comunic|condivid)*',
    's2 azione legale|contenzioso|sede giudiziaria|vertenza|causa (in corso|legale|civile)|procedimento giudiziario',
    // Art. 20
    'p1 esport*|scaric*',
    'p3 portabilita|formato strutturato|leggibile ~2 (dispositivo automatico|macchina)|di uso comune',
    'p3 (trasferi|trasmett|inoltr|portare|spostare|passare)* ~ {data} ~ (altro|nuovo|altra|nuova|diverso) ~2 (fornitore|operatore|titolare|gestore|banca|provider|servizio|compagnia|societa)',
    'p2 {my} {data} ~ (formato|csv|json|xml|excel)',
    'p3 (esport|scaric)* ~ {my} {data}|{my} {data} ~ (esport|scaric)*',
    'n2 (esport|scaric)* ~2 (report|fattur|statistich|ordini|transazion|tabell|dashboard)*',
    // Art. 21 and the marketing opt-out (Art. 21(2))
    'o1 oppo*|opposizion*|disiscri*|newsletter|pubblicit*|marketing|comunicazioni commerciali|promozion*',
    'o2 mi oppongo',
    'o3 (mi oppongo|opposizione|opporm*) ~ (trattamento|utilizzo|uso|marketing|profilazione|invio|pubblicit*)|diritto di opposizione',
    'o3 (disiscriv|cancellarmi|rimuovermi|togliermi|disiscrizione)* ~ (newsletter|mailing ?list|lista|comunicazioni|promozion*|marketing)|(newsletter|mailing ?list) ~ (disiscri|cancellar|rimuover)*|disiscrivermi',
    'o3 non (voglio|desidero) piu ~ (ricevere|essere contattat*|essere chiamat*)|(non|piu) ~ (inviarmi|mandarmi|contattarmi|chiamarmi)',
    'o3 (smettete|smettere|cessate|interrompete|basta) ~ (inviar|mandar|chiamar|telefonar|utilizzar|usar|trattar|email|telefonate|chiamate)*',
    'o3 (non|smett*|basta) ~6 {data} ~4 (condivis|cedut|vendut|comunicat|trasmess|condivider|ceder|vender|comunicar)*',
    'o2 profilazione|marketing diretto|pubblicita personalizzata',
    // Art. 7(3)
    'w1 consens*|revoc*',
    'w2 (revoc|ritir)* ~ (autorizzazion|permess)*|(autorizzazione|permesso) ~ (revocat|ritirat)*',
    'w3 (revoc|ritir)* ~ consenso|consenso ~16 (revoc|ritir)*|consenso ~ (revocat|ritirat)*|revoca ~2 consenso|non (do|presto|acconsento) piu|non ~2 piu ~2 (consenso|acconsent*)',
    // Context
    'l1 regolamento (ue|europeo|generale)|codice (della )?privacy|garante ~2 privacy|normativa ~2 privacy|protezione dei dati|privacy',
    'd1 {my} {data}|(dati|informazioni) personali|{me}',
    'q1 chiedo|richiedo|con la presente|ai sensi|entro ~2 (mese|giorni|termini)|esercit* ~ diritt*|vi invito|pretendo|diffido',
    // A business customer asking about GDPR
    'n3 (siete|e|sono) ~2 conform* ~2 (gdpr|normativa)|conformita (al|gdpr)',
    'n3 nomina ~2 responsabile|responsabile (esterno )?del trattamento|accordo ~2 trattamento dei dati|sub-?responsabil*|clausole contrattuali (tipo|standard)',
    'n2 dove ~ (ospitat|conservat|salvat|server|data ?center|hosting)*|server ~2 (europa|italia|ue)',
    'n3 (nostri|loro) (clienti|utenti|dipendenti|collaboratori|pazienti|iscritti)|per conto ~2 (cliente|clienti|azienda)|(dei|degli) (nostri )?(clienti|utenti|dipendenti)|un (nostro )?cliente ~2 (chiesto|richiesto)|(da|di) un interessato',
    'n2 password|accedere|login|pagamento|carta di credito|iban',
    // Housekeeping
    'n2 (doppi|duplicat)* ~2 (ticket|richiesta|ordine|prenotazione|addebito|messaggio)|(ticket|richiesta|ordine|prenotazione|addebito|messaggio) ~2 (doppi|duplicat)*',
    'n2 (cancell|elimin|rimuov|annull)* ~2 (ticket|allegat|file|messaggio|ordine|fattura|report|commento|carrello|prenotazione|bozza|recensione|appuntamento)*',
    'n2 recesso|diritto di ripensamento',
    'n3 (ha|hai|avete) (il )?diritto|i suoi diritti|i tuoi diritti',
    'n2 (questa|la presente) (e-?mail|comunicazione) ~ riservat*',
    // Un negoziante che chiede dei dati dei propri clienti (il titolare è lui).
    'n3 (i )?(miei|nostri) (clienti|iscritti|abbonati)|una? (mia|mio|nostra|nostro) (cliente|iscritt[oa])|un iscritto ha|siamo (i )?titolar[ei] del trattamento|ho un negozio',
    'n3 portabilita del (mio )?numero|portare ~2 numero',
    // Diritto del consumatore e fatture: addebito contestato, disdetta, copia fattura.
    'n2 (contest|disconosc)* ~2 (addebito|pagamento|transazione|carta)|chargeback|riaccredito',
    'n2 disdett*|disdire ~2 (abbonamento|contratto|servizio)',
    'n2 (copia|duplicato) ~2 (fattura|fatture|ricevuta|scontrino)',
    'n3 (opposizione|oppongo|ricorso) ~2 (multa|sanzione|fattura|aumento|rincaro|verbale)|(pulsante|tasto|link|pagina) ~3 (errore|bug|non funziona)|segnal* ~2 bug',
    // Frasi senza la parola di legge: un file che un altro programma sappia leggere, una scheda da correggere.
    'p3 (formato|file) ~3 (elettronico|excel|csv|importabile|leggibile|standard|compatibile)|(passare|passo|cambiare|cambio) ~3 (a un.?altra|ad un.?altra|a un altro|ad un altro) ~2 (farmacia|banca|operatore|fornitore|app|servizio|gestore|compagnia)',
    'r3 (sistemat|corregget|correggere|corregga|aggiornat|aggiornare|modificat|rettificat)* ~6 (scheda|dato|dati|registrazione|anagrafica|database|sistema)|(registrat|scritt|indicat|risult)* ~4 (sbagliat|errat|in modo sbagliato)*',
    'e3 (cancelare|cancellatemi|cancellarmi|eliminatemi|eliminarmi|essere dimenticat\\w*)',
    "n3 (un|una) client[ei] ci (dice|ha detto|chiede|ha chiesto|scrive|ha scritto)|(il|la) (suo|sua) (cognome|nome|indirizzo) ~6 (fatture|programma|gestionale)",
    'o3 non voglio piu ~3 (sms|e-?mail|mail|messaggi|chiamate|telefonate|newsletter|offerte|pubblicita|volantini)',
    'w3 (togliete|togli|toglietemi|rimuovete|revoco|ritiro|ritirare|revocare) ~3 (il )?(mio )?consenso',
    // A nome di altri (genitori, eredi, avvocati) e su oggetti concreti: gli stessi diritti.
    'e3 (cancell|elimin|rimuov|distrugg)* ~ (suo|sua|suoi|sue|loro) ~2 ({data}|{acct})',
    'e2 (cancell|elimin|rimuov|distrugg)* ~ (cv|curriculum|candidatura|foto|registrazion\\w*|immagini|video|filmat\\w*)|(cv|curriculum|candidatura|foto|registrazion\\w*) ~8 (cancell|elimin|distrugg)*',
    'a3 (copia|ricevere|avere|vedere|accedere|inviare|mandare|mandarmi|inviarmi) ~ (registrazion\\w*|immagini|filmat\\w*|videosorveglianza|note|fascicolo|chat|conversazion\\w*)',
    // Tenere un account ancora in uso: non è una richiesta.
    'n2 (lo|la) uso ancora|(lo|la) sto ancora usando|continuo a usar(lo|la)',
  ],
};
