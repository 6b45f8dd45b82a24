// Signature blocks (`<!-- signatures -->` + a table Party | Name | Title | Place): per party its
// label, room and a line to sign on, and labelled lines for name, title, place and date. Two blocks
// stand side by side when the width allows; a row of blocks is one flow item, so a block is never
// split across pages.
import type { Tokens } from 'marked';
import type { BuildContext, Item, Region } from './blocks';
import type { PageCanvas } from './canvas';
import { MarkupError } from './errors';
import { inlineRuns, type LineOf } from './inline';
import { baselineOffset, breakLines, drawLine, type Line, type Run } from './linebreak';
import { SIGNATURE, TYPE } from './theme';

interface Field {
  readonly label: string;
  readonly lines: readonly Line[];
}

interface Block {
  readonly party: readonly Line[];
  readonly fields: readonly Field[];
  readonly height: number;
}

/** Extra height of each field row, so a date or a name can be written in by hand. */
const FIELD_PAD = 5;
/** The dotted fill-in line sits this far below the field's baseline. */
const RULE_DROP = 3;

export function signatureItems(token: Tokens.Table, region: Region, ctx: BuildContext, lineOf: LineOf): Item[] {
  if (token.header.length === 2) return letterSignatureItems(token, region, ctx, lineOf);
  if (token.header.length !== 4) {
    throw new MarkupError(lineOf(token.raw), `a signatures table has four columns (Party | Name | Title | Place) for a contract, or two (Name | Title) for a letter; this one has ${token.header.length}`);
  }
  const { fonts, labels } = ctx;
  const text = TYPE.signature;
  const small = TYPE.signatureLabel;
  const sideBySide = region.width >= 2 * SIGNATURE.minColumnWidth + SIGNATURE.columnGap;
  const columnWidth = sideBySide ? (region.width - SIGNATURE.columnGap) / 2 : region.width;
  const valueWidth = columnWidth - SIGNATURE.labelColumn;
  const lines = (runs: readonly Run[], width: number) => (runs.length ? breakLines(runs, width, text.size, ctx) : []);

  const blocks: Block[] = token.rows.map((row) => {
    const cell = (c: number, style: 'regular' | 'bold') => inlineRuns(row[c]?.tokens ?? [], style, lineOf);
    const party = lines(cell(0, 'bold'), columnWidth);
    const fields: Field[] = [
      { label: labels.name, lines: lines(cell(1, 'regular'), valueWidth) },
      { label: labels.title, lines: lines(cell(2, 'regular'), valueWidth) },
      { label: labels.place, lines: lines(cell(3, 'regular'), valueWidth) },
      { label: labels.date, lines: [] },
    ];
    const fieldsHeight = fields.reduce((h, f) => h + Math.max(1, f.lines.length) * text.lineHeight + FIELD_PAD, 0);
    const height = party.length * text.lineHeight + SIGNATURE.signSpace + small.lineHeight + FIELD_PAD + fieldsHeight;
    return { party, fields, height };
  });

  const drawBlock = (canvas: PageCanvas, block: Block, left: number, top: number) => {
    const base = baselineOffset(text.size, text.lineHeight);
    const right = left + columnWidth;
    let y = top;
    for (const line of block.party) {
      drawLine(canvas, fonts, line, left, y - base, text.size);
      y -= text.lineHeight;
    }
    y -= SIGNATURE.signSpace;
    canvas.line(left, y, right, y, 0.6, SIGNATURE.lineGray);
    canvas.string(fonts.get(small.style), small.size, left, y - small.size - 1.5, labels.signature, small.gray);
    y -= small.lineHeight + FIELD_PAD;
    for (const field of block.fields) {
      const rows = Math.max(1, field.lines.length);
      const first = y - base;
      canvas.string(fonts.get(small.style), small.size, left, first, field.label, small.gray);
      field.lines.forEach((line, i) => drawLine(canvas, fonts, line, left + SIGNATURE.labelColumn, first - i * text.lineHeight, text.size));
      const rule = first - (rows - 1) * text.lineHeight - RULE_DROP;
      canvas.line(left + SIGNATURE.labelColumn, rule, right, rule, 0.4, 0.6, [1, 1.5]);
      y -= rows * text.lineHeight + FIELD_PAD;
    }
  };

  const perRow = sideBySide ? 2 : 1;
  const items: Item[] = [];
  for (let i = 0; i < blocks.length; i += perRow) {
    const group = blocks.slice(i, i + perRow);
    items.push({
      height: Math.max(...group.map((b) => b.height)),
      spaceBefore: i === 0 ? 0 : SIGNATURE.rowGap,
      keepWithNext: false,
      ...(region.frame ? { frame: region.frame } : {}),
      draw(canvas: PageCanvas, x: number, top: number) {
        group.forEach((block, k) => drawBlock(canvas, block, x + region.left + k * (columnWidth + SIGNATURE.columnGap), top));
      },
    });
  }
  if (items.length === 0) throw new MarkupError(lineOf(token.raw), 'a signatures table needs at least one row (one per party)');
  return items;
}

/**
 * A letter's signature (a `<!-- signatures -->` table of two columns, Name | Title): room to sign,
 * then the name and the title under it. A dated letter has no lines for place and date.
 */
function letterSignatureItems(token: Tokens.Table, region: Region, ctx: BuildContext, lineOf: LineOf): Item[] {
  const text = TYPE.body;
  const items: Item[] = token.rows.map((row, i) => {
    const lines = [0, 1].flatMap((c) => {
      const runs = inlineRuns(row[c]?.tokens ?? [], c === 0 ? 'bold' : 'regular', lineOf);
      return runs.length ? breakLines(runs, region.width, text.size, ctx) : [];
    });
    const base = baselineOffset(text.size, text.lineHeight);
    return {
      height: SIGNATURE.signSpace + lines.length * text.lineHeight,
      spaceBefore: i === 0 ? 0 : SIGNATURE.rowGap,
      keepWithNext: false,
      ...(region.frame ? { frame: region.frame } : {}),
      draw(canvas: PageCanvas, x: number, top: number) {
        lines.forEach((line, k) => drawLine(canvas, ctx.fonts, line, x + region.left, top - SIGNATURE.signSpace - k * text.lineHeight - base, text.size));
      },
    };
  });
  if (items.length === 0) throw new MarkupError(lineOf(token.raw), 'a signatures table needs at least one row (one per signatory)');
  return items;
}
