// Typography of generated documents, read back from the PDFs: names, company names, e-mail
// addresses and citations are never hyphenated or split; each value is hyphenated in the language
// it is written in; one date format per locale; seven-column tables keep header words and names
// whole and stay inside the page; letters put the address in the envelope window, greet per
// language and sign as letters; the change notice's title is whole and its dates consistent.
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { UI_LANGUAGES, type UiLanguage } from '../../lib/model/common';
import { loadNodeFonts } from '../../lib/documents/fonts-node';
import type { PdfFonts } from '../../lib/documents/layout';
import { FontBook } from '../../lib/documents/layout/fonts';
import { hyphenatorFor, type Hyphenator } from '../../lib/documents/layout/hyphenation';
import { breakLines, type BreakContext } from '../../lib/documents/layout/linebreak';
import { PAGE } from '../../lib/documents/layout/theme';
import { inLanguage, keepWhole } from '../../lib/documents/spans';
import { inlineRuns } from '../../lib/documents/layout/inline';
import { Lexer, type Tokens } from 'marked';
import { renderDocument, renderDocumentMarkdown } from '../../lib/documents/render';
import { kindSpec } from '../../lib/documents/kinds';
import { DSAR_SAMPLES } from '../../lib/documents/kinds/dsar-response';
import { SubprocessorNoticeInput } from '../../lib/documents/inputs/subprocessors';
import type { DocumentKind } from '../../lib/model/document';
import { rasterPage, savePdf, words } from './layout/pdf-tools';
import { pdfText, unescapeMarkdown } from './document-tools';

let fonts: PdfFonts;
let book: FontBook;
beforeAll(async () => {
  fonts = await loadNodeFonts();
  book = await FontBook.embed(await PDFDocument.create(), fonts);
});

const liveagent = () => JSON.parse(readFileSync('templates/dpa/samples/liveagent-nl.json', 'utf8')) as Record<string, any>;

const rendered = new Map<string, Promise<{ path: string; bytes: Uint8Array }>>();
/** Renders once per kind, input and language; the PDF is kept under test-output/layout/. */
function pdf(name: string, kind: DocumentKind, input: unknown, language: UiLanguage) {
  const key = `${name}.${language}`;
  if (!rendered.has(key)) {
    rendered.set(
      key,
      renderDocument({ kind, language, input, fonts }).then(({ bytes }) => ({ bytes, path: savePdf(`typography-${key}`, bytes) })),
    );
  }
  return rendered.get(key)!;
}

/** Words of names a reader must see whole: party, trade, people's and subprocessors' names. */
function nameWords(input: Record<string, any>): string[] {
  const names = [
    input.controller.legalName,
    input.processor.legalName,
    input.processor.tradeName,
    input.controller.representative.name,
    input.processor.representative.name,
    ...input.subprocessors.flatMap((s: any) => [s.name, s.legalEntity]),
  ].filter(Boolean) as string[];
  return [...new Set(names.flatMap((n) => n.match(/\p{L}{4,}/gu) ?? []))];
}

const DOCUMENTS = [
  ['the LiveAgent DPA', liveagent],
  ['the sample DPA', () => structuredClone(kindSpec('dpa').sample()) as Record<string, any>],
] as const;

describe('names, e-mail addresses and citations are never split', () => {
  for (const [name, load] of DOCUMENTS) {
    for (const lang of UI_LANGUAGES) {
      it(`${name}, ${lang}`, async () => {
        const input = load();
        const { bytes } = await pdf(name.replace(/\s+/g, '-'), 'dpa', input, lang);
        const lines = pdfText(bytes).split('\n').map((l) => l.trim());
        const names = nameWords(input);
        lines.forEach((line, i) => {
          const fragment = /(\p{L}+)-$/u.exec(line)?.[1];
          if (fragment) {
            const broken = names.filter((w) => w.startsWith(fragment) && w !== fragment);
            expect(broken, `"${line}" breaks a name`).toEqual([]);
          }
          // A citation's article sign stays with its number, and the regulation's name with the citation.
          expect(line, 'citation split after "art."').not.toMatch(/(?:^|[\s(’])(?:art\.|Art\.|artt\.|sub|lit\.|lett\.|lid|Abs\.|par\.)$/);
          // (An English compact citation "Art. 46(2)(c) GDPR" may break before the name in a narrow cell.)
          if (/^(?:AVG|GDPR|DSGVO)\b/.test(line)) expect(lines[i - 1] ?? '', 'regulation name parted from its citation').not.toMatch(/(?:^|\s)(?:\d{1,3}|[a-z]\)?),?$/);
        });
        const flat = pdfText(bytes).replace(/\s+/g, ' ');
        const emails = JSON.stringify(input).match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)!;
        for (const email of new Set(emails)) expect(flat, email).toContain(email);
      });
    }
  }
});

