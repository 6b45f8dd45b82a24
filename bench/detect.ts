// Request-detection benchmark: precision/recall over the labelled corpora and time per message.
// `npx tsx bench/detect.ts` prints the table; `benchDetect()` returns the rows for `npm run bench`.
// Quality numbers come from test/fixtures/detect/ (the per-language corpora the rules were built on,
// and the hold-out written afterwards) and from the blind split of test/fixtures/detect-blind/ (every
// file of each language, "de.jsonl", "de-2.jsonl" and "de-3.jsonl"); times are Node's, on this machine, after warm-up.
import { pathToFileURL } from 'node:url';
import { DETECT_LANGUAGES } from '../lib/model/common';
import { REQUEST_TYPES } from '../lib/model/request';
import { classify } from '../lib/detect';
import { classifyByRules } from '../lib/detect/classify';
import { evaluate, type LabelledMessage } from '../lib/detect/evaluate';
import { MODEL } from '../lib/detect/model.generated';
import { BLIND_SOURCES, loadBlind, loadCorpus, loadHoldout } from '../test/detect/corpus';
import { percentile, round, type BenchRow } from './types';

const CLASSIFICATIONS = 10_000;
const WARM_UP = 1_000;

function quality(group: string, label: string, messages: LabelledMessage[], language?: (typeof DETECT_LANGUAGES)[number]): BenchRow[] {
  const e = evaluate(messages, language);
  const rows: BenchRow[] = [
    { group, name: `${label}: isRequest precision`, value: round(e.isRequest.precision), unit: '', note: `n=${e.n}` },
    { group, name: `${label}: isRequest recall`, value: round(e.isRequest.recall), unit: '' },
    { group, name: `${label}: type accuracy on requests`, value: round(e.typeAccuracy), unit: '' },
  ];
  if (e.languageAccuracy !== undefined) rows.push({ group, name: `${label}: language accuracy`, value: round(e.languageAccuracy), unit: '' });
  return rows;
}

/**
 * The blind corpora (test/fixtures/detect-blind/): per language, on the split the classifier never
 * learned from, precision and recall of "is a request", exact answers (request with its main type,
 * or look-alike left alone) and look-alikes flagged; the phrase rules alone beside it.
 */
function blindRows(): BenchRow[] {
  const rows: BenchRow[] = [];
  const group = 'detect-blind';
  const all: LabelledMessage[] = [];
  const row = (label: string, messages: LabelledMessage[]): void => {
    const e = evaluate(messages);
    const rules = evaluate(messages, undefined, (text) => classifyByRules(text));
    rows.push(
      { group, name: `${label}: isRequest precision`, value: round(e.isRequest.precision), unit: '', note: `n=${e.n}, rules alone ${round(rules.isRequest.precision)}` },
      { group, name: `${label}: isRequest recall`, value: round(e.isRequest.recall), unit: '', note: `rules alone ${round(rules.isRequest.recall)}` },
      { group, name: `${label}: exact type`, value: round(e.exact), unit: '', note: `rules alone ${round(rules.exact)}` },
      { group, name: `${label}: look-alikes flagged`, value: round(e.falseFlagRate), unit: '', note: `rules alone ${round(rules.falseFlagRate)}` },
    );
  };
  for (const language of DETECT_LANGUAGES) {
    const messages = loadBlind(language, 'blind');
    all.push(...messages);
    row(`blind ${language}`, messages);
  }
  row('blind all', all);
  // Each file on its own ("de.jsonl", then "de-2.jsonl" and "de-3.jsonl", written later by other
  // people) when there is more than one.
  const files = BLIND_SOURCES.map((s) => [s, DETECT_LANGUAGES.flatMap((l) => loadBlind(l, 'blind', s))] as const).filter(([, m]) => m.length > 0);
  if (files.length > 1) for (const [source, messages] of files) row(`blind ${source} files`, messages);
  const tune = DETECT_LANGUAGES.flatMap((l) => loadBlind(l, 'tune'));
  const e = evaluate(tune);
  rows.push({ group, name: 'tune (trained on): exact type', value: round(e.exact), unit: '', note: `n=${e.n}` });
  rows.push({ group, name: 'scorer weights (base64, run-length coded)', value: round(MODEL.weights.length / 1024, 0), unit: 'KB' });
  return rows;
}

function timeRows(label: string, texts: readonly string[]): BenchRow[] {
  for (let i = 0; i < WARM_UP; i += 1) classify(texts[i % texts.length]!);
  const micros: number[] = [];
  // CPU time as well as wall time: on a shared machine wall-time percentiles include waiting for a core.
  const cpu = process.cpuUsage();
  for (let i = 0; i < CLASSIFICATIONS; i += 1) {
    const text = texts[i % texts.length]!;
    const start = performance.now();
    classify(text);
    micros.push((performance.now() - start) * 1000);
  }
  const used = process.cpuUsage(cpu);
  const note = `${CLASSIFICATIONS} classifications of ${texts.length} ${label} messages (mean ${Math.round(texts.reduce((n, t) => n + t.length, 0) / texts.length)} chars)`;
  return [
    { group: 'detect', name: `classify ${label}: median time per message`, value: round(percentile(micros, 50), 0), unit: 'µs', note },
    { group: 'detect', name: `classify ${label}: p95 time per message`, value: round(percentile(micros, 95), 0), unit: 'µs' },
    { group: 'detect', name: `classify ${label}: max time per message`, value: round(Math.max(...micros), 0), unit: 'µs' },
    { group: 'detect', name: `classify ${label}: mean CPU time per message`, value: round((used.user + used.system) / CLASSIFICATIONS, 0), unit: 'µs' },
  ];
}

export async function benchDetect(): Promise<BenchRow[]> {
  const corpora = DETECT_LANGUAGES.map((language) => ({ language, messages: loadCorpus(language) }));
  const all = corpora.flatMap((c) => c.messages);
  const rows: BenchRow[] = corpora.flatMap(({ language, messages }) => quality('detect', language, messages, language));

  const overall = evaluate(all);
  for (const type of REQUEST_TYPES) {
    const t = overall.perType[type];
    rows.push({ group: 'detect', name: `type ${type}: precision`, value: round(t.precision), unit: '', note: `support ${t.tp + t.fn}` });
    rows.push({ group: 'detect', name: `type ${type}: recall`, value: round(t.recall), unit: '' });
  }

  const holdout = loadHoldout();
  for (const [language, messages] of holdout) rows.push(...quality('detect-holdout', `holdout ${language}`, messages, language));
  rows.push(...quality('detect-holdout', 'holdout all', [...holdout.values()].flat()));

  rows.push(...blindRows());
  rows.push(...timeRows('corpus', all.map((m) => m.text)));
  rows.push(...timeRows('blind-corpus', DETECT_LANGUAGES.flatMap((l) => loadBlind(l)).map((m) => m.text)));
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchDetect();
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) console.log(`${r.group.padEnd(15)} ${r.name.padEnd(width)} ${String(r.value).padStart(7)} ${r.unit.padEnd(2)}${r.note ? `  (${r.note})` : ''}`);
}
