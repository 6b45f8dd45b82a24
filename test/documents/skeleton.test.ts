// Skeletons and clause catalogues (templates/README.md): every kind composes in every language,
// numbering and cross-references are generated, anything missing fails with kind, language and
// clause named, and templateVersion is a hash of exactly the sources.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { composeKind, LANGUAGES, loadKind, parseCatalogue, SkeletonError, versionOf } from '../../build/skeleton.mjs';
import { HBS_PRECOMPILE_OPTIONS } from '../../build/hbs-module.mjs';
import { kindSpec } from '../../lib/documents/kinds';
import { DOCUMENT_KINDS } from '../../lib/model/document';

const TEMPLATES = join(import.meta.dirname, '../../templates');
const SKELETON_KINDS = readdirSync(TEMPLATES).filter((kind) => existsSync(join(TEMPLATES, kind, 'skeleton.hbs')));

type Files = ReturnType<typeof loadKind>['files'];
const filesOf = (kind: string): Files => loadKind(join(TEMPLATES, kind, 'skeleton.hbs')).files;
const withCatalogue = (files: Files, lang: string, edit: (text: string) => string): Files => ({
  ...files,
  catalogues: { ...files.catalogues, [lang]: edit(files.catalogues[lang]!) },
});
const compose = (kind: string, files: Files) => () => composeKind(kind, files);

