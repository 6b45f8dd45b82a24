import { describe, expect, it } from 'vitest';
import { DETECT_LANGUAGES } from '../../lib/model/common';
import { classify, DetectionResult } from '../../lib/detect';
import { classifyByRules, classifyWith, DOMINANCE_RANK, OUTRIGHT_LEAD, OVERRULE_MARGIN, REQUEST_MARGIN } from '../../lib/detect/classify';
import { shippedModel } from '../../lib/detect/model';
import { REQUEST_TYPES } from '../../lib/model/request';
import { loadCorpus } from './corpus';

function evidenceOf(text: string, signal?: string) {
  return classify(text).evidence.filter((e) => !signal || e.signal === signal);
}

describe('classify: the phrases the issue names', () => {
  it.each([
    ['Bitte um Löschung meiner Daten.', 'erasure', 'de', 'Löschung meiner Daten'],
    ['Chiedo la cancellazione dei miei dati.', 'erasure', 'it', 'cancellazione dei miei dati'],
    ['Graag inzage in mijn persoonsgegevens.', 'access', 'nl', 'inzage in mijn persoonsgegevens'],
    ["J'exerce mon droit à l'effacement.", 'erasure', 'fr', "droit à l'effacement"],
    ['Ejerzo mi derecho de supresión.', 'erasure', 'es', 'derecho de supresión'],
    ['Ich verlange Auskunft nach Art. 15 DSGVO.', 'access', 'de', 'Art. 15 DSGVO'],
    // The article cited with the regulation decides the type over a broad "all data about me".
    ['Hiermit fordere ich Sie gemäß Art. 17 DSGVO auf, sämtliche personenbezogenen Daten zu meiner Person zu löschen.', 'erasure', 'de', 'Art. 17 DSGVO'],
    ['Ik doe een beroep op mijn recht op vergetelheid.', 'erasure', 'nl', 'recht op vergetelheid'],
    ["Esercito il mio diritto all'oblio.", 'erasure', 'it', "diritto all'oblio"],
  ] as const)('%s → %s', (text, type, language, phrase) => {
    const result = classify(text);
    expect(result).toMatchObject({ isRequest: true, type, language });
    const hit = result.evidence.find((e) => e.phrase === phrase);
    expect(hit, JSON.stringify(result.evidence)).toBeDefined();
    expect(text.slice(hit!.start, hit!.end)).toBe(phrase);
  });

  it('names the regulation in every language as a legal reference', () => {
    for (const [text, name] of [
      ['Please delete my data under the GDPR.', 'GDPR'],
      ['Verwijder mijn gegevens conform de AVG.', 'AVG'],
      ['Löschen Sie meine Daten gemäß DSGVO.', 'DSGVO'],
      ['Supprimez mes données conformément au RGPD.', 'RGPD'],
      ['Borren mis datos según el RGPD.', 'RGPD'],
    ]) {
      expect(evidenceOf(text!, 'legal-reference').map((e) => e.phrase)).toContain(name);
    }
  });
});

