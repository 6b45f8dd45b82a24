// End to end: Markdown in, PDF out, read back with poppler (text, word boxes, pixels) and pdf-lib.
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeFonts } from '../../../lib/documents/fonts-node';
import { renderMarkdownToPdf, type LayoutResult, type PdfFonts } from '../../../lib/documents/layout';
import { BODY_WIDTH, PAGE, mm } from '../../../lib/documents/layout/theme';
import { fonts as pdfFonts, pageTexts, rasterPage, savePdf, words, type GrayImage } from './pdf-tools';
import { DIACRITICS, largeDocument, SAMPLE_META, sampleDocument } from './sample-documents';

let fonts: PdfFonts;
let sample: LayoutResult;
let samplePath: string;
let large: LayoutResult;
let largePath: string;
const LARGE_META = { ...SAMPLE_META, title: 'Record of Processing Activities' };

beforeAll(async () => {
  fonts = await loadNodeFonts();
  sample = await renderMarkdownToPdf(sampleDocument(), SAMPLE_META, fonts);
  samplePath = savePdf('sample', sample.bytes);
  large = await renderMarkdownToPdf(largeDocument(500), LARGE_META, fonts);
  largePath = savePdf('large', large.bytes);
});

const TABLE_HEADER = /No\.\s+Category of data\s+Purpose\s+Retention\s+Recipient/;
const TABLE_ROW = /^\s*(\d+)\s+Contact data of data subject \1\b/gm;

