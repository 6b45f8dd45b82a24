// Page 1 of a generated PDF as a list of drawing operations, for the documents page to paint on a
// canvas with the same DejaVu fonts. Read back from the PDF bytes (not from the layout engine), so
// the preview shows what the file holds — for a fresh document and for one downloaded again — with
// no PDF viewer (pdf.js is not a dependency, and Chromium's viewer does not run in every context).
//
// It reads only what lib/documents/layout writes: grey fills and rules in a q…Q block, and text as
// `/F1 10 Tf`, `g`, `dx dy Td (glyph ids) Tj` (each line placed relative to the one before; `Tm`
// is read too) with Identity-H fonts whose ToUnicode CMap maps the glyph ids back to text.
// Anything else in a content stream is skipped.
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFObject, type PDFRef } from 'pdf-lib';
import type { PagePreview, PreviewOp } from '../../../lib/messaging/messages/documents';

type Style = Extract<PreviewOp, { op: 'text' }>['style'];

interface PreviewFont {
  style: Style;
  /** Bytes per character code: 2 for Identity-H (Type0) fonts. */
  codeBytes: number;
  toUnicode: Map<number, string>;
}

/** Bytes as characters 0–255, one each (TextDecoder's "latin1" is windows-1252 and remaps 0x80–0x9F). */
function bytesToBinary(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}

function decodeStream(object: PDFObject | undefined): string | undefined {
  return object instanceof PDFRawStream ? bytesToBinary(decodePDFRawStream(object).decode()) : undefined;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

/** A literal string's bytes as hex (the layout engine writes glyph ids as literal-string bytes). */
function literalToHex(body: string): string {
  const bytes = body.replace(/\\([0-7]{1,3}|[\s\S])/g, (_all, e: string) => (/^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8) & 0xff) : (ESCAPES[e] ?? e)));
  let hex = '';
  for (let i = 0; i < bytes.length; i += 1) hex += bytes.charCodeAt(i).toString(16).padStart(2, '0');
  return hex;
}

/** `<0003> <0041>` pairs and `<0003> <0005> <0041>` ranges of a ToUnicode CMap. */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => {
    const units: number[] = [];
    for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1]!, 16), utf16(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const [from, to, base] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16), m[3]!];
      const last = parseInt(base.slice(-4), 16);
      for (let code = from; code <= to && code - from < 65_536; code += 1) map.set(code, utf16(base.slice(0, -4)) + String.fromCharCode(last + code - from));
    }
  }
  return map;
}

function styleOf(baseFont: string): Style {
  const name = baseFont.replace(/^[A-Z]{6}\+/, '');
  const bold = /Bold/i.test(name);
  const italic = /Italic|Oblique/i.test(name);
  return bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular';
}

function fontsOf(doc: PDFDocument, resources: PDFDict | undefined): Map<string, PreviewFont> {
  const fonts = new Map<string, PreviewFont>();
  const dict = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
  if (!dict) return fonts;
  for (const [key, ref] of dict.entries()) {
    const font = doc.context.lookupMaybe(ref as PDFRef, PDFDict);
    if (!font) continue;
    const baseFont = font.lookupMaybe(PDFName.of('BaseFont'), PDFName)?.decodeText() ?? '';
    const type0 = font.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() === 'Type0';
    const cmap = decodeStream(font.lookup(PDFName.of('ToUnicode')));
    fonts.set(key.decodeText(), { style: styleOf(baseFont), codeBytes: type0 ? 2 : 1, toUnicode: cmap ? parseToUnicode(cmap) : new Map() });
  }
  return fonts;
}

type Token = { t: 'num'; v: number } | { t: 'name'; v: string } | { t: 'hex'; v: string } | { t: 'str'; v: string } | { t: 'op'; v: string } | { t: '['} | { t: ']' };

/** Splits a content stream into operands and operators. */
export function tokenise(content: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s+|%[^\r\n]*|\/([^\s/<>[\]()%{}]*)|<([0-9a-fA-F\s]*)>|\((?:\\.|[^\\)])*\)|(\[)|(\])|([+-]?(?:\d+\.?\d*|\.\d+))|([A-Za-z'"*]+\d?\*?)|<<|>>|[\s\S]/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < content.length && (m = re.exec(content))) {
    const [all, name, hex, open, close, number, op] = m;
    if (name !== undefined) tokens.push({ t: 'name', v: name });
    else if (hex !== undefined) tokens.push({ t: 'hex', v: hex.replace(/\s+/g, '') });
    else if (all.startsWith('(')) tokens.push({ t: 'hex', v: literalToHex(all.slice(1, -1)) });
    else if (open) tokens.push({ t: '[' });
    else if (close) tokens.push({ t: ']' });
    else if (number !== undefined) tokens.push({ t: 'num', v: Number(number) });
    else if (op !== undefined) tokens.push({ t: 'op', v: op });
  }
  return tokens;
}

