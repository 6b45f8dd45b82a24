// Trains the learned scorer of the request classifier and writes lib/detect/model.generated.ts.
//   npx tsx scripts/detect-train.ts          train on every training corpus, write the weights
//   npx tsx scripts/detect-train.ts --cv     5-fold cross-validation on the tune split (the older
//                                            corpora always train), to choose settings
//   npx tsx scripts/detect-train.ts --fresh  trains on the older corpora and the first blind files'
//                                            tune split, scores the second files' tune split: messages
//                                            the phrase tables were not written from, so unlike --cv
//                                            it does not favour the rules (MARGINS, OVERRULES as --cv;
//                                            EPOCHS; SHOW=<margin> lists the mistakes; FRESH=third
//                                            trains on the first and second files, scores the third;
//                                            likewise FRESH=sixth)
// Training corpora: test/fixtures/detect/*.jsonl (incl. the hold-outs) and the "tune" split of
// test/fixtures/detect-blind/; never the "blind" split, which only scores.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DETECT_LANGUAGES } from '../lib/model/common';
import { classifyWith, OVERRULE_MARGIN } from '../lib/detect/classify';
import { evaluate, type LabelledMessage } from '../lib/detect/evaluate';
import { encodeModel } from '../lib/detect/model';
import { DEFAULT_TRAINING, quantise, toExample, train, trainEnsemble, type Example } from '../lib/detect/train';
import { BLIND_SOURCES, loadBlind, trainingCorpus, tuneCorpus, olderCorpus } from '../test/detect/corpus';

const OUT = fileURLToPath(new URL('../lib/detect/model.generated.ts', import.meta.url));

if (process.argv.includes('--fresh')) {
  // FRESH=third (or any later file) trains on the files written before it and scores its tune split.
  const target = (process.env.FRESH ?? 'second') as (typeof BLIND_SOURCES)[number];
  if (!BLIND_SOURCES.includes(target) || target === 'first') throw new Error(`FRESH must be one of ${BLIND_SOURCES.slice(1).join(', ')}`);
  const before = BLIND_SOURCES.slice(0, BLIND_SOURCES.indexOf(target));
  const first = before.flatMap((s) => DETECT_LANGUAGES.flatMap((l) => loadBlind(l, 'tune', s)));
  const epochs = Number(process.env.EPOCHS ?? DEFAULT_TRAINING.epochs);
  const model = quantise(trainEnsemble([...olderCorpus(), ...first].map(toExample), { ...DEFAULT_TRAINING, epochs }));
  const margins = (process.env.MARGINS ?? '0,10,20').split(',').map(Number);
  const overrules = (process.env.OVERRULES ?? `0,${OVERRULE_MARGIN},40`).split(',').map(Number);
  for (const margin of margins) for (const overrule of overrules) {
    const classifier = (text: string) => classifyWith(text, {}, model, margin, overrule);
    const rows = DETECT_LANGUAGES.map((l) => {
      const e = evaluate(loadBlind(l, 'tune', target), undefined, classifier);
      return `${l} ${(e.exact * 100).toFixed(0)}/${(e.falseFlagRate * 100).toFixed(0)}`;
    });
    const e = evaluate(DETECT_LANGUAGES.flatMap((l) => loadBlind(l, 'tune', target)), undefined, classifier);
    console.log(`margin ${margin} overrule ${overrule}: exact ${(e.exact * 100).toFixed(1)} falseflag ${(e.falseFlagRate * 100).toFixed(1)} R ${(e.isRequest.recall * 100).toFixed(1)} type ${(e.typeAccuracy * 100).toFixed(1)}  | ${rows.join('  ')}`);
    if (process.env.SHOW === String(margin)) {
      const fresh = DETECT_LANGUAGES.flatMap((l) => loadBlind(l, 'tune', target));
      for (const m of e.mistakes) console.log(`   ${m.id} expected ${m.expected} got ${m.got} (${m.result.confidence}) ${m.result.evidence.filter((x) => x.signal !== 'request-wording').map((x) => `[${x.signal}:${x.phrase}]`).join(' ')}\n      ${fresh.find((t) => t.id === m.id)!.text.replace(/\s+/g, ' ').slice(0, 400)}`);
    }
  }
} else if (process.argv.includes('--cv')) {
  const folds = 5;
  const tune = tuneCorpus();
  const older = olderCorpus().map(toExample);
  const tuneExamples = tune.map(toExample);
  const epochsList = (process.env.EPOCHS ?? String(DEFAULT_TRAINING.epochs)).split(',').map(Number);
  const margins = (process.env.MARGINS ?? '0,10,20').split(',').map(Number);
  const overrules = (process.env.OVERRULES ?? String(OVERRULE_MARGIN)).split(',').map(Number);
  for (const epochs of epochsList) {
    const predictions = new Map<number, { fold: number; model: ReturnType<typeof quantise> }>();
    const models = [];
    for (let f = 0; f < folds; f += 1) {
      const train: Example[] = [...older, ...tuneExamples.filter((_, i) => i % folds !== f)];
      models.push(quantise(trainEnsemble(train, { ...DEFAULT_TRAINING, epochs })));
    }
    tune.forEach((_, i) => predictions.set(i, { fold: i % folds, model: models[i % folds]! }));
    for (const margin of margins) for (const overrule of overrules) {
      const rows: string[] = [];
      const all: LabelledMessage[] = [];
      const lookup = new Map(tune.map((m, i) => [m.text, i]));
      const classifier = (text: string) => classifyWith(text, {}, predictions.get(lookup.get(text)!)!.model, margin, overrule);
      for (const language of DETECT_LANGUAGES) {
        const part = tune.filter((m) => m.id.startsWith(`${language}-`));
        all.push(...part);
        const e = evaluate(part, undefined, classifier);
        rows.push(`${language} ${(e.exact * 100).toFixed(0)}/${(e.falseFlagRate * 100).toFixed(0)}`);
      }
      const e = evaluate(all, undefined, classifier);
      console.log(`epochs ${epochs} margin ${margin} overrule ${overrule}: exact ${(e.exact * 100).toFixed(1)} falseflag ${(e.falseFlagRate * 100).toFixed(1)} R ${(e.isRequest.recall * 100).toFixed(1)} type ${(e.typeAccuracy * 100).toFixed(1)}  | ${rows.join('  ')}`);
      if (process.env.SHOW === String(margin)) {
        for (const m of e.mistakes) console.log(`   ${m.id} expected ${m.expected} got ${m.got} (${m.result.confidence}) ${m.result.evidence.filter((x) => x.signal !== 'request-wording').map((x) => `[${x.signal}:${x.phrase}]`).join(' ')}\n      ${tune.find((t) => t.id === m.id)!.text.replace(/\s+/g, ' ').slice(0, 300)}`);
      }
    }
  }
} else {
  const model = encodeModel(train(trainingCorpus()));
  writeFileSync(OUT, `// Generated by scripts/detect-train.ts from the labelled corpora; do not edit.\nexport const MODEL = ${JSON.stringify(model)} as const;\n`);
  console.log(`wrote ${OUT}: ${model.weights.length} base64 characters`);
}
