// fontkit's bundled iconv-lite builds its tables for the CJK legacy encodings (Shift_JIS, EUC-JP,
// GBK, GB18030, Big5, EUC-KR) as about 390 kB of array literals at load, at every start of the CLI's
// engine (scripts/build-cli.mjs), for the rare font whose names are written in one of them. This
// moves them, unchanged, into a function that builds them the first time a codec asks: the same
// tables, made later. test/cli/fontkit-cjk.test.ts compares them with the unchanged module's.

/** The variables fontkit's codecs read the tables from (rollup's names in fontkit.es.js). */
const TABLES = ['require$$0', 'require$$1', 'require$$2', 'require$$3$1', 'require$$4', 'require$$5', 'require$$6', 'require$$7'];
const USE = /require\$\$(?:0|1|2|3\$1|4|5|6|7)(?![\w$])/g;

/** fontkit.es.js's source with the CJK tables built on first use; throws if fontkit's code moved. */
export function lazyCjkTables(code) {
  const fail = (what) => new Error(`fontkit-cjk: fontkit changed (${what}); update scripts/fontkit-cjk.mjs`);
  const start = code.indexOf('\nvar shiftjis = [\n');
  const last = 'var require$$7 = getCjsExportFromNamespace(big5Added$1);\n';
  const end = code.indexOf(last) + last.length;
  const blockStart = code.indexOf('\nvar dbcsData = {\n');
  const blockEnd = code.indexOf('\n};\n', blockStart) + 4;
  if (start < 0 || end < start + last.length || blockStart < end || blockEnd < blockStart + 4) throw fail('the tables or dbcsData are not where expected');
  const tables = code.slice(start, end);
  for (const name of TABLES) if (tables.split(`\nvar ${name} = getCjsExportFromNamespace(`).length !== 2) throw fail(`${name} is not defined once`);
  let uses = 0;
  const block = code.slice(blockStart, blockEnd).replace(USE, (name) => {
    uses += 1;
    return `__pdCjk().${name}`;
  });
  if (uses !== 12) throw fail(`dbcsData reads the tables ${uses} times, not 12`);
  const rest = code.slice(0, start) + code.slice(end, blockStart) + code.slice(blockEnd);
  if (USE.test(rest)) throw fail('the tables are read outside dbcsData');
  const lazy = `\nvar __pdCjkTables;\nfunction __pdCjk() {\n  if (!__pdCjkTables) {${tables}\n    __pdCjkTables = { ${TABLES.map((name) => `${name}: ${name}`).join(', ')} };\n  }\n  return __pdCjkTables;\n}\n`;
  return code.slice(0, start) + lazy + code.slice(end, blockStart) + block + code.slice(blockEnd);
}
