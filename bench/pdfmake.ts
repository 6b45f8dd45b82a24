// A peer on the same content: the benchmark DPA's Markdown (the template's output, the layout
// engine's input) set by pdfmake, with the same fonts, page size, margins, type sizes, running
// header and "page X of Y" footer. Only what this document uses is mapped: headings, paragraphs
// with bold and italic, lists, tables with a repeated header row, rules and quotes.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Lexer, type Token, type Tokens } from 'marked';
import { PAGE, TYPE } from '../lib/documents/layout/theme';

const require = createRequire(import.meta.url);

interface PdfmakeApi {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(fn: (url: string) => boolean): void;
  setLocalAccessPolicy(fn: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
}

let api: PdfmakeApi | undefined;
function pdfmake(): PdfmakeApi {
  if (api) return api;
  api = require('pdfmake') as PdfmakeApi;
  const ttf = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  api.setFonts({
    DejaVuSerif: {
      normal: join(ttf, 'DejaVuSerif.ttf'),
      bold: join(ttf, 'DejaVuSerif-Bold.ttf'),
      italics: join(ttf, 'DejaVuSerif-Italic.ttf'),
      bolditalics: join(ttf, 'DejaVuSerif-BoldItalic.ttf'),
    },
  });
  api.setUrlAccessPolicy(() => false);
  api.setLocalAccessPolicy((path) => path.startsWith(ttf));
  return api;
}

type Inline = string | { text: Inline[] | string; bold?: boolean; italics?: boolean };

function inline(tokens: readonly Token[] | undefined, bold = false, italics = false): Inline[] {
  const out: Inline[] = [];
  for (const t of tokens ?? []) {
    if (t.type === 'strong') out.push(...inline((t as Tokens.Strong).tokens, true, italics));
    else if (t.type === 'em') out.push(...inline((t as Tokens.Em).tokens, bold, true));
    else if (t.type === 'br') out.push('\n');
    else if ('tokens' in t && t.tokens) out.push(...inline(t.tokens, bold, italics));
    else if (t.type !== 'html') out.push(bold || italics ? { text: t.raw.replace(/\\(.)/g, '$1'), bold, italics } : ('text' in t ? String(t.text) : t.raw));
  }
  return out;
}

function block(t: Token): unknown {
  switch (t.type) {
    case 'heading': {
      const h = t as Tokens.Heading;
      const size = h.depth === 1 ? TYPE.title.size : h.depth === 2 ? TYPE.heading.size : TYPE.subheading.size;
      return { text: inline(h.tokens), bold: true, fontSize: size, margin: [0, 10, 0, 4] };
    }
    case 'paragraph':
      return { text: inline((t as Tokens.Paragraph).tokens), margin: [0, 0, 0, 6] };
    case 'list': {
      const l = t as Tokens.List;
      const items = l.items.map((i) => i.tokens.map(block).filter(Boolean));
      return l.ordered ? { ol: items, margin: [0, 0, 0, 6] } : { ul: items, margin: [0, 0, 0, 6] };
    }
    case 'table': {
      const table = t as Tokens.Table;
      const header = table.header.map((c) => ({ text: inline(c.tokens), bold: true, fontSize: TYPE.table.size }));
      const rows = table.rows.map((r) => r.map((c) => ({ text: inline(c.tokens), fontSize: TYPE.table.size })));
      return { table: { headerRows: 1, widths: header.map(() => '*'), body: [header, ...rows] }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 8] };
    }
    case 'blockquote':
      return { stack: (t as Tokens.Blockquote).tokens.map(block).filter(Boolean), margin: [12, 0, 0, 6] };
    case 'hr':
      return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: PAGE.width - PAGE.marginLeft - PAGE.marginRight, y2: 0, lineWidth: 0.5 }], margin: [0, 4, 0, 8] };
    case 'text':
      return { text: inline((t as Tokens.Text).tokens ?? [t]) };
    default:
      return null; // space, html comments (page breaks, signature markers)
  }
}

/** The Markdown as a pdfmake document definition. */
export function pdfmakeDefinition(markdown: string, title: string, pageLabel: (page: number, pages: number) => string): unknown {
  const tokens = new Lexer({ gfm: true, breaks: false }).lex(markdown);
  return {
    info: { title, creationDate: new Date('2026-03-02T00:00:00Z') },
    pageSize: 'A4',
    pageMargins: [PAGE.marginLeft, PAGE.marginTop, PAGE.marginRight, PAGE.marginBottom],
    defaultStyle: { font: 'DejaVuSerif', fontSize: TYPE.body.size, lineHeight: TYPE.body.lineHeight / TYPE.body.size / 1.16 },
    header: (page: number) => (page > 1 ? { text: title, fontSize: TYPE.running.size, margin: [PAGE.marginLeft, PAGE.headerBaseline, PAGE.marginRight, 0] } : null),
    footer: (page: number, pages: number) => ({ text: pageLabel(page, pages), fontSize: TYPE.running.size, alignment: 'center' }),
    content: tokens.map(block).filter(Boolean),
  };
}

/** Markdown → PDF with pdfmake (a new definition each time: pdfmake changes the one it is given). */
export async function renderWithPdfmake(markdown: string, title: string, pageLabel: (page: number, pages: number) => string): Promise<Uint8Array> {
  return new Uint8Array(await pdfmake().createPdf(pdfmakeDefinition(markdown, title, pageLabel)).getBuffer());
}
