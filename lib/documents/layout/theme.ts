// Page geometry and typography of every generated document: one place, so a change of margins
// or type sizes is made once. Units are PDF points (1/72 inch).
import type { FontStyle } from './fonts';

const MM = 72 / 25.4;
export const mm = (v: number) => v * MM;

export type Gray = number; // 0 = black, 1 = white

export const PAGE = {
  width: 595.28, // A4
  height: 841.89,
  marginLeft: mm(25),
  marginRight: mm(25),
  marginTop: mm(25),
  marginBottom: mm(22),
  /** Baseline of the running header and the hairline under it (from the top edge). */
  headerBaseline: mm(15),
  headerRule: mm(17),
  /** Baseline of the page-number footer (from the bottom edge). */
  footerBaseline: mm(12),
} as const;

export const BODY_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;
export const BODY_HEIGHT = PAGE.height - PAGE.marginTop - PAGE.marginBottom;

export interface TextStyle {
  readonly size: number;
  readonly lineHeight: number;
  readonly style: FontStyle;
  readonly gray: Gray;
}

const text = (size: number, lineHeight: number, style: FontStyle = 'regular', gray: Gray = 0): TextStyle => ({ size, lineHeight, style, gray });

export const TYPE = {
  body: text(10, 13.5),
  title: text(17, 22, 'bold'),
  heading: text(11.5, 15, 'bold'),
  subheading: text(10.5, 14, 'bold'),
  minorHeading: text(10, 13.5, 'boldItalic'),
  table: text(8.75, 11.5),
  notice: text(9.5, 12.75),
  signature: text(9.5, 12.5),
  signatureLabel: text(7.5, 12.5, 'regular', 0.4),
  running: text(7.5, 10, 'regular', 0.45),
} as const;

/** Vertical rhythm: space above / below blocks (collapsed: the larger of the two wins). */
export const SPACE = {
  paragraph: 6,
  listItem: 2.5,
  titleAfter: 20,
  headingBefore: 15,
  headingAfter: 5,
  subheadingBefore: 10,
  subheadingAfter: 3,
  block: 9, // tables, notices, signature blocks
} as const;

/** Hanging indents of numbered clauses: `3.1` hangs at 0, `3.1.2` at CLAUSE_HANG. */
export const CLAUSE_HANG = 34;
export const CLAUSE_HANG_DEEP = 44;
/** Minimum gap between a list label and its text. */
export const LABEL_GAP = 6;
export const BULLET_COLUMN = 14;

export const TABLE = {
  padX: 4,
  padY: 3,
  headerFill: 0.9,
  rule: 0.45, // width of the row rules
  ruleGray: 0.72,
  edgeRule: 0.8, // top and bottom of the table
  edgeGray: 0.25,
} as const;

export const NOTICE = {
  padX: 10,
  padY: 7,
  fill: 0.945,
  bar: 2.2,
  barGray: 0.45,
} as const;

export const SIGNATURE = {
  columnGap: mm(12),
  minColumnWidth: mm(65),
  signSpace: 40, // room above the signature line for the hand-written signature
  labelColumn: 52,
  rowGap: 20,
  lineGray: 0.35,
} as const;
