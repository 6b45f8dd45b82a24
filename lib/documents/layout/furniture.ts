// What every page carries besides its content: the running header (the document title, from the
// second page on) and the "Page X of Y" footer.
import type { PageCanvas } from './canvas';
import type { FontBook } from './fonts';
import { BODY_WIDTH, PAGE, TYPE } from './theme';

const ELLIPSIS = '\u2026';

/** Shortens `text` with an ellipsis until it fits `width` at `size`. */
function fitted(fonts: FontBook, text: string, size: number, width: number): string {
  const font = fonts.get(TYPE.running.style);
  if (font.width(text) * size <= width) return text;
  const chars = Array.from(text);
  while (chars.length > 1 && font.width(chars.join('').trimEnd() + ELLIPSIS) * size > width) chars.pop();
  return chars.join('').trimEnd() + ELLIPSIS;
}

export function drawRunningHeader(canvas: PageCanvas, fonts: FontBook, title: string): void {
  const { size, style, gray } = TYPE.running;
  const y = PAGE.height - PAGE.headerBaseline;
  canvas.string(fonts.get(style), size, PAGE.marginLeft, y, fitted(fonts, title, size, BODY_WIDTH), gray);
  const rule = PAGE.height - PAGE.headerRule;
  canvas.line(PAGE.marginLeft, rule, PAGE.width - PAGE.marginRight, rule, 0.3, 0.6);
}

export function drawFooter(canvas: PageCanvas, fonts: FontBook, text: string): void {
  const { size, style, gray } = TYPE.running;
  const font = fonts.get(style);
  const x = PAGE.width - PAGE.marginRight - font.width(text) * size;
  canvas.string(font, size, x, PAGE.footerBaseline, text, gray);
}
