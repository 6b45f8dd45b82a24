// The peer of `privacy-desk render` as a whole process: a Node program that sets a document's
// Markdown with pdfmake (bench/pdfmake.ts) and writes the PDF. bench/cli.ts bundles it with esbuild,
// pdfmake itself left in node_modules as a user's program would load it, and runs it beside ours.
//   node pdfmake-process.mjs <markdown file> <title> <language> <out.pdf>
import { readFileSync, writeFileSync } from 'node:fs';
import { LABELS, type DocumentLanguage } from '../lib/documents/layout/labels';
import { renderWithPdfmake } from './pdfmake';

const [markdown, title, language, out] = process.argv.slice(2);
if (!markdown || !title || !out || !(language! in LABELS)) throw new Error('usage: pdfmake-process <markdown> <title> <language> <out.pdf>');
writeFileSync(out, await renderWithPdfmake(readFileSync(markdown, 'utf8'), title, LABELS[language as DocumentLanguage].page));
