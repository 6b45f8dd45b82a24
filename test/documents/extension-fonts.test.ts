// The extension ships the same four font files the Node font loader reads: the same PDF in both.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, fontPath } from '../../entrypoints/background/documents/font-files';
import { loadNodeFonts } from '../../lib/documents/fonts-node';

describe('bundled document fonts', () => {
  it('are byte for byte the files lib/documents/fonts-node.ts loads', async () => {
    const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    const node = await loadNodeFonts();
    for (const style of Object.keys(FONT_FILES) as (keyof typeof FONT_FILES)[]) {
      // Buffer.equals: a deep toEqual over 1.4 MB of bytes takes seconds.
      expect(readFileSync(join(dir, FONT_FILES[style])).equals(node[style]), style).toBe(true);
      expect(fontPath(style)).toBe(`/fonts/${FONT_FILES[style]}`);
    }
  });
});
