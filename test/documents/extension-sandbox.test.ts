// The sandboxed page's template compiler (entrypoints/templates.sandbox/compile.ts), run in Node:
// strict mode, Markdown escaping from lib/documents/runtime.ts, and problems with line and field.
import { describe, expect, it } from 'vitest';
import { renderCustomTemplate } from '../../entrypoints/templates.sandbox/compile';
import { subprocessorsKind } from '../../lib/documents/kinds/subprocessors';

const view = subprocessorsKind.view(subprocessorsKind.sample(), 'nl');

describe('custom template compiler', () => {
  it('renders a template with the kind view, escaping values for Markdown', () => {
    const result = renderCustomTemplate('# Lijst\n\n{{#each rows}}\n- {{name}}: {{purpose}}\n{{/each}}\n', { rows: [{ name: 'A*B | C', purpose: '# kop' }] }, 'lijst.hbs');
    expect(result).toEqual({ ok: true, markdown: '# Lijst\n\n- A\\*B \\| C: \\# kop\n' });
    const real = renderCustomTemplate('# {{organisation.legalName}}\n\n{{#each rows}}\n- {{name}}\n{{/each}}\n', view, 'lijst.hbs');
    expect(real.ok && real.markdown).toContain('Brückner \\& Müller Software GmbH');
  });

  it('names the unknown field and its line (strict mode)', () => {
    const result = renderCustomTemplate('# Lijst\n\n{{organisation.legalName}}\n\nKvK: {{organisation.kvkNummer}}\n', view, 'eigen.hbs');
    expect(result).toEqual({
      ok: false,
      problem: {
        kind: 'field',
        field: 'organisation.kvkNummer',
        line: 5,
        column: 8,
        message: 'eigen.hbs uses the field "organisation.kvkNummer" (line 5, column 8), which the data does not have',
      },
    });
    const block = renderCustomTemplate('# L\n\n{{#each subverwerkers}}\n- {{name}}\n{{/each}}\n', view, 'eigen.hbs');
    expect(block.ok === false && block.problem).toMatchObject({ kind: 'field', field: 'subverwerkers', line: 3 });
  });

  it('names the line of a template that does not compile', () => {
    const unclosed = renderCustomTemplate('# L\n\n{{#each rows}}\n- {{name}}\n', view, 'kapot.hbs');
    expect(unclosed.ok === false && unclosed.problem).toMatchObject({ kind: 'compile', line: 5 });
    expect(unclosed.ok === false && unclosed.problem.message).toMatch(/^kapot\.hbs does not compile \(line 5\): Parse error on line 5/);
    const mismatched = renderCustomTemplate('# L\n\n{{#if hasRows}}x{{/each}}\n', view, 'kapot.hbs');
    expect(mismatched.ok === false && mismatched.problem).toMatchObject({ kind: 'compile', line: 3, column: 4 });
  });

  it('refuses helpers and partials the runtime does not have', () => {
    const helper = renderCustomTemplate('# L\n\n{{upper organisation.legalName}}\n', view, 'h.hbs');
    expect(helper.ok === false && helper.problem).toMatchObject({ kind: 'template', line: 3 });
    const partial = renderCustomTemplate('# L\n\n{{> kop}}\n', view, 'p.hbs');
    expect(partial.ok === false && partial.problem.kind).toBe('template');
  });
});