describe('text content', () => {
  it('prints the whole document, with every EU diacritic intact', () => {
    const text = pageTexts(samplePath).join('\n');
    for (const word of DIACRITICS) expect(text).toContain(word);
    expect(text).toContain('Data Processing Agreement');
    expect(text).toMatch(/1\.1\s+This Agreement governs/);
    expect(text).toContain('Amazon Web Services');
  });

  it('puts "Page X of Y" with the right Y on every page', () => {
    for (const [path, result] of [
      [samplePath, sample],
      [largePath, large],
    ] as const) {
      const pages = pageTexts(path);
      expect(pages).toHaveLength(result.pages);
      pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${result.pages}`));
    }
  });

  it('runs the document title as a header on every page but the first', () => {
    const all = words(largePath);
    const top = PAGE.marginTop; // the header lives above the body
    for (let page = 1; page <= large.pages; page++) {
      const header = all.filter((w) => w.page === page && w.yMax < top).map((w) => w.text).join(' ');
      expect(header).toBe(page === 1 ? '' : 'Record of Processing Activities');
    }
  });

  it('spreads a 500-row table over several pages, repeating its header on each', () => {
    const pages = pageTexts(largePath);
    const withRows = pages.filter((p) => [...p.matchAll(TABLE_ROW)].length > 0);
    expect(withRows.length).toBeGreaterThanOrEqual(5);
    const headers = pages.reduce((n, p) => n + (p.match(new RegExp(TABLE_HEADER, 'g'))?.length ?? 0), 0);
    expect(headers).toBe(withRows.length);
    for (const page of withRows) expect(page).toMatch(TABLE_HEADER);
    // Every row once, in order.
    const numbers = pages.flatMap((p) => [...p.matchAll(TABLE_ROW)].map((m) => Number(m[1])));
    expect(numbers).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
  });

  it('embeds every font as a subset', () => {
    const list = pdfFonts(samplePath);
    expect(list.length).toBeGreaterThanOrEqual(3);
    for (const f of list) {
      expect(f.embedded).toBe(true);
      expect(f.subset).toBe(true);
      expect(f.name).toMatch(/^[A-Z]{6}\+DejaVu/);
    }
  });
});

describe('determinism and metadata', () => {
  it('renders the same input to the same bytes', async () => {
    const again = await renderMarkdownToPdf(sampleDocument(), SAMPLE_META, fonts);
    expect(Buffer.from(again.bytes).equals(Buffer.from(sample.bytes))).toBe(true);
    const largeAgain = await renderMarkdownToPdf(largeDocument(500), LARGE_META, fonts);
    expect(Buffer.from(largeAgain.bytes).equals(Buffer.from(large.bytes))).toBe(true);
  });

  it('writes a file identifier derived from the input', async () => {
    const id = (bytes: Uint8Array) => /\/ID \[ <([0-9a-f]{32})> <\1> \]/.exec(Buffer.from(bytes).toString('latin1'))?.[1];
    expect(id(sample.bytes)).toMatch(/^[0-9a-f]{32}$/);
    const other = await renderMarkdownToPdf(`${sampleDocument()}\nOne more line.\n`, SAMPLE_META, fonts);
    expect(id(other.bytes)).not.toBe(id(sample.bytes));
  });

  it('records title, author, subject, keywords, language, producer and dates', async () => {
    const doc = await PDFDocument.load(sample.bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe(SAMPLE_META.title);
    expect(doc.getAuthor()).toBe(SAMPLE_META.author);
    expect(doc.getSubject()).toBe(SAMPLE_META.subject);
    expect(doc.getKeywords()).toBe('GDPR Article 28 DPA');
    expect(doc.getProducer()).toBe('Privacy Desk');
    expect(doc.getCreator()).toBe('Privacy Desk');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-22T00:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2026-11-22T00:00:00.000Z');
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('en');
    expect(doc.getPageCount()).toBe(sample.pages);
    const { width, height } = doc.getPage(0).getSize();
    expect([width, height]).toEqual([PAGE.width, PAGE.height]);
  });

  it('takes an instant as the date too, and rejects what is not a date', async () => {
    const result = await renderMarkdownToPdf('Text.', { ...SAMPLE_META, date: '2026-03-01T09:30:00.000Z' }, fonts);
    const doc = await PDFDocument.load(result.bytes, { updateMetadata: false });
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-03-01T09:30:00.000Z');
    await expect(renderMarkdownToPdf('Text.', { ...SAMPLE_META, date: 'yesterday' }, fonts)).rejects.toThrow(/ISO date/);
  });
});

describe('what the pages look like', () => {
  const DPI = 50;
  const px = (pt: number) => (pt * DPI) / 72;
  const INK = 200; // darker than this is ink; the lightest fills (notice, table header) are ~230–240

  function inkOutside(image: GrayImage, allowed: (x: number, y: number) => boolean): { count: number; total: number } {
    let count = 0;
    let total = 0;
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        if (image.pixels[y * image.width + x]! >= INK) continue;
        total++;
        if (!allowed(x, y)) count++;
      }
    }
    return { count, total };
  }

  /** Ink pixels on the page, and those outside the body area and the header/footer zones. */
  function inkOf(path: string, page: number, first: boolean) {
    const image = rasterPage(path, page, DPI);
    expect(Math.abs(image.width - px(PAGE.width))).toBeLessThanOrEqual(1);
    const left = px(PAGE.marginLeft) - 1;
    const right = px(PAGE.marginLeft + BODY_WIDTH) + 1;
    const bodyTop = px(PAGE.marginTop) - 1;
    const bodyBottom = px(PAGE.height - PAGE.marginBottom) + 1;
    const headerTop = px(mm(10));
    const footerBottom = px(PAGE.height - mm(8));
    return inkOutside(image, (x, y) => {
      if (x < left || x > right) return false;
      if (y >= bodyTop && y <= bodyBottom) return true;
      if (y > bodyBottom) return y <= footerBottom; // footer zone
      return !first && y >= headerTop; // header zone: empty on the first page
    });
  }

  function check(path: string, page: number, first: boolean) {
    const { count, total } = inkOf(path, page, first);
    expect(total, `page ${page} is blank`).toBeGreaterThan(2000);
    expect(count, `ink outside the margins on page ${page}`).toBe(0);
  }

  it('notices ink outside the margins (the check itself)', async () => {
    const doc = await PDFDocument.load(sample.bytes);
    doc.getPage(0).drawRectangle({ x: 20, y: 400, width: 20, height: 20 });
    const { count } = inkOf(savePdf('ink-in-margin', await doc.save()), 1, true);
    expect(count).toBeGreaterThan(100);
  });

  it('keeps page 1 inside its margins and not blank', () => check(samplePath, 1, true));
  it('keeps a table page inside its margins and not blank', () => check(largePath, 20, false));
  it('keeps the signature page inside its margins', () => check(samplePath, sample.pages, false));
});
