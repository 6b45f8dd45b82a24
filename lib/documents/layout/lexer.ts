// Markdown → marked's tokens, as the layout engine reads them (../MARKUP.md).
import { Lexer, Tokenizer, type Token } from 'marked';

// marked tries a setext heading ("Title" over a line of === or ---) at the start of every block,
// before the paragraph rule, with a regular expression that walks the whole paragraph line by line
// through half a dozen look-aheads and then fails. In the first render of a process that was the
// costliest single step of lexing a 14-page DPA (about 12 ms of 40; `npm run bench cli`). A setext
// heading needs its underline before the first blank line, so when no line there is an underline
// the full expression cannot match and is not run. Where one is, marked decides as before: the
// tokens are the same either way (test/documents/layout/lexer.test.ts).
const BLANK_LINE = /\n\s*?\n/;
const UNDERLINE = /\n {0,3}(?:=+|-+)[ \t]*(?:\n|$)/;

class LayoutTokenizer extends Tokenizer {
  override lheading(src: string) {
    const end = src.search(BLANK_LINE);
    if (!UNDERLINE.test(end < 0 ? src : src.slice(0, end))) return undefined;
    return super.lheading(src);
  }
}

/** The tokens of a document's Markdown: GitHub-flavoured, no line breaks from single newlines. */
export function lexMarkdown(source: string): Token[] {
  return new Lexer({ gfm: true, breaks: false, tokenizer: new LayoutTokenizer() }).lex(source);
}
