import { describe, expect, it } from 'vitest';
import { DETECT_LANGUAGES } from '../../lib/model/common';
import { REQUEST_TYPES } from '../../lib/model/request';
import { COMMON_TABLE, TABLES } from '../../lib/detect/phrases';
import { compileCombine, compileTable, expandPattern } from '../../lib/detect/rules';

describe('phrase tables', () => {
  const tables = [...DETECT_LANGUAGES.map((l) => [l, TABLES[l]] as const), ['common', COMMON_TABLE] as const];

  it.each(tables)('%s compiles, and no cue can match an empty or blank text', (_, table) => {
    for (const cue of compileTable(table)) {
      for (const text of ['', ' ', '\n', '. , !']) {
        cue.re.lastIndex = 0;
        expect(cue.re.exec(text), `${cue.re.source} on ${JSON.stringify(text)}`).toBeNull();
      }
    }
  });

  it.each(tables.slice(0, -1))('%s has a sentence-combination rule for every type that compiles and never matches blank text', (_, table) => {
    const rules = compileCombine(table)!;
    expect(rules.verbs.map((v) => v.type).sort()).toEqual([...REQUEST_TYPES].sort());
    for (const re of [rules.self, rules.block, ...rules.verbs.map((v) => v.re)]) {
      for (const text of ['', ' ', '\n', '. , !']) {
        re.lastIndex = 0;
        expect(re.exec(text), re.source).toBeNull();
      }
    }
  });

  it.each(tables.slice(0, -1))('%s has stop words and negators for the language detector and negation', (_, table) => {
    expect(table.stop.split(' ').length).toBeGreaterThanOrEqual(40);
    expect(table.negators.split(' ').length).toBeGreaterThanOrEqual(1);
  });
});

describe('pattern syntax', () => {
  const re = (pattern: string, macros: Record<string, string> = {}) => new RegExp(expandPattern(pattern, macros));

  it('matches whole words only', () => {
    expect(re('data').test('my data')).toBe(true);
    expect(re('data').test('metadata')).toBe(false);
    expect(re('data').test('database')).toBe(false);
  });

  it('reads "x*" as a stem and "(…)*" as a stemmed group', () => {
    expect(re('delet*').test('deletion')).toBe(true);
    expect(re('(delet|eras)* me').test('erasing me')).toBe(true);
  });

  it('lets " ~ " skip up to four words, "~2" up to two, never across a sentence end', () => {
    expect(re('delete ~ data').test('delete all of my personal data')).toBe(true);
    expect(re('delete ~ data').test('delete one two three four five data')).toBe(false);
    expect(re('delete ~2 data').test('delete all my old data')).toBe(false);
    expect(re('delete ~ data').test('delete the ticket. My data')).toBe(false);
  });

  it('rejects a gap without spaces around it, which would otherwise match a literal "~"', () => {
    expect(() => expandPattern('copy (of )?~ data', {})).toThrow(/needs a space/);
  });

  it('expands macros and rejects unknown ones', () => {
    expect(re('{my} data', { my: 'my|mine' }).test('mine data')).toBe(true);
    expect(() => expandPattern('{nope} data', {})).toThrow(/unknown macro \{nope\}/);
  });

  it('rejects a malformed cue line', () => {
    expect(() => compileTable({ stop: '', negators: '', macros: {}, cues: ['x3 data'] })).toThrow(/bad cue/);
    expect(() => compileTable({ stop: '', negators: '', macros: {}, cues: ['e data'] })).toThrow(/bad cue/);
  });
});
