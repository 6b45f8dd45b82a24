// Line breaking and hyphenation, on the engine's own lines and in rendered documents.
import hyphenDe from 'hyphen/de';
import hyphenNl from 'hyphen/nl';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeFonts } from '../../../lib/documents/fonts-node';
import { renderMarkdownToPdf, type PdfFonts } from '../../../lib/documents/layout';
import { FontBook } from '../../../lib/documents/layout/fonts';
import { hyphenatorFor, type Hyphenator } from '../../../lib/documents/layout/hyphenation';
import type { DocumentLanguage } from '../../../lib/documents/layout/labels';
import { breakLines, HARD_BREAK, type BreakContext, type Run } from '../../../lib/documents/layout/linebreak';
import { pageTexts, savePdf } from './pdf-tools';
import { SAMPLE_META } from './sample-documents';
import { formatDate, formatShortDate } from '../../../lib/documents/format';

let fonts: PdfFonts;
let book: FontBook;
const hyphenators = {} as Record<DocumentLanguage, Hyphenator>;
beforeAll(async () => {
  fonts = await loadNodeFonts();
  book = await FontBook.embed(await PDFDocument.create(), fonts);
  for (const language of ['en', 'nl', 'de', 'it'] as const) hyphenators[language] = await hyphenatorFor(language);
});

const ctx = (language: DocumentLanguage): BreakContext => ({ fonts: book, hyphenate: hyphenators[language] });
const plain = (text: string): Run[] => [{ text, style: 'regular' }];
/** The text of the lines joined again: hyphens added at breaks removed. */
const rejoin = (lines: { text: string }[]) => lines.map((l) => l.text).reduce((acc, t) => (acc.endsWith('-') && !acc.endsWith(' -') ? acc.slice(0, -1) + t : `${acc} ${t}`));

/** Offsets at which `hyphen` itself would break the word. */
const points = (hyphenated: string) => {
  const out: number[] = [];
  let n = 0;
  for (const ch of hyphenated) if (ch === '\u00AD') out.push(n);
  else n++;
  return out;
};

describe('breakLines', () => {
  it('fills lines first-fit and keeps every word', () => {
    const text = 'The processor shall assist the controller by appropriate technical and organisational measures.';
    const lines = breakLines(plain(text), 150, 10, ctx('en'));
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(150.01);
    expect(rejoin(lines)).toBe(text);
  });

  it('hyphenates a German compound that does not fit, at a point the German patterns allow', () => {
    const compound = 'Datenschutzfolgenabschätzung';
    const lines = breakLines(plain(`Die ${compound} ist durchzuführen.`), 110, 10, ctx('de'));
    const broken = lines.find((l) => l.text.endsWith('-'));
    expect(broken, lines.map((l) => l.text).join(' | ')).toBeDefined();
    const head = broken!.text.split(' ').at(-1)!.slice(0, -1);
    expect(compound.startsWith(head)).toBe(true);
    expect(points(hyphenDe.hyphenateSync(compound))).toContain(head.length);
    expect(rejoin(lines)).toBe(`Die ${compound} ist durchzuführen.`);
  });

  it('hyphenates Dutch with the Dutch patterns', () => {
    const compound = 'gegevensbeschermingseffectbeoordeling';
    const lines = breakLines(plain(compound), 120, 10, ctx('nl'));
    expect(lines.length).toBeGreaterThan(1);
    let offset = 0;
    const allowed = points(hyphenNl.hyphenateSync(compound));
    for (const line of lines.slice(0, -1)) {
      expect(line.text.endsWith('-')).toBe(true);
      offset += line.text.length - 1;
      expect(allowed).toContain(offset);
    }
    expect(rejoin(lines)).toBe(compound);
  });

  it('does not hyphenate words that fit', () => {
    const lines = breakLines(plain('Short words only here, and a few more of them to fill two lines.'), 200, 10, ctx('en'));
    expect(lines.length).toBe(2);
    expect(lines.some((l) => l.text.endsWith('-'))).toBe(false);
  });

  it('breaks after a hyphen already in the word without adding one', () => {
    const lines = breakLines(plain('Auftragsverarbeitungs-Rahmenvereinbarung'), 130, 10, ctx('de'));
    expect(lines.map((l) => l.text)).toEqual(['Auftragsverarbeitungs-', 'Rahmenvereinbarung']);
  });

  it('breaks an unbreakable string wider than the line between characters', () => {
    const iban = 'NL91ABNA0417164300NL91ABNA0417164300';
    const lines = breakLines(plain(iban), 100, 10, ctx('en'));
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(100.01);
    expect(lines.map((l) => l.text).join('')).toBe(iban);
  });

  it('breaks addresses after their punctuation and never hyphenates them', () => {
    const url = 'https://privacy.example.com/requests/2026/attachments/statement.pdf';
    const lines = breakLines(plain(url), 100, 10, ctx('en'));
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.map((l) => l.text).join('')).toBe(url);
    for (const line of lines.slice(0, -1)) expect(line.text).toMatch(/[/.]$/);
  });

  it('keeps styles apart within a word and honours hard breaks', () => {
    const runs: Run[] = [
      { text: 'The ', style: 'regular' },
      { text: 'Processor', style: 'bold' },
      { text: "'s duty", style: 'regular' },
      { text: HARD_BREAK, style: 'regular' },
      { text: 'next line', style: 'italic' },
    ];
    const lines = breakLines(runs, 400, 10, ctx('en'));
    expect(lines.map((l) => l.text)).toEqual(["The Processor's duty", 'next line']);
    expect(lines[0]!.segments.map((s) => s.style)).toEqual(['regular', 'bold', 'regular']);
    expect(lines[1]!.segments.map((s) => s.style)).toEqual(['italic']);
  });

  it('leaves an empty line for each hard break after the first', () => {
    const br: Run = { text: HARD_BREAK, style: 'regular' };
    const lines = breakLines([...plain('Dear Ms Rossi,'), br, br, ...plain('We have erased your data.'), br, br, br, ...plain('Kind regards')], 400, 10, ctx('en'));
    expect(lines.map((l) => l.text)).toEqual(['Dear Ms Rossi,', '', 'We have erased your data.', '', '', 'Kind regards']);
  });

  it('prints a replacement for characters the font lacks instead of an invisible glyph', () => {
    const lines = breakLines(plain('Emoji \u{1F600} here'), 400, 10, ctx('en'));
    // The glyph ids: the PDF string's bytes, unescaped, two per glyph; glyph 0 is .notdef.
    const bytes = lines[0]!.segments[0]!.codes.replace(/\\([nr()\\])/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
    const glyphs = Array.from({ length: bytes.length / 2 }, (_, i) => bytes.charCodeAt(2 * i) * 256 + bytes.charCodeAt(2 * i + 1));
    expect(glyphs).toHaveLength([...'Emoji \u{1F600} here'].length);
    expect(glyphs).not.toContain(0);
  });
});

