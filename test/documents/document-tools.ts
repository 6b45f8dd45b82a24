// Test helpers for generated documents: PDF text via poppler's pdftotext, a first-page PNG via
// pdftoppm, and normalising text so values can be found across line breaks and hyphenation.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The PDF's text in content order (`-raw`): a table cell's lines stay together. */
export function pdfText(bytes: Uint8Array, firstPage?: number, lastPage?: number): string {
  const range = [...(firstPage ? ['-f', String(firstPage)] : []), ...(lastPage ? ['-l', String(lastPage)] : [])];
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', ...range, '-', '-'], { input: bytes, maxBuffer: 64 << 20 }).toString('utf8');
}

/**
 * For "does this value appear": drops whitespace and hyphens, so a value wrapped over lines or
 * hyphenated by the layout engine still matches. Unicode-normalised (NFC).
 */
export function squash(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00AD\-‐]+/g, '');
}

/** Markdown as the reader sees it: backslash escapes and the layout's span marks (lib/documents/spans.ts) removed. */
export function unescapeMarkdown(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/[\uE000-\uE0FF]/g, '');
}

/** Writes the PDF and a PNG of its first page (60 dpi) under `path` (without extension). */
export function savePdfAndPng(bytes: Uint8Array, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.pdf`, bytes);
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', `${path}.pdf`, path]);
}

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
