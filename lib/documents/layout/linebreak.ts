// Breaking styled text into lines: first fit, with a word that does not fit hyphenated in the
// document language (a visible hyphen is added at the break) or broken after a hyphen it already
// has. Words that cannot be hyphenated and are wider than a whole line (URLs, e-mail addresses,
// IBANs) are broken between characters.
import type { PageCanvas } from './canvas';
import type { Encoded, FontBook, FontStyle } from './fonts';
import type { Hyphenator } from './hyphenation';
import type { DocumentLanguage } from './labels';
import type { Gray } from './theme';

/** Styled inline text. `text: '\n'` is a hard line break. */
export interface Run {
  readonly text: string;
  readonly style: FontStyle;
  /** A name, address or citation: never hyphenated or broken inside (../spans.ts). */
  readonly keep?: boolean;
  /** The language the text is written in, when not the document's: hyphenated in it. */
  readonly lang?: DocumentLanguage;
}

export const HARD_BREAK = '\n';

export interface Segment {
  readonly style: FontStyle;
  /** Offset from the start of the line. */
  readonly x: number;
  /** Glyph ids as the bytes of a PDF string (fonts.ts `Encoded`). */
  readonly codes: string;
}

export interface Line {
  readonly segments: readonly Segment[];
  readonly width: number;
  /** What the line prints, hyphen included (tests, debugging). */
  readonly text: string;
}

export interface BreakContext {
  readonly fonts: FontBook;
  readonly hyphenate: Hyphenator;
  /** Hyphenation in another language, for text marked as written in it. */
  readonly hyphenateIn?: (lang: DocumentLanguage) => Hyphenator;
  /** Words with fewer letters are not hyphenated (default 7; tables use 9: "Prin-ting" in a cell is worse than a wider column). */
  readonly minHyphenated?: number;
}

interface Piece {
  readonly style: FontStyle;
  readonly text: string;
  readonly keep?: boolean | undefined;
  readonly lang?: DocumentLanguage | undefined;
  /** The text encoded in its style's font, once it has been measured (encodedOf). */
  enc: Encoded | undefined;
}

/** A word: text between spaces, possibly in several styles (`**Processor**'s`). */
interface Word {
  readonly pieces: readonly Piece[];
  /** Hard line breaks right before the word: one starts a new line, each further one leaves an empty line. */
  readonly breaksBefore: number;
}

// Spaces that separate words; the no-break spaces (U+00A0, U+202F) do not: they join the words
// on either side into one, which is printed with an ordinary space.
const NO_BREAK_SPACES = /[\u00A0\u202F]/g;
const INVISIBLE = /[\u00AD\u200B]/g; // soft hyphens (we hyphenate ourselves) and zero-width spaces
const NON_ASCII = /[^\x00-\x7F]/;

// A number and its unit, and a reference word and its number, are kept on one line as if joined by
// a no-break space: "72 hours", "€ 1.250", "Art. 28", "lid 3". Characters beyond ASCII are written
// as \u escapes in regular expressions: the CLI bundle must stay ASCII (scripts/build-cli.mjs).
const NUMBER = /^\d[\d.,]*$/;
const UNIT =
  /^(?:%|\u2030|\u20AC|\$|\u00A3|[A-Z]{3}|days?|hours?|weeks?|months?|years?|dag(?:en)?|uur|we(?:e|k)en|maand(?:en)?|jaar|jaren|Tag(?:e|en)?|Stunden?|Wochen?|Monat(?:e|en)?|Jahr(?:e|en)?|giorn[io]|ore|settiman[ae]|mes[ei]|ann[io]|[kMGT]B|pt|mm|cm|km|kg)[.,;:)]*$/u;
const BEFORE_NUMBER = /^(?:\(|\p{L}*[\u2019'])?(?:Art\.|art\.|Article|Artikel|Articolo|articolo|artt?\.|Abs\.|lid|leden|par\.|parr\.|\u00A7|No\.|Nr\.|n\.|\u20AC|EUR)$/u;
/** "sub e", "lit. a", "lett. c)": the point of an article and its letter. */
const BEFORE_LETTER = /^(?:sub|lit\.|lett\.|onder)$/;
const POINT_LETTER = /^[a-z]\)?[,.;:]?$/;
/** The regulation's name after a citation: "45 AVG", "sub e AVG", "lett. c), GDPR". */
const REGULATION = /^(?:GDPR|AVG|DSGVO|RGPD)[.,;:)]*$/;
/** What the regulation's name is kept with: an article number or a point's letter, not a long "46(2)(c)". */
const CITED = /^(?:\d{1,3}|[a-z]\)?),?$/;

