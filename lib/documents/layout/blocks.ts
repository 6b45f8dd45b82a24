// Marked's block tokens → flow items, one row of MARKUP.md at a time.
import type { Token, Tokens } from 'marked';
import type { PageCanvas } from './canvas';
import { MarkupError } from './errors';
import type { FlowItem, Frame } from './flow';
import type { FontBook, FontStyle } from './fonts';
import { dropPrefix, inlineRuns, plainText, type LineOf } from './inline';
import type { LayoutLabels } from './labels';
import { baselineOffset, breakLines, drawLine, type BreakContext, type Line, type Run } from './linebreak';
import { signatureItems } from './signatures';
import { tableItems } from './table';
import { BODY_WIDTH, BULLET_COLUMN, CLAUSE_HANG, CLAUSE_HANG_DEEP, LABEL_GAP, mm, NOTICE, PAGE, SPACE, TYPE, type TextStyle } from './theme';

export type Item = { -readonly [K in keyof FlowItem]: FlowItem[K] };

export interface BuildContext extends BreakContext {
  readonly fonts: FontBook;
  readonly labels: LayoutLabels;
}

/** Where blocks go: the body, or the inside of a notice box. */
export interface Region {
  readonly left: number;
  readonly width: number;
  readonly frame?: Frame;
}

interface Label {
  readonly runs: readonly Run[];
  /** Offset of the label from the text block's left edge. */
  readonly x: number;
}

interface ParagraphOptions {
  readonly type: TextStyle;
  /** Offset of the text (all lines) from the region's left edge. */
  readonly indent: number;
  readonly label?: Label;
  readonly align?: 'left' | 'center';
  /** Headings: every line is kept with the next, and the last with the following block. */
  readonly keepAll?: boolean;
}

const NUMBERED_CLAUSE = /^(\d{1,3}(?:\.\d{1,3})+\.?)[ \u00A0]+/; // 3.1 / 3.1.2 / 3.1.
const NUMBERED_HEADING = /^(\d{1,3}(?:\.\d{1,3})*\.?|[A-Z]\.|[IVX]{1,5}\.)[ \u00A0]+/; // 1. / 1.1 / A. / IV.
const ITEM_LABEL = /^(\([a-z0-9]{1,6}\))[ \u00A0]+/i; // (a) / (iv) / (12)
const BULLETS = ['\u2022', '\u2013', '\u25E6'];
const DIRECTIVE = /^<!--\s*(pagebreak|signatures|address)\s*-->\s*$/;
/** Top of a letter's address block from the page's top edge: the window of a DL or C5/6 window envelope (NEN 1026, DIN 5008). */
const ADDRESS_TOP = mm(50);

export interface Flow {
  readonly items: FlowItem[];
  /** Text of the `# Title`, if the document has one. */
  readonly title: string | undefined;
}

export function buildFlow(tokens: readonly Token[], source: string, ctx: BuildContext): Flow {
  return new FlowBuilder(source, ctx).build(tokens);
}

class FlowBuilder {
  private readonly items: Item[] = [];
  private pendingSpace = 0;
  private pendingBreak = false;
  private title: string | undefined;
  /** Text column of the clause being written (after `## 3. …` or `3.1 …`), where its lists and plain paragraphs align. */
  private clauseIndent = 0;
  private readonly lineStarts: number[] = [0];
  private offset = 0;

  constructor(
    private readonly source: string,
    private readonly ctx: BuildContext,
  ) {
    for (let i = 0; i < source.length; i++) if (source[i] === '\n') this.lineStarts.push(i + 1);
  }

