// Page 1 read back from a generated PDF (entrypoints/background/documents/preview.ts): the text, in
// its fonts and positions, and the grey fills and rules, for the documents page's canvas preview.
import { beforeAll, describe, expect, it } from 'vitest';
import { interpret, pagePreview, parseToUnicode, tokenise } from '../../entrypoints/background/documents/preview';
import { buildDocumentInput } from '../../entrypoints/background/documents/inputs';
import { renderDocument } from '../../lib/documents/render';
import { loadNodeFonts } from '../../lib/documents/fonts-node';
import type { PdfFonts } from '../../lib/documents/layout';
import type { PreviewOp } from '../../lib/messaging/messages/documents';
import { dpaFields, sources } from './extension-fixtures';

let fonts: PdfFonts;
beforeAll(async () => {
  fonts = await loadNodeFonts();
});

const texts = (ops: PreviewOp[]) => ops.flatMap((op) => (op.op === 'text' ? [op] : []));

describe('page preview', () => {
  it('reads page 1 of a DPA: the title in bold, the organisation with its diacritics, the page footer', async () => {
    const { input } = buildDocumentInput('dpa', 'de', sources(), dpaFields);
    const doc = await renderDocument({ kind: 'dpa', language: 'de', input, fonts });
    const page = await pagePreview(doc.bytes);
    expect(page.width).toBeCloseTo(595.28, 1);
    expect(page.height).toBeCloseTo(841.89, 1);
    const text = texts(page.ops);
    const all = text.map((op) => op.text).join(' ');
    expect(all).toContain('Müller');
    expect(all).toContain('Söhne');
    expect(all).toContain(`Seite 1 von ${doc.pages}`);
    expect(text.find((op) => op.text.includes('Auftragsverarbeitung'))?.style).toBe('bold');
    // Everything is on the page, top to bottom: the first line sits above the footer.
    for (const op of text) {
      expect(op.x).toBeGreaterThanOrEqual(0);
      expect(op.x).toBeLessThan(page.width);
      expect(op.y).toBeGreaterThan(0);
      expect(op.y).toBeLessThan(page.height);
    }
    // The notice box under the title is a grey fill.
    expect(page.ops.some((op) => op.op === 'rect' && op.gray > 0.5 && op.gray < 1)).toBe(true);
  });

  it('maps glyph ids back to text through bfchar and bfrange entries, surrogate pairs included', () => {
    const map = parseToUnicode('2 beginbfchar\n<0003> <00FC>\n<0004> <D83DDE00>\nendbfchar\n1 beginbfrange\n<0010> <0012> <0041>\nendbfrange');
    expect([...map.entries()]).toEqual([
      [3, 'ü'],
      [4, '😀'],
      [16, 'A'],
      [17, 'B'],
      [18, 'C'],
    ]);
  });

  it('interprets the operators the layout engine writes and skips the rest', () => {
    const fontMap = new Map([['F2', { style: 'bold' as const, codeBytes: 2, toUnicode: new Map([[1, 'H'], [2, 'i']]) }]]);
    const content = 'q\n0.9 g 10 20 30 40 re f\n0.5 w 0.3 G [2 1] 0 d 1 2 m 3 4 l 5 6 l S [] 0 d\nQ\nBT\n/F2 12 Tf\n0.2 g\n1 0 0 1 72 700 Tm <00010002> Tj\n/Unknown gs\nET\n';
    expect(tokenise('/F1 12 Tf <00 01> Tj')).toEqual([
      { t: 'name', v: 'F1' },
      { t: 'num', v: 12 },
      { t: 'op', v: 'Tf' },
      { t: 'hex', v: '0001' },
      { t: 'op', v: 'Tj' },
    ]);
    expect(interpret(content, fontMap)).toEqual([
      { op: 'rect', x: 10, y: 20, w: 30, h: 40, gray: 0.9 },
      { op: 'line', points: [1, 2, 3, 4, 5, 6], width: 0.5, gray: 0.3, dash: [2, 1] },
      { op: 'text', x: 72, y: 700, size: 12, gray: 0.2, style: 'bold', text: 'Hi' },
    ]);
  });
});
