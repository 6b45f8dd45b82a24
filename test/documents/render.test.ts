// The render pipeline: validation first, all-or-nothing, deterministic bytes, hashes of input and output.
import Handlebars from 'handlebars';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DOCUMENT_KINDS } from '../../lib/model/document';
import { ValidationError } from '../../lib/model/errors';
import { loadNodeFonts } from '../../lib/documents/fonts-node';
import { canonicalJson, sha256Hex } from '../../lib/documents/hash';
import * as layout from '../../lib/documents/layout';
import type { PdfFonts } from '../../lib/documents/layout';
import { kindSpec } from '../../lib/documents/kinds';
import { DSAR_SAMPLES } from '../../lib/documents/kinds/dsar-response';
import { registerKind } from '../../lib/documents/kinds/register';
import { subprocessorsKind } from '../../lib/documents/kinds/subprocessors';
import { renderDocument, renderDocumentMarkdown } from '../../lib/documents/render';
import { TemplateError, TemplateFieldError } from '../../lib/documents/runtime';
import { pdfText, squash } from './document-tools';

vi.mock('../../lib/documents/layout', { spy: true });

const compile = (source: string) => new Function(`return ${Handlebars.precompile(source, { strict: true }) as unknown as string};`)();

/** The same object with every key order reversed, at every level. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
  return value;
}

let fonts: PdfFonts;
beforeAll(async () => {
  fonts = await loadNodeFonts();
});

describe('kind registry', () => {
  it('has every document kind', () => {
    for (const kind of DOCUMENT_KINDS) expect(kindSpec(kind).kind).toBe(kind);
  });
});

describe('renderDocument', () => {
  it.each(['subprocessors', 'subprocessor-notice', 'dsar-response', 'register'] as const)('renders %s byte-identically twice, whatever the key order', async (kind) => {
    const input = kindSpec(kind).sample();
    const first = await renderDocument({ kind, language: 'de', input, fonts });
    const second = await renderDocument({ kind, language: 'de', input: reverseKeys(structuredClone(input)), fonts });
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    expect(second.inputSha256).toBe(first.inputSha256);
    expect(first.outputSha256).toBe(await sha256Hex(first.bytes));
    expect(first.inputSha256).toBe(await sha256Hex(canonicalJson(kindSpec(kind).input.parse(input))));
    expect(first.outputSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.templateVersion).toBe(kindSpec(kind).templateVersion);
    expect(first.title).toBe(kindSpec(kind).meta(kindSpec(kind).input.parse(input), 'de').title);
  });

  it('puts the document metadata into the PDF', async () => {
    const doc = await renderDocument({ kind: 'register', language: 'it', input: kindSpec('register').sample(), fonts });
    const { PDFDocument } = await import('pdf-lib');
    const pdf = await PDFDocument.load(doc.bytes, { updateMetadata: false });
    expect(pdf.getTitle()).toBe('Registro delle attività di trattamento – Città Servizi Digitali S.p.A.');
    expect(pdf.getAuthor()).toBe('Città Servizi Digitali S.p.A.');
    expect(pdf.getCreationDate()?.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(pdf.getPageCount()).toBe(doc.pages);
  });

  it('validates first: a missing field is a ValidationError naming its path, and no PDF is made', async () => {
    const input = kindSpec('subprocessors').sample() as Record<string, any>;
    delete input.organisation.address.city;
    input.list.subprocessors[0].locations = [];
    const spy = vi.mocked(layout.renderMarkdownToPdf);
    spy.mockClear();
    const error = await renderDocument({ kind: 'subprocessors', language: 'en', input, fonts }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.sort()).toEqual(['list.subprocessors.0.locations', 'organisation.address.city']);
    expect((error as Error).message).toContain('organisation.address.city');
    expect(spy).not.toHaveBeenCalled();
  });

  it('names every bad field of a DSAR letter', async () => {
    const input = { ...DSAR_SAMPLES.access(), purposes: [], supervisoryAuthority: {} };
    const error = await renderDocument({ kind: 'dsar-response', language: 'nl', input, fonts }).catch((e: unknown) => e);
    expect((error as ValidationError).fields.sort()).toEqual(['purposes', 'supervisoryAuthority.name']);
  });

  it('refuses input meant for another language', async () => {
    const input = { ...registerKind.sample(), language: 'de' };
    const error = await renderDocument({ kind: 'register', language: 'en', input, fonts }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual(['language']);
    await expect(renderDocument({ kind: 'register', language: 'de', input, fonts })).resolves.toBeTruthy();
  });

  it('reports a custom template that uses an unknown field as a TemplateFieldError, without a PDF', async () => {
    const source = '# {{organisation.legalName}}\n\n{{#each list.subprocessors}}\n- {{name}} ({{legalEntity}})\n{{/each}}\n\nVersion {{version}}, signed by {{organisation.signatory}}\n';
    const spy = vi.mocked(layout.renderMarkdownToPdf);
    spy.mockClear();
    const error = await renderDocument({
      kind: 'subprocessors',
      language: 'en',
      input: kindSpec('subprocessors').sample(),
      template: compile(source),
      templateSource: source,
      templateName: 'our-list.hbs',
      fonts,
    }).catch((e: unknown) => e);
    // `list` is an input field, not a view field (the view has `rows`)
    expect(error).toBeInstanceOf(TemplateFieldError);
    expect((error as TemplateFieldError).field).toBe('list');
    expect((error as Error).message).toContain('our-list.hbs');
    expect(spy).not.toHaveBeenCalled();
  });

  it('renders a correct custom template and records it by the hash of its source', async () => {
    const source = '# {{organisation.legalName}}\n\n{{#each rows}}\n- {{name}}: {{locations}}\n{{/each}}\n';
    const doc = await renderDocument({ kind: 'subprocessors', language: 'it', input: kindSpec('subprocessors').sample(), template: compile(source), templateSource: source, fonts });
    expect(doc.templateVersion).toBe(`custom:${(await sha256Hex(source)).slice(0, 16)}`);
    expect(doc.markdown.replace(/[\uE000-\uE0FF]/g, '')).toContain('- Città Cloud: Italia, Germania');
    expect(pdfText(doc.bytes)).toContain('Zoë Coördinatie: Paesi Bassi');
  });

  it('fails as a whole when the layout rejects the Markdown', async () => {
    const source = '# {{organisation.legalName}}\n\n<div>raw html</div>\n';
    const result = renderDocument({ kind: 'subprocessors', language: 'en', input: kindSpec('subprocessors').sample(), template: compile(source), fonts });
    await expect(result).rejects.toThrow(/HTML/);
  });

  it('reports a template calling an unknown helper', async () => {
    const source = '# {{organisation.legalName}}\n\n{{upper organisation.legalName}}\n';
    const error = await renderDocumentMarkdown({ kind: 'subprocessors', language: 'en', input: kindSpec('subprocessors').sample(), template: compile(source), templateSource: source }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as Error).message).toContain('"upper"');
  });

  it('keeps hostile values literal in the PDF and in its tables', async () => {
    const input = subprocessorsKind.sample();
    input.organisation.legalName = 'A*B | C <b> _x_ [y](z) #1';
    input.list.subprocessors[0]!.purpose = 'Hosting | backups\n- not a list';
    const doc = await renderDocument({ kind: 'subprocessors', language: 'en', input, fonts });
    const text = pdfText(doc.bytes);
    expect(text).toContain('A*B | C <b> _x_ [y](z) #1');
    expect(text.replace(/\s+/g, ' ')).toContain('Hosting | backups - not a list');
    // the table still has its seven columns: the row of the next subprocessor is intact
    expect(squash(text)).toContain(squash('MailBridge Inc. Delivery of transactional e-mail'));
  });
});
