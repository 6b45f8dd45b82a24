// The layout engine: Markdown as templates emit it (../MARKUP.md) → an A4 PDF.
// Pure: no DOM, no Node APIs; runs in the MV3 service worker and in the Node CLI alike.
import { Lexer } from 'marked';
import { PDFDocument, PDFName } from 'pdf-lib';
import { buildFlow } from './blocks';
import { PageCanvas } from './canvas';
import { paginate, type Frame, type Placement } from './flow';
import { FontBook, type PdfFonts } from './fonts';
import { drawFooter, drawRunningHeader } from './furniture';
import { hyphenatorFor, type Hyphenator } from './hyphenation';
import { LABELS, type DocumentLanguage } from './labels';
import { applyMetadata, parseMetaDate, type PdfMeta } from './metadata';
import { BODY_HEIGHT, PAGE } from './theme';

export type { PdfFonts } from './fonts';
export type { PdfMeta } from './metadata';
export { MarkupError } from './errors';

const ascii = new TextEncoder();

export interface LayoutResult {
  bytes: Uint8Array;
  pages: number;
}

export async function renderMarkdownToPdf(markdown: string, meta: PdfMeta, fonts: PdfFonts): Promise<LayoutResult> {
  parseMetaDate(meta.date); // fail before any work
  const source = markdown.replace(/\r\n?/g, '\n');
  const tokens = new Lexer({ gfm: true, breaks: false }).lex(source);

  const doc = await PDFDocument.create({ updateMetadata: false });
  const book = await FontBook.embed(doc, fonts);
  const labels = LABELS[meta.language];
  const hyphenators = new Map<DocumentLanguage, Hyphenator>();
  const hyphenateIn = (lang: DocumentLanguage) => hyphenators.get(lang) ?? hyphenators.set(lang, hyphenatorFor(lang)).get(lang)!;
  const flow = buildFlow(tokens, source, { fonts: book, hyphenate: hyphenateIn(meta.language), hyphenateIn, labels });
  const pages = paginate(flow.items, BODY_HEIGHT);

  const resources = doc.context.register(doc.context.obj({ Font: book.resourceDict }));
  const headerTitle = flow.title ?? meta.title;
  pages.forEach((placements, i) => {
    const canvas = new PageCanvas(PAGE.width, PAGE.height);
    drawFrames(canvas, placements);
    for (const { item, y } of placements) item.draw(canvas, PAGE.marginLeft, PAGE.height - PAGE.marginTop - y);
    if (i > 0) drawRunningHeader(canvas, book, headerTitle);
    drawFooter(canvas, book, labels.page(i + 1, pages.length));
    const page = doc.addPage([PAGE.width, PAGE.height]);
    page.node.set(PDFName.of('Resources'), resources);
    // Encoded here: pdf-lib would convert the (ASCII) string one character at a time.
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(ascii.encode(canvas.contents()))));
  });

  await applyMetadata(doc, meta, source, fonts);
  const bytes = await doc.save({ useObjectStreams: true, addDefaultPage: false });
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
