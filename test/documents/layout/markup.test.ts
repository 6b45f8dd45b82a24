// Each row of MARKUP.md, and the markup the engine refuses (with the line it is on).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeFonts } from '../../../lib/documents/fonts-node';
import { MarkupError, renderMarkdownToPdf, type PdfFonts, type PdfMeta } from '../../../lib/documents/layout';
import { CLAUSE_HANG, PAGE } from '../../../lib/documents/layout/theme';
import { pdfText } from '../document-tools';
import { pageTexts, savePdf, words, type Word } from './pdf-tools';
import { SAMPLE_META, sampleDocument } from './sample-documents';

let fonts: PdfFonts;
beforeAll(async () => {
  fonts = await loadNodeFonts();
});

async function render(name: string, markdown: string, meta: Partial<PdfMeta> = {}) {
  const result = await renderMarkdownToPdf(markdown, { ...SAMPLE_META, ...meta }, fonts);
  return { ...result, path: savePdf(name, result.bytes) };
}

/** The first word on `page` whose text is `text`. */
function word(all: Word[], text: string, page?: number): Word {
  const found = all.find((w) => w.text === text && (page === undefined || w.page === page));
  if (!found) throw new Error(`no word ${JSON.stringify(text)} in ${all.map((w) => w.text).join(' ')}`);
  return found;
}

describe('unsupported markup', () => {
  const cases: [string, string, number, RegExp][] = [
    ['an HTML block', '# Title\n\nText.\n\n<div>boxed</div>\n', 5, /raw HTML/],
    ['an HTML comment that is not a directive', 'Text.\n\n<!-- note to self -->\n', 3, /pagebreak.*signatures/],
    ['inline HTML', 'First paragraph.\n\nSome <b>bold</b> text.\n', 3, /inline HTML "<b>"/],
    ['an image', 'Text.\n\nLogo: ![logo](logo.png)\n', 3, /images/],
    ['a fenced code block', 'Text.\n\n```\ncode\n```\n', 3, /code blocks/],
    ['a second title', '# One\n\nText.\n\n# Two\n', 5, /only once/],
    ['a title that is not first', 'Text.\n\n# Late title\n', 3, /only once/],
    ['signatures without a table', 'Text.\n\n<!-- signatures -->\n\nJust text.\n', 3, /followed by a table/],
    ['a signatures table with three columns', '<!-- signatures -->\n| Party | Name | Title |\n|---|---|---|\n| A | B | C |\n', 2, /four columns/],
    ['strikethrough', 'Text.\n\nThis is ~~gone~~.\n', 3, /strikethrough/],
    ['a task list', 'Text:\n\n- [ ] todo\n', 3, /task list/],
  ];
  for (const [what, markdown, line, message] of cases) {
    it(`rejects ${what}, naming line ${line}`, async () => {
      const error = await renderMarkdownToPdf(markdown, SAMPLE_META, fonts).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MarkupError);
      expect((error as MarkupError).line).toBe(line);
      expect((error as MarkupError).message).toMatch(new RegExp(`line ${line}\\b`));
      expect((error as MarkupError).message).toMatch(message);
    });
  }

  it('accepts the two directives and escaped markup characters', async () => {
    const { path } = await render('escapes', 'A\\*B \\| C \\<b\\> \\# \\_x\\_ \\` and 3\\. things\n\n<!-- pagebreak -->\n\nNext page.\n');
    const pages = pageTexts(path);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('A*B | C <b> # _x_ ` and 3. things');
    expect(pages[1]).toContain('Next page.');
  });
});