function glued(left: readonly Piece[], right: readonly Piece[]): boolean {
  const next = textOf(right);
  const first = next.charCodeAt(0);
  const digitFirst = first >= 0x30 && first <= 0x39;
  // What the word after can be joined to: a unit (any word), a number, a point's letter or the
  // regulation's name; the tests below run only where the word after allows a join at all.
  const letterPoint = next.length <= 4 && first >= 0x61 && first <= 0x7a;
  const regulation = first === 0x41 || first === 0x44 || first === 0x47 || first === 0x52; // A D G R
  const text = textOf(left);
  const last = text.slice(text.lastIndexOf(' ') + 1);
  const lastFirst = last.charCodeAt(0);
  return (
    (lastFirst >= 0x30 && lastFirst <= 0x39 && NUMBER.test(last) && UNIT.test(next)) ||
    (digitFirst && BEFORE_NUMBER.test(last)) ||
    (letterPoint && BEFORE_LETTER.test(last) && POINT_LETTER.test(next)) ||
    (regulation && REGULATION.test(next) && CITED.test(last))
  );
}

/** A piece of a run: its style and marks, other text. */
const pieceOf = (run: Run | Piece, text: string): Piece => ({ style: run.style, text, keep: run.keep, lang: run.lang, enc: undefined });

/** A piece's encoding, looked up once per piece (a word is measured, then added to its line). */
function encodedOf(piece: Piece, fonts: FontBook): Encoded {
  return (piece.enc ??= fonts.get(piece.style).encode(piece.text));
}

/**
 * The words of a block's runs. A table cell is measured for the column widths and then broken
 * into lines from the same runs: its words are split once.
 */
const wordsOfRuns = new WeakMap<readonly Run[], Word[]>();
function wordsOf(runs: readonly Run[]): Word[] {
  let words = wordsOfRuns.get(runs);
  if (!words) wordsOfRuns.set(runs, (words = splitWords(runs)));
  return words;
}

function splitWords(runs: readonly Run[]): Word[] {
  const words: Word[] = [];
  // The pieces of the word being collected. Most words have one: an array literal of one is made
  // for it, where pushing onto an empty array would reserve room for 17.
  let current: Piece[] | undefined;
  let breaks = 0;
  // Numbers are joined to their units and references to their numbers as the words are made
  // (never across a hard break).
  const push = (pieces: Piece[]) => {
    const prev = words[words.length - 1];
    if (prev && breaks === 0 && glued(prev.pieces, pieces)) {
      const lastPiece = prev.pieces[prev.pieces.length - 1]!;
      words[words.length - 1] = { pieces: [...prev.pieces, pieceOf(lastPiece, ' '), ...pieces], breaksBefore: prev.breaksBefore };
    } else words.push({ pieces, breaksBefore: breaks });
    breaks = 0;
  };
  for (const run of runs) {
    if (run.text === HARD_BREAK) {
      if (current) {
        push(current);
        current = undefined;
      }
      breaks++;
      continue;
    }
    const nonAscii = NON_ASCII.test(run.text);
    const text = nonAscii ? run.text.normalize('NFC').replace(INVISIBLE, '') : run.text;
    // A regular-expression replace per word costs more than splitting the text: only where the run has one.
    const noBreak = nonAscii && (text.includes('\u00A0') || text.includes('\u202F'));
    // Split at runs of spaces, tabs and line ends: each ends the word being collected.
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : -1;
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== -1) continue;
      if (i > start) {
        const part = text.slice(start, i);
        const piece = pieceOf(run, noBreak ? part.replace(NO_BREAK_SPACES, ' ') : part);
        if (current) current.push(piece);
        else current = [piece];
      }
      if (c !== -1 && current) {
        push(current);
        current = undefined;
      }
      start = i + 1;
    }
  }
  if (current) push(current);
  return words;
}

