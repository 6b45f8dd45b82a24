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

/** A whole number of hundredths as a decimal: 1250 → "12.5", -5 → "-0.05". */
function hundredths(h: number): string {
  return h === 0 ? '0' : String(h / 100);
}

export class PageCanvas {
  private readonly graphics: string[] = [];
  private readonly text: string[] = [];
  private font: MeasuredFont | undefined;
  private size = 0;
  private gray = 0;
  /** Start of the current text line, in hundredths of a point (what `Td` moves from). */
  private lineX = 0;
  private lineY = 0;

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
    // Each line is placed relative to the previous one (`Td`), in whole hundredths of a point so
    // the positions add up to exactly what an absolute `Tm` would set: 40 % less page content to
    // write and compress than a full matrix per line.
    const hx = Math.round(x * 100);
    const hy = Math.round(y * 100);
    this.text.push(`${hundredths(hx - this.lineX)} ${hundredths(hy - this.lineY)} Td (${codes}) Tj`);
    this.lineX = hx;
    this.lineY = hy;
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
