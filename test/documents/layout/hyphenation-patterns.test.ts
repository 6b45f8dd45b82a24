// The CLI bundle loads hyphenation patterns per language (hyphenation-patterns-lazy.ts) where the
// extension carries all four (hyphenation-patterns.ts): both must hyphenate every word alike, or
// the CLI and the extension would break lines differently.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import createHyphenator from 'hyphen';
import { describe, expect, it } from 'vitest';
import { PATTERN_FILE, patternModuleAsJson } from '../../../build/hyphen-patterns.mjs';
import { loadHyphenation } from '../../../lib/documents/layout/hyphenation-patterns';
import { loadHyphenation as loadLazily } from '../../../lib/documents/layout/hyphenation-patterns-lazy';

const WORDS = {
  en: ['processing', 'subprocessor', 'confidentiality', 'notwithstanding'],
  nl: ['verwerkingsverantwoordelijke', 'persoonsgegevens', 'subverwerker'],
  de: ['Auftragsverarbeitungsvertrag', 'personenbezogene', 'Unterauftragsverarbeiter'],
  it: ['trattamento', 'responsabile', 'riservatezza'],
} as const;

describe('hyphenation patterns loaded on demand', () => {
  it.each(Object.keys(WORDS) as (keyof typeof WORDS)[])('hyphenate %s as the bundled ones do', async (language) => {
    const [eager, lazy] = [await loadHyphenation(language), await loadLazily(language)];
    for (const word of WORDS[language]) {
      expect(lazy(word)).toBe(eager(word));
      expect(lazy(word)).toContain('\u00AD');
    }
  });
});

describe('patterns carried as JSON (build/hyphen-patterns.mjs)', () => {
  const require = createRequire(import.meta.url);
  const load = (code: string): unknown => {
    const module = { exports: undefined as unknown };
    new Function('module', code)(module);
    return module.exports;
  };

  // The package's entry point of each document language, and the pattern file it loads.
  it.each([['de', 'de-1996'], ['en-gb', 'en-gb'], ['it', 'it'], ['nl', 'nl']])('hyphen/%s: its patterns read as JSON are the package\'s and hyphenate alike', (language, patterns) => {
    const file = require.resolve(`hyphen/patterns/${patterns}.js`);
    expect(PATTERN_FILE.test(file)).toBe(true);
    const code = patternModuleAsJson(file);
    expect(code.length).toBeLessThan(readFileSync(file, 'utf8').length);
    const data = load(code);
    expect(data).toStrictEqual(require(file));
    const ours = createHyphenator(data);
    const theirs = require(`hyphen/${language}`).hyphenateSync as (text: string) => string;
    for (const word of Object.values(WORDS).flat()) expect(ours(word)).toBe(theirs(word));
  });

  it('refuses patterns that JSON would change', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-hyphen-'));
    try {
      const file = join(dir, 'xx.js');
      writeFileSync(file, 'module.exports = [[[0, 1]], { a: undefined }, {}];');
      expect(() => patternModuleAsJson(file)).toThrow(/do not survive JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
