// The hyphen package ships each language's Liang patterns as one JavaScript literal: a trie of
// about 30,000 nested objects for German (0.7 MB of source). V8 parses and evaluates a literal that
// size far more slowly than JSON.parse reads the same data: measured on this machine with Node 20,
// German's patterns took 150 ms to load as the package ships them and 40 ms as JSON (V8's own
// advice for large object literals is the same). The CLI bundle (scripts/build-cli.mjs) and the
// extension build (wxt.config.ts) therefore carry each pattern file as the JSON of the very object
// the package exports; the hyphenation code that walks it is the package's, unchanged.
import { deepStrictEqual } from 'node:assert';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A module path of one language's patterns in the hyphen package. */
export const PATTERN_FILE = /[\\/]hyphen[\\/]patterns[\\/][a-z0-9-]+\.js$/;

/** The CommonJS source of a pattern module that exports the same data, read with JSON.parse. */
export function patternModuleAsJson(file) {
  const data = require(file);
  const json = JSON.stringify(data);
  // JSON would silently change holes, undefined or -0; the patterns hold only arrays, objects,
  // strings and small integers, and this keeps it so.
  deepStrictEqual(JSON.parse(json), data, `${file}: the patterns do not survive JSON`);
  return `module.exports = JSON.parse(${JSON.stringify(json)});\n`;
}

/**
 * The same for the extension's Vite build: the background carries all four languages' patterns
 * and loads them at every service-worker start (lib/documents/layout/hyphenation-patterns.ts).
 */
export function hyphenPatternsAsJson() {
  return {
    name: 'privacy-desk:hyphen-patterns-json',
    enforce: 'pre',
    transform(_source, id) {
      return PATTERN_FILE.test(id) ? { code: patternModuleAsJson(id), map: null } : null;
    },
  };
}
