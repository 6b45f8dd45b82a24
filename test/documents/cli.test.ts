// The document commands of the CLI, driven through main() with a fake IO: example → render →
// PDF on disk; schema; and errors that name the field and leave no output file behind.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main';
import type { CliIO } from '../../lib/cli/io';
import { DOCUMENT_KINDS } from '../../lib/model/document';
import { kindSpec } from '../../lib/documents/kinds';
import { pdfText, tempDir } from './document-tools';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], stdin = ''): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => stdin,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const tmp = tempDir('privacy-desk-cli-');
afterAll(() => tmp.remove());
const file = (name: string) => join(tmp.dir, name);

describe('privacy-desk example', () => {
  it.each(DOCUMENT_KINDS)('prints a valid input for %s', async (kind) => {
    const run = await cli(['example', kind]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(kindSpec(kind).input.safeParse(JSON.parse(run.stdout)).success).toBe(true);
  });

  it('prints each DSAR variant', async () => {
    for (const variant of ['access', 'portability', 'erasure', 'extension', 'rejection']) {
      const run = await cli(['example', 'dsar-response', '--variant', variant]);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).variant).toBe(variant);
    }
    expect((await cli(['example', 'register', '--variant', 'x'])).code).toBe(2);
    expect((await cli(['example', 'dsar-response', '--variant', 'refusal'])).stderr).toContain('--variant must be one of');
  });

  it('rejects an unknown kind with a usage error', async () => {
    const run = await cli(['example', 'contract']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown document kind "contract"');
  });
});

describe('privacy-desk schema', () => {
  it.each(DOCUMENT_KINDS)('prints the JSON Schema of %s', async (kind) => {
    const run = await cli(['schema', kind]);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe(`Privacy Desk ${kind} input`);
    expect(JSON.stringify(schema)).toContain('"legalName"');
  });

  it('describes the fields of the subprocessor list', async () => {
    const schema = JSON.parse((await cli(['schema', 'subprocessors'])).stdout);
    expect(schema.required).toEqual(expect.arrayContaining(['date', 'place', 'organisation', 'list']));
    const entry = schema.properties.list.properties.subprocessors.items;
    expect(entry.required).toEqual(expect.arrayContaining(['name', 'legalEntity', 'purpose', 'locations', 'transferMechanism', 'addedOn']));
    expect(entry.properties).not.toHaveProperty('createdAt');
    expect(entry.properties.transferMechanism.enum).toContain('scc');
  });

  it('describes every DSAR variant', async () => {
    const schema = JSON.parse((await cli(['schema', 'dsar-response'])).stdout);
    expect(schema.oneOf.map((s: { properties: { variant: { const: string } } }) => s.properties.variant.const)).toEqual(['access', 'portability', 'erasure', 'extension', 'rejection']);
  });
});

describe('privacy-desk render', () => {
  it('renders the example of every kind to a PDF and reports its hashes', async () => {
    for (const kind of DOCUMENT_KINDS) {
      writeFileSync(file(`${kind}.json`), (await cli(['example', kind])).stdout);
      const run = await cli(['render', kind, '--data', file(`${kind}.json`), '--lang', 'nl', '--out', file(`${kind}.pdf`)]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const summary = JSON.parse(run.stdout);
      const bytes = readFileSync(file(`${kind}.pdf`));
      expect(summary).toMatchObject({ kind, language: 'nl', bytes: bytes.length, templateVersion: kindSpec(kind).templateVersion });
      expect(summary.pages).toBeGreaterThan(0);
      expect(summary.inputSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdfText(bytes)).toContain(`Pagina 1 van ${summary.pages}`);
    }
  });

  it('reads the input from stdin with --data -', async () => {
    const input = (await cli(['example', 'register'])).stdout;
    const run = await cli(['render', 'register', '--data', '-', '--lang', 'it', '--out', file('stdin.pdf')], input);
    expect(run.code).toBe(0);
    expect(pdfText(readFileSync(file('stdin.pdf')))).toContain('Registro delle attività di trattamento');
  });

  it('names the bad field on stderr, exits non-zero and writes no file', async () => {
    const input = JSON.parse((await cli(['example', 'subprocessors'])).stdout);
    input.organisation.email = 'not an address';
    delete input.list.subprocessors[1].purpose;
    writeFileSync(file('bad.json'), JSON.stringify(input));
    const before = readdirSync(tmp.dir);
    const run = await cli(['render', 'subprocessors', '--data', file('bad.json'), '--lang', 'en', '--out', file('bad.pdf')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('organisation.email: must be an e-mail address');
    expect(run.stderr).toContain('list.subprocessors.1.purpose');
    expect(existsSync(file('bad.pdf'))).toBe(false);
    expect(readdirSync(tmp.dir)).toEqual(before);
  });

  it('leaves an existing output file untouched when rendering fails', async () => {
    writeFileSync(file('keep.pdf'), 'previous version');
    writeFileSync(file('broken.json'), '{ "date": ');
    const run = await cli(['render', 'register', '--data', file('broken.json'), '--lang', 'de', '--out', file('keep.pdf')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is not valid JSON');
    expect(readFileSync(file('keep.pdf'), 'utf8')).toBe('previous version');
  });

  it('renders with a custom template, and names the unknown field of a broken one', async () => {
    writeFileSync(file('sp.json'), (await cli(['example', 'subprocessors'])).stdout);
    writeFileSync(file('good.hbs'), '# Our processors\n\n{{#each rows}}\n- {{name}} ({{locations}})\n{{/each}}\n');
    const good = await cli(['render', 'subprocessors', '--data', file('sp.json'), '--lang', 'de', '--out', file('custom.pdf'), '--template', file('good.hbs')]);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout).templateVersion).toMatch(/^custom:[0-9a-f]{16}$/);
    expect(pdfText(readFileSync(file('custom.pdf')))).toContain('Città Cloud (Italien, Deutschland)');

    writeFileSync(file('typo.hbs'), '# Our processors\n\n{{#each rows}}\n- {{name}} ({{locaitons}})\n{{/each}}\n');
    const typo = await cli(['render', 'subprocessors', '--data', file('sp.json'), '--lang', 'de', '--out', file('typo.pdf'), '--template', file('typo.hbs')]);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('"locaitons"');
    expect(typo.stderr).toContain('line 4');
    expect(existsSync(file('typo.pdf'))).toBe(false);

    writeFileSync(file('syntax.hbs'), '# {{organisation.legalName}\n');
    const syntax = await cli(['render', 'subprocessors', '--data', file('sp.json'), '--lang', 'de', '--out', file('syntax.pdf'), '--template', file('syntax.hbs')]);
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toContain('Parse error on line 1');
    expect(existsSync(file('syntax.pdf'))).toBe(false);
  });

  it('checks its arguments', async () => {
    expect((await cli(['render', 'register', '--data', file('x.json'), '--out', file('x.pdf')])).stderr).toContain('missing --lang');
    expect((await cli(['render', 'register', '--data', file('x.json'), '--lang', 'fr', '--out', file('x.pdf')])).code).toBe(2);
    expect((await cli(['render', '--lang', 'en'])).stderr).toContain('name a document kind');
    expect((await cli(['render', 'register', '--colour', 'red'])).code).toBe(2);
    const missing = await cli(['render', 'register', '--data', file('nope.json'), '--lang', 'en', '--out', file('x.pdf')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read input');
    expect((await cli(['render', '--help'])).stdout).toContain('usage: privacy-desk render');
  });
});
