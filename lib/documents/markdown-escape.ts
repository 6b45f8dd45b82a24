// Escaping of interpolated values for the Markdown that templates emit (see MARKUP.md).
// Templates produce Markdown, not HTML: a value like `A*B | C <b>` must print literally and must
// not open emphasis, split a table cell or start a heading, list or quote.

/**
 * Inline Markdown characters: backslash-escaped wherever they occur (CommonMark allows a
 * backslash before any ASCII punctuation, so `\x` always prints `x`). `&` stops entity decoding
 * (`&amp;` would otherwise print `&`), `~` stops GFM strikethrough, `!` stops image syntax.
 */
const INLINE = /[\\`*_[\]#|<>+~&!]/g;

/** Things that only mean something at the start of a line: list markers, setext underlines. */
const LEADING_DASH = /^([-=])/;
const LEADING_ORDERED = /^(\d{1,9})([.)])/;
// Anything escapeMarkdown changes: a line break or tab, two spaces, a leading space, an inline
// character, or what means something at the start of a line.
const NEEDS_ESCAPING = /[\r\n\t\f\v\u2028\u2029\\`*_[\]#|<>+~&!]| {2}|^[ =-]|^\d{1,9}[.)]/;

/**
 * Escapes one interpolated value. Line breaks and tabs become spaces: a value is always inline
 * text (views split multi-paragraph text into lists), so it can never end a table row or start
 * a new block. Runs of spaces are collapsed and a leading space dropped, so a value can neither form an
 * indented code block nor indent a list marker.
 */
export function escapeMarkdown(value: string): string {
  // Most values (names, dates, countries) need none of it: one test instead of six replacements.
  if (!NEEDS_ESCAPING.test(value)) return value;
  const oneLine = value
    .replace(/[\r\n\t\f\v\u2028\u2029]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(/^ /, '');
  return oneLine
    .replace(INLINE, (ch) => `\\${ch}`)
    .replace(LEADING_DASH, '\\$1')
    .replace(LEADING_ORDERED, '$1\\$2');
}
