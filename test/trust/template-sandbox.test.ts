// Attacks through a custom template: the sandbox frame navigating itself to an outside URL (with data in
// the query), a template whose nested loops produce gigabytes or run for minutes, and a render that
// never answers while its frame keeps running.
import { describe, expect, it, vi } from 'vitest';
import { renderCustomTemplate, CUSTOM_TEMPLATE_LIMITS } from '../../entrypoints/templates.sandbox/compile';

const directives = (csp: string) => Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));

describe('custom template sandbox', () => {
  it('extension pages may frame only the extension\'s own pages (the sandbox cannot be navigated outside)', async () => {
    vi.resetModules();
    const { default: config } = (await import('../../wxt.config.ts')) as { default: { manifest: (env: { browser: string }) => { content_security_policy: { extension_pages: string } } } };
    for (const browser of ['chrome', 'firefox']) {
      const pages = directives(config.manifest({ browser }).content_security_policy.extension_pages);
      expect(pages['frame-src'], browser).toEqual(["'self'"]);
      expect(pages['child-src'], browser).toEqual(["'self'"]);
    }
  });

  it('stops a template whose nested loops would repeat or write without bound', () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ name: `row ${i}` }));
    const loops = renderCustomTemplate('{{#each rows}}{{#each @root.rows}}{{#each @root.rows}}{{name}}{{/each}}{{/each}}{{/each}}', { rows }, 'loops.hbs');
    expect(loops.ok === false && loops.problem.message).toBe(`loops.hbs repeats its loops more than ${CUSTOM_TEMPLATE_LIMITS.iterations} times`);
    const text = 'x'.repeat(60_000);
    const wide = renderCustomTemplate('{{#each rows}}{{@root.text}}{{/each}}', { rows, text }, 'wide.hbs');
    expect(wide.ok === false && wide.problem.message).toBe(`wide.hbs writes more than ${CUSTOM_TEMPLATE_LIMITS.outputChars} characters`);
  });

  it('a real list still renders', () => {
    const rows = Array.from({ length: 500 }, (_, i) => ({ name: `Subprocessor ${i}` }));
    const result = renderCustomTemplate('{{#each rows}}- {{name}}\n{{/each}}', { rows }, 'list.hbs');
    expect(result.ok && result.markdown.split('\n').length).toBe(501);
  });
});
