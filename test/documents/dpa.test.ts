// The Data Processing Agreement: every Art. 28(3)(a)–(h) obligation has its clause in every
// language, every input value reaches the Markdown and the PDF, the annexes are there, a long
// Annex IV table breaks across pages with its header repeated, and bad input never yields a PDF.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { UI_LANGUAGES, type UiLanguage } from '../../lib/model/common';
import { ValidationError } from '../../lib/model/errors';
import { DpaInput } from '../../lib/documents/inputs/dpa';
import { dpaKind } from '../../lib/documents/kinds/dpa';
import { kindSpec } from '../../lib/documents/kinds';
import { renderDocument, renderDocumentMarkdown } from '../../lib/documents/render';
import { loadNodeFonts } from '../../lib/documents/fonts-node';
import type { PdfFonts } from '../../lib/documents/layout';

const OUT = 'test-output/dpa';
type Letter = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h';
const LETTERS: Letter[] = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

/** How each language cites Art. 28(3)(x) in the clause headings. */
const REF: Record<UiLanguage, (letter: Letter) => string> = {
  en: (l) => `Art. 28(3)(${l}) GDPR`,
  nl: (l) => `artikel 28 lid 3 sub ${l} AVG`,
  de: (l) => `Art. 28 Abs. 3 Satz 2 lit. ${l} DSGVO`,
  it: (l) => `art. 28, par. 3, lett. ${l}), GDPR`,
};

/** The words that say what each obligation is, in each language (matched case-insensitively). */
const KEY_TERMS: Record<UiLanguage, Record<Letter, string[]>> = {
  en: {
    a: ['documented instructions', 'third country'],
    b: ['confidentiality', 'authorised to process'],
    c: ['Article 32 GDPR', 'Annex III'],
    d: ['general written authorisation', 'subprocessor', 'object', 'same data protection obligations', 'fully liable'],
    e: ['data subjects', 'Chapter III'],
    f: ['Articles 32 to 36 GDPR', 'impact assessment', 'prior consultation'],
    g: ['deletes', 'returns', 'existing copies'],
    h: ['audits, including inspections', 'all information necessary'],
  },
  nl: {
    a: ['schriftelijke instructies', 'derde land'],
    b: ['geheimhouding', 'gemachtigd'],
    c: ['artikel 32 AVG', 'Bijlage III'],
    d: ['algemene schriftelijke toestemming', 'subverwerker', 'bezwaar', 'dezelfde verplichtingen', 'volledig aansprakelijk'],
    e: ['betrokkenen', 'hoofdstuk III'],
    f: ['artikelen 32 tot en met 36 AVG', 'gegevensbeschermingseffectbeoordeling', 'voorafgaande raadpleging'],
    g: ['wist', 'terug', 'kopieën'],
    h: ['audits, waaronder inspecties', 'alle informatie'],
  },
  de: {
    a: ['dokumentierte Weisung', 'Drittland'],
    b: ['Vertraulichkeit', 'befugten Personen'],
    c: ['Art. 32 DSGVO', 'Anhang III'],
    d: ['allgemeine schriftliche Genehmigung', 'Unterauftragsverarbeiter', 'Einspruch', 'dieselben Datenschutzpflichten', 'haftet'],
    e: ['betroffenen Personen', 'Kapitel III'],
    f: ['Art. 32 bis 36 DSGVO', 'Datenschutz-Folgenabschätzung', 'vorherigen Konsultation'],
    g: ['löscht', 'zurück', 'Kopien'],
    h: ['Überprüfungen – einschließlich Inspektionen', 'alle erforderlichen Informationen'],
  },
  it: {
    a: ['istruzione documentata', 'paese terzo'],
    b: ['riservatezza', 'persone autorizzate'],
    c: ['art. 32 GDPR', 'Allegato III'],
    d: ['autorizzazione scritta generale', 'sub-responsabil', 'opporsi', 'stessi obblighi', 'intera responsabilità'],
    e: ['interessati', 'capo III'],
    f: ['artt. da 32 a 36 GDPR', 'valutazione d’impatto', 'consultazione preventiva'],
    g: ['cancella', 'restituisce', 'copie esistenti'],
    h: ['attività di revisione, comprese le ispezioni', 'tutte le informazioni necessarie'],
  },
};

