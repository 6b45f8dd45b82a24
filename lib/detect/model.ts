// The learned scorer: a linear model over the hashed features of lib/detect/features.ts, one
// weight per (bucket, class). Its weights are trained by scripts/detect-train.ts from the labelled
// corpora (lib/detect/train.ts) and shipped in model.generated.ts: nothing is downloaded or
// learned at run time, and the same corpora always give the same weights.
import { BUCKETS, CLASSES, extractFeatures, type Feature, type RuleFindings } from './features';
import { MODEL } from './model.generated';

export interface LinearModel {
  readonly hashBits: number;
  /** Weight of one quantisation step. */
  readonly scale: number;
  /** Quantised weights, bucket-major: weights[bucket * CLASSES.length + class]. */
  readonly weights: Int8Array;
}

/**
 * The shipped weights as text: base64 of the bucket-major int8 table, run-length coded because
 * two thirds of the weights are 0: byte 128 then n (1–255) stands for n zeros, any other byte b
 * for the weight b − 128.
 */
export interface SerialisedModel {
  readonly hashBits: number;
  readonly scale: number;
  readonly weights: string;
}

const ZERO_RUN = 128;

export function decodeModel(m: SerialisedModel): LinearModel {
  const binary = atob(m.weights);
  const weights = new Int8Array((1 << m.hashBits) * CLASSES.length);
  let at = 0;
  for (let i = 0; i < binary.length && at < weights.length; i += 1) {
    const byte = binary.charCodeAt(i);
    if (byte === ZERO_RUN) {
      i += 1;
      at += binary.charCodeAt(i); // the array starts zeroed
    } else {
      weights[at] = byte - 128;
      at += 1;
    }
  }
  return { hashBits: m.hashBits, scale: m.scale, weights };
}

export function encodeModel(m: LinearModel): SerialisedModel {
  const bytes: string[] = [];
  for (let i = 0; i < m.weights.length; ) {
    if (m.weights[i] === 0) {
      let run = 0;
      while (i < m.weights.length && m.weights[i] === 0 && run < 255) {
        run += 1;
        i += 1;
      }
      bytes.push(String.fromCharCode(ZERO_RUN, run));
    } else {
      // Quantised weights lie in −127…127, so b − 128 never meets the run marker (−128 is unused).
      bytes.push(String.fromCharCode(m.weights[i]! + 128));
      i += 1;
    }
  }
  return { hashBits: m.hashBits, scale: m.scale, weights: btoa(bytes.join('')) };
}

let shipped: LinearModel | undefined;
/** Decoded on first use, so a page that never classifies pays nothing. */
export function shippedModel(): LinearModel | undefined {
  if (!shipped && MODEL.weights.length > 0) shipped = decodeModel(MODEL);
  return shipped;
}

/** Each bucket counts once per message, however often its feature occurs. */
// A stamp per bucket instead of a Set: no allocation per message, O(features).
const stamps = new Uint32Array(BUCKETS);
let stamp = 0;
export function uniqueBuckets(features: readonly Feature[]): number[] {
  stamp = (stamp + 1) >>> 0;
  if (stamp === 0) {
    stamps.fill(0);
    stamp = 1;
  }
  const out: number[] = [];
  for (const f of features) {
    if (stamps[f.bucket] !== stamp) {
      stamps[f.bucket] = stamp;
      out.push(f.bucket);
    }
  }
  return out;
}

export function scoreBuckets(model: LinearModel, buckets: readonly number[]): number[] {
  const k = CLASSES.length;
  const scores: number[] = new Array<number>(k).fill(0);
  if (model.weights.length !== BUCKETS * k) return scores;
  for (const b of buckets) {
    const base = b * k;
    for (let c = 0; c < k; c += 1) scores[c]! += model.weights[base + c]!;
  }
  return scores.map((s) => s * model.scale);
}

export function scoreText(model: LinearModel, haystack: string, rules: RuleFindings): { scores: number[]; features: Feature[] } {
  const features = extractFeatures(haystack, rules);
  return { scores: scoreBuckets(model, uniqueBuckets(features)), features };
}
