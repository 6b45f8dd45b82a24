// Trains the learned scorer (lib/detect/model.ts): a multi-class averaged perceptron over the
// hashed features, on the labelled corpora. Deterministic: a fixed example order shuffled by a
// seeded generator, and integer updates (the averages are exact in doubles), so the same corpora
// always give byte-identical weights (test/detect/model.test.ts checks the shipped ones).
// Not exported from index.ts: only scripts/detect-train.ts and the tests use it.
import { analyse } from './classify';
import { BUCKETS, CLASSES, extractFeatures, HASH_BITS } from './features';
import type { LabelledMessage } from './evaluate';
import { uniqueBuckets, type LinearModel } from './model';


export interface Example {
  readonly buckets: readonly number[];
  readonly label: number;
}

export interface TrainOptions {
  readonly epochs: number;
  readonly seed: number;
}
export const DEFAULT_TRAINING: TrainOptions = { epochs: 6, seed: 20261202 };

export function toExample(m: LabelledMessage): Example {
  const a = analyse(m.text);
  return { buckets: uniqueBuckets(extractFeatures(a.haystack, a.findings)), label: CLASSES.indexOf(m.isRequest ? m.type! : 'none') };
}

/** A small linear congruential generator: the shuffle must not depend on Math.random. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
}

/** Unquantised averaged weights, bucket-major. */
export function trainPerceptron(examples: readonly Example[], options: TrainOptions = DEFAULT_TRAINING): Float64Array {
  const k = CLASSES.length;
  const w = new Float64Array(BUCKETS * k);
  // Sum of (step × update), for the averaged weights w − u / steps (Collins 2002, with lazy sums).
  const u = new Float64Array(BUCKETS * k);
  const order = examples.map((_, i) => i);
  const next = generator(options.seed);
  let step = 1;
  const scores = new Float64Array(k);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = next() % (i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const { buckets, label } = examples[index]!;
      scores.fill(0);
      for (const b of buckets) for (let c = 0; c < k; c += 1) scores[c]! += w[b * k + c]!;
      let predicted = 0;
      for (let c = 1; c < k; c += 1) if (scores[c]! > scores[predicted]!) predicted = c;
      if (predicted !== label) {
        for (const b of buckets) {
          w[b * k + label]! += 1;
          u[b * k + label]! += step;
          w[b * k + predicted]! -= 1;
          u[b * k + predicted]! -= step;
        }
      }
      step += 1;
    }
  }
  const averaged = new Float64Array(BUCKETS * k);
  for (let i = 0; i < averaged.length; i += 1) averaged[i] = w[i]! - u[i]! / step;
  return averaged;
}

/** Int8 weights with one scale: the largest weight maps to ±127. */
export function quantise(weights: Float64Array): LinearModel {
  let max = 0;
  for (const x of weights) max = Math.max(max, Math.abs(x));
  const scale = max === 0 ? 1 : max / 127;
  const q = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i += 1) q[i] = Math.round(weights[i]! / scale);
  return { hashBits: HASH_BITS, scale, weights: q };
}

/**
 * One perceptron depends on the order it saw the examples in (on the blind split, exact answers
 * varied by about ±1 point between shuffles); the mean of several, each shuffled differently, is
 * steadier and is still one linear model of the same size.
 */
export const ENSEMBLE = 5;
export function trainEnsemble(examples: readonly Example[], options: TrainOptions = DEFAULT_TRAINING): Float64Array {
  let sum: Float64Array | undefined;
  for (let k = 0; k < ENSEMBLE; k += 1) {
    const w = trainPerceptron(examples, { ...options, seed: options.seed + k });
    if (!sum) sum = w;
    else for (let i = 0; i < w.length; i += 1) sum[i]! += w[i]!;
  }
  for (let i = 0; i < sum!.length; i += 1) sum![i]! /= ENSEMBLE;
  return sum!;
}

export function train(messages: readonly LabelledMessage[], options: TrainOptions = DEFAULT_TRAINING): LinearModel {
  return quantise(trainEnsemble(messages.map(toExample), options));
}