describe('typography', () => {
  let all: Word[];
  let path: string;
  beforeAll(async () => {
    ({ path } = await render('sample-words', sampleDocument()));
    all = words(path);
  });

  it('centres the title at the top of the first page, large', () => {
    const title = word(all, 'Processing', 1);
    expect(title.yMax - title.yMin).toBeGreaterThan(15); // ~17 pt type against 10 pt body
    const left = word(all, 'Data', 1).xMin;
    const right = word(all, 'Agreement', 1).xMax;
    expect(Math.abs((left + right) / 2 - PAGE.width / 2)).toBeLessThan(1);
    expect(title.yMin).toBeGreaterThanOrEqual(PAGE.marginTop - 1);
  });

  it('hangs numbered clauses: the number at the margin, all lines of text at the hang', () => {
    const number = word(all, '1.1');
    expect(number.xMin).toBeCloseTo(PAGE.marginLeft, 0);
    const first = all.find((w) => w.text === 'This' && Math.abs(w.yMin - number.yMin) < 1)!;
    expect(first.xMin).toBeCloseTo(PAGE.marginLeft + CLAUSE_HANG, 0);
    // The clause's second line ("half of the Controller …") starts at the hang, not the margin.
    const next = all.filter((w) => w.page === number.page && w.yMin > number.yMin + 5 && w.yMin < number.yMin + 20);
    expect(Math.min(...next.map((w) => w.xMin))).toBeCloseTo(PAGE.marginLeft + CLAUSE_HANG, 0);
    // 1.2.1 hangs one level deeper: its number sits in the text column of 1.2.
    expect(word(all, '1.2.1').xMin).toBeCloseTo(PAGE.marginLeft + CLAUSE_HANG, 0);
  });

  it('labels list items with (a)/(iv) instead of bullets and indents nested lists', () => {
    const a = word(all, '(a)');
    const iv = word(all, '(iv)');
    expect(iv.xMin).toBeCloseTo(a.xMin, 0);
    const labelled = all.find((w) => w.text === 'personal' && Math.abs(w.yMin - a.yMin) < 1)!;
    const fourth = all.find((w) => w.text === 'sub-processor:' && Math.abs(w.yMin - iv.yMin) < 1)!;
    expect(labelled.xMin).toBeCloseTo(fourth.xMin, 0); // one text column for the whole list
    const bullet = word(all, '•');
    const dash = word(all, '–');
    expect(dash.xMin).toBeGreaterThan(bullet.xMin + 8);
  });

  it('shades notices and tables, and draws signature blocks side by side', () => {
    const pages = pageTexts(path);
    const signatures = pages[pages.length - 1]!;
    expect(signatures).toMatch(/Müller & Città B\.V\. \(Controller\)\s+Łódź Analytics sp\. z o\.o\. \(Processor\)/);
    expect(signatures).toMatch(/Name\s+Anna Müller\s+Name\s+Jan Kowalski/);
    expect(signatures).toMatch(/Title\s+Managing Director\s+Title\s+Prezes Zarządu/);
    expect(signatures).toMatch(/Place\s+Amsterdam\s+Place\s+Łódź/);
    expect(signatures).toMatch(/Date\s+Date/);
    expect(signatures).toMatch(/Signature\s+Signature/);
  });

  it('starts a new page at <!-- pagebreak -->', () => {
    const pages = pageTexts(path);
    expect(pages[pages.length - 1]).toMatch(/^\s*Data Processing Agreement\s+4\.\s+Signatures/);
  });
});

describe('reading order', () => {
  it('writes clause numbers and list labels before their text, so pdftotext -raw reads them in order', async () => {
    const markdown = '## 3. Obligations\n\n3.1 The processor shall act only on documented instructions of the controller.\n\n- (a) the nature of the processing;\n- (b) the purpose of the processing.\n\n1. First step\n2. Second step\n';
    const { bytes } = await render('reading-order', markdown);
    const raw = pdfText(bytes).replace(/\s+/g, ' ');
    expect(raw).toContain('3. Obligations 3.1 The processor shall act');
    expect(raw).toContain('(a) the nature of the processing; (b) the purpose');
    expect(raw).toContain('1. First step 2. Second step');
  });
});

describe('hard line breaks', () => {
  it('breaks the line at a trailing backslash or two spaces, and leaves an empty line for each further break', async () => {
    const { path } = await render('hard-breaks', 'Alpha one\\\nBravo two  \n\\\nCharlie three\\\n\\\n\\\nDelta four\n');
    const all = words(path);
    const top = (text: string) => word(all, text).yMin;
    const line = top('Bravo') - top('Alpha');
    expect(line).toBeGreaterThan(10);
    expect(top('Charlie') - top('Bravo')).toBeCloseTo(2 * line, 0);
    expect(top('Delta') - top('Charlie')).toBeCloseTo(3 * line, 0);
  });
});

