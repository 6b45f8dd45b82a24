// Embedded fonts with cached measuring and glyph encoding.
//
// pdf-lib's drawText re-shapes every string through fontkit, which was ~70 % of the time of a
// naive 35-page render (README). Here each character is looked up once per font, and each word's
// encoding (subset glyph ids as the bytes of a PDF string) and width is cached, so laying out a long document costs
// string concatenation. Characters are mapped one by one through the font's cmap, so there are no
// ligatures and no kerning; pdf-lib applies neither when it writes text either, so measured and
// printed widths agree.
import fontkit, { type Font, type Glyph } from '@pdf-lib/fontkit';
import { PDFDict, PDFName, type PDFDocument, type PDFFont } from 'pdf-lib';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';
export const FONT_STYLES: readonly FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  italic: Uint8Array;
  boldItalic: Uint8Array;
}

/**
 * A string encoded for one font: its glyph ids as the bytes of a PDF literal string for a `Tj`
 * (two per glyph, big-endian, one character per byte, already escaped, so encodings concatenate),
 * and its advance width at 1 pt.
 */
export interface Encoded {
  readonly codes: string;
  readonly width: number;
}

/** Printed instead of a character the font has no glyph for (rather than an invisible .notdef). */
const REPLACEMENT = '?';

// Fixed six-letter subset tags: PDF/A wants one on a subset font's name, and pdf-lib would
// otherwise append a random suffix, which would make two renders of one input differ.
const SUBSET_TAG: Record<FontStyle, string> = { regular: 'PDAAAA', bold: 'PDAAAB', italic: 'PDAAAC', boldItalic: 'PDAAAD' };
const RESOURCE: Record<FontStyle, string> = { regular: 'F1', bold: 'F2', italic: 'F3', boldItalic: 'F4' };

/**
 * The state of pdf-lib's subset embedder (pdf-lib 1.17, `CustomFontSubsetEmbedder`) that its
 * `encodeText` updates. Its `encodeText` and `widthOfTextAtSize` run fontkit's whole layout
 * (script detection, GSUB, GPOS) for every string: three layouts per new character were most of
 * the font time of a long document. A character's glyph and advance come straight from the cmap
 * instead, and the glyph is added to the subset exactly as `encodeText` adds it.
 */
interface SubsetEmbedder {
  font: Font;
  scale: number;
  subset: FontkitSubset;
  glyphs: Glyph[];
  glyphIdMap: Map<number, number>;
  glyphCache: { invalidate(): void };
  serializeFont(): Promise<Uint8Array>;
}

/** fontkit's TrueType subset: `encode` writes the subset font into a restructure EncodeStream. */
interface FontkitSubset {
  includeGlyph(glyph: Glyph): number;
  encode?(stream: SubsetStream): void;
}

function subsetEmbedderOf(font: PDFFont): SubsetEmbedder {
  const embedder = (font as unknown as { embedder: Partial<SubsetEmbedder> }).embedder;
  if (!embedder?.font || !embedder.subset || typeof embedder.subset.encode !== 'function' || !Array.isArray(embedder.glyphs) || !(embedder.glyphIdMap instanceof Map) || !embedder.glyphCache || typeof embedder.scale !== 'number') {
    throw new Error('fonts: pdf-lib\'s subset embedder changed; update lib/documents/layout/fonts.ts');
  }
  const e = embedder as SubsetEmbedder;
  // pdf-lib reads the subset through fontkit's `encodeStream`, a Node-style stream that hands the
  // encoding to a nextTick shim and its chunks to event listeners: several timer turns per font
  // on every save. The same `encode` writes into SubsetStream at once, so the bytes are the ones
  // the stream would have delivered.
  e.serializeFont = () => Promise.resolve(SubsetStream.encode(e.subset));
  return e;
}

/**
 * The writer fontkit's table encoders call (restructure's EncodeStream: `pos` and the
 * `write<Type>` methods its number types name, and `fill`), on one growing buffer instead of
 * stream chunks.
 */
