// Page breaking: keeps (headings, orphans, widows, table headers) and tables taller than a page.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeFonts } from '../../../lib/documents/fonts-node';
import { renderMarkdownToPdf, type PdfFonts } from '../../../lib/documents/layout';
import { paginate, type FlowItem } from '../../../lib/documents/layout/flow';
import { PAGE } from '../../../lib/documents/layout/theme';
import { pageTexts, savePdf, words, type Word } from './pdf-tools';
import { SAMPLE_META } from './sample-documents';

let fonts: PdfFonts;
beforeAll(async () => {
  fonts = await loadNodeFonts();
});

const item = (height: number, options: Partial<FlowItem> = {}): FlowItem => ({ height, spaceBefore: 0, keepWithNext: false, draw: () => {}, ...options });

describe('paginate', () => {
  it('moves a heading that would end a page to the next page, with what follows it', () => {
    const filler = Array.from({ length: 9 }, () => item(10));
    const heading = item(10, { keepWithNext: true });
    const pages = paginate([...filler, heading, item(10)], 100);
    expect(pages.map((p) => p.length)).toEqual([9, 2]);
    expect(pages[1]![0]!.item).toBe(heading);
  });

  it('drops the space above an item at the top of a page', () => {
    const pages = paginate([item(60), item(30, { spaceBefore: 20 })], 100);
    expect(pages).toHaveLength(2);
    expect(pages[1]![0]!.y).toBe(0);
  });

  it('breaks a chain of kept items that is taller than a page instead of looping or overflowing', () => {
    const chain = Array.from({ length: 15 }, () => item(10, { keepWithNext: true }));
    const pages = paginate(chain, 100);
    expect(pages.flat().map((p) => p.item)).toEqual(chain);
    expect(pages).toHaveLength(2);
    for (const page of pages) for (const p of page) expect(p.y + p.item.height).toBeLessThanOrEqual(100);
  });

  it('repeats a table header at the top of each page the table continues on', () => {
    const header = item(12, { keepWithNext: true });
    const rows = Array.from({ length: 20 }, () => item(10, { repeat: header }));
    const pages = paginate([header, ...rows], 100);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(page[0]!.item).toBe(header);
  });

  it('honours page breaks but never makes an empty page', () => {
    const pages = paginate([item(10, { breakBefore: true }), item(10, { breakBefore: true }), item(10)], 100);
    expect(pages.map((p) => p.length)).toEqual([1, 2]);
  });
});

/** Lines of body text per page, top to bottom, from word boxes (header and footer left out). */
function bodyLines(all: Word[], page: number): string[] {
  const body = all.filter((w) => w.page === page && w.yMin >= PAGE.marginTop - 2 && w.yMax <= PAGE.height - PAGE.marginBottom + 2);
  const lines = new Map<number, Word[]>();
  for (const w of body) {
    const key = Math.round(w.yMax);
    const line = lines.get(key) ?? lines.get(key - 1) ?? lines.get(key + 1);
    if (line) line.push(w);
    else lines.set(key, [w]);
  }
  return [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, ws]) => ws.sort((a, b) => a.xMin - b.xMin).map((w) => w.text).join(' '));
}

