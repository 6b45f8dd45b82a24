/** One measured number. Benchmarks return rows; bench/run.ts prints them and writes bench/results.json. */
export interface BenchRow {
  group: string;
  name: string;
  value: number;
  unit: string;
  note?: string;
}

export function percentile(sortedOrNot: number[], p: number): number {
  const s = [...sortedOrNot].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