class SubsetStream {
  pos = 0;
  private bytes = new Uint8Array(1 << 16);
  private view = new DataView(this.bytes.buffer);

  static encode(subset: FontkitSubset): Uint8Array {
    const stream = new SubsetStream();
    subset.encode!(stream);
    return stream.bytes.slice(0, stream.pos);
  }

  private ensure(n: number): number {
    const at = this.pos;
    if (at + n > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, at + n));
      grown.set(this.bytes);
      this.bytes = grown;
      this.view = new DataView(grown.buffer);
    }
    this.pos = at + n;
    return at;
  }

  writeBuffer(buffer: Uint8Array): void {
    this.bytes.set(buffer, this.ensure(buffer.length));
  }
  fill(value: number, length: number): void {
    const at = this.ensure(length);
    this.bytes.fill(value, at, at + length);
  }
  writeString(text: string, encoding = 'ascii'): void {
    if (encoding !== 'ascii') throw new Error(`fonts: subset string encoding ${encoding} is not supported`);
    const at = this.ensure(text.length);
    for (let i = 0; i < text.length; i++) this.bytes[at + i] = text.charCodeAt(i) & 0x7f;
  }
  writeUInt8(v: number): void {
    this.view.setUint8(this.ensure(1), v);
  }
  writeInt8(v: number): void {
    this.view.setInt8(this.ensure(1), v);
  }
  writeUInt16BE(v: number): void {
    this.view.setUint16(this.ensure(2), v);
  }
  writeInt16BE(v: number): void {
    this.view.setInt16(this.ensure(2), v);
  }
  writeUInt24BE(v: number): void {
    const at = this.ensure(3);
    this.bytes[at] = (v >>> 16) & 0xff;
    this.bytes[at + 1] = (v >>> 8) & 0xff;
    this.bytes[at + 2] = v & 0xff;
  }
  writeInt24BE(v: number): void {
    this.writeUInt24BE(v < 0 ? v + 0x1000000 : v);
  }
  writeUInt32BE(v: number): void {
    this.view.setUint32(this.ensure(4), v);
  }
  writeInt32BE(v: number): void {
    this.view.setInt32(this.ensure(4), v);
  }
}

/**
 * One parsed font per font file for the life of the program (the extension's background renders
 * many documents with the same four files): parsing its tables and looking its characters up
 * again for every document cost a long render about 15 ms. A subset is still made per document.
 */
const parsedFonts = new WeakMap<Uint8Array, Font>();
function parsedFont(data: Uint8Array): Font {
  let font = parsedFonts.get(data);
  if (!font) {
    font = fontkit.create(data);
    parsedFonts.set(data, font);
  }
  return font;
}
/** What pdf-lib asks of fontkit: only `create`, answered from the parsed fonts. */
const cachingFontkit = { ...fontkit, create: (data: Uint8Array) => parsedFont(data) } as typeof fontkit;

/** A character's glyph in a font and its advance at 1 pt. */
interface CharGlyph {
  readonly glyph: Glyph;
  readonly width: number;
}
const charGlyphs = new WeakMap<Font, Map<number, CharGlyph>>();

export class MeasuredFont {
  private readonly chars = new Map<number, Encoded>();
  private readonly words = new Map<string, Encoded>();
  private readonly embedder: SubsetEmbedder;

  constructor(
    private readonly font: PDFFont,
    /** Name of the font in the page resources (`/F1`). */
    readonly resource: string,
  ) {
    this.embedder = subsetEmbedderOf(font);
  }

  encode(text: string): Encoded {
    const cached = this.words.get(text);
    if (cached) return cached;
    let codes = '';
    let width = 0;
    // By code point, as for…of over the string, without a string and a result object per character.
    for (let i = 0; i < text.length; i++) {
      const codePoint = text.codePointAt(i)!;
      if (codePoint > 0xffff) i++;
      const glyph = this.char(codePoint);
      codes += glyph.codes;
      width += glyph.width;
    }
    const encoded = { codes, width };
    this.words.set(text, encoded);
    return encoded;
  }