describe('what never breaks', () => {
  const widths = Array.from({ length: 90 }, (_, i) => 60 + i * 3);
  const texts = (text: string, language: DocumentLanguage, size = 10) => widths.map((w) => breakLines(plain(text), w, size, ctx(language)).map((l) => l.text));

  it('keeps a date whole: formatDate joins day, month and year with no-break spaces', () => {
    const date = formatDate('2026-03-15', 'de');
    expect(date).toBe('15.\u00A0März\u00A02026');
    const dateWidth = book.get('regular').width('15. März 2026') * 10;
    for (const [i, lines] of texts(`Die Frist zur Beantwortung Ihres Antrags endet am ${date} um Mitternacht.`, 'de').entries()) {
      // Printed with an ordinary space; the date is on one line, whole, wherever it fits on a line.
      if (widths[i]! >= dateWidth) expect(lines.join('\n')).toContain('15. März 2026');
    }
  });

  it('prints a date with no-break spaces as "15. März 2026" in the PDF, on one line', async () => {
    const date = formatDate('2026-03-15', 'de');
    const text = Array.from({ length: 30 }, (_, i) => `Frist ${i + 1} endet am ${date}.`).join(' ');
    const result = await renderMarkdownToPdf(`# Fristen\n\n${text}\n`, { ...SAMPLE_META, language: 'de' }, fonts);
    const page = pageTexts(savePdf('dates-de', result.bytes), false)[0]!.replace(/\u00A0/g, ' ');
    expect(page.match(/15\. März 2026/g)).toHaveLength(30);
    expect(page).not.toContain('?');
  });

  it('keeps a short date with hyphens whole (no break after a hyphen between digits)', () => {
    const date = formatShortDate('2024-05-15', 'nl');
    expect(date).toBe('15-05-2024');
    const dateWidth = book.get('regular').width(date) * 10;
    for (const [i, lines] of texts(`Toegevoegd op ${date} aan de lijst van subverwerkers.`, 'nl').entries()) {
      if (widths[i]! >= dateWidth) expect(lines.join('\n')).toContain(date);
    }
  });

  it('keeps a number with its unit and an article with its number', () => {
    for (const lines of texts('The processor notifies the controller within 72 hours under Art. 33 GDPR and pays € 1.250 per year.', 'en')) {
      const all = lines.join('\n');
      for (const phrase of ['72 hours', 'Art. 33', '€ 1.250']) expect(all).toContain(phrase);
    }
  });

  it('keeps an e-mail address whole unless it alone is wider than the line', () => {
    const address = 'privacy@zoe-coordinatie.example';
    const addressWidth = book.get('regular').width(address) * 10;
    for (const [i, lines] of texts(`If you have any questions, please contact us at ${address} or by post.`, 'en').entries()) {
      if (widths[i]! >= addressWidth) expect(lines.some((l) => l.includes(address)), lines.join(' | ')).toBe(true);
    }
    // Wider than the line: broken after a dot or a hyphen, never hyphenated.
    const narrow = breakLines(plain(address), addressWidth / 2, 10, ctx('en')).map((l) => l.text);
    expect(narrow.length).toBeGreaterThan(1);
    expect(narrow.join('')).toBe(address);
  });

  it('adds no hyphen at an apostrophe', () => {
    const cases = [
      ["The Controller's and the Processor’s obligations under the Subprocessor's agreement.", 'en'],
      ["Zie l'informazione e l'interessato in dell'Autorità d'accordo.", 'nl'],
      ["Siehe l'informazione, d'accordo und dell'interessato.", 'de'],
    ] as const;
    for (const lines of cases.flatMap(([text, language]) => texts(text, language))) {
      lines.forEach((line, i) => {
        if (line.endsWith('-')) expect(`${line}${lines[i + 1]}`).not.toMatch(/['’]-|-['’]/);
      });
    }
  });

  it('breaks Dutch and German compounds at their joint, and never leaves fewer than four letters after a hyphen', () => {
    let atJoint = 0;
    for (const [language, word, joint] of [
      ['nl', 'verwerkingsverantwoordelijke', 'verwerkings-'],
      ['de', 'Verarbeitungstätigkeiten', 'Verarbeitungs-'],
    ] as const) {
      for (const lines of texts(`De ${word}, ${word} en ${word}.`, language)) {
        lines.forEach((line, i) => {
          if (!/\p{L}-$/u.test(line)) return;
          const next = /^\p{L}+/u.exec(lines[i + 1] ?? '')?.[0] ?? '';
          expect(next.length, `${line} | ${lines[i + 1]}`).toBeGreaterThanOrEqual(4);
          if (line.endsWith(joint)) atJoint++;
        });
      }
    }
    expect(atJoint).toBeGreaterThan(10);
  });
});