function textOf(pieces: readonly Piece[]): string {
  if (pieces.length === 1) return pieces[0]!.text;
  let text = '';
  for (const p of pieces) text += p.text;
  return text;
}

/** Splits pieces at a character offset into the concatenated text. */
function splitPieces(pieces: readonly Piece[], offset: number): [Piece[], Piece[]] {
  const head: Piece[] = [];
  const tail: Piece[] = [];
  let seen = 0;
  for (const piece of pieces) {
    const len = piece.text.length;
    if (seen + len <= offset) head.push(piece);
    else if (seen >= offset) tail.push(piece);
    else {
      head.push(pieceOf(piece, piece.text.slice(0, offset - seen)));
      tail.push(pieceOf(piece, piece.text.slice(offset - seen)));
    }
    seen += len;
  }
  return [head, tail];
}

type MutableSegment = { style: FontStyle; x: number; codes: string };
const NO_SEGMENTS: readonly Segment[] = [];

class LineBuilder {
  // Made with the first segment: most lines have one or two, and an empty array reserves room for 17.
  private segments: MutableSegment[] | undefined;
  width = 0;
  text = '';

  constructor(
    private readonly ctx: BreakContext,
    private readonly size: number,
  ) {}

  get empty() {
    return this.segments === undefined;
  }

  /** Width of the space that would precede the next word. */
  gap(): number {
    const last = this.segments?.[this.segments.length - 1];
    return last ? this.ctx.fonts.get(last.style).width(' ') * this.size : 0;
  }

  add(pieces: readonly Piece[]): void {
    const last = this.segments?.[this.segments.length - 1];
    if (last) {
      const space = this.ctx.fonts.get(last.style).encode(' ');
      last.codes += space.codes;
      this.width += space.width * this.size;
      this.text += ' ';
    }
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      const enc = encodedOf(piece, this.ctx.fonts);
      const tail = this.segments?.[this.segments.length - 1];
      if (tail && tail.style === piece.style) tail.codes += enc.codes;
      else {
        const segment = { style: piece.style, x: this.width, codes: enc.codes };
        if (this.segments) this.segments.push(segment);
        else this.segments = [segment];
      }
      this.width += enc.width * this.size;
      this.text += piece.text;
    }
  }

  finish(): Line {
    return { segments: this.segments ?? NO_SEGMENTS, width: this.width, text: this.text };
  }
}

const EPSILON = 0.01;
const BREAK_AFTER = new Set(['-', '/', '\u2013']);
const URL_BREAK_AFTER = new Set(['/', '.', '-', '?', '&', '=', '_', '#', '@']);
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Addresses (URLs, e-mail, domains) are never hyphenated: a hyphen would change them. */
const ADDRESS = /[@_]|:\/\/|\.\p{L}{2,}/u;
/** Only words of this many characters are hyphenated, keeping letters on each side of the break. */
const MIN_HYPHENATED = 7;
const MIN_HEAD = 3;
const MIN_TAIL = 4;
/** An e-mail address: kept whole unless it alone is wider than the line. */
const EMAIL = /[^\s@]+@[^\s@]+\.\p{L}{2,}/u;
const LETTER = /\p{L}/u;
const DIGIT = /\d/;
/**
 * Endings of the first part of a Dutch or German compound (with its linking s): a break there
 * ("Verwerkings-verantwoordelijke", "Datenschutz-folgen…") reads better than one inside a part.
 */
const COMPOUND_JOINT = /(?:ings|ungs|heits|keits|schafts|t\u00E4ts|tions|ions|lings)$/iu;
const MAX_LADDER = 2;

// The loops over pieces, words and segments below index their arrays: they run for every word
// tried on every line, mostly before V8 optimises them, and a for…of there allocates an iterator
// and a result object per step (about 2 MB of a 14-page DPA's render).
function piecesWidth(pieces: readonly Piece[], size: number, fonts: FontBook): number {
  let w = 0;
  for (let i = 0; i < pieces.length; i++) w += encodedOf(pieces[i]!, fonts).width;
  return w * size;
}

