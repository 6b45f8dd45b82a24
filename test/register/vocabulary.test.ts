import { describe, expect, it } from 'vitest';
import { BUILT_IN, customKey, entriesOf, isSpecialCategory, labelOf, valueFromText, VOCABULARY_KINDS } from '../../lib/register/vocabulary';

describe('vocabularies', () => {
  it('label every entry in all four languages, with unique keys', () => {
    for (const kind of VOCABULARY_KINDS) {
      const keys = BUILT_IN[kind].map((e) => e.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const entry of BUILT_IN[kind]) for (const lang of ['en', 'nl', 'de', 'it'] as const) expect(entry.labels[lang].trim()).not.toBe('');
    }
    expect(BUILT_IN.personalData.length).toBeGreaterThanOrEqual(25);
    expect(BUILT_IN.dataSubjects.length).toBeGreaterThanOrEqual(12);
    expect(BUILT_IN.purposes.length).toBeGreaterThanOrEqual(15);
    expect(BUILT_IN.personalData.filter((e) => e.special)).toHaveLength(8); // Art. 9(1)
  });

  it('maps labels in any language back to keys and keeps other text', () => {
    expect(valueFromText('purposes', 'kundenservice und support')).toBe('customer-service');
    expect(valueFromText('dataSubjects', 'Patiënten')).toBe('patients');
    expect(valueFromText('personalData', 'special-health')).toBe('special-health');
    expect(valueFromText('purposes', '  Something else ')).toBe('Something else');
    expect(labelOf('personalData', 'special-health', 'it')).toBe('Dati relativi alla salute (art. 9)');
    expect(labelOf('personalData', 'free text', 'it')).toBe('free text');
    expect(isSpecialCategory('special-genetic')).toBe(true);
    expect(isSpecialCategory('identity')).toBe(false);
  });

  it('adds custom entries under unique x- keys', () => {
    const custom = [{ kind: 'purposes' as const, key: 'x-treue-programm', label: 'Treue-Programm' }];
    expect(customKey('Treue–Programm!', custom)).toBe('x-treue-programm-2');
    expect(customKey('Überweisung', [])).toBe('x-uberweisung');
    expect(entriesOf('purposes', custom).at(-1)).toMatchObject({ key: 'x-treue-programm', labels: { nl: 'Treue-Programm' } });
    expect(valueFromText('purposes', 'treue-programm', custom)).toBe('x-treue-programm');
  });
});
