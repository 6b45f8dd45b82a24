// GFM tables: column widths from content, wrapped cells, the header row repeated on every page the
// table continues on.
//
// A row is never split across pages unless it is taller than a whole page (under the repeated
// header): such a row is cut between its text lines, filling the rest of the page and continuing
// under the repeated header on the next ones. Nothing is clipped and no content is lost.
import type { Tokens } from 'marked';
import type { BuildContext, Item, Region } from './blocks';
import type { PageCanvas } from './canvas';
import { inlineRuns, type LineOf } from './inline';
import { baselineOffset, breakLines, drawLine, measureRuns, type BreakContext, type Line, type Run, type RunMeasure } from './linebreak';
import { BODY_HEIGHT, TABLE, TYPE } from './theme';

type Align = 'left' | 'center' | 'right' | null;

/** In tables only words of at least this many letters are hyphenated ("Printing", "Nr." stay whole). */
export const TABLE_MIN_HYPHENATED = 9;
/** A column's widest word counts towards its minimum up to this many ems ("Alpensupport" whole, a long compound hyphenated). */
const SOFT_CAP_EMS = 5;

/**
 * A cell's runs and its key. Long tables repeat cells (a purpose, a country, a transfer mechanism
 * on every row): cells are identified by their Markdown source, so each distinct cell is parsed
 * into runs, measured and broken into lines once, and the key is a string marked already made
 * (and hashed once) rather than one built from the runs for every lookup.
 */
interface Cell {
  readonly runs: readonly Run[];
  readonly key: string;
}
type Rows = readonly (readonly Cell[])[];

/** One Cell per distinct source in a table; `kind` keeps header, whole-word header and body cells apart. */
class Cells {
  private readonly known = new Map<string, Cell>();
  constructor(private readonly lineOf: LineOf) {}

  of(cell: Tokens.TableCell | undefined, kind: 'h' | 'b'): Cell {
    if (!cell) return EMPTY_CELL;
    const key = kind + cell.text;
    let found = this.known.get(key);
    if (!found) {
      found = { runs: inlineRuns(cell.tokens, kind === 'h' ? 'bold' : 'regular', this.lineOf), key };
      this.known.set(key, found);
    }
    return found;
  }
}

/** Each distinct cell's widths, measured once for the header check and the column widths alike. */
type Measures = Map<string, RunMeasure>;

/**
 * Column widths like a browser's automatic table layout. Each column has a maximum (its longest
 * cell on one line), a soft minimum (its widest word) and a hard minimum (its widest piece that
 * cannot be hyphenated or broken: numbers, dates, short words, a long word's widest run between
 * hyphenation points). If every cell fits on one line the columns share out the spare width in
 * proportion to their content. Otherwise each column gets its widest word (up to 30 % of the
 * table; if they do not all fit, as much of it above the hard minimum as there is room for, in the
 * same proportion for every column) and the rest goes to the columns with the most text. Only if
 * even the hard minimums do not fit are they scaled down, and words broken between characters.
 */
function measureColumns(rows: Rows, columns: number, size: number, ctx: BreakContext, measured: Measures) {
  ctx = { ...ctx, minHyphenated: ctx.minHyphenated ?? TABLE_MIN_HYPHENATED };
  const pad = 2 * TABLE.padX;
  const hard = new Array<number>(columns).fill(pad);
  const soft = new Array<number>(columns).fill(pad);
  const max = new Array<number>(columns).fill(pad);
  for (const row of rows) {
    for (let c = 0; c < columns; c++) {
      const cell = row[c] ?? EMPTY_CELL;
      let m = measured.get(cell.key);
      if (!m) {
        m = measureRuns(cell.runs, size, ctx);
        measured.set(cell.key, m);
      }
      if (m.hardMin + pad > hard[c]!) hard[c] = m.hardMin + pad;
      if (m.softMin + pad > soft[c]!) soft[c] = m.softMin + pad;
      if (m.total + pad > max[c]!) max[c] = m.total + pad;
    }
  }
  return { hard, soft, max, pad };
}
const EMPTY_CELL: Cell = { runs: [], key: '' };

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);

/**
 * The header's words whole when the columns can still hold every unbreakable piece of the body
 * with them; otherwise (a crowded table of long compounds) the header is hyphenated like the body.
 */
function headerRuns(header: Cell[], rows: Rows, columns: number, width: number, size: number, ctx: BreakContext, measured: Measures): Cell[] {
  const whole = header.map((cell): Cell => ({ runs: cell.runs.map((run) => ({ ...run, keep: true })), key: `w${cell.key}` }));
  return sum(measureColumns([whole, ...rows], columns, size, ctx, measured).hard) <= width ? whole : header;
}

