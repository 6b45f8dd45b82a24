// Reading rendered PDFs back with poppler-utils (pdftotext, pdftoppm, pdffonts): the text a reader
// would copy, the position of every word, and the pixels of a page.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT = join(process.cwd(), 'test-output', 'layout');

/** Writes the PDF under test-output/layout/ (for a human to look at) and returns its path. */
export function savePdf(name: string, bytes: Uint8Array): string {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, `${name}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { maxBuffer: 64 * 1024 * 1024 });

/** Text of each page (`pdftotext -layout`), in page order. */
export function pageTexts(path: string, layout = true): string[] {
  const text = run('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', path, '-']).toString('utf8');
  const pages = text.split('\f');
  if (pages[pages.length - 1]!.trim() === '') pages.pop();
  return pages;
}

export interface Word {
  readonly page: number; // 1-based
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number; // from the top of the page, in points
  readonly xMax: number;
  readonly yMax: number;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Every word with its box (`pdftotext -bbox`). */
export function words(path: string): Word[] {
  const html = run('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-']).toString('utf8');
  const out: Word[] = [];
  let page = 0;
  const re = /<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(re)) {
    if (m[0] === '<page ') {
      page++;
      continue;
    }
    out.push({ page, text: decode(m[5]!), xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
  }
  return out;
}

export interface GrayImage {
  readonly width: number;
  readonly height: number;
  /** One byte per pixel, 0 black … 255 white, row by row. */
  readonly pixels: Uint8Array;
}

/** Rasterises one page in grey (`pdftoppm -gray`, binary PGM) at `dpi`. */
export function rasterPage(path: string, page: number, dpi = 50): GrayImage {
  const pgm = run('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), path]);
  // Header: "P5\n<width> <height>\n<maxval>\n", then the pixels.
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(pgm[pos]!))) pos++;
    let field = '';
    while (!/\s/.test(String.fromCharCode(pgm[pos]!))) field += String.fromCharCode(pgm[pos++]!);
    fields.push(field);
  }
  pos++; // the single whitespace after maxval
  if (fields[0] !== 'P5' || fields[3] !== '255') throw new Error(`unexpected PGM header ${fields.join(' ')}`);
  const width = Number(fields[1]);
  const height = Number(fields[2]);
  return { width, height, pixels: new Uint8Array(pgm.buffer, pgm.byteOffset + pos, width * height) };
}

export interface FontInfo {
  readonly name: string;
  readonly embedded: boolean;
  readonly subset: boolean;
}

/** Fonts of the document (`pdffonts`). */
export function fonts(path: string): FontInfo[] {
  const lines = run('pdffonts', [path]).toString('utf8').split('\n').slice(2).filter((l) => l.trim());
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name type... encoding emb sub uni object ID
    const [emb, sub] = cols.slice(-5, -3);
    return { name: cols[0]!, embedded: emb === 'yes', subset: sub === 'yes' };
  });
}
