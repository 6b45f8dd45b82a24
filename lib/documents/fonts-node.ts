// Node-only: loads the document fonts from the dejavu-fonts-ttf package (the CLI, tests, bench).
// The extension bundles the same files and passes their bytes to the layout engine itself.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PdfFonts } from './layout';

// DejaVu Serif: a book face that reads like correspondence from a law firm, and covers Latin
// Extended, Greek and Cyrillic, so every EU language prints.
const FILES: Record<keyof PdfFonts, string> = {
  regular: 'DejaVuSerif.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
  boldItalic: 'DejaVuSerif-BoldItalic.ttf',
};

/**
 * Set by the CLI bundle (scripts/build-cli.mjs), which ships the four files beside its code: the
 * folder relative to the bundle's script (engine.js, whose URL the bundle gives as import.meta.url).
 * Undefined when running from source.
 */
declare const __PD_FONT_DIR__: string | undefined;

/** The folder holding the font files: the bundle's own copy, or the dejavu-fonts-ttf package. */
function fontDir(): string {
  if (typeof __PD_FONT_DIR__ === 'string') return fileURLToPath(new URL(__PD_FONT_DIR__, import.meta.url));
  return join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

let loading: Promise<PdfFonts> | undefined;

/** Reads the four font files once per process. */
export function loadNodeFonts(): Promise<PdfFonts> {
  loading ??= read().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function read(): Promise<PdfFonts> {
  const dir = fontDir();
  const load = async (file: string) => {
    const buffer = await readFile(join(dir, file));
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  };
  const [regular, bold, italic, boldItalic] = await Promise.all([FILES.regular, FILES.bold, FILES.italic, FILES.boldItalic].map(load));
  return { regular: regular!, bold: bold!, italic: italic!, boldItalic: boldItalic! };
}
