// fontkit as the CLI's engine bundles it (scripts/build-cli.mjs): the same ES build the extension
// bundles, with work it does at load moved to first use, and its decompression done by Node's zlib.
// A fontkit whose code no longer matches fails the build rather than silently loading slowly.
// test/cli/fontkit-engine.test.ts compares what the changed module builds with the unchanged one's.
import { lazyCjkTables } from './fontkit-cjk.mjs';

/**
 * An object made on first use: reads, writes, "in" and key listing go to the real one. A function
 * declaration, written into the modules that use it (fontkit's, and build:cli's lazy pdf-lib parts).
 */
export const LAZY_VALUE = `function __pdLazyValue(make) {
  var value;
  var real = function () { return value || (value = make()); };
  return new Proxy({}, {
    get: function (_, key) { return real()[key]; },
    set: function (_, key, v) { real()[key] = v; return true; },
    has: function (_, key) { return key in real(); },
    ownKeys: function () { return Reflect.ownKeys(real()); },
    getOwnPropertyDescriptor: function (_, key) { var d = Reflect.getOwnPropertyDescriptor(real(), key); if (d) d.configurable = true; return d; },
  });
}`;

/**
 * fontkit.es.js's source for the engine:
 * - It decodes four Unicode property tries and the Indic and Universal shapers' tables, builds their
 *   state machines, and decompresses the 120 kB Brotli dictionary of its WOFF2 reader when it is
 *   loaded. A render uses one trie (fontkit asks whether each glyph is a combining mark); the engine
 *   never shapes text or reads WOFF2, so the rest is never needed: each is built on first use
 *   instead (about 30 ms of CPU less in a bare load of fontkit). The CJK encoding tables likewise
 *   (./fontkit-cjk.mjs).
 * - Its compressed tables (zlib streams, and each trie's raw DEFLATE data inside) are inflated by
 *   pako and tiny-inflate, JavaScript that runs cold in a one-shot process: building the one trie a
 *   render needs took about 10 ms. Node's zlib inflates the same bytes in well under one.
 */
