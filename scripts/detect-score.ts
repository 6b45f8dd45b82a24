// Scores the classifier per language on the blind corpora: the "tune" split with its mistakes
// listed (--mistakes), the "blind" split as aggregate numbers only (never its texts or ids), and
// the older corpora. `npx tsx scripts/detect-score.ts [--mistakes] [--lang=xx]`. Every file of
// each language's blind corpora counts ("de.jsonl" and, when present, "de-2.jsonl", "de-3.jsonl");
// the blind split is also scored per file, so each file's numbers stay comparable with earlier runs.
import { DETECT_LANGUAGES } from '../lib/model/common';
import { evaluate, type Evaluation, type LabelledMessage } from '../lib/detect/evaluate';
import { BLIND_SOURCES, loadBlind, loadCorpus, loadHoldout, type BlindSource } from '../test/detect/corpus';

const showMistakes = process.argv.includes('--mistakes');
const only = process.argv.find((a) => a.startsWith('--lang='))?.slice(7);
const pct = (x: number): string => `${(x * 100).toFixed(1)}`.padStart(5);
const line = (label: string, e: Evaluation): string =>
  `${label.padEnd(12)} n=${String(e.n).padStart(4)}  exact ${pct(e.exact)}  P ${pct(e.isRequest.precision)}  R ${pct(e.isRequest.recall)}  type ${pct(e.typeAccuracy)}  falseflag ${pct(e.falseFlagRate)}`;

// Each file on its own (blind1, blind2, blind3) when there is more than one, then all together.
const present = BLIND_SOURCES.filter((s) => DETECT_LANGUAGES.some((l) => loadBlind(l, undefined, s).length > 0));
const runs: { split: 'tune' | 'blind'; source: BlindSource; label: string }[] = [
  { split: 'tune', source: 'all', label: 'tune' },
  ...(present.length > 1 ? present.map((source) => ({ split: 'blind' as const, source, label: `blind${BLIND_SOURCES.indexOf(source) + 1}` })) : []),
  { split: 'blind', source: 'all', label: 'blind' },
];
for (const { split, source, label } of runs) {
  const all: LabelledMessage[] = [];
  for (const language of DETECT_LANGUAGES) {
    if (only && only !== language) continue;
    const messages = loadBlind(language, split, source);
    if (messages.length === 0) continue;
    all.push(...messages);
    const e = evaluate(messages);
    console.log(line(`${label} ${language}`, e));
    if (split === 'tune' && showMistakes) {
      const byId = new Map(messages.map((m) => [m.id, m]));
      for (const m of e.mistakes) {
        const text = byId.get(m.id)!.text.replace(/\s+/g, ' ');
        console.log(`   ${m.id} expected ${m.expected} got ${m.got} (${m.result.confidence}) ${m.result.evidence.map((x) => `[${x.signal}:${x.phrase}]`).join(' ')}\n      ${text.slice(0, 400)}`);
      }
    }
  }
  console.log(line(`${label} all`, evaluate(all)));
}
const older = DETECT_LANGUAGES.flatMap((l) => loadCorpus(l));
console.log(line('older', evaluate(older)));
console.log(line('holdouts', evaluate([...loadHoldout().values(), ...loadHoldout('holdout2').values()].flat())));
