// Layout engine benchmark: a 30+ page agreement with a 500-row table, rendered to PDF in Node.
// `npx tsx bench/pdf-layout.ts` prints the table; `benchLayout()` returns the rows for `npm run bench`.
import { pathToFileURL } from 'node:url';
import { loadNodeFonts } from '../lib/documents/fonts-node';
import { renderMarkdownToPdf, type PdfMeta } from '../lib/documents/layout';
import { largeDocument, sampleDocument, SAMPLE_META } from '../test/documents/layout/sample-documents';

export interface LayoutBenchRow {
  name: string;
  medianMs: number;
  pages: number;
  bytes: number;
}

const RUNS = 5;

async function measure(name: string, markdown: string, meta: PdfMeta): Promise<LayoutBenchRow> {
  const fonts = await loadNodeFonts();
  const times: number[] = [];
  let last = await renderMarkdownToPdf(markdown, meta, fonts); // warm-up: module loading and JIT, not counted
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    last = await renderMarkdownToPdf(markdown, meta, fonts);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, medianMs: Math.round(times[Math.floor(RUNS / 2)]! * 10) / 10, pages: last.pages, bytes: last.bytes.length };
}

export async function benchLayout(): Promise<LayoutBenchRow[]> {
  return [
    await measure('layout: 30+ page agreement with a 500-row table', largeDocument(500), { ...SAMPLE_META, title: 'Record of Processing Activities' }),
    await measure('layout: 3-page DPA (every markup feature)', sampleDocument(), SAMPLE_META),
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(await benchLayout());
}