describe('keeps in rendered documents', () => {
  it('never leaves a heading as the last line of a page', async () => {
    // Headings after paragraphs of 1 to 7 lines land everywhere on the page, so some of them would
    // fall on the last line if nothing kept them with their text.
    const sentence = 'The processor keeps records of all categories of processing activities carried out on behalf of the controller.';
    const blocks = Array.from({ length: 60 }, (_, i) => `## ${i + 1}. Heading number ${i + 1}\n\n${Array.from({ length: (i * 5) % 7 }, () => sentence).join(' ')} End.`);
    const result = await renderMarkdownToPdf(`# Keeps\n\n${blocks.join('\n\n')}\n`, SAMPLE_META, fonts);
    const all = words(savePdf('keeps', result.bytes));
    let movedWithRoomLeft = 0;
    for (let page = 1; page <= result.pages; page++) {
      const lines = bodyLines(all, page);
      expect(lines.at(-1), `last line of page ${page}`).not.toMatch(/Heading number/);
      if (page > 1 && /Heading number/.test(lines[0] ?? '')) {
        const previousBottom = Math.max(...all.filter((w) => w.page === page - 1 && w.yMax < PAGE.height - PAGE.marginBottom).map((w) => w.yMax));
        if (PAGE.height - PAGE.marginBottom - previousBottom > 30) movedWithRoomLeft++;
      }
    }
    expect(result.pages).toBeGreaterThan(5);
    // At least once a heading would have fitted at the bottom and was moved on with its text.
    expect(movedWithRoomLeft).toBeGreaterThan(0);
  });

  it('does not leave the last line of a paragraph alone at the top of a page', async () => {
    const sentence = 'Each party shall notify the other party without undue delay of any personal data breach it becomes aware of.';
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1}: ${Array.from({ length: 1 + (i % 4) }, () => sentence).join(' ')}`);
    const result = await renderMarkdownToPdf(paragraphs.join('\n\n'), SAMPLE_META, fonts);
    const path = savePdf('widows', result.bytes);
    const all = words(path);
    for (let page = 2; page <= result.pages; page++) {
      const lines = bodyLines(all, page);
      // A page starting mid-paragraph starts with at least two of its lines.
      if (!/^Paragraph \d+:/.test(lines[0]!)) expect(lines[1], `page ${page}`).not.toMatch(/^Paragraph \d+:/);
    }
  });
});

describe('closing and signatures', () => {
  const signatures = '<!-- signatures -->\n| Party | Name | Title | Place |\n|---|---|---|---|\n| Zoë B.V. | Maarten de Vries | Director | Amsterdam |\n';

  it('keeps the paragraph before a signature block on the page of the signature, wherever the page breaks', async () => {
    const sentence = 'we have examined your request.';
    let moved = 0;
    // Letters from 30 to 50 lines: the closing lands on every line near the bottom of page 1.
    for (let n = 30; n <= 50; n += 2) {
      const body = Array.from({ length: n }, (_, i) => `Line ${i + 1}: ${sentence}`).join('\\\n');
      const result = await renderMarkdownToPdf(`${body}\n\nKind regards,\n\n${signatures}`, SAMPLE_META, fonts);
      const all = words(savePdf(`closing-${n}`, result.bytes));
      const closing = all.find((w) => w.text === 'Kind')!;
      const signature = all.find((w) => w.text === 'Signature')!;
      expect(closing.page, `${n} lines`).toBe(signature.page);
      if (closing.page === 2) moved++;
      // Never a page more than the content needs: page 2 only when page 1 is full.
      expect(result.pages, `${n} lines`).toBeLessThanOrEqual(2);
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('keeps a short letter on one page', async () => {
    const result = await renderMarkdownToPdf(`# Letter\n\nDear Ms Rossi,\n\nWe have erased your data.\n\nKind regards,\n\n${signatures}`, SAMPLE_META, fonts);
    expect(result.pages).toBe(1);
  });
});

/** Words below the body area other than the footer's "Page X of Y". */
const wordsBelowBody = (all: Word[]) => all.filter((w) => w.yMax > PAGE.height - PAGE.marginBottom + 1 && !/^(Page|of|\d+)$/.test(w.text));

describe('tables taller than a page', () => {
  it('splits a row taller than a page between lines, under the repeated header, losing nothing', async () => {
    const long = Array.from({ length: 2500 }, (_, i) => `w${i + 1}`).join(' ');
    const markdown = `# Tall\n\n| Key | Value |\n|---|---|\n| first | short |\n| second | ${long} |\n| third | short |\n`;
    const result = await renderMarkdownToPdf(markdown, SAMPLE_META, fonts);
    const path = savePdf('tall-row', result.bytes);
    expect(result.pages).toBeGreaterThanOrEqual(3);
    const pages = pageTexts(path, false);
    for (const page of pages) expect(page).toMatch(/Key\s+Value/);
    const printed = pages.join(' ').match(/\bw\d+\b/g)!;
    expect(printed).toEqual(Array.from({ length: 2500 }, (_, i) => `w${i + 1}`));
    expect(wordsBelowBody(words(path))).toEqual([]);
  });

  it('keeps every table row inside the body area', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => `| ${i + 1} | ${'text '.repeat(1 + (i % 9))}|`).join('\n');
    const result = await renderMarkdownToPdf(`| No | Text |\n|---|---|\n${rows}\n`, SAMPLE_META, fonts);
    expect(result.pages).toBeGreaterThan(2);
    expect(wordsBelowBody(words(savePdf('rows-in-body', result.bytes)))).toEqual([]);
  });
});