function columnWidths(rows: Rows, columns: number, width: number, size: number, ctx: BreakContext, measured: Measures): number[] {
  const { hard, soft, max, pad } = measureColumns(rows, columns, size, ctx, measured);
  const sumMax = sum(max);
  if (sumMax <= width) return max.map((m) => m + ((width - sumMax) * m) / sumMax);
  const sumHard = sum(hard);
  if (sumHard > width) return hard.map((m) => (m * width) / sumHard);
  const target = sum(soft) <= width ? soft : soft.map((s, c) => Math.max(hard[c]!, Math.min(s, SOFT_CAP_EMS * size + pad)));
  const sumTarget = sum(target);
  const k = sumTarget <= width ? 1 : (width - sumHard) / (sumTarget - sumHard);
  const min = target.map((t, c) => hard[c]! + (t - hard[c]!) * k);
  const sumMin = sum(min);
  return min.map((m, c) => m + ((max[c]! - m) * (width - sumMin)) / (sumMax - sumMin));
}

export function tableItems(token: Tokens.Table, region: Region, ctx: BuildContext, lineOf: LineOf): Item[] {
  const type = TYPE.table;
  const { size, lineHeight } = type;
  const columns = token.header.length;
  const cells = new Cells(lineOf);
  const rows = token.rows.map((row) => Array.from({ length: columns }, (_, c) => cells.of(row[c], 'b')));
  const measured: Measures = new Map();
  // Header words are set whole when the table allows it: a hyphenated column label is hard to read.
  const header = headerRuns(token.header.map((cell) => cells.of(cell, 'h')), rows, columns, region.width, size, ctx, measured);
  const widths = columnWidths([header, ...rows], columns, region.width, size, ctx, measured);
  const offsets = widths.map((_, c) => widths.slice(0, c).reduce((a, b) => a + b, 0));
  const align: Align[] = token.align;
  const baseline = baselineOffset(size, lineHeight);
  const { fonts } = ctx;
  const frame = region.frame ? { frame: region.frame } : {};

  const cellCtx = { ...ctx, minHyphenated: TABLE_MIN_HYPHENATED };
  const broken = widths.map(() => new Map<string, Line[]>());
  const cellLines = (cells: readonly Cell[]) =>
    cells.map((cell, c) => {
      let lines = broken[c]!.get(cell.key);
      if (!lines) {
        lines = breakLines(cell.runs, widths[c]! - 2 * TABLE.padX, size, cellCtx);
        broken[c]!.set(cell.key, lines);
      }
      return lines;
    });

  /** A row, or part of one: `top`/`bottom` say whether it has the row's top and bottom padding. */
  const rowItem = (lines: Line[][], kind: 'header' | 'body', last: boolean, top = true, bottom = true): Item => {
    const count = Math.max(top && bottom ? 1 : 0, ...lines.map((l) => l.length));
    const padTop = top ? TABLE.padY : 0;
    const height = count * lineHeight + padTop + (bottom ? TABLE.padY : 0);
    return {
      height,
      spaceBefore: 0,
      keepWithNext: kind === 'header',
      ...frame,
      draw(canvas: PageCanvas, x: number, y: number) {
        const left = x + region.left;
        const right = left + region.width;
        if (kind === 'header') {
          canvas.fillRect(left, y - height, region.width, height, TABLE.headerFill);
          canvas.line(left, y, right, y, TABLE.edgeRule, TABLE.edgeGray);
        }
        lines.forEach((cell, c) => {
          const cellLeft = left + offsets[c]! + TABLE.padX;
          const inner = widths[c]! - 2 * TABLE.padX;
          cell.forEach((line, i) => {
            const a = align[c];
            const dx = a === 'right' ? inner - line.width : a === 'center' ? (inner - line.width) / 2 : 0;
            drawLine(canvas, fonts, line, cellLeft + dx, y - padTop - i * lineHeight - baseline, size);
          });
        });
        if (!bottom) return;
        const edge = kind === 'header' || last;
        canvas.line(left, y - height, right, y - height, edge ? TABLE.edgeRule : TABLE.rule, edge ? TABLE.edgeGray : TABLE.ruleGray);
      },
    };
  };

  const head = rowItem(cellLines(header), 'header', false);
  // The most lines a row can have and still fit on an empty page under the repeated header.
  const maxLines = Math.floor((BODY_HEIGHT - head.height - 2 * TABLE.padY - 2 * (region.frame?.pad ?? 0)) / lineHeight);
  const items: Item[] = [head];
  rows.forEach((row, r) => {
    const lines = cellLines(row);
    const count = Math.max(...lines.map((l) => l.length));
    const last = r === rows.length - 1;
    if (count <= maxLines) {
      items.push({ ...rowItem(lines, 'body', last), repeat: head });
      return;
    }
    // Taller than a page: one item per line, so the row fills the rest of this page and goes on
    // under the header on the next; its first two and last two lines stay together.
    for (let i = 0; i < count; i++) {
      const part = rowItem(lines.map((l) => l.slice(i, i + 1)), 'body', last, i === 0, i === count - 1);
      items.push({ ...part, keepWithNext: i === 0 || i === count - 2, repeat: head });
    }
  });
  return items;
}