const ANNEXES: Record<UiLanguage, string[]> = {
  en: ['Annex I — List of parties', 'Annex II — Description of the processing', 'Annex III — Technical and organisational measures', 'Annex IV — Subprocessors'],
  nl: ['Bijlage I — Lijst van partijen', 'Bijlage II — Beschrijving van de verwerking', 'Bijlage III — Technische en organisatorische maatregelen', 'Bijlage IV — Subverwerkers'],
  de: ['Anhang I — Liste der Parteien', 'Anhang II — Beschreibung der Verarbeitung', 'Anhang III — Technische und organisatorische Maßnahmen', 'Anhang IV — Unterauftragsverarbeiter'],
  it: ['Allegato I — Elenco delle parti', 'Allegato II — Descrizione del trattamento', 'Allegato III — Misure tecniche e organizzative', 'Allegato IV — Sub-responsabili del trattamento'],
};

/** Words around the configured numbers, so "36" is found as the breach period and not as Art. 36. */
const PERIODS: Record<UiLanguage, { breach: string; subNotice: string; audit: string; end: string }> = {
  en: { breach: 'within 36 hours', subNotice: 'at least 30 days before', audit: 'at least 21 days in advance', end: 'within 60 days' },
  nl: { breach: 'binnen 36 uur', subNotice: 'ten minste 30 dagen', audit: 'ten minste 21 dagen van tevoren', end: 'binnen 60 dagen' },
  de: { breach: 'innerhalb von 36 Stunden', subNotice: 'mindestens 30 Tage vor', audit: 'mindestens 21 Tage im Voraus', end: 'innerhalb von 60 Tagen' },
  it: { breach: 'entro 36 ore', subNotice: 'almeno 30 giorni prima', audit: 'almeno 21 giorni', end: 'entro 60 giorni' },
};

const NOTICE: Record<UiLanguage, string> = {
  en: 'to be reviewed by counsel',
  nl: 'laten toetsen door een jurist',
  de: 'anwaltlich prüfen lassen',
  it: 'revisione di un legale',
};

