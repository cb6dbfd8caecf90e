import type { SparseVector } from './features.js';

// Multinomial logistic regression over sparse features: one weight per feature and class, a
// bias per class, trained by AdaGrad on the cross-entropy with an L2 penalty, as the average of a
// few models trained on different orders of the examples. Deterministic: each order is drawn from a
// fixed seed, so the same texts give the same model.

export interface SoftmaxOptions {
  /** Passes over the examples, per member. */
  readonly epochs: number;
  /**
   * Models trained with different shufflings whose weights are averaged into one. A single model's
   * weights depend on the order it met the examples (few examples, tens of thousands of features):
   * shuffled from seeds 7, 8 and 9, one model of 30 passes answered 1,191, 1,185 and 1,185 of the
   * tuning sets' 1,264 questions right (`npm run eval:methods`), one file moving by three points.
   * Three members of 15 passes: 1,190, 1,191 and 1,189. Matching costs the same: the average is one
   * model.
   */
  readonly members: number;
  readonly learningRate: number;
  /** L2 penalty per example visit, applied to the weights an example touches. */
  readonly l2: number;
  readonly seed: number;
}

export const DEFAULT_SOFTMAX: SoftmaxOptions = {
  epochs: 15,
  members: 3,
  learningRate: 0.4,
  l2: 1e-4,
  seed: 7,
};

export interface Sample {
  readonly x: SparseVector;
  readonly label: number;
  /** How much this example counts (1 unless said otherwise). */
  readonly weight?: number;
}

export interface SoftmaxModel {
  readonly classes: number;
  readonly features: number;
  /** Row-major: feature f, class c at f * classes + c. */
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

export function trainSoftmax(
  samples: readonly Sample[],
  classes: number,
  features: number,
  options: SoftmaxOptions = DEFAULT_SOFTMAX,
): SoftmaxModel {
  const members = Math.max(1, options.members);
  if (members === 1) return trainMember(samples, classes, features, options.seed, options);
  const weights = new Float32Array(features * classes);
  const bias = new Float32Array(classes);
  for (let member = 0; member < members; member++) {
    const model = trainMember(samples, classes, features, options.seed + member * MEMBER_SEED_STEP, options);
    for (let k = 0; k < weights.length; k++)
      weights[k] = (weights[k] as number) + (model.weights[k] as number) / members;
    for (let c = 0; c < classes; c++) bias[c] = (bias[c] as number) + (model.bias[c] as number) / members;
  }
  return { classes, features, weights, bias };
}

// Members' seeds lie this far apart, so no member shares another's shuffling (or the next seed's).
const MEMBER_SEED_STEP = 101;

/** One model, by AdaGrad over the examples in an order drawn from `seed`. */
function trainMember(
  samples: readonly Sample[],
  classes: number,
  features: number,
  seed: number,
  options: SoftmaxOptions,
): SoftmaxModel {
  const weights = new Float32Array(features * classes);
  const bias = new Float32Array(classes);
  // AdaGrad's running sums of squared gradients, per weight.
  const weightHistory = new Float32Array(features * classes).fill(1e-6);
  const biasHistory = new Float32Array(classes).fill(1e-6);
  const order = samples.map((_, i) => i);
  const random = seeded(seed);
  const scores = new Float64Array(classes);
  const gradient = new Float64Array(classes);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const sample = samples[i] as Sample;
      const { indices, values } = sample.x;
      const weight = sample.weight ?? 1;
      probabilitiesInto(scores, weights, bias, classes, indices, values);
      for (let c = 0; c < classes; c++) {
        gradient[c] = weight * ((scores[c] as number) - (c === sample.label ? 1 : 0));
      }
      for (let c = 0; c < classes; c++) {
        const g = gradient[c] as number;
        biasHistory[c] = (biasHistory[c] as number) + g * g;
        bias[c] = (bias[c] as number) - (options.learningRate * g) / Math.sqrt(biasHistory[c] as number);
      }
      for (let k = 0; k < indices.length; k++) {
        const row = (indices[k] as number) * classes;
        const value = values[k] as number;
        for (let c = 0; c < classes; c++) {
          const at = row + c;
          const current = weights[at] as number;
          const g = (gradient[c] as number) * value + options.l2 * current;
          weightHistory[at] = (weightHistory[at] as number) + g * g;
          weights[at] = current - (options.learningRate * g) / Math.sqrt(weightHistory[at] as number);
        }
      }
    }
  }
  return { classes, features, weights, bias };
}

/** Feature columns and their values, as a fitted vector or as read from one sentence. */
export interface FeatureValues {
  readonly indices: ArrayLike<number>;
  readonly values: ArrayLike<number>;
}

/**
 * Class probabilities for one vector, its values multiplied by `scale` (1 when already scaled). A
 * plain array: a post's every sentence gets one, and a typed array of more than a few numbers is
 * stored outside the heap, which made each young collection free thousands of them (`npm run bench`
 * p99 on 2,000-character posts went from 1.6 to 1.0 ms without them).
 */
export function predictSoftmax(model: SoftmaxModel, x: FeatureValues, scale = 1): number[] {
  const out: number[] = [];
  for (let c = 0; c < model.classes; c++) out.push(0);
  probabilitiesInto(out, model.weights, model.bias, model.classes, x.indices, x.values, scale);
  return out;
}

function probabilitiesInto(
  out: number[] | Float64Array,
  weights: Float32Array,
  bias: Float32Array,
  classes: number,
  indices: ArrayLike<number>,
  values: ArrayLike<number>,
  scale = 1,
): void {
  for (let c = 0; c < classes; c++) out[c] = bias[c] as number;
  for (let k = 0; k < indices.length; k++) {
    const row = (indices[k] as number) * classes;
    const value = (values[k] as number) * scale;
    for (let c = 0; c < classes; c++) out[c] = (out[c] as number) + (weights[row + c] as number) * value;
  }
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < classes; c++) max = Math.max(max, out[c] as number);
  let sum = 0;
  for (let c = 0; c < classes; c++) {
    const e = Math.exp((out[c] as number) - max);
    out[c] = e;
    sum += e;
  }
  for (let c = 0; c < classes; c++) out[c] = (out[c] as number) / sum;
}

/** A small deterministic generator (LCG): the same seed, the same order. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as number, items[i] as number];
  }
}
