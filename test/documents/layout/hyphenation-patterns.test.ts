// The CLI bundle loads hyphenation patterns per language (hyphenation-patterns-lazy.ts) where the
// extension carries all four (hyphenation-patterns.ts): both must hyphenate every word alike, or
// the CLI and the extension would break lines differently.
import { describe, expect, it } from 'vitest';
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