/** "LiveAgent", "PayPal": a capital after a small letter marks a name, never hyphenated (its own hyphens still break). */
const CAMEL_CASE = /\p{Ll}\p{Lu}/u;
function inCamelCase(text: string, offset: number): boolean {
  const start = Math.max(text.lastIndexOf('-', offset - 1), text.lastIndexOf('/', offset - 1)) + 1;
  const next = text.slice(offset).search(/[-/]/);
  return CAMEL_CASE.test(text.slice(start, next < 0 ? text.length : offset + next));
}

/**
 * Where a word may break: offsets, and whether a hyphen is added there. An e-mail address has
 * none unless `force` (it alone is wider than the line).
 */
function breakPoints(text: string, hyphenate: Hyphenator, force = true, minHyphenated = MIN_HYPHENATED): { offset: number; hyphen: boolean }[] {
  const points: { offset: number; hyphen: boolean }[] = [];
  if (!force && EMAIL.test(text)) return points;
  const address = ADDRESS.test(text);
  const end = text.replace(/[^\p{L}]+$/u, '').length; // trailing punctuation does not count
  if (!address && end >= minHyphenated) {
    for (const p of hyphenate(text)) {
      if (p < MIN_HEAD || end - p < MIN_TAIL) continue;
      if (inCamelCase(text, p)) continue;
      if (text[p - 1] === '-') points.push({ offset: p, hyphen: false });
      // A hyphen only between two letters: never at an apostrophe ("Controller-'s") or a digit.
      else if (LETTER.test(text[p - 1]!) && LETTER.test(text[p]!)) points.push({ offset: p, hyphen: true });
    }
  }
  const after = address ? URL_BREAK_AFTER : BREAK_AFTER;
  for (let i = 1; i < text.length - 1; i++) {
    if (!after.has(text[i - 1]!) || !WORD_CHAR.test(text[i]!)) continue;
    // A hyphen between digits is part of a date or a number ("15-05-2024", "2025-2"): no break.
    if (!address && DIGIT.test(text[i]!) && DIGIT.test(text[i - 2] ?? '')) continue;
    points.push({ offset: i, hyphen: false });
  }
  return points;
}

/**
 * The longest head of `pieces` that fits in `room`: at a hyphenation point (a hyphen is added) or
 * after a hyphen or slash already in the word; with `force`, between any two characters.
 */
function split(pieces: readonly Piece[], room: number, force: boolean, size: number, ctx: BreakContext): [Piece[], Piece[]] | undefined {
  // A name stays whole: it moves to the next line, and is broken only if it alone is wider than a line.
  if (!force && pieces.some((p) => p.keep)) return undefined;
  const text = textOf(pieces);
  const candidates = pieces.some((p) => p.keep) ? [] : breakPoints(text, hyphenatorOf(pieces, ctx), force, ctx.minHyphenated);
  candidates.sort((a, b) => b.offset - a.offset);
  let best: [Piece[], Piece[]] | undefined;
  for (const { offset, hyphen } of candidates) {
    const [head, tail] = splitPieces(pieces, offset);
    const last = head[head.length - 1]!;
    if (hyphen) head[head.length - 1] = pieceOf(last, `${last.text}-`);
    if (piecesWidth(head, size, ctx.fonts) > room + EPSILON) continue;
    // The longest head that fits, unless a shorter one ends at a compound's joint.
    best ??= [head, tail];
    if (hyphen && COMPOUND_JOINT.test(text.slice(0, offset))) return [head, tail];
  }
  if (best || !force) return best;
  // No hyphenation point fits: break between characters (code points), keeping at least one.
  let offset = 0;
  let width = 0;
  chars: for (const piece of pieces) {
    const font = ctx.fonts.get(piece.style);
    for (const ch of piece.text) {
      const w = font.width(ch) * size;
      if (offset > 0 && width + w > room + EPSILON) break chars;
      width += w;
      offset += ch.length;
    }
  }
  const parts = splitPieces(pieces, offset);
  return parts[1].length ? parts : undefined;
}

/** The hyphenator for a word: its own language's when it is marked as written in another. */
function hyphenatorOf(pieces: readonly Piece[], ctx: BreakContext): Hyphenator {
  const lang = pieces.find((p) => p.lang)?.lang;
  return lang && ctx.hyphenateIn ? ctx.hyphenateIn(lang) : ctx.hyphenate;
}