describe('classify: look-alikes are not requests', () => {
  it.each([
    // housekeeping on things that are not the writer's personal data
    'Can you delete the duplicate ticket? I opened it twice.',
    'Please delete my previous message, it went to the wrong person.',
    'I uploaded the wrong attachment, please remove it from the ticket.',
    'How do I export last month’s reports as CSV?',
    'Please cancel my order 4411 and refund me.',
    'Können Sie das doppelte Ticket löschen?',
    'Kunnen jullie de bijlage verwijderen? Verkeerd bestand.',
    "Potete cancellare l'ordine 5521?",
    'Pouvez-vous supprimer la pièce jointe de mon message ?',
    '¿Pueden eliminar el pedido duplicado?',
    // questions about GDPR from a business customer
    'Are you GDPR compliant? Do you have a DPA?',
    'Where is the data hosted, in the EU?',
    'Ist Ihr Tool DSGVO-konform? Gibt es einen AVV?',
    'Zijn jullie AVG-compliant? Graag de verwerkersovereenkomst.',
    'Siete conformi al GDPR? Dove sono i server?',
    'Êtes-vous conformes au RGPD ?',
    '¿Cumplen con el RGPD? ¿Dónde están alojados los datos?',
    'One of our customers asked us to delete their data. How does that work in your tool?',
    // rights explained to the reader, not exercised by the writer
    'Thanks!\n\nThis e-mail is confidential. You have the right to request erasure of your personal data.',
    // log-in problems and consumer-law withdrawal
    "I can't access my account, the password reset link doesn't work.",
    'Hiermit widerrufe ich meinen Kaufvertrag über den Staubsauger.',
    'Ejerzo mi derecho de desistimiento sobre el pedido 3321.',
  ])('%s', (text) => {
    const result = classify(text);
    expect(result.isRequest, JSON.stringify(result.evidence)).toBe(false);
    expect(result.type).toBeUndefined();
    expect(result.confidence).toBeLessThan(0.5);
  });

  it('explains a look-alike with not-request evidence', () => {
    expect(evidenceOf('Can you delete the duplicate ticket?', 'not-request').map((e) => e.phrase)).toContain('duplicate ticket');
  });
});

describe('classify: type decisions documented in the module', () => {
  it('counts an unsubscribe from marketing as an objection (Art. 21(2)), in every language', () => {
    for (const text of [
      'Please unsubscribe me from your newsletter.',
      'Meld mij af voor de nieuwsbrief.',
      'Bitte melden Sie mich vom Newsletter ab.',
      'Vorrei disiscrivermi dalla newsletter.',
      'Merci de me désinscrire de la newsletter.',
      'Quiero darme de baja del boletín.',
    ]) {
      expect(classify(text), text).toMatchObject({ isRequest: true, type: 'objection' });
    }
  });

  it('names withdraw-consent when consent is named, even about marketing', () => {
    expect(classify('I withdraw my consent to your marketing emails.')).toMatchObject({ type: 'withdraw-consent' });
  });

  it('reads a negated erasure with a reason to keep the data as a restriction (Art. 18(1)(c))', () => {
    const text = "Please don't delete my data, I need it for a legal claim, but stop using it otherwise.";
    const result = classify(text);
    expect(result).toMatchObject({ isRequest: true, type: 'restriction' });
    expect(result.evidence.find((e) => e.signal === 'restriction' && e.phrase.startsWith('delete my data'))).toBeDefined();
  });

  it('does not count a negated erasure on its own as any request', () => {
    expect(classify("Please don't delete my account, I still use it.").isRequest).toBe(false);
  });

  it('prefers portability over access when a machine-readable format is asked for', () => {
    expect(classify('Send me a copy of my personal data in a machine-readable format.')).toMatchObject({ type: 'portability' });
  });

  it('treats closing an account as a contract matter, deleting it as erasure', () => {
    expect(classify('Please close my account at the end of the month.').isRequest).toBe(false);
    expect(classify('Please delete my account.')).toMatchObject({ isRequest: true, type: 'erasure' });
  });
});