/** Markdown with the runtime's escapes and the layout's span marks removed and no-break spaces as spaces: what a reader sees. */
const unescape = (markdown: string) => markdown.replace(/\\([\\`*_[\]#|<>+~&!.)=-])/g, '$1').replace(/[\u00a0\u202f]/g, ' ').replace(/[\uE000-\uE0FF]/g, '');
/** Text compared without white space and hyphens: the PDF wraps and hyphenates freely. */
const squash = (text: string) => text.replace(/[\s\u00ad\u2010\u2011-]+/g, '').toLowerCase();

/** `## 5. Title` sections of the Markdown, heading line first. */
function clauses(markdown: string): string[] {
  return unescape(markdown).split(/^## /m).slice(1);
}

function clauseFor(markdown: string, lang: UiLanguage, letter: Letter): string {
  const found = clauses(markdown).filter((c) => c.split('\n', 1)[0]!.includes(REF[lang](letter)));
  expect(found, `${lang}: one clause headed with ${REF[lang](letter)}`).toHaveLength(1);
  expect(found[0], 'the clause is numbered').toMatch(/^\d+\. /);
  return found[0]!;
}

function sample(): DpaInput {
  return dpaKind.sample();
}

/** Every value of the sample a reader must find in the document. */
function sampleValues(input: DpaInput): string[] {
  const party = (p: DpaInput['controller']) => [
    p.legalName,
    p.address.street,
    p.address.city,
    p.registrationNumber!,
    p.vatNumber!,
    p.email,
    p.dpo!.name,
    p.dpo!.email,
    p.representative.name,
    p.representative.title,
    p.placeOfSigning!,
  ];
  return [
    input.reference,
    ...party(input.controller),
    ...party(input.processor),
    input.mainAgreement.title,
    input.mainAgreement.reference!,
    input.governingLaw.court,
    input.processing.nature,
    input.processing.purpose!,
    ...input.processing.dataTypes,
    ...input.processing.dataSubjects,
    ...input.processing.specialCategories,
    input.processing.specialCategorySafeguards!,
    input.processing.retention,
    input.transfers.details!,
    ...input.activities.flatMap((a) => [a.name, ...a.purposes, ...a.recipients, a.retention]),
    ...input.measures.map((m) => m.measure),
    ...input.subprocessors.flatMap((s) => [s.name, s.legalEntity, s.purpose]),
  ];
}

/**
 * The PDF's text twice: in reading order (prose, with clause numbers in their own column) and in
 * drawing order (`-raw`: a wrapped table cell reads as one piece instead of interleaved with its
 * neighbours). A value is present if either reading has it.
 */
function pdfText(path: string, first?: number, last?: number): string {
  const range = first ? ['-f', String(first), '-l', String(last ?? first)] : [];
  const read = (mode: string[]) => execFileSync('pdftotext', [...mode, ...range, path, '-'], { encoding: 'utf8' });
  return `${read([])}\n\f\n${read(['-raw'])}`;
}

function pdfPages(path: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
}

describe('DPA input', () => {
  it('accepts the sample, with diacritics intact', () => {
    const input = sample();
    expect(input.controller.legalName).toBe('Müller & Söhne GmbH');
    expect(input.processor.legalName).toBe('Helpdesk Coördinatie B.V.');
    expect(input.activities).toHaveLength(3);
    expect(input.measures.length).toBeGreaterThanOrEqual(6);
    expect(input.subprocessors).toHaveLength(8);
    expect(new Set(input.subprocessors.flatMap((s) => s.locations))).toEqual(new Set(['DE', 'NL', 'IT', 'US', 'IE', 'CH', 'DK', 'NO']));
  });

  it('defaults the breach period to 24 hours and the audit notice to 30 days', () => {
    const raw = structuredClone(sample()) as Record<string, unknown>;
    delete raw.breachNotificationHours;
    delete raw.auditNoticeDays;
    const parsed = DpaInput.parse(raw);
    expect(parsed.breachNotificationHours).toBe(24);
    expect(parsed.auditNoticeDays).toBe(30);
  });

  const invalid: [string, (raw: any) => void, string][] = [
    ['controller.legalName missing', (r) => delete r.controller.legalName, 'controller.legalName'],
    ['processor city empty', (r) => (r.processor.address.city = '  '), 'processor.address.city'],
    ['general authorisation without notice period', (r) => delete r.subprocessorAuthorisation.noticeDays, 'subprocessorAuthorisation.noticeDays'],
    ['breach period above 48 hours', (r) => (r.breachNotificationHours = 49), 'breachNotificationHours'],
    ['breach period of 72 hours (the controller\'s whole Art. 33 window)', (r) => (r.breachNotificationHours = 72), 'breachNotificationHours'],
    ['breach period of 0 hours', (r) => (r.breachNotificationHours = 0), 'breachNotificationHours'],
    ['breach period in fractions', (r) => (r.breachNotificationHours = 12.5), 'breachNotificationHours'],
    ['capped liability without a cap', (r) => (r.liability = { variant: 'capped' }), 'liability.cap'],
    ['fixed term ending before the effective date', (r) => (r.term = { type: 'fixed', endDate: '2026-01-01' }), 'term.endDate'],
    ['SCCs without a module', (r) => delete r.transfers.sccModule, 'transfers.sccModule'],
    ['US subprocessor without a transfer mechanism', (r) => (r.subprocessors[3].transferMechanism = 'none-needed'), 'subprocessors.3.transferMechanism'],
    ['no transfer mechanism although subprocessors are outside the EEA', (r) => (r.transfers = { mechanism: 'none-needed' }), 'transfers.mechanism'],
    ['measure of area "other" without a label', (r) => (r.measures[0].area = 'other'), 'measures.0.label'],
    ['no activities for Annex II', (r) => (r.activities = []), 'activities'],
    ['no measures for Annex III', (r) => (r.measures = []), 'measures'],
    ['subprocessor location not a country code', (r) => (r.subprocessors[0].locations = ['Germany']), 'subprocessors.0.locations.0'],
    ['audit notice of 0 days', (r) => (r.auditNoticeDays = 0), 'auditNoticeDays'],
  ];
  it.each(invalid)('rejects %s, naming the field', async (_what, mutate, field) => {
    const raw = structuredClone(sample());
    mutate(raw);
    const error = await renderDocumentMarkdown({ kind: 'dpa', language: 'en', input: raw }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toContain(field);
    expect((error as ValidationError).message).toContain(field);
  });
});

describe('DPA Markdown', () => {
  const rendered = new Map<UiLanguage, string>();
  beforeAll(async () => {
    for (const language of UI_LANGUAGES) {
      rendered.set(language, (await renderDocumentMarkdown({ kind: 'dpa', language, input: sample() })).markdown);
    }
  });

  it('is registered as the kind "dpa"', () => {
    expect(kindSpec('dpa')).toBe(dpaKind);
  });

  describe.each(UI_LANGUAGES)('%s', (lang) => {
    const md = () => rendered.get(lang)!;

    it.each(LETTERS)('has a clause for Art. 28(3)(%s) that states the obligation', (letter) => {
      const clause = clauseFor(md(), lang, letter).toLowerCase();
      for (const term of KEY_TERMS[lang][letter]) expect(clause, `${lang} (${letter}): "${term}"`).toContain(term.toLowerCase());
    });

    it('puts the configured periods in the clauses that use them', () => {
      const p = PERIODS[lang];
      expect(clauseFor(md(), lang, 'd')).toContain(p.subNotice);
      expect(clauseFor(md(), lang, 'g')).toContain(p.end);
      expect(clauseFor(md(), lang, 'h')).toContain(p.audit);
      const breach = clauses(md()).find((c) => /^13\. /.test(c))!;
      expect(breach).toContain(p.breach);
      // Art. 33(3): the four items of a notification.
      for (const item of ['(a)', '(b)', '(c)', '(d)']) expect(breach).toContain(`- ${item} `);
    });

    it('numbers the clauses 1 to 18 in order', () => {
      const numbers = clauses(md())
        .map((c) => /^(\d+)\. /.exec(c)?.[1])
        .filter(Boolean)
        .map(Number);
      expect(numbers).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    });

    it('carries the review notice and a single title', () => {
      const text = unescape(md());
      expect(text.match(/^# /gm)).toHaveLength(1);
      expect(text).toMatch(new RegExp(`^> .*${NOTICE[lang]}`, 'm'));
    });

    it('contains every input value', () => {
      const text = unescape(md());
      for (const value of sampleValues(sample())) expect(text, value).toContain(value);
    });

    it('has Annexes I–IV after a page break that follows the signature table', () => {
      const text = md();
      const signatures = text.indexOf('<!-- signatures -->');
      expect(signatures).toBeGreaterThan(0);
      expect(text.slice(signatures).split('\n')[2]).toMatch(/^\| .+ \| .+ \| .+ \| .+ \|$/);
      let at = text.indexOf('<!-- pagebreak -->', signatures);
      expect(at).toBeGreaterThan(signatures);
      for (const heading of ANNEXES[lang]) {
        const next = text.indexOf(`## ${heading}`);
        expect(next, heading).toBeGreaterThan(at);
        at = next;
      }
    });

    it('lists every subprocessor in the Annex IV table with country names', () => {
      const annex = unescape(md().slice(md().indexOf(`## ${ANNEXES[lang][3]}`)));
      const rows = annex.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('|---'));
      expect(rows).toHaveLength(1 + 8);
      for (const sub of sample().subprocessors) expect(rows.some((r) => r.startsWith(`| ${sub.name} | ${sub.legalEntity} |`)), sub.name).toBe(true);
      const countries = { en: 'United States', nl: 'Verenigde Staten', de: 'Vereinigte Staaten', it: 'Stati Uniti' }[lang];
      expect(annex).toContain(countries);
    });
  });

  it('localises labels, law and dates', () => {
    const md = (l: UiLanguage) => unescape(rendered.get(l)!);
    expect(md('en')).toContain('governed by the law of Germany');
    expect(md('nl')).toContain('is het recht van Duitsland van toepassing');
    expect(md('de')).toContain('unterliegt dem in Deutschland geltenden Recht');
    expect(md('it')).toContain('disciplinato dal diritto vigente in Germania');
    expect(md('en')).toContain('15 March 2026');
    expect(md('nl')).toContain('15 maart 2026');
    expect(md('de')).toContain('15. März 2026');
    expect(md('it')).toContain('15 marzo 2026');
    expect(md('en')).toContain('Drawn up:** Utrecht, 2 March 2026');
    expect(md('nl')).toContain('Opgesteld:** Utrecht, 2 maart 2026');
    expect(md('de')).toContain('Erstellt:** Utrecht, 2. März 2026');
    expect(md('it')).toContain('Redatto a:** Utrecht, 2 marzo 2026');
    expect(md('en')).toContain('Performance of a contract (Art. 6(1)(b) GDPR)');
    expect(md('nl')).toContain('Uitvoering van een overeenkomst (art. 6 lid 1 sub b AVG)');
    expect(md('de')).toContain('Vertragserfüllung (Art. 6 Abs. 1 lit. b DSGVO)');
    expect(md('it')).toContain('Esecuzione di un contratto (art. 6, par. 1, lett. b), GDPR)');
    expect(md('de')).toContain('Standardvertragsklauseln (Art. 46 Abs. 2 lit. c DSGVO), Modul 3');
    expect(md('en')).toContain('€250,000');
    expect(md('de')).toContain('250.000 €');
    expect(md('nl')).toContain('Toegangsbeveiliging');
    expect(md('it')).toContain('Cifratura');
  });

  it('titles the document per language', () => {
    const input = sample();
    expect(dpaKind.meta(input, 'en').title).toBe('Data Processing Agreement — Müller & Söhne GmbH / Helpdesk Coördinatie B.V.');
    expect(dpaKind.meta(input, 'nl').title).toMatch(/^Verwerkersovereenkomst — /);
    expect(dpaKind.meta(input, 'de').title).toMatch(/^Auftragsverarbeitungsvertrag — /);
    expect(dpaKind.meta(input, 'it').title).toMatch(/^Accordo sul trattamento dei dati personali — /);
    expect(dpaKind.meta(input, 'en').date).toBe(input.date);
  });
});

describe('DPA variants', () => {
  /** Every wording branch, so none of them can reference a field the view lacks. */
  const variants: [string, (r: any) => void, Record<UiLanguage, string>][] = [
    [
      'specific authorisation with a request period',
      (r) => (r.subprocessorAuthorisation = { type: 'specific', noticeDays: 14 }),
      { en: 'prior specific written authorisation', nl: 'specifieke schriftelijke toestemming', de: 'gesonderte schriftliche Genehmigung', it: 'autorizzazione scritta specifica' },
    ],
    [
      'specific authorisation without a request period',
      (r) => (r.subprocessorAuthorisation = { type: 'specific' }),
      { en: 'submits a written request to the Controller,', nl: 'dient hij een schriftelijk verzoek in', de: 'richtet er einen schriftlichen Antrag', it: 'una richiesta scritta, indicando' },
    ],
    ['deletion', (r) => (r.endOfProcessing = { action: 'delete', days: 14 }), { en: 'has chosen deletion', nl: 'gekozen voor wissing', de: 'für die Löschung entschieden', it: 'scelto la cancellazione' }],
    ['return', (r) => (r.endOfProcessing = { action: 'return', days: 14 }), { en: 'has chosen return', nl: 'gekozen voor terugbezorging', de: 'für die Rückgabe entschieden', it: 'scelto la restituzione' }],
    [
      'liability as in the main agreement',
      (r) => (r.liability = { variant: 'main-agreement' }),
      { en: 'agreed in the Main Agreement', nl: 'in de Hoofdovereenkomst zijn overeengekomen', de: 'im Hauptvertrag vereinbarten', it: 'convenute nel Contratto principale' },
    ],
    ['fixed term', (r) => (r.term = { type: 'fixed', endDate: '2028-12-31' }), { en: 'until 31 December 2028', nl: 'tot en met 31 december 2028', de: 'mit Ablauf des 31. Dezember 2028', it: 'fino al 31 dicembre 2028 incluso' }],
    [
      'indefinite term',
      (r) => (r.term = { type: 'indefinite', terminationNoticeDays: 90 }),
      { en: 'notice period of 90 days', nl: 'opzegtermijn van 90 dagen', de: 'Frist von 90 Tagen', it: 'preavviso di 90 giorni' },
    ],
    [
      'processing only in the EEA, no subprocessors, no DPOs',
      (r) => {
        r.transfers = { mechanism: 'none-needed' };
        r.subprocessors = [];
        delete r.controller.dpo;
        delete r.processor.dpo;
        delete r.controller.registrationNumber;
        delete r.mainAgreement.date;
        r.processing.frequency = 'one-off';
      },
      { en: 'not authorised any transfer', nl: 'geen toestemming gegeven voor doorgifte', de: 'keine Übermittlung in ein Drittland genehmigt', it: 'non ha autorizzato alcun trasferimento' },
    ],
  ];

  it.each(variants)('%s renders in every language', async (_name, mutate, expected) => {
    const raw = structuredClone(sample());
    mutate(raw);
    for (const language of UI_LANGUAGES) {
      const { markdown } = await renderDocumentMarkdown({ kind: 'dpa', language, input: raw });
      expect(unescape(markdown), language).toContain(expected[language]);
      for (const letter of LETTERS) clauseFor(markdown, language, letter);
    }
  });
});

describe('DPA PDF', () => {
  let fonts: PdfFonts;
  beforeAll(async () => {
    fonts = await loadNodeFonts();
    mkdirSync(OUT, { recursive: true });
  });

  it.each(UI_LANGUAGES)('%s: the PDF holds every Art. 28(3) clause, every value and the annexes', async (language) => {
    const doc = await renderDocument({ kind: 'dpa', language, input: sample(), fonts });
    const path = `${OUT}/dpa-${language}.pdf`;
    writeFileSync(path, doc.bytes);
    writeFileSync(`${OUT}/dpa-${language}.md`, doc.markdown);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '3', path, `${OUT}/dpa-${language}`]);

    expect(doc.pages).toBe(pdfPages(path));
    const text = squash(pdfText(path));
    for (const letter of LETTERS) expect(text, REF[language](letter)).toContain(squash(REF[language](letter)));
    for (const value of sampleValues(sample())) expect(text, value).toContain(squash(value));
    for (const heading of ANNEXES[language]) expect(text, heading).toContain(squash(heading));
    expect(text).toContain(squash(PERIODS[language].breach));
    expect(text).toContain(squash(NOTICE[language]));

    // Same input, same bytes: the logged output hash must be reproducible.
    const again = await renderDocument({ kind: 'dpa', language, input: sample(), fonts });
    expect(again.outputSha256).toBe(doc.outputSha256);
  });

  it('refuses a missing controller.legalName without producing a PDF', async () => {
    const raw = structuredClone(sample()) as any;
    delete raw.controller.legalName;
    const result = await renderDocument({ kind: 'dpa', language: 'de', input: raw, fonts }).then(
      (doc) => ({ doc }),
      (error: unknown) => ({ error }),
    );
    expect('doc' in result).toBe(false);
    expect((result as { error: unknown }).error).toBeInstanceOf(ValidationError);
    expect(((result as { error: ValidationError }).error).fields).toEqual(['controller.legalName']);
  });

  it('lays out 500 subprocessors in Annex IV across pages, repeating the table header', async () => {
    const input = structuredClone(sample());
    const countries = ['DE', 'NL', 'IT', 'FR', 'IE', 'US', 'CH', 'GB'];
    input.subprocessors = Array.from({ length: 500 }, (_, i) => {
      const n = String(i + 1).padStart(3, '0');
      const country = countries[i % countries.length]!;
      return {
        id: `sp-${n}`,
        name: `Sü${n}`,
        legalEntity: `Dienstleister ${n} GmbH`,
        purpose: i % 3 ? 'Hosting of ticket attachments' : 'Telephone support overflow and call recording',
        dataCategories: ['Contact data', 'Ticket content'],
        locations: [country],
        transferMechanism: country === 'US' ? 'scc' : country === 'CH' || country === 'GB' ? 'adequacy' : 'none-needed',
        addedOn: '2025-06-01',
      } as (typeof input.subprocessors)[number];
    });
    const doc = await renderDocument({ kind: 'dpa', language: 'en', input, fonts });
    const path = `${OUT}/dpa-en-500.pdf`;
    writeFileSync(path, doc.bytes);

    const pages = Array.from({ length: doc.pages }, (_, i) => pdfText(path, i + 1));
    const start = pages.findIndex((p) => p.includes('Annex IV — Subprocessors'));
    expect(start).toBeGreaterThan(0);
    const tablePages = pages.slice(start);
    expect(tablePages.length).toBeGreaterThan(5);
    for (const [i, page] of tablePages.entries()) {
      // The header row opens the table on every page it continues on.
      expect(page, `page ${start + i + 1}`).toContain('Legal entity');
      expect(page, `page ${start + i + 1}`).toContain('Transfer');
    }
    const all = squash(tablePages.join('\n'));
    for (const sub of input.subprocessors) expect(all, sub.name).toContain(squash(sub.name));
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', String(start + 2), '-l', String(start + 2), path, `${OUT}/dpa-en-500`]);
  }, 120_000); // 74 pages read back and rasterised: seconds on an idle machine, far longer on a loaded one
});