describe('each value is hyphenated in its own language', () => {
  const hyphenators = new Map<UiLanguage, Hyphenator>();
  beforeAll(async () => {
    for (const l of ['en', 'nl', 'de', 'it'] as const) hyphenators.set(l, await hyphenatorFor(l));
  });
  const ctx = (language: UiLanguage): BreakContext => ({ fonts: book, hyphenate: hyphenators.get(language)!, hyphenateIn: (l) => hyphenators.get(l)! });
  /** The runs a template line gives once it is lexed, as the engine sees them. */
  const runs = (markdown: string) => inlineRuns((new Lexer().lex(markdown)[0] as Tokens.Paragraph).tokens, 'regular', () => 1);
  const word = 'Verwerkingsverantwoordelijke';

  it('a Dutch value in an English document breaks where Dutch breaks it', () => {
    const width = 80;
    const asDutch = breakLines(runs(word), width, 10, ctx('nl')).map((l) => l.text);
    const asEnglish = breakLines(runs(word), width, 10, ctx('en')).map((l) => l.text);
    const marked = breakLines(runs(inLanguage(word, 'nl')), width, 10, ctx('en')).map((l) => l.text);
    expect(asEnglish).not.toEqual(asDutch);
    expect(marked).toEqual(asDutch);
  });

  it('a value kept whole is not hyphenated, only moved to the next line', () => {
    const lines = breakLines(runs(`Processed by ${keepWhole('Nordwolke Rechenzentren GmbH')} for us`), 95, 10, ctx('de')).map((l) => l.text);
    expect(lines.some((l) => /-$/.test(l))).toBe(false);
    expect(lines.join(' ')).toContain('Nordwolke Rechenzentren GmbH');
    expect(lines.join('')).not.toMatch(/[\uE000-\uE0FF]/);
  });

  it('a CamelCase name in free text is not hyphenated', () => {
    const lines = breakLines(runs('Alle gegevens in LiveAgent'), 60, 10, ctx('nl')).map((l) => l.text);
    expect(lines).toContain('LiveAgent');
  });
});

describe('one date format per locale, tables included', () => {
  const NUMERIC_DATE = /\b\d{1,2}[./-]\d{1,2}[./-]\d{4}\b/;
  const kinds: [string, DocumentKind, () => unknown][] = [
    ['liveagent', 'dpa', liveagent],
    ['subprocessors', 'subprocessors', () => kindSpec('subprocessors').sample()],
    ['notice', 'subprocessor-notice', () => kindSpec('subprocessor-notice').sample()],
  ];
  for (const [name, kind, load] of kinds) {
    it(`${name}: long dates only, in every language`, async () => {
      for (const lang of UI_LANGUAGES) {
        const { bytes } = await pdf(`dates-${name}`, kind, load(), lang);
        expect(pdfText(bytes), lang).not.toMatch(NUMERIC_DATE);
      }
    });
  }
});

/** Header words of the seven-column tables, which must print whole. */
const HEADER_WORDS: Record<UiLanguage, string[]> = {
  en: ['Legal', 'entity', 'Purpose', 'Personal', 'Location', 'Transfer', 'mechanism', 'Since'],
  nl: ['Rechtspersoon', 'Doel', 'Soorten', 'gegevens', 'Locatie', 'Grondslag', 'doorgifte', 'Sinds'],
  de: ['Rechtsträger', 'Zweck', 'Kategorien', 'Daten', 'Ort', 'Grundlage', 'Übermittlung', 'Seit'],
  it: ['Nome', 'Soggetto', 'giuridico', 'Finalità', 'personali', 'Luogo', 'Meccanismo', 'trasferimento'],
};