describe('classify: evidence offsets', () => {
  it('points every phrase of every corpus message at the exact substring', () => {
    for (const language of DETECT_LANGUAGES) {
      for (const { id, text } of loadCorpus(language)) {
        for (const e of classify(text).evidence) {
          expect(text.slice(e.start, e.end), `${id} ${e.signal}`).toBe(e.phrase);
        }
      }
    }
  });

  it('reports the original spelling after case and diacritic folding', () => {
    const text = 'BITTE um LÖSCHUNG MEINER DATEN!';
    const e = evidenceOf(text, 'erasure')[0]!;
    expect(e).toMatchObject({ phrase: 'LÖSCHUNG MEINER DATEN', start: 9, end: 30 });
  });

  it('keeps combining marks of decomposed input inside the phrase', () => {
    const text = 'Bitte um Lo\u0308schung meiner Daten.'; // "ö" typed as o + U+0308
    const e = evidenceOf(text, 'erasure')[0]!;
    expect(e.phrase).toBe('Lo\u0308schung meiner Daten');
    expect(text.slice(e.start, e.end)).toBe(e.phrase);
  });

  it('counts offsets in UTF-16 code units past emoji and ß', () => {
    const text = '🙏🙏 Straße geändert. Please delete my personal data.';
    const e = evidenceOf(text, 'erasure')[0]!;
    expect(e.phrase).toBe('delete my personal data');
    expect(e.start).toBe(text.indexOf('delete'));
  });

  it('matches across typographic apostrophes and returns them as typed', () => {
    const text = 'J’exerce mon droit à l’effacement.';
    expect(evidenceOf(text, 'erasure').map((e) => e.phrase)).toContain('droit à l’effacement');
  });
});