  width(text: string): number {
    return this.encode(text).width;
  }

  private char(codePoint: number): Encoded {
    let encoded = this.chars.get(codePoint);
    if (!encoded) {
      const e = this.embedder;
      const { glyph, width } = this.glyphOf(codePoint);
      // As pdf-lib's encodeText: the glyph joins the subset under a new id, and the embedder
      // remembers it for the widths array and the ToUnicode map it writes on save.
      const id = e.subset.includeGlyph(glyph);
      e.glyphs[id - 1] = glyph;
      e.glyphIdMap.set(glyph.id, id);
      e.glyphCache.invalidate();
      encoded = { codes: stringByte(id >> 8) + stringByte(id & 0xff), width };
      this.chars.set(codePoint, encoded);
    }
    return encoded;
  }

  /** The glyph of a character, looked up once per font file and program. */
  private glyphOf(codePoint: number): CharGlyph {
    const e = this.embedder;
    let known = charGlyphs.get(e.font);
    if (!known) charGlyphs.set(e.font, (known = new Map()));
    let found = known.get(codePoint);
    if (!found) {
      let glyph = e.font.glyphForCodePoint(codePoint);
      // Glyph 0 is .notdef: the font has no glyph for this character.
      if (glyph.id === 0) glyph = e.font.glyphForCodePoint(REPLACEMENT.codePointAt(0)!);
      // As pdf-lib's widthOfTextAtSize at 1 pt, operation for operation, so widths are unchanged.
      found = { glyph, width: glyph.advanceWidth * e.scale * (1 / 1000) };
      known.set(codePoint, found);
    }
    return found;
  }
}

/**
 * One byte of a PDF literal string, escaped where the syntax needs it: the delimiters, the
 * backslash, and the end-of-line bytes (which a reader would otherwise normalise).
 * Literal strings carry a glyph in 2 bytes where hex needs 4 characters: half the page content to
 * build and compress.
 */
function stringByte(byte: number): string {
  switch (byte) {
    case 0x28:
      return '\\(';
    case 0x29:
      return '\\)';
    case 0x5c:
      return '\\\\';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    default:
      return String.fromCharCode(byte);
  }
}

const postscriptNames = new WeakMap<Uint8Array, string | null>();
function postscriptNameOf(data: Uint8Array): string | null {
  let name = postscriptNames.get(data);
  if (name === undefined) {
    name = parsedFont(data).postscriptName;
    postscriptNames.set(data, name);
  }
  return name;
}

export class FontBook {
  private constructor(
    private readonly fonts: Record<FontStyle, MeasuredFont>,
    private readonly dict: PDFDict,
  ) {}

  static async embed(doc: PDFDocument, data: PdfFonts): Promise<FontBook> {
    doc.registerFontkit(cachingFontkit);
    const entries = await Promise.all(
      FONT_STYLES.map(async (style) => {
        const postscriptName = postscriptNameOf(data[style]) ?? `Font-${style}`;
        const font = await doc.embedFont(data[style], { subset: true, customName: `${SUBSET_TAG[style]}+${postscriptName}` });
        return [style, font] as const;
      }),
    );
    const dict = doc.context.obj({});
    const fonts = {} as Record<FontStyle, MeasuredFont>;
    for (const [style, font] of entries) {
      fonts[style] = new MeasuredFont(font, RESOURCE[style]);
      dict.set(PDFName.of(RESOURCE[style]), font.ref);
    }
    return new FontBook(fonts, dict);
  }

  get(style: FontStyle): MeasuredFont {
    return this.fonts[style];
  }

  /** The `/Font` resource dictionary shared by every page. */
  get resourceDict(): PDFDict {
    return this.dict;
  }
}