/** Removes the entry `## id` and its text from a catalogue. */
function withoutEntry(text: string, id: string): string {
  const lines = text.split('\n');
  const start = lines.indexOf(`## ${id}`);
  if (start < 0) throw new Error(`no entry ${id}`);
  let end = start + 1;
  while (end < lines.length && !/^## [a-z0-9][a-z0-9.-]*$/.test(lines[end]!)) end++;
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

describe('every kind built from a skeleton', () => {
  it('covers the kinds that have one', () => {
    expect(SKELETON_KINDS).toContain('dpa');
    for (const kind of SKELETON_KINDS) expect(DOCUMENT_KINDS).toContain(kind);
  });

  it.each(SKELETON_KINDS)('%s composes and precompiles in every language', (kind) => {
    const { sources } = composeKind(kind, filesOf(kind));
    for (const lang of LANGUAGES) {
      expect(sources[lang]).not.toMatch(/\{\{(section|clause|text|ref|refRange)\b/);
      expect(() => Handlebars.precompile(sources[lang]!, HBS_PRECOMPILE_OPTIONS)).not.toThrow();
    }
  });

  it.each(SKELETON_KINDS)('%s: a clause missing from any language fails, naming kind, language and clause', (kind) => {
    const files = filesOf(kind);
    for (const lang of LANGUAGES) {
      const ids = [...parseCatalogue(files.catalogues[lang]!, lang).keys()].filter((id) => !id.startsWith('cite.'));
      for (const id of [ids[0]!, ids[Math.floor(ids.length / 2)]!, ids[ids.length - 1]!]) {
        expect(compose(kind, withCatalogue(files, lang, (t) => withoutEntry(t, id)))).toThrow(
          new SkeletonError(`templates/${kind}/${lang}.md: ${kind} in ${lang} has no text for clause "${id}"`),
        );
      }
    }
  });

  it.each(SKELETON_KINDS)('%s: templateVersion is the hash of the sources, and changes with any catalogue text', (kind) => {
    const files = filesOf(kind);
    const version = composeKind(kind, files).templateVersion;
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(kindSpec(kind as (typeof DOCUMENT_KINDS)[number]).templateVersion).toBe(version);
    expect(composeKind(kind, filesOf(kind)).templateVersion).toBe(version);
    for (const lang of LANGUAGES) {
      const edited = withCatalogue(files, lang, (t) => t.replace(/\.(\n|$)/, ',$1'));
      expect(edited.catalogues[lang]).not.toBe(files.catalogues[lang]);
      expect(composeKind(kind, edited).templateVersion).not.toBe(version);
    }
    expect(versionOf({ ...files, skeleton: `${files.skeleton}\n` })).not.toBe(version);
  });
});

describe('numbering and cross-references', () => {
  const dpa = composeKind('dpa', filesOf('dpa'));

  it('numbers sections and clauses in skeleton order; alternatives share a number', () => {
    expect(dpa.numbers).toMatchObject({
      background: '1',
      subprocessors: '8',
      'subprocessors.specific-authorisation': '8.1',
      'subprocessors.general-authorisation': '8.1',
      'subprocessors.contract': '8.4',
      'breaches.controller-reports': '13.5',
      'breaches.processor-reports': '13.5',
      'governing-law.courts': '18.2',
    });
  });

  it('prints references in each language’s citation style', () => {
    const has = (lang: string, ...texts: string[]) => {
      for (const text of texts) expect(dpa.sources[lang]).toContain(text);
    };
    has('en', 'referred to in clause 8.4', '(clauses 9, 10, 12 and 13)', '(clauses 5 to 14)', 'When this agreement ends, clause 11 applies.');
    has('nl', 'in artikel 8.4 bedoelde', '(artikelen 9, 10, 12 en 13)', '(artikelen 5 tot en met 14)', 'is artikel 11 van toepassing');
    has('de', 'in Ziffer 8.4 genannten', '(Ziffern 9, 10, 12 und 13)', '(Ziffern 5 bis 14)', 'gilt Ziffer 11.');
    has('it', 'all’articolo 8.4.', '(articoli 9, 10, 12 e 13)', '(articoli da 5 a 14)', 'si applica l’articolo 11.');
  });

  const mini = (skeleton: string, texts: Record<string, string>) => {
    const catalogue = ['## cite.one', 'clause {n}', '## cite.many', 'clauses {list}', '## cite.range', 'clauses {from} to {to}', '## cite.and', 'and']
      .concat(Object.entries(texts).flatMap(([id, text]) => [`## ${id}`, text]))
      .join('\n\n');
    return () => composeKind('mini', { skeleton, catalogues: Object.fromEntries(LANGUAGES.map((l) => [l, catalogue])) });
  };

  it('renumbers what follows when the skeleton order changes', () => {
    const texts = { a: 'A', 'a.x': 'See {{ref "a.y"}}.', 'a.y': 'Y.' };
    expect(mini('## {{section "a"}}\n\n{{clause "a.x"}}\n\n{{clause "a.y"}}\n', texts)().sources.en).toBe('## 1. A\n\n1.1 See clause 1.2.\n\n1.2 Y.\n');
    expect(mini('## {{section "a"}}\n\n{{clause "a.y"}}\n\n{{clause "a.x"}}\n', texts)().sources.en).toBe('## 1. A\n\n1.1 Y.\n\n1.2 See clause 1.1.\n');
  });

  it('fails on a reference to a clause the skeleton does not have', () => {
    expect(mini('## {{section "a"}}\n\n{{clause "a.x"}}\n', { a: 'A', 'a.x': 'See {{ref "a.z"}}.' })).toThrow(
      new SkeletonError('templates/mini/en.md: clause "a.x" refers to "a.z", which the skeleton does not have'),
    );
  });

  it('fails on a reference to a clause a condition can leave out, unless it sits under the same condition', () => {
    const skeleton = '## {{section "a"}}\n\n{{clause "a.x"}}\n{{#if extra}}\n\n{{clause "a.y"}}\n{{/if}}\n';
    expect(mini(skeleton, { a: 'A', 'a.x': 'See {{ref "a.y"}}.', 'a.y': 'Y.' })).toThrow(/clause "a\.x" refers to "a\.y", which a condition can leave out of the document/);
    expect(mini(skeleton, { a: 'A', 'a.x': 'X.', 'a.y': 'Unlike {{ref "a.x"}}, see {{ref "a.y"}}.' })().sources.en).toContain('1.2 Unlike clause 1.1, see clause 1.2.');
  });

  it('never leaves a gap: an optional clause may only come last in its section', () => {
    const texts = { a: 'A', 'a.x': 'X.', 'a.y': 'Y.', 'a.z': 'Z.' };
    expect(mini('## {{section "a"}}\n\n{{#if o}}\n{{clause "a.x"}}\n{{/if}}\n{{clause "a.y"}}\n', texts)).toThrow(/clause "a\.y" follows clause "a\.x", which can be left out/);
    expect(mini('## {{section "a"}}\n\n{{#if o}}\n{{clause "a.x"}}\n{{else}}\n{{clause "a.y"}}\n{{/if}}\n{{clause "a.z"}}\n', texts)().numbers).toMatchObject({ 'a.x': '1.1', 'a.y': '1.1', 'a.z': '1.2' });
    expect(mini('## {{section "a"}}\n\n{{clause "a.x"}}\n{{#if o}}\n{{clause "a.y"}}\n{{/if}}\n', { a: 'A', 'a.x': 'X.', 'a.y': 'Y.' })().numbers).toMatchObject({ 'a.y': '1.2' });
  });

  it('lets only the last section be conditional, and refers to it only from under its condition', () => {
    const texts = { a: 'A', b: 'B', c: 'C' };
    expect(mini('## {{section "a"}}\n{{#if o}}\n## {{section "b"}}\n{{/if}}\n', { a: 'A', b: 'B' })().sources.en).toBe('## 1. A\n{{#if o}}\n## 2. B\n{{/if}}\n');
    expect(mini('## {{section "a"}}\n{{#if o}}\n## {{section "b"}}\n{{/if}}\n## {{section "c"}}\n', texts)).toThrow(/section "c" follows section "b", which can be left out/);
    expect(mini('## {{section "a"}}\n\n{{clause "a.x"}}\n{{#if o}}\n## {{section "b"}}\n{{/if}}\n', { a: 'A', b: 'B', 'a.x': 'See {{ref "b"}}.' })).toThrow(/refers to "b", which a condition can leave out/);
  });

  it('fails on catalogue text the skeleton does not use, and on a reference typed into the skeleton', () => {
    expect(mini('## {{section "a"}}\n', { a: 'A', 'a.old': 'Stale.' })).toThrow(
      new SkeletonError('templates/mini/en.md: mini in en has text for clause "a.old", which the skeleton does not use'),
    );
    expect(mini('## {{section "a"}}\n\nSee {{ref "a"}}.\n', { a: 'A' })).toThrow(/references belong in the catalogues/);
    expect(mini('## {{section "a"}}\n\n{{text "a"}}\n', { a: 'A' })).toThrow(/"a" is used both as a numbered section and as text/);
  });
});