describe('seven-column tables stay readable', () => {
  for (const lang of UI_LANGUAGES) {
    it(`${lang}: Annex IV of the LiveAgent DPA has its header words and names whole and stays inside the page`, async () => {
      const input = liveagent();
      const { path } = await pdf('the-LiveAgent-DPA', 'dpa', input, lang);
      const all = words(path);
      const lastPage = Math.max(...all.map((w) => w.page));
      const annex = all.filter((w) => w.page === lastPage);
      const texts = annex.map((w) => w.text);
      for (const header of HEADER_WORDS[lang]) expect(texts, header).toContain(header);
      for (const name of ['Nordwolke', 'Rechenzentren', 'Skylane', 'Thames', 'Backup']) expect(texts.some((t) => t.startsWith(name)), name).toBe(true);
      expect(texts.filter((t) => /\p{L}-$/u.test(t) && nameWords(input).some((n) => n.startsWith(t.slice(0, -1)) && n !== t.slice(0, -1)))).toEqual([]);
      // Nothing is drawn to the right of the right margin (a table squeezed below its words' widths would be).
      const image = rasterPage(path, lastPage, 72);
      const limit = Math.ceil(((PAGE.width - PAGE.marginRight) / PAGE.width) * image.width) + 2;
      let ink = 0;
      for (let y = 0; y < image.height; y++) for (let x = limit; x < image.width; x++) if (image.pixels[y * image.width + x]! < 128) ink++;
      expect(ink).toBe(0);
    });
  }
});

const SALUTATION: Record<UiLanguage, string> = {
  en: 'Dear Ms Rossi,',
  nl: 'Geachte mevrouw Rossi,',
  de: 'Sehr geehrte Frau Rossi,',
  it: 'Gentile signora Rossi,',
};

describe('letters', () => {
  for (const lang of UI_LANGUAGES) {
    it(`${lang}: the salutation of the language, the address in the envelope window, a letter's signature`, async () => {
      const input = DSAR_SAMPLES.erasure() as Record<string, any>;
      input.recipient.form = 'ms';
      const md = unescapeMarkdown((await renderDocumentMarkdown({ kind: 'dsar-response', language: lang, input })).markdown);
      expect(md).toContain(SALUTATION[lang]);
      const { path, bytes } = await pdf('letter-erasure', 'dsar-response', input, lang);
      // The window of DL and C5/6 envelopes: 20–25 mm from the left, about 45–90 mm from the top.
      const mm = (pt: number) => (pt * 25.4) / 72;
      const first = words(path).find((w) => w.page === 1 && w.text === input.recipient.name.split(' ')[0]);
      expect(first).toBeDefined();
      expect(mm(first!.yMin)).toBeGreaterThanOrEqual(45);
      expect(mm(first!.yMax)).toBeLessThanOrEqual(90);
      expect(mm(first!.xMin)).toBeGreaterThanOrEqual(20);
      expect(mm(first!.xMin)).toBeLessThanOrEqual(30);
      const text = pdfText(bytes);
      expect(text).not.toMatch(/^(?:Handtekening|Signature|Unterschrift|Firma)$/m);
    });
  }
});

describe('the change notice', () => {
  const notice = () => structuredClone(kindSpec('subprocessor-notice').sample()) as Record<string, any>;

  for (const lang of UI_LANGUAGES) {
    it(`${lang}: the title is not hyphenated`, async () => {
      const { path } = await pdf('notice', 'subprocessor-notice', notice(), lang);
      const top = words(path).filter((w) => w.page === 1 && w.yMin < PAGE.marginTop + 60);
      expect(top.length).toBeGreaterThan(2);
      expect(top.filter((w) => /\p{L}-$/u.test(w.text))).toEqual([]);
    });
  }

  it('a removed subprocessor shows its end date even when the list does not give one', async () => {
    const input = notice();
    const removedId = input.previous.subprocessors.find((p: any) => !input.current.subprocessors.some((c: any) => c.name === p.name))?.id;
    input.current.subprocessors = input.current.subprocessors.filter((c: any) => c.id !== removedId);
    input.previous.subprocessors.forEach((p: any) => delete p.removedOn);
    const md = unescapeMarkdown((await renderDocumentMarkdown({ kind: 'subprocessor-notice', language: 'en', input })).markdown);
    const removed = md.slice(md.indexOf('## 3.'), md.indexOf('## 4.'));
    expect(removed).not.toContain('—');
    expect(removed).toMatch(/\| \d{1,2}[\s\u00a0]\w+ \d{4} \|/);
  });

  it('refuses an effective date that is not after the objection deadline, naming the field', () => {
    const input = notice();
    input.effectiveDate = '2026-02-25'; // notice 26 January + 30 days = 25 February
    const result = SubprocessorNoticeInput.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['effectiveDate']);
    expect(result.error!.issues[0]!.message).toContain('2026-02-25');
  });
});