  build(tokens: readonly Token[]): Flow {
    const body: Region = { left: 0, width: BODY_WIDTH };
    let signaturesAt: number | undefined;
    let addressAt: number | undefined;
    let first = true;
    for (const token of tokens) {
      const start = this.source.indexOf(token.raw, this.offset);
      if (start >= 0) this.offset = start;
      const line = this.lineAt(this.offset);
      const lineOf: LineOf = (raw) => {
        const at = this.source.indexOf(raw, this.offset);
        return this.lineAt(at >= 0 ? at : this.offset);
      };
      try {
        if (token.type === 'space') continue;
        if (signaturesAt !== undefined) {
          if (token.type !== 'table') throw new MarkupError(signaturesAt, '<!-- signatures --> must be followed by a table with the columns Party | Name | Title | Place');
          signaturesAt = undefined;
          // The closing ("Kind regards,") is kept with the signature block, and with the last line
          // before it (and so, by widow control, the last two): neither stands alone on a page.
          const closing = this.items[this.items.length - 1];
          if (closing) closing.keepWithNext = true;
          const before = this.items[this.items.length - 2];
          if (before) before.keepWithNext = true;
          this.push(signatureItems(token as Tokens.Table, body, this.ctx, lineOf), SPACE.block * 2, SPACE.block);
          continue;
        }
        if (token.type === 'heading' && token.depth === 1) {
          if (!first) throw new MarkupError(line, 'a `# Title` heading is allowed only once, as the first line of the document');
          this.titleBlock(token as Tokens.Heading, lineOf);
          continue;
        }
        if (token.type === 'html') {
          const directive = DIRECTIVE.exec(token.raw.trim())?.[1];
          if (directive === 'pagebreak') this.pendingBreak = true;
          else if (directive === 'signatures') signaturesAt = line;
          else if (directive === 'address') addressAt = line;
          else throw new MarkupError(line, `raw HTML ${JSON.stringify(token.raw.trim().slice(0, 60))} is not supported; the only directives are <!-- pagebreak -->, <!-- signatures --> and <!-- address -->`);
          continue;
        }
        if (addressAt !== undefined) {
          if (token.type !== 'paragraph' || this.items.some((item) => item.breakBefore)) throw new MarkupError(addressAt, '<!-- address --> must be followed by the recipient\'s address as a paragraph, on the first page');
          addressAt = undefined;
          // The address goes where an envelope's window shows it: its top at ADDRESS_TOP on page 1.
          const used = this.items.reduce((y, item) => y + item.spaceBefore + item.height, 0);
          const count = this.items.length;
          this.block(token, body, lineOf, 0);
          const address = this.items[count];
          if (address) address.spaceBefore = Math.max(address.spaceBefore, ADDRESS_TOP - PAGE.marginTop - used);
          continue;
        }
        this.block(token, body, lineOf, 0);
      } finally {
        if (token.type !== 'space') first = false;
        this.offset += start >= 0 ? token.raw.length : 0;
      }
    }
    if (signaturesAt !== undefined) throw new MarkupError(signaturesAt, '<!-- signatures --> must be followed by a table with the columns Party | Name | Title | Place');
    if (addressAt !== undefined) throw new MarkupError(addressAt, '<!-- address --> must be followed by the recipient\'s address as a paragraph');
    return { items: this.items, title: this.title };
  }