/** Lays out `runs` in lines of at most `width` points at font size `size`. */
export function breakLines(runs: readonly Run[], width: number, size: number, ctx: BreakContext): Line[] {
  // Only hyphenate when the gap left at the end of the line would be conspicuous, and not on more
  // than two lines in a row (a "ladder" of hyphens), unless the word is wider than a whole line.
  const hyphenationZone = Math.min(24, width * 0.2);
  const lines: Line[] = [];
  let line = new LineBuilder(ctx, size);
  let ladder = 0;

  const words = wordsOf(runs);
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    // Hard breaks (CommonMark: a backslash or two spaces at the end of a line): the first ends the
    // line, each further one leaves an empty line. Breaks at the end of a paragraph print nothing.
    for (let b = 0; b < word.breaksBefore; b++) {
      lines.push(line.finish());
      line = new LineBuilder(ctx, size);
      ladder = 0;
    }
    let pieces: readonly Piece[] = word.pieces;
    for (;;) {
      const room = width - line.width - line.gap();
      if (piecesWidth(pieces, size, ctx.fonts) <= room + EPSILON) {
        line.add(pieces);
        break;
      }
      const hyphenate = line.empty || (room > hyphenationZone && ladder < MAX_LADDER);
      const parts = hyphenate ? split(pieces, room, line.empty, size, ctx) : undefined;
      ladder = parts ? ladder + 1 : 0;
      if (parts) {
        line.add(parts[0]);
        pieces = parts[1];
      } else if (line.empty) {
        line.add(pieces); // a single glyph wider than the line: let it overhang rather than loop
        break;
      }
      lines.push(line.finish());
      line = new LineBuilder(ctx, size);
    }
  }
  if (!line.empty || lines.length === 0) lines.push(line.finish());
  return lines;
}

export interface RunMeasure {
  /** The widest piece that cannot be broken: a number, a date, a word's widest syllable run. */
  readonly hardMin: number;
  /** The widest word. */
  readonly softMin: number;
  /** The whole text on one line (hard breaks ignored). */
  readonly total: number;
}

/** Hyphenation does not make a column narrower than this many ems: it would be all hyphens. */
const HARD_MIN_EMS = 3.5;

/** Widths for table column sizing. */
export function measureRuns(runs: readonly Run[], size: number, ctx: BreakContext): RunMeasure {
  let hardMin = 0;
  let softMin = 0;
  let total = 0;
  const space = ctx.fonts.get('regular').width(' ') * size;
  wordsOf(runs).forEach((word, i) => {
    const w = piecesWidth(word.pieces, size, ctx.fonts);
    softMin = Math.max(softMin, w);
    total += w + (i > 0 ? space : 0);
    hardMin = Math.max(hardMin, Math.min(w, Math.max(HARD_MIN_EMS * size, narrowest(word.pieces, w, size, ctx))));
  });
  return { hardMin, softMin, total };
}

/** Width of the widest fragment a word can be broken into (`width` if it has one style or no break point). */
function narrowest(pieces: readonly Piece[], width: number, size: number, ctx: BreakContext): number {
  if (pieces.length !== 1 || pieces[0]!.keep) return width;
  const { text, style } = pieces[0]!;
  const font = ctx.fonts.get(style);
  const points = breakPoints(text, hyphenatorOf(pieces, ctx), true, ctx.minHyphenated).sort((a, b) => a.offset - b.offset);
  if (points.length === 0) return width;
  let widest = 0;
  let from = 0;
  for (const { offset, hyphen } of points) {
    widest = Math.max(widest, font.width(text.slice(from, offset) + (hyphen ? '-' : '')) * size);
    from = offset;
  }
  return Math.max(widest, font.width(text.slice(from)) * size);
}

// DejaVu's ascender and descender (per em); the line's glyph box is centred in its line height.
const ASCENT = 0.928;
const DESCENT = 0.236;

/** Distance from the top of a line box to the baseline. */
export function baselineOffset(size: number, lineHeight: number): number {
  return (lineHeight - (ASCENT + DESCENT) * size) / 2 + ASCENT * size;
}

export function drawLine(canvas: PageCanvas, fonts: FontBook, line: Line, x: number, baseline: number, size: number, gray: Gray = 0): void {
  const segments = line.segments;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    canvas.glyphs(fonts.get(seg.style), size, x + seg.x, baseline, seg.codes, gray);
  }
}