function decodeText(font: PreviewFont | undefined, hex: string): string {
  if (!font) return '';
  const step = font.codeBytes * 2;
  let text = '';
  for (let i = 0; i + step <= hex.length; i += step) {
    const code = parseInt(hex.slice(i, i + step), 16);
    text += font.toUnicode.get(code) ?? (font.codeBytes === 1 ? String.fromCharCode(code) : '');
  }
  return text;
}

/** Runs a content stream's operators into preview operations. */
export function interpret(content: string, fonts: ReadonlyMap<string, PreviewFont>): PreviewOp[] {
  const ops: PreviewOp[] = [];
  type State = { fill: number; stroke: number; width: number; dash: number[] };
  let state: State = { fill: 0, stroke: 0, width: 1, dash: [] };
  const saved: State[] = [];
  let path: { rects: number[][]; lines: number[][] } = { rects: [], lines: [] };
  let operands: (number | string)[] = [];
  let array: (number | string)[] | undefined;
  let font: PreviewFont | undefined;
  let size = 0;
  let tx = 0;
  let ty = 0;
  let lineX = 0;
  let lineY = 0;
  let leading = 0;
  const num = (i: number) => (typeof operands[i] === 'number' ? (operands[i] as number) : 0);
  const show = (hex: string) => {
    const text = decodeText(font, hex);
    if (text) ops.push({ op: 'text', x: tx, y: ty, size, gray: state.fill, style: font?.style ?? 'regular', text });
  };

  for (const token of tokenise(content)) {
    if (token.t === '[') {
      array = [];
      continue;
    }
    if (token.t === ']') {
      operands.push(JSON.stringify(array ?? []));
      array = undefined;
      continue;
    }
    if (token.t !== 'op') {
      const value = token.t === 'num' ? token.v : token.t === 'str' ? Array.from(token.v, (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('') : token.v;
      (array ?? operands).push(value);
      continue;
    }
    switch (token.v) {
      case 'q':
        saved.push({ ...state, dash: [...state.dash] });
        break;
      case 'Q':
        state = saved.pop() ?? state;
        break;
      case 'g':
        state.fill = num(0);
        break;
      case 'G':
        state.stroke = num(0);
        break;
      case 'rg':
        state.fill = 0.299 * num(0) + 0.587 * num(1) + 0.114 * num(2);
        break;
      case 'RG':
        state.stroke = 0.299 * num(0) + 0.587 * num(1) + 0.114 * num(2);
        break;
      case 'w':
        state.width = num(0);
        break;
      case 'd':
        state.dash = (JSON.parse(String(operands[0] ?? '[]')) as unknown[]).filter((v): v is number => typeof v === 'number');
        break;
      case 're':
        path.rects.push([num(0), num(1), num(2), num(3)]);
        break;
      case 'm':
        path.lines.push([num(0), num(1)]);
        break;
      case 'l':
        path.lines[path.lines.length - 1]?.push(num(0), num(1));
        break;
      case 'f':
      case 'F':
      case 'f*':
        for (const [x, y, w, h] of path.rects) ops.push({ op: 'rect', x: x!, y: y!, w: w!, h: h!, gray: state.fill });
        path = { rects: [], lines: [] };
        break;
      case 'S':
        for (const points of path.lines) if (points.length >= 4) ops.push({ op: 'line', points, width: state.width, gray: state.stroke, dash: state.dash });
        for (const [x, y, w, h] of path.rects) ops.push({ op: 'line', points: [x!, y!, x! + w!, y!, x! + w!, y! + h!, x!, y! + h!, x!, y!], width: state.width, gray: state.stroke, dash: state.dash });
        path = { rects: [], lines: [] };
        break;
      case 'n':
        path = { rects: [], lines: [] };
        break;
      case 'BT':
        tx = ty = lineX = lineY = 0;
        break;
      case 'Tf':
        font = fonts.get(String(operands[0]));
        size = num(1);
        break;
      case 'TL':
        leading = num(0);
        break;
      case 'Tm':
        tx = lineX = num(4);
        ty = lineY = num(5);
        break;
      case 'Td':
      case 'TD':
        if (token.v === 'TD') leading = -num(1);
        tx = lineX = lineX + num(0);
        ty = lineY = lineY + num(1);
        break;
      case 'T*':
        tx = lineX;
        ty = lineY = lineY - leading;
        break;
      case 'Tj':
        show(String(operands[0] ?? ''));
        break;
      case 'TJ':
        for (const part of JSON.parse(String(operands[0] ?? '[]')) as unknown[]) if (typeof part === 'string') show(part);
        break;
      default:
        break;
    }
    operands = [];
  }
  return ops;
}

/** Page `index` (0-based) of a PDF as preview operations. */
export async function pagePreview(bytes: Uint8Array, index = 0): Promise<PagePreview> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const page = doc.getPage(index);
  const { width, height } = page.getSize();
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
  const content = streams.map((s) => decodeStream(s) ?? '').join('\n');
  return { width, height, ops: interpret(content, fontsOf(doc, page.node.Resources())) };
}
