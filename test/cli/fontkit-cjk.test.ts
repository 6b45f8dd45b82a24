// scripts/fontkit-cjk.mjs moves fontkit's CJK encoding tables into a function that builds them on
// first use (the CLI's engine, scripts/build-cli.mjs): they must be the very tables fontkit builds
// at load, and not built until a codec asks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the build scripts, without types
import { lazyCjkTables } from '../../scripts/fontkit-cjk.mjs';
import { FONTKIT, loadFontkit } from './fontkit-bundle';

/** Every DBCS codec's tables, as its codec reads them. */
const PROBE = `
export function __tables() {
  return Object.keys(dbcsData).filter((k) => dbcsData[k] && typeof dbcsData[k].table === 'function').map((k) => [k, dbcsData[k].table(), dbcsData[k].gb18030 ? dbcsData[k].gb18030() : null]);
}
export function __built() { return typeof __pdCjk === 'function' ? __pdCjkTables !== undefined : 'eager'; }
`;

const load = (transform: (code: string) => string) => loadFontkit<{ __tables(): unknown; __built(): unknown }>(transform, PROBE);

describe('fontkit CJK tables built on first use', () => {
  it('are the tables fontkit builds at load, made only when a codec asks', { timeout: 60_000 }, async () => {
    const eager = await load((code) => code);
    const lazy = await load(lazyCjkTables);
    expect(eager.__built()).toBe('eager');
    expect(lazy.__built()).toBe(false);
    const tables = lazy.__tables() as [string, unknown[], unknown][];
    expect(lazy.__built()).toBe(true);
    expect(tables.map(([name]) => name)).toEqual(expect.arrayContaining(['shiftjis', 'eucjp', 'gbk', 'gb18030', 'cp949', 'big5hkscs']));
    expect(JSON.stringify(tables)).toBe(JSON.stringify(eager.__tables()));
  });

  it('refuses a fontkit whose tables moved', () => {
    const code = readFileSync(FONTKIT, 'utf8');
    expect(() => lazyCjkTables(code.replace('var require$$7 = getCjsExportFromNamespace(big5Added$1);', 'var require$$7 = big5Added;'))).toThrow(/fontkit changed/);
    expect(() => lazyCjkTables(`${code}\nconsole.log(require$$2);\n`)).toThrow(/outside dbcsData/);
  });
});
