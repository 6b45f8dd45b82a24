// The document runtime: Markdown escaping that is local to our templates, and errors that name
// the field a template needs.
import Handlebars from 'handlebars';
import HandlebarsRuntime from 'handlebars/runtime';
import { Lexer, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../lib/documents/markdown-escape';
import { renderTemplate, TemplateError, TemplateFieldError } from '../../lib/documents/runtime';

/** Precompiles like the build does (strict) and loads the spec; tests only, never in lib/documents. */
function spec(source: string) {
  return new Function(`return ${Handlebars.precompile(source, { strict: true }) as unknown as string};`)();
}

const HOSTILE = [
  'A*B | C <b>',
  '**not bold** _nor italic_',
  '# not a heading',
  '- not a list',
  '1. not numbered',
  '> not a quote',
  '[link](https://example.org) ![img](x.png)',
  '`code` and ~~struck~~',
  'back\\slash | pipe \\| escaped pipe',
  '<!-- pagebreak -->',
  'R&amp;D &copy;',
  '=== setext',
  '+ plus item',
  'line one\nline two | with pipe\n\n- list after blank',
];

function tableCells(markdown: string): string[] {
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  const table = tokens.find((t) => t.type === 'table') as Tokens.Table | undefined;
  if (!table) throw new Error(`no table in:\n${markdown}`);
  return table.rows.map((row) => row[1]!.text);
}

/** The text marked's inline lexer makes of a paragraph: escapes resolved, nothing else recognised. */
function inlineText(markdown: string): { text: string; types: string[] } {
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  expect(tokens.map((t) => t.type).filter((t) => t !== 'space')).toEqual(['paragraph']);
  const inline = (tokens[0] as Tokens.Paragraph).tokens;
  return { text: inline.map((t) => ('text' in t ? t.text : t.raw)).join(''), types: [...new Set(inline.map((t) => t.type))] };
}

describe('escapeMarkdown', () => {
  it.each(HOSTILE)('prints %j literally as a paragraph', (value) => {
    const { text, types } = inlineText(escapeMarkdown(value));
    // A bare URL may become a GFM autolink, which the layout engine prints as its own text.
    expect(types.every((t) => t === 'text' || t === 'escape' || t === 'link')).toBe(true);
    expect(text).toBe(value.replace(/\s*\n\s*/g, ' ').replace(/ {2,}/g, ' '));
  });

  it('keeps a hostile value inside its table cell', () => {
    const rows = HOSTILE.map((v, i) => `| ${i} | ${escapeMarkdown(v)} | end |`).join('\n');
    const markdown = `| n | value | last |\n|---|---|---|\n${rows}\n`;
    const tokens = new Lexer({ gfm: true }).lex(markdown);
    const table = tokens[0] as Tokens.Table;
    expect(table.type).toBe('table');
    expect(table.rows).toHaveLength(HOSTILE.length);
    table.rows.forEach((row, i) => {
      expect(row).toHaveLength(3);
      expect(row[2]!.text).toBe('end');
      const text = row[1]!.tokens.map((t) => ('text' in t ? t.text : t.raw)).join('');
      expect(text).toBe(HOSTILE[i]!.replace(/\s*\n\s*/g, ' ').replace(/ {2,}/g, ' '));
    });
  });

  it('leaves ordinary text alone', () => {
    expect(escapeMarkdown('Zoë Coördinatie B.V., Città 7 – Müller')).toBe('Zoë Coördinatie B.V., Città 7 – Müller');
  });
});

describe('renderTemplate', () => {
  it('escapes {{value}} for Markdown, so `A*B | C <b>` prints literally and the table holds', () => {
    const markdown = renderTemplate(spec('| a | b |\n|---|---|\n| x | {{name}} |\n'), { name: 'A*B | C <b>' });
    expect(markdown).toContain('A\\*B \\| C \\<b\\>');
    // marked resolves the escaped pipe while splitting cells; the rest are inline escapes
    expect(tableCells(markdown)).toEqual(['A\\*B | C \\<b\\>']);
    const cell = (new Lexer({ gfm: true }).lex(markdown)[0] as Tokens.Table).rows[0]![1]!;
    expect(cell.tokens.map((t) => ('text' in t ? t.text : '')).join('')).toBe('A*B | C <b>');
  });

  it('does not change HTML escaping for any other Handlebars user', () => {
    renderTemplate(spec('{{v}}'), { v: '<b>' });
    expect(Handlebars.compile('{{v}}')({ v: '<b> & *' })).toBe('&lt;b&gt; &amp; *');
    expect(HandlebarsRuntime.template(spec('{{v}}'))({ v: '<b>' })).toBe('&lt;b&gt;');
    expect(Handlebars.Utils.escapeExpression('<b>')).toBe('&lt;b&gt;');
    // and ours still escapes for Markdown afterwards
    expect(renderTemplate(spec('{{v}}'), { v: '<b>' })).toBe('\\<b\\>');
  });

  it('leaves the precompiled spec object untouched (it may be shared)', () => {
    const s = spec('{{v}}');
    const main = s.main;
    renderTemplate(s, { v: 'x' });
    expect(s.main).toBe(main);
    expect(HandlebarsRuntime.template(s)({ v: '<i>' })).toBe('&lt;i&gt;');
  });

  it('prints numbers and booleans, and empty for null', () => {
    expect(renderTemplate(spec('{{n}} {{b}} [{{z}}]'), { n: 3, b: false, z: null })).toBe('3 false []');
  });

  it('names a missing field with its path and line', () => {
    const source = '# Title\n\nHello {{party.legalName}} and {{party.nmae}}.\n';
    const error = catchError(() => renderTemplate(spec(source), { party: { legalName: 'X' } }, { source, name: 'my.hbs' }));
    expect(error).toBeInstanceOf(TemplateFieldError);
    expect(error).toMatchObject({ field: 'party.nmae', line: 3 });
    expect(error.message).toContain('my.hbs');
    expect(error.message).toContain('"party.nmae"');
    expect(error.message).toContain('line 3');
  });

  it('names the last segment without the source', () => {
    const error = catchError(() => renderTemplate(spec('{{a.b}}'), { a: {} }));
    expect(error).toBeInstanceOf(TemplateFieldError);
    expect((error as TemplateFieldError).field).toBe('b');
  });

  it('names a missing parent object', () => {
    for (const source of ['x {{organisation.legalName}}', 'x {{organisation.address.city}}']) {
      const error = catchError(() => renderTemplate(spec(source), {}, { source }));
      expect(error).toBeInstanceOf(TemplateFieldError);
      expect((error as TemplateFieldError).field).toBe('organisation');
    }
    const nested = 'x {{organisation.address.city}}';
    const error = catchError(() => renderTemplate(spec(nested), { organisation: {} }, { source: nested }));
    expect((error as TemplateFieldError).field).toBe('organisation.address');
  });

  it('names a missing field inside {{#each}}', () => {
    const source = '{{#each rows}}\n| {{name}} | {{nmae}} |\n{{/each}}\n';
    const error = catchError(() => renderTemplate(spec(source), { rows: [{ name: 'a' }] }, { source }));
    expect(error).toMatchObject({ name: 'TemplateFieldError', field: 'nmae', line: 2 });
  });

  it.each(['each', 'if', 'unless', 'with'])('treats a missing {{#%s}} argument as a missing field', (helper) => {
    const source = `intro\n{{#${helper} subprocesors}}x{{/${helper}}}\n`;
    const error = catchError(() => renderTemplate(spec(source), { subprocessors: [] }, { source }));
    expect(error).toMatchObject({ name: 'TemplateFieldError', field: 'subprocesors', line: 2 });
  });

  it('accepts present-but-empty values in block helpers', () => {
    expect(renderTemplate(spec('{{#if a}}A{{else}}-{{/if}}{{#each b}}B{{/each}}{{#unless c}}C{{/unless}}'), { a: null, b: [], c: false })).toBe('-C');
  });

  it('refuses to print a list or an object as text', () => {
    const error = catchError(() => renderTemplate(spec('{{items}}'), { items: ['a', 'b'] }));
    expect(error).toBeInstanceOf(TemplateFieldError);
    expect(error.message).toMatch(/prints a list/);
  });

  it('reports an unknown helper as a TemplateError', () => {
    const source = 'x {{shout name}}';
    const error = catchError(() => renderTemplate(spec(source), { name: 'x' }, { source }));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.message).toMatch(/shout/);
  });

  it('rejects something that is not a precompiled template', () => {
    expect(() => renderTemplate({} as never, {})).toThrow(TemplateError);
  });
});

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
