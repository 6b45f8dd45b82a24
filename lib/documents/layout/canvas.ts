// One page's content stream, written as text: a graphics layer (fills, rules) under a single text
// object. Writing operators as strings instead of pdf-lib's drawText/PDFOperator objects is what
// keeps a long document fast (measured with the document benchmarks in bench/); the font state is only re-set when it changes.
import type { MeasuredFont } from './fonts';
import type { Gray } from './theme';

/** Numbers with at most two decimals: enough for 1/100 pt, and stable across runs. */
export function num(v: number): string {
  const r = Math.round(v * 100) / 100;
  return r === 0 ? '0' : String(r);
}

export class PageCanvas {
  private readonly graphics: string[] = [];
  private readonly text: string[] = [];
  private font: MeasuredFont | undefined;
  private size = 0;
  private gray = 0;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  /** Glyphs already encoded for `font`, with the baseline starting at (x, y). */
  glyphs(font: MeasuredFont, size: number, x: number, y: number, codes: string, gray: Gray = 0): void {
    if (codes === '') return;
    if (font !== this.font || size !== this.size) {
      this.text.push(`/${font.resource} ${num(size)} Tf`);
      this.font = font;
      this.size = size;
    }
    if (gray !== this.gray) {
      this.text.push(`${num(gray)} g`);
      this.gray = gray;
    }
    this.text.push(`1 0 0 1 ${num(x)} ${num(y)} Tm (${codes}) Tj`);
  }

  /** Encodes and draws a string in one go (headers, footers, labels). */
  string(font: MeasuredFont, size: number, x: number, y: number, s: string, gray: Gray = 0): void {
    this.glyphs(font, size, x, y, font.encode(s).codes, gray);
  }

  fillRect(x: number, y: number, w: number, h: number, gray: Gray): void {
    this.graphics.push(`${num(gray)} g ${num(x)} ${num(y)} ${num(w)} ${num(h)} re f`);
  }

  line(x1: number, y1: number, x2: number, y2: number, width: number, gray: Gray, dash?: readonly number[]): void {
    const pattern = dash ? `[${dash.map(num).join(' ')}] 0 d ` : '';
    const reset = dash ? ' [] 0 d' : '';
    this.graphics.push(`${num(width)} w ${num(gray)} G ${pattern}${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S${reset}`);
  }

  /** The content stream: operators in ASCII, glyph strings as bytes (one character per byte). */
  contents(): string {
    const text = this.text.length ? `BT\n${this.text.join('\n')}\nET` : '';
    // The graphics layer changes colours and line widths: isolate it so text starts from the defaults.
    const graphics = this.graphics.length ? `q\n${this.graphics.join('\n')}\nQ\n` : '';
    return `${graphics}${text}\n`;
  }
}