describe('hyphenation in a rendered German document', () => {
  it('breaks long compounds with a visible hyphen at valid points', async () => {
    const compounds = ['Auftragsverarbeitungsvertrag', 'Datenschutzfolgenabschätzung', 'Verarbeitungstätigkeitenverzeichnis', 'Rechenschaftspflicht', 'Aufsichtsbehörde'];
    const text = Array.from({ length: 12 }, (_, i) => `Der ${compounds[i % 5]} und die ${compounds[(i + 2) % 5]} sind zu prüfen.`).join(' ');
    const result = await renderMarkdownToPdf(`# Vertrag\n\n${text}\n\n| Begriff | Erläuterung |\n|---|---|\n${compounds.map((c) => `| ${c} | ${'Eine längere Erläuterung des Begriffs mit mehreren Wörtern. '.repeat(3)}|`).join('\n')}\n`, { ...SAMPLE_META, language: 'de' }, fonts);
    // -layout: without it pdftotext joins hyphenated words itself.
    const page = pageTexts(savePdf('hyphenation-de', result.bytes))[0]!;
    const lines = page.split('\n').map((l) => l.trim());
    let hyphenated = 0;
    lines.forEach((line, i) => {
      const m = /(\p{L}+)-$/u.exec(line);
      if (!m) return;
      const rest = /^\p{L}+/u.exec((lines[i + 1] ?? '').replace(/^\S+\s{2,}/, ''))?.[0] ?? '';
      const word = m[1]! + rest;
      const compound = compounds.find((c) => c === word);
      if (!compound) return;
      hyphenated++;
      expect(points(hyphenDe.hyphenateSync(compound))).toContain(m[1]!.length);
    });
    expect(hyphenated).toBeGreaterThan(0);
    expect(page).toContain('Seite 1 von 1');
  });
});
