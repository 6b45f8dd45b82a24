// Paints page 1 of a generated PDF on a canvas from the operations the background read out of the
// file (entrypoints/background/documents/preview.ts), with the same DejaVu Serif files the PDF embeds,
// so the preview is a true picture of the page without a PDF viewer.
import type { PagePreview } from '../../lib/messaging/messages/documents';
import { FONT_FILES, fontPath } from '../background/documents/font-files';

const FAMILY = 'Privacy Desk Document Serif';
let fonts: Promise<void> | undefined;

function loadFonts(): Promise<void> {
  fonts ??= Promise.all(
    (Object.keys(FONT_FILES) as (keyof typeof FONT_FILES)[]).map(async (style) => {
      const face = new FontFace(FAMILY, `url(${fontPath(style)})`, {
        weight: style === 'bold' || style === 'boldItalic' ? '700' : '400',
        style: style === 'italic' || style === 'boldItalic' ? 'italic' : 'normal',
      });
      document.fonts.add(await face.load());
    }),
  ).then(() => undefined);
  return fonts;
}

const grey = (g: number) => `rgb(${Math.round(g * 255)} ${Math.round(g * 255)} ${Math.round(g * 255)})`;

/** Draws the page `cssWidth` pixels wide (sharp on high-density screens). */
export async function drawPage(canvas: HTMLCanvasElement, page: PagePreview, cssWidth: number): Promise<void> {
  await loadFonts();
  const scale = cssWidth / page.width;
  const density = window.devicePixelRatio || 1;
  canvas.width = Math.round(page.width * scale * density);
  canvas.height = Math.round(page.height * scale * density);
  canvas.style.width = `${cssWidth}px`;
  canvas.style.height = `${Math.round(page.height * scale)}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(scale * density, 0, 0, scale * density, 0, 0);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, page.width, page.height);
  // PDF text advances glyph by glyph with no kerning: so must the canvas, or lines drift.
  ctx.fontKerning = 'none';
  ctx.textBaseline = 'alphabetic';
  const flip = (y: number) => page.height - y;
  for (const op of page.ops) {
    if (op.op === 'rect') {
      ctx.fillStyle = grey(op.gray);
      ctx.fillRect(op.x, flip(op.y + op.h), op.w, op.h);
    } else if (op.op === 'line') {
      ctx.strokeStyle = grey(op.gray);
      ctx.lineWidth = op.width;
      ctx.setLineDash(op.dash);
      ctx.beginPath();
      for (let i = 0; i + 1 < op.points.length; i += 2) {
        if (i === 0) ctx.moveTo(op.points[i]!, flip(op.points[i + 1]!));
        else ctx.lineTo(op.points[i]!, flip(op.points[i + 1]!));
      }
      ctx.stroke();
      ctx.setLineDash([]);
    } else {
      const italic = op.style === 'italic' || op.style === 'boldItalic' ? 'italic ' : '';
      const bold = op.style === 'bold' || op.style === 'boldItalic' ? '700 ' : '400 ';
      ctx.font = `${italic}${bold}${op.size}px "${FAMILY}"`;
      ctx.fillStyle = grey(op.gray);
      ctx.fillText(op.text, op.x, flip(op.y));
    }
  }
}
