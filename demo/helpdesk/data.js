// Demo tickets: a few customers writing in Dutch, German, Italian and English.
export const TICKETS = [
  {
    id: '1042', subject: 'Verzoek om inzage in mijn gegevens', requester: { name: 'Jan de Vries', email: 'jan.devries@example.nl' },
    received: '2026-11-20T08:14:00Z', status: 'open',
    messages: [
      { author: 'customer', text: 'Goedemorgen,\n\nOp grond van artikel 15 van de AVG wil ik graag inzage in alle persoonsgegevens die u over mij verwerkt, inclusief de doeleinden en de ontvangers.\n\nMet vriendelijke groet,\nJan de Vries' },
      { author: 'agent', text: 'Beste Jan, bedankt voor uw bericht. We hebben uw verzoek doorgestuurd naar onze functionaris gegevensbescherming.' },
    ],
  },
  {
    id: '1043', subject: 'Löschung meiner Daten', requester: { name: 'Sabine Müller', email: 'sabine.mueller@example.de' },
    received: '2026-11-21T15:40:00Z', status: 'open',
    messages: [
      { author: 'customer', text: 'Sehr geehrte Damen und Herren,\n\nhiermit fordere ich Sie gemäß Art. 17 DSGVO auf, sämtliche personenbezogenen Daten zu meiner Person unverzüglich zu löschen.\n\nMit freundlichen Grüßen\nSabine Müller' },
      { author: 'note', text: 'Kundin hat noch eine offene Rechnung – Buchhaltung fragen.' },
    ],
  },
  {
    id: '1044', subject: 'Fattura duplicata', requester: { name: 'Giulia Rossi', email: 'giulia.rossi@example.it' },
    received: '2026-11-22T09:05:00Z', status: 'open',
    messages: [
      { author: 'customer', text: 'Buongiorno, ho ricevuto due volte la stessa fattura di ottobre. Potete cancellare quella duplicata? Grazie, Giulia' },
    ],
  },
  {
    id: '1045', subject: 'Export of my account data', requester: { name: 'Emma Clarke', email: 'emma.clarke@example.co.uk' },
    received: '2026-11-22T11:30:00Z', status: 'open',
    messages: [
      { author: 'customer', text: 'Hi there,\n\nI am moving to another provider. Under Article 20 GDPR, please send me all the personal data I provided to you in a machine-readable format such as CSV or JSON.\n\nThanks,\nEmma' },
    ],
  },
  {
    id: '1046', subject: 'Correzione del mio indirizzo', requester: { name: 'Luca Bianchi', email: 'luca.bianchi@example.it' },
    received: '2026-11-22T12:10:00Z', status: 'open',
    messages: [
      { author: 'customer', text: 'Salve, il mio indirizzo nei vostri archivi è sbagliato: chiedo la rettifica dei miei dati personali. Il nuovo indirizzo è Via Roma 12, Città di Castello.' },
      { author: 'agent', text: 'Gentile Luca, provvediamo subito alla correzione.' },
    ],
  },
  {
    id: '1099', subject: 'Order question <script>window.__pwned = "subject"</script>', requester: { name: '<img src=x onerror="window.__pwned=\'name\'">Mallory', email: 'mallory@example.com' },
    received: '2026-11-22T13:00:00Z', status: 'open',
    messages: [
      { author: 'customer', text: 'Hello <b>bold</b> <a href="javascript:window.__pwned=1">click</a> <svg onload="window.__pwned=2"></svg> — where is my parcel?' },
    ],
  },
];
