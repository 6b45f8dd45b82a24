// lexMarkdown skips marked's setext-heading rule where it cannot match (lib/documents/layout/lexer.ts):
// its tokens must be marked's own for any Markdown, our templates' and hand-written ones alike.
import { Lexer } from 'marked';
import { describe, expect, it } from 'vitest';
import { kindSpec } from '../../../lib/documents/kinds';
import { lexMarkdown } from '../../../lib/documents/layout/lexer';
import { renderDocumentMarkdown } from '../../../lib/documents/render';
import { DOCUMENT_KINDS } from '../../../lib/model/document';
import { UI_LANGUAGES } from '../../../lib/model/common';
import { sampleDocument } from './sample-documents';

const marked = (source: string) => new Lexer({ gfm: true, breaks: false }).lex(source);

const TRICKY = [
  'Title\n=====\n\nBody',
  'Title\n---\n\nBody',
  'Title\n  ===  \nBody right after',
  'Two\nlines\n---',
  'Title\n-\n',
  'Text\n\n---\n\nafter a blank line the dashes are a rule',
  'Text\n \t\n===\n',
  'Text\n\u00a0\n---\n',
  'Text\n    ---\n',
  '> Quoted\n> ===\n\nafter',
  '- item\n  ---\n- item',
  '| a | b |\n|---|---|\n| 1 | 2 |\nTitle\n===',
  'A paragraph\nwith = signs = inside\nand - dashes - too',
  '# ATX\nSetext below\n~~~\ncode\n~~~\nx\n==',
  'no newline at all ===',
  '\n\nTitle\n===',
  'Title\n===\nNext\n---\n\nLast\n=',
];

describe('lexMarkdown', () => {
  it('still reads a setext heading as a heading', () => {
    expect(lexMarkdown('Title\n=====\n\nBody')[0]).toMatchObject({ type: 'heading', depth: 1, text: 'Title' });
    expect(lexMarkdown('Sub\n---\n')[0]).toMatchObject({ type: 'heading', depth: 2, text: 'Sub' });
  });

  it.each(TRICKY.map((s) => [JSON.stringify(s), s]))('gives marked’s tokens for %s', (_name, source) => {
    expect(lexMarkdown(source)).toEqual(marked(source));
  });

  it('gives marked’s tokens for the layout sample and every kind’s example in every language', async () => {
    const sources = [sampleDocument()];
    for (const kind of DOCUMENT_KINDS) {
      for (const language of UI_LANGUAGES) sources.push((await renderDocumentMarkdown({ kind, language, input: kindSpec(kind).sample() })).markdown);
    }
    for (const source of sources) expect(lexMarkdown(source)).toEqual(marked(source));
  });
});
