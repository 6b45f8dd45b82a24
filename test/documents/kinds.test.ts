// Every kind renders in every language from its sample: each input value reaches the Markdown
// and the PDF (with its diacritics), page numbers are printed, and one PNG per document is kept
// under test-output/documents/ for a look.
import { beforeAll, describe, expect, it } from 'vitest';
import { UI_LANGUAGES, type UiLanguage } from '../../lib/model/common';
import type { DocumentKind } from '../../lib/model/document';
import { countryName, formatDate, formatShortDate } from '../../lib/documents/format';
import { loadNodeFonts } from '../../lib/documents/fonts-node';
import type { PdfFonts } from '../../lib/documents/layout';
import { DSAR_SAMPLES } from '../../lib/documents/kinds/dsar-response';
import { kindSpec } from '../../lib/documents/kinds';
import { TRANSFER_LABEL } from '../../lib/documents/kinds/subprocessors';
import { formatArticle } from '../../lib/documents/inputs/common-view';
import { labelOf } from '../../lib/register/vocabulary';
import { renderDocument, renderDocumentMarkdown } from '../../lib/documents/render';
import { pdfText, savePdfAndPng, squash, unescapeMarkdown } from './document-tools';

const OUT = 'test-output/documents';

interface Case {
  name: string;
  kind: DocumentKind;
  input: unknown;
  /** Paths (dotted, indices as numbers) of values the document does not print, with the reason. */
  notPrinted: RegExp[];
}

/** Values that steer wording rather than being printed: enums, ids, flags. */
const STRUCTURAL = [/(^|\.)id$/, /(^|\.)variant$/, /^request\.type$/, /(^|\.)role$/, /(^|\.)legalBasis$/, /\.condition$/, /(^|\.)sccModule$/, /(^|\.)language$/];

const CASES: Case[] = [
  {
    name: 'subprocessors',
    kind: 'subprocessors',
    input: kindSpec('subprocessors').sample(),
    // The list is for customers: no signatory, VAT or phone. Nordlys Analytics (index 3) was removed before the list date.
    notPrinted: [/^organisation\.(representative|vatNumber|dpo\.phone)/, /^list\.subprocessors\.3\./],
  },
  {
    name: 'register',
    kind: 'register',
    input: kindSpec('register').sample(),
    notPrinted: [/^organisation\.(representative|vatNumber|dpo\.phone)/],
  },
  ...Object.entries(DSAR_SAMPLES).map(([variant, make]) => ({
    name: `dsar-response-${variant}`,
    kind: 'dsar-response' as const,
    input: make(),
    // The recipient's e-mail is printed only when there is no postal address.
    notPrinted: [/^controller\.(vatNumber|dpo\.phone)/, /^recipient\.email$/],
  })),
];

type Expected = { path: string; anyOf: string[] };

/** Every leaf value of the input as the document should print it in `lang`. */
function expectedValues(input: unknown, lang: UiLanguage, skip: RegExp[]): Expected[] {
  const out: Expected[] = [];
  const walk = (value: unknown, path: string[]) => {
    const dotted = path.join('.');
    if ([...STRUCTURAL, ...skip].some((re) => re.test(dotted))) return;
    const key = [...path].reverse().find((p) => !/^\d+$/.test(p)) ?? '';
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, [...path, String(i)]));
    if (value && typeof value === 'object') return Object.entries(value).forEach(([k, v]) => walk(v, [...path, k]));
    if (typeof value === 'number') return out.push({ path: dotted, anyOf: [String(value)] });
    if (typeof value !== 'string') return;
    if (key === 'country' || key === 'locations') return out.push({ path: dotted, anyOf: [countryName(value, lang)] });
    if (key === 'transferMechanism' || key === 'safeguard') return out.push({ path: dotted, anyOf: [TRANSFER_LABEL[lang][value as 'scc']] });
    // The register stores vocabulary keys; the report prints their labels.
    const vocabulary = { purposes: 'purposes', dataSubjectCategories: 'dataSubjects', personalDataCategories: 'personalData', category: 'personalData' } as const;
    if (key in vocabulary) return out.push({ path: dotted, anyOf: [labelOf(vocabulary[key as keyof typeof vocabulary], value, lang)] });
    if (key === 'ground') return out.push({ path: dotted, anyOf: [formatArticle(value, lang)] });
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return out.push({ path: dotted, anyOf: [formatDate(value, lang), formatShortDate(value, lang)] });
    for (const line of value.split('\n')) if (line.trim()) out.push({ path: dotted, anyOf: [line.trim()] });
  };
  walk(input, []);
  return out;
}

function missingIn(text: string, expected: Expected[], normalise: (s: string) => string): string[] {
  const haystack = normalise(text);
  return expected.filter((e) => !e.anyOf.some((v) => haystack.includes(normalise(v)))).map((e) => `${e.path}: ${e.anyOf.join(' | ')}`);
}

const collapse = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ');
const PAGE: Record<UiLanguage, (p: number, n: number) => string> = {
  en: (p, n) => `Page ${p} of ${n}`,
  nl: (p, n) => `Pagina ${p} van ${n}`,
  de: (p, n) => `Seite ${p} von ${n}`,
  it: (p, n) => `Pagina ${p} di ${n}`,
};

let fonts: PdfFonts;
beforeAll(async () => {
  fonts = await loadNodeFonts();
});

