// Runs the CLI package's engine.js (./engine.ts bundled as one script, scripts/build-cli.mjs) with
// the V8 code cache beside it.
//
// An ES module is compiled from source at every start in Node 20, and the engine is about 3 MB:
// parsing and compiling its top level took about 110 ms of every `privacy-desk render`. A script
// run through node:vm accepts a code cache, which build:cli makes (after rendering every kind once:
// whether the cache then holds the functions compiled on the way made no measurable difference).
// Where the cache does not fit (another Node version or processor, other V8 flags
// such as NODE_OPTIONS=--max-old-space-size, a changed engine.js) V8 compiles as usual: slower,
// never different. Nothing is written at run time.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import * as zlib from 'node:zlib';
import { loadHyphenation } from '../documents/layout/hyphenation-patterns-lazy';
import type * as EngineModule from './engine';

type Engine = typeof EngineModule;

/** What engine.js receives from this module, besides CommonJS's `require` and `module`. */
interface EngineHost {
  /** The URL of engine.js: the fonts are found relative to it (lib/documents/fonts-node.ts). */
  url: string;
  /** Hyphenation patterns stay ES modules of their own, one per language, loaded on demand. */
  loadHyphenation: typeof loadHyphenation;
}

const SCRIPT = new URL('./engine.js', import.meta.url);
const CACHE = new URL('./engine.cache', import.meta.url);

let loaded: { engine: Engine; script: Script; sourceSum: number | undefined; cacheUsed: boolean | undefined } | undefined;

/**
 * V8's tuning for a process that renders one document and exits: `privacy-desk render`, never the
 * library, whose process is someone else's. V8's defaults are made for programs that run long; in
 * a render of about half a second they cost more than they bring (`npm run bench cli`):
 * - TurboFan optimised about 90 functions of a DPA's render on the second of two cores, and its
 *   code arrived too late to pay back. Waiting longer before optimising (96 ticks, not 3, plus
 *   V8's allowance for a function's size) leaves it to the loops of a long document, which still
 *   gain from it. Measured at 24, 48, 96 and 200 ticks: the 14-page DPA took the same at each, the
 *   84-page one least at 96, a 248-page one the same throughout (without TurboFan, 30 % longer).
 * - The young generation grew several times during a render: each growth touches memory the
 *   kernel must first map, page by page (about 4,000 page faults). Kept at its first size it is
 *   collected more often, which costs less here.
 * Set after the engine's script is compiled: V8 tags a code cache with a hash of its flags and
 * refuses a cache made under other flags, and it computes that hash once per process, when the
 * cache is checked. Both are plain numbers V8 reads as it goes; they change no result.
 */
const ONE_SHOT_FLAGS = ['--ticks-before-optimization=96', '--semi-space-growth-factor=1'];

function load(oneShot = false): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const bytes = readFileSync(SCRIPT);
  const sourceSum = checksum(bytes);
  // build:cli keeps engine.js ASCII, so latin1 is exact and Node's fastest decoding.
  const source = bytes.toString('latin1');
  let cachedData: Buffer | undefined;
  try {
    // Into engine.js's buffer, whose bytes are now a string: memory the process has already
    // touched. In a VM each page a process touches for the first time can cost 10 µs; the cache
    // is 600 of them.
    cachedData = usableCache(readInto(CACHE, bytes), sourceSum);
  } catch {
    cachedData = undefined; // a package built without a cache still works
  }
  const filename = fileURLToPath(SCRIPT);
  // engine.js is one function expression, `(function (exports, require, module, __pdHost) {…})`,
  // written so by build:cli: its text goes to V8 as read, with no wrapper joined to a copy of it.
  const script = new Script(source, { filename, ...(cachedData ? { cachedData } : {}) });
  if (oneShot) for (const flag of ONE_SHOT_FLAGS) setFlagsFromString(flag);
  const module = { exports: {} as Engine };
  const host: EngineHost = { url: SCRIPT.href, loadHyphenation };
  (script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, h: EngineHost) => void)(module.exports, createRequire(SCRIPT), module, host);
  loaded = { engine: module.exports, script, sourceSum, cacheUsed: cachedData ? !script.cachedDataRejected : undefined };
  return loaded;
}

/** A file's bytes, read into `buffer` where they fit. */
function readInto(file: URL, buffer: Buffer): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const target = size <= buffer.length ? buffer.subarray(0, size) : Buffer.allocUnsafe(size);
    let done = 0;
    for (let n = 1; done < size && n > 0; done += n) n = readSync(fd, target, done, size - done, done);
    return target.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

/**
 * engine.cache is a header line, `privacy-desk-code-cache <V8 version> <arch> <CRC-32>`, then V8's
 * data. V8 checks its data's version and flags, but of the source only the length, and in release
 * builds not the data's integrity: a damaged cache crashes the process, and the cache of another
 * engine.js of the same length runs that one's code. So the cache is used only for the V8 and
 * processor it was made on, and only when the CRC-32 of engine.js followed by the data is the one
 * recorded. A check against damage and mix-ups, not a security boundary (whoever can write the
 * cache can write engine.js). CRC-32 misses one such accident in 4 billion, and zlib's takes
 * about half the time of SHA-1 over these 5 MB at every start (5 ms, not 10). Without zlib.crc32
 * (Node before 20.15) there is no cache, only a slower start.
 */
const CACHE_MAGIC = 'privacy-desk-code-cache';

/** zlib's CRC-32 of `data` continued from `sum`; undefined without zlib.crc32. */
function checksum(data: Uint8Array, sum?: number): number | undefined {
  return typeof zlib.crc32 === 'function' ? zlib.crc32(data, sum) : undefined;
}

/** The header for V8's `data` made from the engine.js whose CRC-32 is `sourceSum`. */
function cacheHeader(sourceSum: number | undefined, data: Uint8Array): string | undefined {
  if (sourceSum === undefined) return undefined;
  const sum = checksum(data, sourceSum)!.toString(16).padStart(8, '0');
  return `${CACHE_MAGIC} ${process.versions.v8} ${process.arch} ${sum}\n`;
}

function usableCache(file: Buffer, sourceSum: number | undefined): Buffer | undefined {
  const end = file.indexOf(0x0a);
  if (end < 0 || end > 200) return undefined;
  const data = file.subarray(end + 1);
  const header = cacheHeader(sourceSum, data);
  return header !== undefined && file.subarray(0, end + 1).toString('latin1') === header ? data : undefined;
}

/**
 * The engine, loaded once per process. `oneShot`: this process renders and exits (the CLI's
 * `render`), so V8 is tuned for that on the first load.
 */
export function loadEngine(options: { oneShot?: boolean } = {}): Engine {
  return load(options.oneShot).engine;
}

/** Whether V8 used the code cache: true, false (V8 rejected it), or undefined (none, or not for this V8, or damaged). */
export function engineCacheUsed(): boolean | undefined {
  return load().cacheUsed;
}

/**
 * The code cache of engine.js as it stands: every function compiled so far included. build:cli
 * calls it after a warm-up in a process of its own.
 */
export function engineCodeCache(): Buffer {
  const { script, sourceSum } = load();
  const data = script.createCachedData();
  const header = cacheHeader(sourceSum, data);
  if (header === undefined) throw new Error(`a code cache needs zlib.crc32 (Node 20.15 or later), not Node ${process.version}`);
  return Buffer.concat([Buffer.from(header, 'latin1'), data]);
}
