// Document generation in Node: a DPA with 500 subprocessors and 50 activities through the whole
// pipeline (validate → view → template → layout → hashes), median of 5 after a warm-up, plus the
// layout engine's own benchmark (bench/pdf-layout.ts).
import { loadNodeFonts } from '../lib/documents/fonts-node';
import { renderDocument } from '../lib/documents/render';
import { bigDpaInput } from './dpa-input';
import { benchLayout } from './pdf-layout';
import { percentile, round, type BenchRow } from './types';

export async function benchDocuments(): Promise<BenchRow[]> {
  const fonts = await loadNodeFonts();
  const input = bigDpaInput();
  const times: number[] = [];
  const cpu: number[] = [];
  let last = await renderDocument({ kind: 'dpa', language: 'de', input, fonts });
  for (let i = 0; i < 5; i += 1) {
    const t = performance.now();
    const c = process.cpuUsage();
    last = await renderDocument({ kind: 'dpa', language: 'de', input, fonts });
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    times.push(performance.now() - t);
  }
  const note = `Node ${process.version}, DPA (de) with 500 subprocessors and 50 activities`;
  const rows: BenchRow[] = [
    { group: 'documents', name: 'DPA render, median of 5 (wall)', value: round(percentile(times, 50), 0), unit: 'ms', note },
    // CPU time is steadier than wall time when other work shares the two cores.
    { group: 'documents', name: 'DPA render, median of 5 (CPU)', value: round(percentile(cpu, 50), 0), unit: 'ms', note },
    { group: 'documents', name: 'DPA pages', value: last.pages, unit: 'pages', note },
    { group: 'documents', name: 'DPA size', value: Math.round(last.bytes.length / 1024), unit: 'kB', note },
  ];
  for (const r of await benchLayout()) rows.push({ group: 'layout', name: r.name, value: r.medianMs, unit: 'ms', note: `${r.pages} pages, ${Math.round(r.bytes / 1024)} kB, CPU ${r.cpuMs} ms` });
  return rows;
}