  private lineAt(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** Appends a block's items, collapsing the space between it and the previous block. */
  private push(items: Item[], spaceBefore: number, spaceAfter: number, frame?: Frame): void {
    const first = items[0];
    if (!first) return;
    first.spaceBefore = Math.max(this.pendingSpace, spaceBefore, first.spaceBefore) + (frame && !this.inFrame(frame) ? frame.pad : 0);
    if (this.pendingBreak) {
      first.breakBefore = true;
      this.pendingBreak = false;
    }
    this.items.push(...items);
    this.pendingSpace = spaceAfter;
  }

  private inFrame(frame: Frame): boolean {
    return this.items[this.items.length - 1]?.frame === frame;
  }

  private block(token: Token, region: Region, lineOf: LineOf, depth: number): void {
    const inBody = region.frame === undefined;
    switch (token.type) {
      case 'space':
        return;
      case 'heading': {
        const h = token as Tokens.Heading;
        if (h.depth === 1) throw new MarkupError(lineOf(h.raw), 'a `# Title` heading is allowed only once, as the first line of the document');
        this.heading(h, region, lineOf);
        return;
      }
      case 'paragraph':
        this.paragraph(inlineRuns((token as Tokens.Paragraph).tokens, 'regular', lineOf), region, inBody ? TYPE.body : TYPE.notice);
        return;
      case 'list':
        this.list(token as Tokens.List, region, inBody ? this.clauseIndent : 0, lineOf, 0, inBody ? TYPE.body : TYPE.notice);
        return;
      case 'table':
        this.push(tableItems(token as Tokens.Table, region, this.ctx, lineOf), SPACE.block, SPACE.block, region.frame);
        return;
      case 'blockquote':
        if (depth > 0) throw new MarkupError(lineOf(token.raw), 'a notice (> …) cannot contain another notice');
        this.notice(token as Tokens.Blockquote, region, lineOf);
        return;
      case 'hr':
        this.push([this.rule(region)], SPACE.paragraph, SPACE.paragraph, region.frame);
        return;
      case 'html':
        throw new MarkupError(lineOf(token.raw), `raw HTML ${JSON.stringify(token.raw.trim().slice(0, 60))} is not supported here`);
      case 'code':
        throw new MarkupError(lineOf(token.raw), 'code blocks (indented or fenced) are not supported');
      case 'def':
        throw new MarkupError(lineOf(token.raw), 'link reference definitions are not supported');
      default:
        throw new MarkupError(lineOf(token.raw), `${token.type} is not supported`);
    }
  }

  private titleBlock(token: Tokens.Heading, lineOf: LineOf): void {
    // The title is never hyphenated: it breaks between words only.
    const runs = inlineRuns(token.tokens, TYPE.title.style, lineOf).map((run) => ({ ...run, keep: true }));
    this.title = plainText(runs).trim();
    const items = this.textItems(runs, { left: 0, width: BODY_WIDTH }, { type: TYPE.title, indent: 0, align: 'center', keepAll: true });
    this.push(items, 0, SPACE.titleAfter);
  }

  private heading(token: Tokens.Heading, region: Region, lineOf: LineOf): void {
    const [type, before, after] =
      token.depth === 2
        ? [TYPE.heading, SPACE.headingBefore, SPACE.headingAfter]
        : token.depth === 3
          ? [TYPE.subheading, SPACE.subheadingBefore, SPACE.subheadingAfter]
          : [TYPE.minorHeading, SPACE.subheadingBefore, SPACE.subheadingAfter];
    let runs = inlineRuns(token.tokens, type.style, lineOf);
    const number = NUMBERED_HEADING.exec(plainText(runs));
    let label: Label | undefined;
    let indent = 0;
    if (number) {
      runs = dropPrefix(runs, number[0].length);
      label = { runs: [{ text: number[1]!, style: type.style }], x: 0 };
      indent = Math.max(CLAUSE_HANG, this.labelWidth(label.runs, type) + LABEL_GAP);
    }
    if (region.frame === undefined) this.clauseIndent = indent;
    const items = this.textItems(runs, region, { type, indent, keepAll: true, ...(label ? { label } : {}) });
    this.push(items, before, after, region.frame);
  }

  private paragraph(runs: Run[], region: Region, type: TextStyle): void {
    const number = NUMBERED_CLAUSE.exec(plainText(runs));
    if (!number) {
      const indent = region.frame === undefined ? this.clauseIndent : 0;
      this.push(this.textItems(runs, region, { type, indent }), SPACE.paragraph, SPACE.paragraph, region.frame);
      return;
    }
    // 3.1 hangs from the margin with its text at CLAUSE_HANG; each deeper level (3.1.2) moves
    // its number to the text column of the level above.
    const levels = number[1]!.replace(/\.$/, '').split('.').length;
    const labelRuns: Run[] = [{ text: number[1]!, style: 'regular' }];
    const x = levels <= 2 ? 0 : CLAUSE_HANG + (levels - 3) * CLAUSE_HANG_DEEP;
    const hang = levels <= 2 ? CLAUSE_HANG : CLAUSE_HANG_DEEP;
    const indent = x + Math.max(hang, this.labelWidth(labelRuns, type) + LABEL_GAP);
    if (region.frame === undefined) this.clauseIndent = indent;
    const items = this.textItems(dropPrefix(runs, number[0].length), region, { type, indent, label: { runs: labelRuns, x } });
    this.push(items, SPACE.paragraph, SPACE.paragraph, region.frame);
  }

  private list(token: Tokens.List, region: Region, base: number, lineOf: LineOf, level: number, type: TextStyle): void {
    // Labels first, so that every item of the list hangs at the same column.
    const entries = token.items.map((item, i) => {
      if (item.task) throw new MarkupError(lineOf(item.raw), 'task list items (- [ ]) are not supported');
      const [lead, ...rest] = item.tokens.filter((t) => t.type !== 'space');
      let runs: Run[] = [];
      let blocks = rest;
      if (lead && (lead.type === 'text' || lead.type === 'paragraph')) {
        runs = inlineRuns((lead as Tokens.Text).tokens ?? [lead], 'regular', lineOf);
      } else if (lead) {
        blocks = [lead, ...rest];
      }
      let label: string;
      const own = ITEM_LABEL.exec(plainText(runs));
      if (own) {
        label = own[1]!;
        runs = dropPrefix(runs, own[0].length);
      } else if (token.ordered) {
        label = `${(typeof token.start === 'number' ? token.start : 1) + i}.`;
      } else {
        label = BULLETS[level % BULLETS.length]!;
      }
      return { item, runs, blocks, label: [{ text: label, style: 'regular' as FontStyle }] };
    });
    const column = Math.max(BULLET_COLUMN, ...entries.map((e) => this.labelWidth(e.label, type) + LABEL_GAP));
    const indent = base + column;
    for (const { item, runs, blocks, label } of entries) {
      const spacing = token.loose ? SPACE.paragraph : SPACE.listItem;
      this.push(this.textItems(runs, region, { type, indent, label: { runs: label, x: base } }), spacing, spacing, region.frame);
      for (const block of blocks) {
        if (block.type === 'list') this.list(block as Tokens.List, region, indent, lineOf, level + 1, type);
        else if (block.type === 'paragraph' || block.type === 'text') {
          const runs = inlineRuns((block as Tokens.Paragraph).tokens ?? [block], 'regular', lineOf);
          this.push(this.textItems(runs, region, { type, indent }), spacing, spacing, region.frame);
        } else throw new MarkupError(lineOf(item.raw), `${block.type} is not supported inside a list item`);
      }
    }
    if (level === 0) this.pendingSpace = Math.max(this.pendingSpace, SPACE.paragraph);
  }

  private notice(token: Tokens.Blockquote, region: Region, lineOf: LineOf): void {
    const left = region.left;
    const width = region.width;
    const frame: Frame = {
      pad: NOTICE.padY,
      draw(canvas: PageCanvas, x: number, top: number, bottom: number) {
        canvas.fillRect(x + left, bottom, width, top - bottom, NOTICE.fill);
        canvas.fillRect(x + left, bottom, NOTICE.bar, top - bottom, NOTICE.barGray);
      },
    };
    const inner: Region = { left: left + NOTICE.bar + NOTICE.padX, width: width - NOTICE.bar - 2 * NOTICE.padX, frame };
    this.pendingSpace = Math.max(this.pendingSpace, SPACE.block);
    const before = this.items.length;
    for (const child of token.tokens) this.block(child, inner, lineOf, 1);
    if (this.items.length === before) return;
    this.pendingSpace = NOTICE.padY + SPACE.block;
  }

  private rule(region: Region): Item {
    return {
      height: 8,
      spaceBefore: 0,
      keepWithNext: false,
      ...(region.frame ? { frame: region.frame } : {}),
      draw: (canvas, x, top) => canvas.line(x + region.left, top - 4, x + region.left + region.width, top - 4, 0.5, 0.6),
    };
  }

  private labelWidth(runs: readonly Run[], type: TextStyle): number {
    return runs.reduce((w, r) => w + this.ctx.fonts.get(r.style).width(r.text), 0) * type.size;
  }

  /** Lines of text as flow items, with orphan and widow control. */
  textItems(runs: readonly Run[], region: Region, options: ParagraphOptions): Item[] {
    const { type, indent, label, align = 'left', keepAll = false } = options;
    const { fonts } = this.ctx;
    const width = region.width - indent;
    const lines = breakLines(runs, width, type.size, this.ctx);
    const labelLine: Line | undefined = label ? breakLines(label.runs, region.width, type.size, this.ctx)[0] : undefined;
    const baseline = baselineOffset(type.size, type.lineHeight);
    const n = lines.length;
    return lines.map((line, i) => ({
      height: type.lineHeight,
      spaceBefore: 0,
      // Orphans: the first line never ends a page alone; widows: the last never starts one alone.
      keepWithNext: keepAll || (n > 1 && (i === 0 || i === n - 2)),
      ...(region.frame ? { frame: region.frame } : {}),
      draw(canvas: PageCanvas, x: number, top: number) {
        const left = x + region.left + indent + (align === 'center' ? (width - line.width) / 2 : 0);
        // The label first: the content stream is in reading order, so text extraction and screen
        // readers get "3.1 The processor …" rather than the number after its line.
        if (i === 0 && labelLine && label) drawLine(canvas, fonts, labelLine, x + region.left + label.x, top - baseline, type.size, type.gray);
        drawLine(canvas, fonts, line, left, top - baseline, type.size, type.gray);
      },
    }));
  }
}
