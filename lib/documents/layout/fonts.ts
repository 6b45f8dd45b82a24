// Embedded fonts with cached measuring and glyph encoding.
//
// pdf-lib's drawText re-shapes every string through fontkit, which was ~70 % of the time of a
// naive 35-page render (STACK-NOTES). Here each character is shaped once per font, and each word's
// encoding (subset glyph ids as hex) and width is cached, so laying out a long document costs
// string concatenation. Characters are shaped one by one, so there are no ligatures and no
// kerning; pdf-lib applies neither when it writes text either, so measured and printed widths agree.
import fontkit from '@pdf-lib/fontkit';
import { PDFDict, PDFName, type PDFDocument, type PDFFont } from 'pdf-lib';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';
export const FONT_STYLES: readonly FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  italic: Uint8Array;
  boldItalic: Uint8Array;
}

/** A string encoded for one font: glyph ids as hex for a `Tj`, and its advance width at 1 pt. */
export interface Encoded {
  readonly hex: string;
  readonly width: number;
}

/** Printed instead of a character the font has no glyph for (rather than an invisible .notdef). */
const REPLACEMENT = '?';

// Fixed six-letter subset tags: PDF/A wants one on a subset font's name, and pdf-lib would
// otherwise append a random suffix, which would make two renders of one input differ.
const SUBSET_TAG: Record<FontStyle, string> = { regular: 'PDAAAA', bold: 'PDAAAB', italic: 'PDAAAC', boldItalic: 'PDAAAD' };
const RESOURCE: Record<FontStyle, string> = { regular: 'F1', bold: 'F2', italic: 'F3', boldItalic: 'F4' };

export class MeasuredFont {
  private readonly chars = new Map<number, Encoded>();
  private readonly words = new Map<string, Encoded>();

  constructor(
    private readonly font: PDFFont,
    /** Name of the font in the page resources (`/F1`). */
    readonly resource: string,
  ) {}

  encode(text: string): Encoded {
    const cached = this.words.get(text);
    if (cached) return cached;
    let hex = '';
    let width = 0;
    for (const ch of text) {
      const glyph = this.char(ch.codePointAt(0)!);
      hex += glyph.hex;
      width += glyph.width;
    }
    const encoded = { hex, width };
    this.words.set(text, encoded);
    return encoded;
  }

  width(text: string): number {
    return this.encode(text).width;
  }

  private char(codePoint: number): Encoded {
    let glyph = this.chars.get(codePoint);
    if (!glyph) {
      let ch = String.fromCodePoint(codePoint);
      // Glyph 0 is .notdef: the font has no glyph for this character.
      if (/^(0000)+$/.test(this.font.encodeText(ch).asString())) ch = REPLACEMENT;
      glyph = { hex: this.font.encodeText(ch).asString(), width: this.font.widthOfTextAtSize(ch, 1) };
      this.chars.set(codePoint, glyph);
    }
    return glyph;
  }
}

const postscriptNames = new WeakMap<Uint8Array, string | null>();
function postscriptNameOf(data: Uint8Array): string | null {
  let name = postscriptNames.get(data);
  if (name === undefined) {
    name = fontkit.create(data).postscriptName;
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
    doc.registerFontkit(fontkit);
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