describe('document languages', () => {
  const signatures = '<!-- signatures -->\n| Party | Name | Title | Place |\n|---|---|---|---|\n| A | B | C | D |\n| E | F | G | H |\n| I | J | K | L |\n';
  const expected = {
    en: ['Page 1 of 1', 'Signature', 'Name', 'Title', 'Place', 'Date'],
    nl: ['Pagina 1 van 1', 'Handtekening', 'Naam', 'Functie', 'Plaats', 'Datum'],
    de: ['Seite 1 von 1', 'Unterschrift', 'Name', 'Funktion', 'Ort', 'Datum'],
    it: ['Pagina 1 di 1', 'Firma', 'Nome', 'Qualifica', 'Luogo', 'Data'],
  } as const;
  for (const [language, labels] of Object.entries(expected) as [keyof typeof expected, readonly string[]][]) {
    it(`prints the footer and signature labels in ${language}`, async () => {
      const { path, pages } = await render(`signatures-${language}`, `# Test\n\n${signatures}`, { language });
      expect(pages).toBe(1);
      const text = pageTexts(path)[0]!;
      for (const label of labels) expect(text).toContain(label);
      // Three parties: two side by side, the third below.
      expect(text).toMatch(/\bA\s+E\b/);
      expect(text).toMatch(/\n\s*I\s*\n/);
    });
  }

  it('never splits a signature block across pages', async () => {
    // Move the blocks down the page line by line until they meet the page end.
    let pushedOver = 0;
    for (let lines = 38; lines <= 46; lines += 2) {
      const filler = Array.from({ length: lines }, (_, i) => `Filler line ${i + 1}.`).join('  \n');
      const { path } = await render(`signatures-at-page-end-${lines}`, `${filler}\n\n${signatures}`);
      const all = words(path);
      const pageOf = (text: string) => all.find((w) => w.text === text)!.page;
      expect(all.filter((w) => w.text === 'Date')).toHaveLength(3);
      // Each party's date line is on the same page as its label, in the same column.
      for (const party of ['A', 'E', 'I']) {
        const label = all.find((w) => w.text === party)!;
        const date = all.find((w) => w.text === 'Date' && w.page === label.page && w.yMin > label.yMin && Math.abs(w.xMin - label.xMin) < 1);
        expect(date, `party ${party} with ${lines} lines above`).toBeDefined();
      }
      if (pageOf('I') > pageOf('Filler')) pushedOver++;
    }
    expect(pushedOver).toBeGreaterThan(0); // the sweep did reach the page end
  });
});

describe('tables', () => {
  it('sizes columns so that dates and numbers are never broken, even in a crowded table', async () => {
    const header = '| Unterauftragsverarbeiter | Rechtsträger | Zweck der Verarbeitung | Personenbezogene Daten | Ort | Übermittlungsmechanismus | Seit |';
    const row = (i: number) =>
      `| Nordwolke Rechenzentren ${i} | Nordwolke Rechenzentren GmbH | Hosting der Helpdesk-Plattform und Datensicherung | Kontaktdaten, Ticketinhalte, Gesprächsaufzeichnungen | Deutschland | Standardvertragsklauseln (Art. 46 Abs. 2 lit. c DSGVO) | ${String(i).padStart(2, '0')}.03.2025 |`;
    const markdown = `${header}\n|---|---|---|---|---|---|---|\n${Array.from({ length: 12 }, (_, i) => row(i + 1)).join('\n')}\n`;
    const { path } = await render('crowded-table', markdown, { language: 'de' });
    const text = pageTexts(path).join('\n');
    for (let i = 1; i <= 12; i++) expect(text).toContain(`${String(i).padStart(2, '0')}.03.2025`);
    // Every word is inside the body width.
    for (const w of words(path)) expect(w.xMax).toBeLessThanOrEqual(PAGE.width - PAGE.marginRight + 1);
  });

  it('gives narrow columns their short words whole: no "Nr / ." and no hyphen in words under nine letters', async () => {
    const header = '| Nr. | Subverwerker | Doel | Locatie | Categorieën | Waarborg | Maatregelen |';
    // Every column holds a long compound, so not all widest words fit and short ones used to be hyphenated.
    const row = (i: number) =>
      `| ${i} | Verwerkingsverantwoordelijke Gegevensbeschermingsautoriteit | Printing | Nederland | Klantenservicemedewerkersopleiding Persoonsgegevenscategorieën | Standaardcontractbepalingen Doorgiftemechanisme | Beveiligingsmaatregelen Informatiebeveiligingsbeleid |`;
    const markdown = `${header}\n|---|---|---|---|---|---|---|\n${Array.from({ length: 8 }, (_, i) => row(i + 1)).join('\n')}\n`;
    const { path } = await render('narrow-columns', markdown, { language: 'nl' });
    const lines = pageTexts(path).join('\n');
    const all = words(path);
    expect(all.some((w) => w.text === 'Nr.')).toBe(true);
    // A hyphenated fragment at the end of a cell line belongs to a word of at least nine letters.
    const source = markdown.match(/\p{L}+/gu)!;
    const hyphenated = all.filter((w) => /\p{L}-$/u.test(w.text)).map((w) => /\p{L}+(?=-$)/u.exec(w.text)![0]);
    expect(hyphenated.length).toBeGreaterThan(0);
    for (const fragment of hyphenated) {
      for (const word of source.filter((x) => x.startsWith(fragment) && x !== fragment)) expect(word.length, `${fragment}- of ${word}`).toBeGreaterThanOrEqual(9);
    }
    for (const word of ['Printing', 'Locatie', 'Nr.']) expect(lines).toContain(word);
  });
});