describe.each(CASES)('$name', ({ name, kind, input, notPrinted }) => {
  it.each(UI_LANGUAGES)('prints every input value in %s (Markdown and PDF)', async (language) => {
    const expected = expectedValues(input, language, notPrinted);
    expect(expected.length).toBeGreaterThan(10);
    const doc = await renderDocument({ kind, language, input, fonts });
    expect(doc.markdown.startsWith('# ')).toBe(true);
    expect(missingIn(unescapeMarkdown(doc.markdown), expected, collapse)).toEqual([]);

    const text = pdfText(doc.bytes);
    expect(missingIn(text, expected, squash)).toEqual([]);
    for (let page = 1; page <= doc.pages; page++) expect(text).toContain(PAGE[language](page, doc.pages));
    savePdfAndPng(doc.bytes, `${OUT}/${name}.${language}`);
  });
});

describe('subprocessor-notice', () => {
  it.each(UI_LANGUAGES)('renders in %s with the changes and the deadline', async (language) => {
    const input = kindSpec('subprocessor-notice').sample();
    const doc = await renderDocument({ kind: 'subprocessor-notice', language, input, fonts });
    const text = pdfText(doc.bytes);
    for (const value of ['Brückner & Müller Software GmbH', 'Łódzka Drukarnia Sp. z o.o.', 'Zoë Coördinatie B.V.', 'Città Cloud S.r.l.', 'Nordlys Analytics AS', formatDate('2026-02-25', language), countryName('IE', language), '2025-2', '2026-1']) {
      expect(squash(text)).toContain(squash(value));
    }
    for (let page = 1; page <= doc.pages; page++) expect(text).toContain(PAGE[language](page, doc.pages));
    savePdfAndPng(doc.bytes, `${OUT}/subprocessor-notice.${language}`);
  });
});

describe('diacritics and idiom', () => {
  it('keeps Müller, Città and coördinatie intact in every language', async () => {
    for (const language of UI_LANGUAGES) {
      const { markdown } = await renderDocumentMarkdown({ kind: 'register', language, input: kindSpec('register').sample() });
      expect(markdown).toContain('Müller Reisen GmbH');
      expect(markdown).toContain('Città Servizi Digitali S.p.A.');
      expect(markdown).toContain('Sick-leave coördinatie');
    }
  });

  it('cites the regulation by its name in each language', async () => {
    const input = DSAR_SAMPLES.rejection();
    const cite = { en: 'Art. 17(3)(b) GDPR', nl: 'art. 17 lid 3 sub b AVG', de: 'Art. 17 Abs. 3 lit. b DSGVO', it: 'art. 17, par. 3, lett. b), GDPR' };
    for (const language of UI_LANGUAGES) {
      const { markdown } = await renderDocumentMarkdown({ kind: 'dsar-response', language, input });
      expect(unescapeMarkdown(markdown)).toContain(cite[language]);
    }
  });

  it('states the remedies of Art. 12(4) in a refusal', async () => {
    const { markdown } = await renderDocumentMarkdown({ kind: 'dsar-response', language: 'de', input: DSAR_SAMPLES.rejection() });
    expect(markdown).toContain('Art. 12 Abs. 4 DSGVO');
    expect(markdown).toContain('Art. 77 DSGVO');
    expect(markdown).toContain('Art. 79 DSGVO');
    expect(markdown).toContain('Autoriteit Persoonsgegevens');
  });

  it('gives the new deadline and the reasons in an extension notice', async () => {
    const { markdown } = await renderDocumentMarkdown({ kind: 'dsar-response', language: 'it', input: DSAR_SAMPLES.extension() });
    expect(markdown).toContain('art. 12, par. 3, GDPR');
    const read = markdown.replace(/\u00A0/g, ' '); // dates come with no-break spaces
    expect(read).toContain('entro **l’11 maggio 2026**');
    expect(read).toContain('entro il 10 marzo 2026');
    expect(markdown).toContain('archived offline');
  });

  it('scores the register’s completeness with lib/register’s check, and prints vocabulary labels', async () => {
    const { markdown } = await renderDocumentMarkdown({ kind: 'register', language: 'en', input: kindSpec('register').sample() });
    expect(markdown).toContain('| 1 | Customer support through the helpdesk | Controller | Art. 6(1)(b) GDPR – performance of a contract | Yes | — |');
    expect(markdown).toContain('| 2 | Sick-leave coördinatie with the occupational physician | Controller | Art. 6(1)(c) GDPR – compliance with a legal obligation | No | recipients and security measures |');
    expect(markdown).toContain('| 3 | Hosting of helpdesk data for customers | Processor | — | Yes | — |');
    expect(markdown).toContain('Missing: recipients and security measures.');
    expect(markdown).toContain('2 of them contain every item');
    expect(markdown).toContain('Health data (Art. 9) (Art. 9(2)(h) GDPR – health or social care)');
    expect(markdown).toContain('Standard contractual clauses (Art. 46(2)(c) GDPR), module 3');
    expect(markdown).toContain('| (b) Purposes | Customer service and support; Handling data-subject requests (Arts. 15–22) |');
    const { markdown: de } = await renderDocumentMarkdown({ kind: 'register', language: 'de', input: kindSpec('register').sample() });
    expect(de).toContain('| (c) Kategorien betroffener Personen | Kunden; Interessenten |');
    expect(de).toContain('Fehlende Angaben: Empfänger und Sicherheitsmaßnahmen.');
  });

  it('names a missing Art. 9(2) condition with the category in the document language', async () => {
    const input = kindSpec('register').sample() as { activities: { specialCategories: unknown[] }[] };
    input.activities[1]!.specialCategories = [];
    const { markdown } = await renderDocumentMarkdown({ kind: 'register', language: 'nl', input });
    expect(markdown).toContain('uitzonderingsgrond van art. 9 lid 2 AVG (Gezondheidsgegevens (art. 9))');
  });
});