describe('classify: behaviour', () => {
  it('ignores quoted lines of an e-mail reply', () => {
    const text = 'Thanks, that answers it.\n\n> Please delete all my personal data.\n> Regards';
    expect(classify(text).isRequest).toBe(false);
  });

  it('returns results that pass the DetectionResult schema', () => {
    for (const text of ['', 'GDPR', 'Please delete my data', 'Can you delete the duplicate ticket?']) {
      expect(() => DetectionResult.parse(classify(text))).not.toThrow();
    }
  });

  it('is deterministic', () => {
    const text = 'I object to the processing of my data for marketing. Please confirm.';
    expect(classify(text)).toEqual(classify(text));
  });

  it('uses a given language instead of detecting one', () => {
    expect(classify('Please delete my data', { language: 'de' }).language).toBe('de');
    // English cues still apply alongside the given language.
    expect(classify('Please delete my data', { language: 'de' }).isRequest).toBe(true);
  });

  it('classifies text too short to tell the language against every language', () => {
    const result = classify('Datenlöschung!');
    expect(result.language).toBeUndefined();
    expect(result).toMatchObject({ isRequest: true, type: 'erasure' });
  });

  it('handles an empty message', () => {
    const result = classify('');
    expect(result).toMatchObject({ isRequest: false, evidence: [] });
    expect(result.language).toBeUndefined();
    expect(result.confidence).toBeLessThan(0.05);
  });

  it('grows more confident with more evidence', () => {
    const plain = classify('Please delete my account.').confidence;
    const formal = classify('Under Art. 17 GDPR I hereby request that you delete my account and all my personal data.').confidence;
    expect(formal).toBeGreaterThan(plain);
    expect(plain).toBeGreaterThanOrEqual(0.5);
  });

  it('classifies a long message quickly', () => {
    const text = `${'Hello, some unrelated text about an order and a parcel. '.repeat(800)}Please delete my data.`;
    const start = performance.now();
    const result = classify(text);
    expect(result.type).toBe('erasure');
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('classify: sentence combination (my data + a right’s verb in one sentence, or the next)', () => {
  it.each([
    ['Please make sure nothing of my personal details is stored anywhere after today.', 'erasure'],
    ['My surname is misspelt in your letters. Could you fix it?', 'rectification'],
    ['Ich untersage Ihnen jede weitere Nutzung meiner Telefonnummer.', 'objection'],
    ['No autorizo que sigan usando mis datos.', 'objection'],
    ['Je voudrais savoir ce que vous avez comme informations sur moi.', 'access'],
    ['Non voglio più che i miei dati vengano conservati.', 'erasure'],
  ] as const)('%s → %s', (text, type) => {
    expect(classify(text)).toMatchObject({ isRequest: true, type });
  });

  it.each([
    'Please delete the attachment I sent with my last message, it has my details on it.',
    'I opened a duplicate ticket about my account, could you remove one?',
    'Löschen Sie bitte die doppelte Rechnung in meinem Konto.',
    'Pouvez-vous supprimer la pièce jointe de mon profil ?',
    '¿Pueden borrar el borrador del informe de mi cuenta?',
    'Do you have a DPA we can sign for our customers’ data?',
  ])('look-alike stays a non-request: %s', (text) => {
    expect(classify(text).isRequest).toBe(false);
  });

  it('reports the verb and the data reference as evidence, at their offsets', () => {
    const text = 'My surname is misspelt in your letters. Could you fix it?';
    const result = classify(text);
    for (const e of result.evidence) expect(text.slice(e.start, e.end)).toBe(e.phrase);
    expect(result.evidence.some((e) => e.signal === 'personal-data')).toBe(true);
  });
});

describe('classify: the learned scorer and its evidence', () => {
  it('ranks every request type in DOMINANCE exactly once', () => {
    const ranks = Object.values(DOMINANCE_RANK);
    expect(new Set(ranks).size).toBe(ranks.length);
    expect(Object.keys(DOMINANCE_RANK).sort()).toEqual([...REQUEST_TYPES].sort());
  });

  it('never shows formal wording ("hiermit", "gemäß") as evidence', () => {
    const result = classify('Hiermit fordere ich Sie gemäß Art. 17 DSGVO auf, sämtliche personenbezogenen Daten zu meiner Person zu löschen.');
    expect(result.isRequest).toBe(true);
    expect(result.evidence.map((e) => e.signal)).not.toContain('request-wording');
    expect(result.evidence.map((e) => e.phrase)).not.toContain('Hiermit');
  });

  it('reports the words that carry the request, at their offsets', () => {
    const text = 'Goedemiddag, graag wil ik dat u al mijn persoonsgegevens te verwijderen. Groet, Anne';
    const result = classify(text);
    expect(result).toMatchObject({ isRequest: true, type: 'erasure' });
    const erasure = result.evidence.filter((e) => e.signal === 'erasure');
    expect(erasure.some((e) => e.phrase.includes('persoonsgegevens') && e.phrase.includes('verwijderen')), JSON.stringify(erasure)).toBe(true);
    for (const e of result.evidence) expect(text.slice(e.start, e.end)).toBe(e.phrase);
  });

  it('ignores a legal footer that cites the GDPR and a quoted reply listing the rights', () => {
    const footer = 'Is the "Aurora" model also available in red?\nLaura\n\nThis e-mail is confidential and may contain personal data protected under the GDPR. You have the right to access and erase your data.';
    expect(classify(footer).isRequest).toBe(false);
    const quoted = 'Thanks, all sorted!\n\nOn Mon, 30 Nov 2026, Support wrote:\n> You may ask us to delete your personal data under Art. 17 GDPR.';
    expect(classify(quoted).isRequest).toBe(false);
  });

  it('lets a right asked for outright tip a short message, and leaves a longer one to the scorer', () => {
    const short = 'Ik doe een beroep op mijn recht op vergetelheid.';
    const model = shippedModel();
    expect(classifyWith(short, {}, model, REQUEST_MARGIN, OVERRULE_MARGIN, 0).isRequest).toBe(false);
    expect(classifyWith(short, {}, model, REQUEST_MARGIN, OVERRULE_MARGIN, OUTRIGHT_LEAD)).toMatchObject({ isRequest: true, type: 'erasure' });
    const long = `${short} Verder wil ik even laten weten dat de levering van vorige week keurig op tijd was en dat de bezorger heel vriendelijk was, dus daarvoor alvast hartelijk dank aan het hele team.`;
    expect(classifyWith(long, {}, model, REQUEST_MARGIN, OVERRULE_MARGIN, OUTRIGHT_LEAD)).toEqual(classifyWith(long, {}, model, REQUEST_MARGIN, OVERRULE_MARGIN, 0));
  });

  it('keeps its answer consistent with the rules-only classifier when no weights are given', () => {
    const text = 'Please delete my account and all my personal data.';
    expect(classifyWith(text, {}, undefined)).toEqual(classifyByRules(text));
  });
});
