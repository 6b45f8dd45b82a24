// scripts/fontkit-engine.mjs changes fontkit for the CLI's engine (scripts/build-cli.mjs): tables
// built on first use, and inflated by Node's zlib instead of pako and tiny-inflate. What the changed
// module builds must be what the unchanged one builds.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the build scripts, without types
import { fontkitForEngine, pdfLibFontFlagsForEngine } from '../../scripts/fontkit-engine.mjs';

import { FONTKIT, loadFontkit } from './fontkit-bundle';

const require = createRequire(import.meta.url);

interface FontkitFont {
  italicAngle: number;
  __pdIsFixedPitch?: number;
  post: { isFixedPitch: number };
  _tables: Record<string, unknown>;
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number };
  createSubset(): { includeGlyph(glyph: unknown): number; encodeStream(): { on(event: string, listener: (chunk?: Uint8Array) => void): void } };
  [table: string]: unknown;
}

interface Probe {
  default: { create(data: Uint8Array): FontkitFont };
  /** Every code point's value in each of the four Unicode property tries. */
  __tries(): Uint32Array[];
  /** The property names and the shapers' data, as JSON. */
  __data(): string;
}

const DEJAVU = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
// The documents' four faces, and a fixed-pitch one, so that the flag read from the header is not 0 throughout.
const FACES = ['DejaVuSerif', 'DejaVuSerif-Bold', 'DejaVuSerif-Italic', 'DejaVuSerif-BoldItalic', 'DejaVuSansMono-Oblique'];

/** The TrueType subset fontkit writes for the characters of `text` (restructure writes every number). */
function subset(font: FontkitFont, text: string): Promise<Buffer> {
  const sub = font.createSubset();
  for (const ch of text) sub.includeGlyph(font.glyphForCodePoint(ch.codePointAt(0)!));
  const chunks: Uint8Array[] = [];
  const stream = sub.encodeStream();
  stream.on('data', (chunk) => chunks.push(chunk!));
  return new Promise((resolve) => stream.on('end', () => resolve(Buffer.concat(chunks))));
}

const PROBE = `
export function __tries() {
  return [trie, trie$1, trie$2, trie$3].map(function (t) {
    var values = new Uint32Array(0x110000);
    for (var c = 0; c < values.length; c++) values[c] = t.get(c);
    return values;
  });
}
// Each as a plain object: a table made on first use is a Proxy over an object, even for an array.
export function __data() { return JSON.stringify([data, useData, useData$1, categories, decompositions, decompositions$1].map(function (t) { return Object.assign({}, t); })); }
`;

describe("fontkit in the CLI's engine", () => {
  let original: Probe;
  let engine: Probe;
  beforeAll(async () => {
    [original, engine] = await Promise.all([loadFontkit<Probe>((code) => code, PROBE), loadFontkit<Probe>(fontkitForEngine, PROBE)]);
  }, 60_000);

  it('builds the same Unicode tries and tables as fontkit, inflated by zlib', () => {
    const expected = original.__tries();
    const actual = engine.__tries();
    expect(actual).toHaveLength(4);
    for (const [i, values] of actual.entries()) {
      // Not a trie of zeros: marks and letters differ in the category trie, for one.
      expect(new Set(values.subarray(0, 0x3000)).size).toBeGreaterThan(1);
      expect(Buffer.from(values.buffer).equals(Buffer.from(expected[i]!.buffer)), `trie ${i}`).toBe(true);
    }
    expect(engine.__data()).toBe(original.__data());
  });

  it("reads the same tables, writes the same subsets, and finds the 'post' header's numbers without decoding the glyph names", async () => {
    for (const face of FACES) {
      const data = readFileSync(join(DEJAVU, `${face}.ttf`));
      const [a, b] = [original.default.create(data), engine.default.create(data)];
      expect(b.italicAngle, face).toBe(a.italicAngle);
      expect(b.__pdIsFixedPitch, face).toBe(a.post.isFixedPitch);
      expect(b._tables.post, `${face}: the 'post' table stays undecoded`).toBeUndefined();
      expect(JSON.stringify([b.head, b.hhea, b['OS/2'], b.maxp, b.post, b.loca]), face).toBe(JSON.stringify([a.head, a.hhea, a['OS/2'], a.maxp, a.post, a.loca]));
      const text = 'Verwerkersovereenkomst – Ärger ß “quoted” 12,50 €';
      const written = await subset(a, text);
      expect(written.length, face).toBeGreaterThan(1000);
      expect((await subset(b, text)).equals(written), face).toBe(true);
    }
    // Numbers that vary between the faces, so that reading the wrong bytes shows.
    const fonts = FACES.map((face) => engine.default.create(readFileSync(join(DEJAVU, `${face}.ttf`))));
    expect(new Set(fonts.map((font) => font.italicAngle))).toEqual(new Set([0, -11]));
    expect(new Set(fonts.map((font) => font.__pdIsFixedPitch))).toEqual(new Set([0, 1]));
  });

  it('refuses a fontkit or pdf-lib whose code moved', () => {
    const code = readFileSync(FONTKIT, 'utf8');
    expect(() => fontkitForEngine(code.replace('inflate = tinyInflate;', 'inflate = tinyInflate ;'))).toThrow(/fontkit changed/);
    const flags = readFileSync(join(dirname(require.resolve('pdf-lib/package.json')), 'es/core/embedders/FontFlags.js'), 'utf8');
    expect(pdfLibFontFlagsForEngine(flags)).toContain('fixedPitch: font.__pdIsFixedPitch,');
    expect(() => pdfLibFontFlagsForEngine(flags.replace('font.post.isFixedPitch', 'font.post.fixed'))).toThrow(/pdf-lib changed/);
  });
});
