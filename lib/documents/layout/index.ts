// The layout engine: Markdown as templates emit it (../MARKUP.md) → an A4 PDF.
// Pure: no DOM, no Node APIs; runs in the MV3 service worker and in the Node CLI alike.
import { PDFDocument, PDFName, PDFNumber, PDFPageLeaf, typedArrayFor, type PDFRef } from 'pdf-lib';
import { buildFlow } from './blocks';
import { compressWithFflate, flateStream } from './compress';
import { PageCanvas } from './canvas';
import { paginate, type Frame, type Placement } from './flow';
import { FontBook, type PdfFonts } from './fonts';
import { drawFooter, drawRunningHeader } from './furniture';
import { hyphenatorFor, type Hyphenator } from './hyphenation';
import { LABELS, type DocumentLanguage } from './labels';
import { lexMarkdown } from './lexer';
import { applyMetadata, parseMetaDate, type PdfMeta } from './metadata';
import { BODY_HEIGHT, PAGE } from './theme';
import { languagesMarkedIn } from '../spans';

export type { PdfFonts } from './fonts';
export type { PdfMeta } from './metadata';
export { MarkupError } from './errors';

export interface LayoutResult {
  bytes: Uint8Array;
  pages: number;
}

export async function renderMarkdownToPdf(markdown: string, meta: PdfMeta, fonts: PdfFonts): Promise<LayoutResult> {
  parseMetaDate(meta.date); // fail before any work
  const source = markdown.includes('\r') ? markdown.replace(/\r\n?/g, '\n') : markdown;
  const tokens = lexMarkdown(source);

  const doc = await PDFDocument.create({ updateMetadata: false });
  compressWithFflate(doc.context);
  const book = await FontBook.embed(doc, fonts);
  const labels = LABELS[meta.language];
  // Hyphenation patterns load on demand (the CLI loads only what a document uses): the document's
  // language and every language a value is marked as written in (lib/documents/spans.ts).
  const hyphenators = new Map<DocumentLanguage, Hyphenator>();
  for (const lang of new Set<DocumentLanguage>([meta.language, ...languagesMarkedIn(source)])) hyphenators.set(lang, await hyphenatorFor(lang));
  const hyphenateIn = (lang: DocumentLanguage) => hyphenators.get(lang) ?? hyphenators.get(meta.language)!;
  const flow = buildFlow(tokens, source, { fonts: book, hyphenate: hyphenateIn(meta.language), hyphenateIn, labels });
  const pages = paginate(flow.items, BODY_HEIGHT);

  const resources = doc.context.register(doc.context.obj({ Font: book.resourceDict }));
  // Pages are appended to the page tree directly: pdf-lib's addPage walks the tree and builds a
  // PDFPage (with its drawing state) per page, about 15 ms for 80 pages. The dictionaries, their
  // order and the object numbers are the ones addPage made.
  const tree = doc.catalog.Pages();
  const treeRef = doc.catalog.get(PDFName.of('Pages')) as PDFRef;
  const headerTitle = flow.title ?? meta.title;
  pages.forEach((placements, i) => {
    const canvas = new PageCanvas(PAGE.width, PAGE.height);
    drawFrames(canvas, placements);
    for (const { item, y } of placements) item.draw(canvas, PAGE.marginLeft, PAGE.height - PAGE.marginTop - y);
    if (i > 0) drawRunningHeader(canvas, book, headerTitle);
    drawFooter(canvas, book, labels.page(i + 1, pages.length));
    const leaf = PDFPageLeaf.withContextAndParent(doc.context, treeRef);
    leaf.set(PDFName.of('MediaBox'), doc.context.obj([0, 0, PAGE.width, PAGE.height]));
    leaf.set(PDFName.of('Resources'), resources);
    const ref = doc.context.register(leaf);
    tree.Kids().push(ref);
    tree.set(PDFName.of('Count'), PDFNumber.of(i + 1));
    // One character per byte (glyph strings hold bytes above 0x7F: not UTF-8).
    leaf.set(PDFName.of('Contents'), doc.context.register(flateStream(doc.context, typedArrayFor(canvas.contents()))));
  });

  await applyMetadata(doc, meta, source, fonts);
  // pdf-lib yields to the event loop with a setTimeout every 50 objects it writes by default: a
  // long document spent more time waiting for those timers (at least 1 ms each in Node) than
  // writing. Rendering runs in the background service worker or the CLI, never on a page's UI thread.
  const bytes = await doc.save({ useObjectStreams: true, addDefaultPage: false, objectsPerTick: Number.POSITIVE_INFINITY });
  return { bytes, pages: pages.length };
}

/** Backgrounds of notice boxes, per page from the first to the last of their items on it. */
function drawFrames(canvas: PageCanvas, placements: readonly Placement[]): void {
  const extents = new Map<Frame, { top: number; bottom: number }>();
  for (const { item, y } of placements) {
    if (!item.frame) continue;
    const e = extents.get(item.frame);
    if (e) e.bottom = y + item.height;
    else extents.set(item.frame, { top: y, bottom: y + item.height });
  }
  const origin = PAGE.height - PAGE.marginTop;
  for (const [frame, { top, bottom }] of extents) {
    frame.draw(canvas, PAGE.marginLeft, origin - top + frame.pad, origin - bottom - frame.pad);
  }
}