export function fontkitForEngine(source) {
  let code = lazyCjkTables(source);
  const replace = (from, to, count) => {
    const found = code.split(from).length - 1;
    if (found !== count) throw new Error(`fontkit-engine: fontkit changed: expected ${count}× ${JSON.stringify(from)}, found ${found}; update scripts/fontkit-engine.mjs`);
    code = code.split(from).join(to);
  };
  const inflated = (name) => `pako.inflate(base64Arraybuffer_2(${name}))`;
  const json = (name) => `JSON.parse(String.fromCharCode.apply(String, ${inflated(name)}))`;
  const zlibJson = (name) => `JSON.parse(__pdInflate(${name}).toString('latin1'))`;
  replace(`var data = ${json('base64DeflatedData')};`, `var data = ${zlibJson('base64DeflatedData')};`, 1);
  for (const suffix of ['', '$1', '$2', '$3']) {
    replace(`var trieData${suffix} = ${inflated(`base64DeflatedTrie${suffix}`)};`, '', 1);
    replace(`var trie${suffix} = new unicodeTrie(trieData${suffix});`, `var trie${suffix} = __pdLazyTrie(function () { return new unicodeTrie(new Uint8Array(__pdInflate(base64DeflatedTrie${suffix}))); });`, 1);
  }
  // The tries' own raw DEFLATE data (UnicodeTrie's constructor inflates it, twice over).
  replace('var UnicodeTrie, inflate;\ninflate = tinyInflate;', 'var UnicodeTrie, inflate;\ninflate = __pdInflateRaw;', 1);
  // The Indic and Universal shapers' tables and state machines: built when a shaper first uses them.
  replace(`var indicMachine = ${json('base64DeflatedIndicMachine')};\n`, '', 1);
  replace(`var useData = ${json('base64DeflatedUseData')};`, `var useData = __pdLazyValue(function () { return ${zlibJson('base64DeflatedUseData')}; });`, 1);
  replace('var decompositions = useData.decompositions;', 'var decompositions = __pdLazyValue(function () { return useData.decompositions; });', 1);
  replace('var stateMachine = new dfa(indicMachine);', `var stateMachine = __pdLazyValue(function () { return new dfa(${zlibJson('base64DeflatedIndicMachine')}); });`, 1);
  replace(`var useData$1 = ${json('base64DeflatedUseData')};`, `var useData$1 = __pdLazyValue(function () { return ${zlibJson('base64DeflatedUseData')}; });`, 1);
  replace('var categories = useData$1.categories,\n    decompositions$1 = useData$1.decompositions;', 'var categories = __pdLazyValue(function () { return useData$1.categories; }),\n    decompositions$1 = __pdLazyValue(function () { return useData$1.decompositions; });', 1);
  replace('var stateMachine$1 = new dfa(useData$1);', 'var stateMachine$1 = __pdLazyValue(function () { return new dfa(useData$1); });', 1);
  replace('dictionary.init(BrotliDecompressBuffer);', '', 1);
  // create() copies the font file byte by byte through its bundled Buffer polyfill (about 20 ms for
  // the four faces, uncompiled at start-up); a view of the same bytes is enough, since fontkit only
  // ever reads them.
  replace('var buffer = new buffer_1.from(uint8ArrayFontData);', 'var buffer = buffer_1.from(uint8ArrayFontData.buffer, uint8ArrayFontData.byteOffset, uint8ArrayFontData.byteLength);', 1);
  replace('function BrotliDecompress(input, output) {', 'function BrotliDecompress(input, output) {\n  __pdBrotliDictionary();', 1);
  // restructure reads and writes each number through a method named at every call ('read' +
  // this.fn): a new string per number of every table fontkit decodes, looked up by name. The names
  // are made once per number type instead.
  replace("this.fn += this.endian;\n        }\n      }", "this.fn += this.endian;\n        }\n        this.readFn = 'read' + this.fn;\n        this.writeFn = 'write' + this.fn;\n      }", 1);
  replace("return stream['read' + this.fn]();", 'return stream[this.readFn]();', 1);
  replace("return stream['write' + this.fn](val);", 'return stream[this.writeFn](val);', 1);
  // pdf-lib asks each font for two numbers in its 'post' table's header, the italic angle and
  // whether it is fixed-pitch (pdf-lib's FontFlags.js, changed by pdfLibFontFlagsForEngine below); decoding
  // the whole table for them also decodes the names of each face's 3,300 glyphs, which no one
  // reads. The header is read where the table's decoder reads it (restructure's types: after the
  // fixed32 version, italicAngle is a fixed32, a signed 32-bit big-endian value over 2^16, at byte 4;
  // isFixedPitch a uint32 at byte 12).
  replace('key: "italicAngle",\n    get: function get() {\n      return this.post.italicAngle;\n    }', 'key: "italicAngle",\n    get: function get() {\n      return __pdPostHeader(this).italicAngle;\n    }\n  }, {\n    key: "__pdIsFixedPitch",\n    get: function get() {\n      return __pdPostHeader(this).isFixedPitch;\n    }', 1);
  return `${code}
function __pdLazyTrie(make) { var trie; return { get: function (codePoint) { return (trie || (trie = make())).get(codePoint); } }; }
// (Function declarations only: these run from fontkit's top level, before any variable here is set.)
${LAZY_VALUE}
// pako.inflate(base64 decoded): a zlib stream's bytes. A trie gets a Uint8Array of its own, as from
// pako (its constructor reads a DataView over the whole buffer); JSON is read as latin1, one
// character per byte, as String.fromCharCode.apply(String, bytes).
function __pdInflate(base64) { return require('node:zlib').inflateSync(Buffer.from(base64, 'base64')); }
// tiny-inflate's inflate(source, dest): raw DEFLATE data into dest, which comes back whole if filled,
// else the part written.
function __pdInflateRaw(source, dest) {
  var out = require('node:zlib').inflateRawSync(source);
  if (out.length > dest.length) throw new Error('Data error');
  dest.set(out);
  return out.length < dest.length ? dest.slice(0, out.length) : dest;
}
function __pdPostHeader(font) {
  if (font._tables.post || !font.directory.tables.post) return font.post;
  var pos = font.stream.pos;
  var stream = font._getTableStream('post');
  var start = stream.pos;
  stream.pos = start + 4;
  var italicAngle = stream.readInt32BE() / 65536;
  stream.pos = start + 12;
  var isFixedPitch = stream.readUInt32BE();
  font.stream.pos = pos;
  return { italicAngle: italicAngle, isFixedPitch: isFixedPitch };
}
var __pdDictionaryLoading = false;
// The dictionary is itself Brotli data: decoding it must not try to load it again.
function __pdBrotliDictionary() { if (!__pdDictionaryLoading) { __pdDictionaryLoading = true; dictionary.init(BrotliDecompressBuffer); } }
`;
}

/**
 * pdf-lib's FontFlags.js for the engine: a font's fixed-pitch flag from fontkit's
 * `__pdIsFixedPitch` (fontkitForEngine above), read from the 'post' table's header without decoding
 * the rest of the table. Throws if pdf-lib's code moved.
 */
export function pdfLibFontFlagsForEngine(source) {
  const from = 'fixedPitch: font.post.isFixedPitch,';
  if (source.split(from).length !== 2) throw new Error(`fontkit-engine: pdf-lib changed: expected 1× ${JSON.stringify(from)} in FontFlags.js; update scripts/fontkit-engine.mjs`);
  return source.replace(from, 'fixedPitch: font.__pdIsFixedPitch,');
}
