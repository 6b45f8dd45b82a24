// Layout engine benchmark: a 30+ page agreement with a 500-row table, rendered to PDF in Node.
// `npx tsx bench/pdf-layout.ts` prints the table; `benchLayout()` returns the rows for `npm run bench`.
import { pathToFileURL } from 'node:url';
import { loadNodeFonts } from '../lib/documents/fonts-node';
import { renderMarkdownToPdf, type PdfMeta } from '../lib/documents/layout';
import { largeDocument, sampleDocument, SAMPLE_META } from '../test/documents/layout/sample-documents';

export interface LayoutBenchRow {
  name: string;
  /** Median wall-clock time of one render. */
  medianMs: number;
  /** Median CPU time of one render (user + system): steadier than wall-clock on a busy machine. */
  cpuMs: number;
  pages: number;
  bytes: number;
}

const RUNS = 5;

async function measure(name: string, markdown: string, meta: PdfMeta): Promise<LayoutBenchRow> {
  const fonts = await loadNodeFonts();
  const wall: number[] = [];
  const cpu: number[] = [];
  let last = await renderMarkdownToPdf(markdown, meta, fonts); // warm-up: module loading and JIT, not counted
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    last = await renderMarkdownToPdf(markdown, meta, fonts);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
    wall.push(performance.now() - start);
  }
  return { name, medianMs: median(wall), cpuMs: median(cpu), pages: last.pages, bytes: last.bytes.length };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10;
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
