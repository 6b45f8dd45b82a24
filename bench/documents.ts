// Document generation in Node: a DPA with 500 subprocessors and 50 activities through the whole
// pipeline (validate → view → template → layout → hashes), median of RUNS after a warm-up (5 were
// too few: two runs of the same code differed by a quarter); in the same
// run pdfmake sets the same Markdown (bench/pdfmake.ts), so the ratio compares like with like on
// one machine at one moment; plus the layout engine's own benchmark (bench/pdf-layout.ts).
import { loadNodeFonts } from '../lib/documents/fonts-node';
import { renderDocument, renderDocumentMarkdown } from '../lib/documents/render';
import { LABELS } from '../lib/documents/layout/labels';
import { renderWithPdfmake } from './pdfmake';
import { bigDpaInput } from './dpa-input';
import { benchLayout } from './pdf-layout';
import { percentile, round, type BenchRow } from './types';

const RUNS = 11;

export async function benchDocuments(): Promise<BenchRow[]> {
  const fonts = await loadNodeFonts();
  const input = bigDpaInput();
  // The peer gets the template's Markdown ready-made: its time is layout and PDF writing only.
  const { markdown, title } = await renderDocumentMarkdown({ kind: 'dpa', language: 'de', input });
  const peer = () => renderWithPdfmake(markdown, title, LABELS.de.page);
  const times: number[] = [];
  const cpu: number[] = [];
  const peerTimes: number[] = [];
  // Warm-ups (module loading and JIT) are not counted; the two alternate so a busy moment on the
  // shared machine falls on both alike.
  let last = await renderDocument({ kind: 'dpa', language: 'de', input, fonts });
  let peerBytes = await peer();
  for (let i = 0; i < RUNS; i += 1) {
    const t = performance.now();
    const c = process.cpuUsage();
    last = await renderDocument({ kind: 'dpa', language: 'de', input, fonts });
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    times.push(performance.now() - t);
    const p = performance.now();
    peerBytes = await peer();
    peerTimes.push(performance.now() - p);
  }
  const note = `Node ${process.version}, DPA (de) with 500 subprocessors and 50 activities`;
  const ours = percentile(times, 50);
  const theirs = percentile(peerTimes, 50);
  const rows: BenchRow[] = [
    { group: 'documents', name: `DPA render, median of ${RUNS} (wall)`, value: round(percentile(times, 50), 0), unit: 'ms', note },
    // CPU time is steadier than wall time when other work shares the two cores.
    { group: 'documents', name: `DPA render, median of ${RUNS} (CPU)`, value: round(percentile(cpu, 50), 0), unit: 'ms', note },
    { group: 'documents', name: 'DPA pages', value: last.pages, unit: 'pages', note },
    { group: 'documents', name: 'DPA size', value: Math.round(last.bytes.length / 1024), unit: 'kB', note },
    { group: 'documents', name: `same DPA by pdfmake, median of ${RUNS} (wall)`, value: round(theirs, 0), unit: 'ms', note: `pdfmake from the same Markdown with the same fonts, ${Math.round(peerBytes.length / 1024)} kB` },
    { group: 'documents', name: 'pdfmake time / ours', value: round(theirs / ours, 1), unit: '×', note: 'same run; ours includes validation and the template, pdfmake starts from the Markdown' },
  ];
  for (const r of await benchLayout()) rows.push({ group: 'layout', name: r.name, value: r.medianMs, unit: 'ms', note: `${r.pages} pages, ${Math.round(r.bytes / 1024)} kB, CPU ${r.cpuMs} ms` });
  return rows;
}
