// Marked's inline tokens → styled runs. Only what MARKUP.md promises is accepted; anything else
// (inline HTML, images, strikethrough) is a MarkupError naming the line, so a template author
// learns about it when the template is first rendered, not from a document that looks wrong.
import type { Token } from 'marked';
import { MarkupError } from './errors';
import type { FontStyle } from './fonts';
import { HARD_BREAK, type Run } from './linebreak';
import { markOf, SPAN_MARK } from '../spans';
import type { DocumentLanguage } from './labels';

export interface Emphasis {
  readonly bold: boolean;
  readonly italic: boolean;
}

export const styleOf = ({ bold, italic }: Emphasis): FontStyle => (bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular');
export const emphasisOf = (style: FontStyle): Emphasis => ({ bold: style === 'bold' || style === 'boldItalic', italic: style === 'italic' || style === 'boldItalic' });

/** Finds the line of a token's source text (its `raw`) at or after a known offset. */
export type LineOf = (raw: string) => number;

export function inlineRuns(tokens: readonly Token[], base: FontStyle, lineOf: LineOf): Run[] {
  const builder = new RunBuilder(lineOf);
  builder.walk(tokens, emphasisOf(base));
  return builder.runs;
}

/**
 * Collects the runs of one block. A class rather than closures inside inlineRuns: it runs for
 * every paragraph and table cell, and its state (the open spans) lives across tokens.
 */
class RunBuilder {
  readonly runs: Run[] = [];
  // Spans marked by views (../spans.ts) may hold escapes and so cover several tokens.
  private keep = false;
  private lang: DocumentLanguage | null = null;

  constructor(private readonly lineOf: LineOf) {}

  private text(value: string, style: FontStyle): void {
    if (!SPAN_MARK.test(value)) {
      if (value) this.runs.push(this.keep || this.lang ? { text: value, style, ...(this.keep ? { keep: true } : {}), ...(this.lang ? { lang: this.lang } : {}) } : { text: value, style });
      return;
    }
    let from = 0;
    for (let i = 0; i <= value.length; i++) {
      const mark = i < value.length ? markOf(value[i]!) : undefined;
      if (i < value.length && !mark) continue;
      if (i > from) this.text(value.slice(from, i), style);
      if (mark && 'keep' in mark) this.keep = mark.keep;
      else if (mark) this.lang = mark.lang;
      from = i + 1;
    }
  }

  walk(list: readonly Token[], emphasis: Emphasis): void {
    const { lineOf } = this;
    for (const token of list) {
      switch (token.type) {
        case 'text':
          if (token.tokens?.length) this.walk(token.tokens, emphasis);
          else this.text(token.text, styleOf(emphasis));
          break;
        case 'escape':
        case 'codespan':
          this.text(token.text, styleOf(emphasis));
          break;
        case 'strong':
          this.walk(token.tokens ?? [], { ...emphasis, bold: true });
          break;
        case 'em':
          this.walk(token.tokens ?? [], { ...emphasis, italic: true });
          break;
        case 'br':
          this.runs.push({ text: HARD_BREAK, style: styleOf(emphasis) });
          break;
        case 'link': {
          this.walk(token.tokens ?? [], emphasis);
          // Paper has no links: print the address unless the text already is the address.
          const href = String(token.href).replace(/^mailto:/, '');
          if (!token.autolink && href !== token.text) this.runs.push({ text: ` (${href})`, style: styleOf(emphasis) });
          break;
        }
        case 'html':
          throw new MarkupError(lineOf(token.raw), `inline HTML ${JSON.stringify(token.raw.trim())} is not supported (escape < and > in values)`);
        case 'image':
          throw new MarkupError(lineOf(token.raw), `images are not supported (${JSON.stringify(token.raw)})`);
        case 'del':
          throw new MarkupError(lineOf(token.raw), `strikethrough is not supported (${JSON.stringify(token.raw)})`);
        default:
          throw new MarkupError(lineOf(token.raw), `${token.type} is not supported inside text (${JSON.stringify(token.raw)})`);
      }
    }
  }
}

export const plainText = (runs: readonly Run[]) => runs.map((r) => (r.text === HARD_BREAK ? ' ' : r.text)).join('');

/** Removes `prefix.length` characters from the start of the runs (a label that is printed apart). */
export function dropPrefix(runs: readonly Run[], length: number): Run[] {
  const out: Run[] = [];
  let left = length;
  for (const run of runs) {
    if (left >= run.text.length) {
      left -= run.text.length;
      continue;
    }
    out.push(left > 0 ? { ...run, text: run.text.slice(left) } : run);
    left = 0;
  }
  return out;
}
