import type { Calibration } from '../knowledge.js';
import { FEATURE_NAMES, featureVector } from './confidence.js';
import { OUT_OF_SCOPE } from './faq-index.js';
import type { Matcher } from './matcher.js';

// Fits the confidence model to the knowledge base by leave-one-out: each example question is held
// out of the index and matched against the rest, as an unseen question would be. A logistic
// regression then learns how the match features predict "the best FAQ intent is right"; out-of-scope
// examples count as wrong whatever they match. Deterministic: same knowledge, same fit.

/** Answer when right at least this often: a wrong answer costs three times what a right one gains. */
export const WRONG_ANSWER_COST = 3;
export const ANSWER_AT = WRONG_ANSWER_COST / (WRONG_ANSWER_COST + 1);
/** Below the answer threshold but above this, offer the close topics instead of giving up. */
export const CLARIFY_AT = 0.4;
const L2 = 0.01;
const ITERATIONS = 50;

export interface CalibrationReport {
  readonly calibration: Calibration;
  readonly measured: {
    readonly samples: number;
    readonly inScopeTopAccuracy: number;
    readonly answeredPrecision: number;
    readonly answeredShare: number;
    readonly outOfScopeAbstention: number;
    readonly brier: number;
    readonly expectedCalibrationError: number;
  };
}

interface Sample {
  readonly x: number[];
  readonly right: boolean;
  readonly inScope: boolean;
}

export function heldOutSamples(matcher: Matcher): Sample[] {
  const samples: Sample[] = [];
  for (const doc of matcher.index.documents()) {
    if (doc.source !== 'example') continue;
    const terms = doc.terms.split(' ');
    const { ranking, features } = matcher.index.withHeldOut(doc.id, () =>
      matcher.featuresOf({ tokens: terms, terms }),
    );
    if (features === null) continue;
    const best = ranking.find((score) => score.intent !== OUT_OF_SCOPE)?.intent;
    const inScope = doc.intent !== OUT_OF_SCOPE;
    samples.push({ x: featureVector(features), right: inScope && best === doc.intent, inScope });
  }
  return samples;
}

export function calibrate(matcher: Matcher, fingerprint: string): CalibrationReport {
  const samples = heldOutSamples(matcher);
  const theta = fitLogistic(samples);
  const [bias, ...weights] = theta as [number, ...number[]];
  const calibration: Calibration = {
    fingerprint,
    weights: Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, round(weights[i] ?? 0)])),
    bias: round(bias),
    answerAt: ANSWER_AT,
    clarifyAt: CLARIFY_AT,
  };
  const p = samples.map((sample) => predict(theta, sample.x));
  const answered = samples.filter((_, i) => (p[i] as number) >= ANSWER_AT);
  const inScope = samples.filter((sample) => sample.inScope);
  const outOfScope = samples.filter((sample) => !sample.inScope);
  return {
    calibration,
    measured: {
      samples: samples.length,
      inScopeTopAccuracy: share(inScope.filter((sample) => sample.right).length, inScope.length),
      answeredPrecision: share(answered.filter((sample) => sample.right).length, answered.length),
      answeredShare: share(answered.length, samples.length),
      outOfScopeAbstention: share(
        outOfScope.filter((sample) => predict(theta, sample.x) < ANSWER_AT).length,
        outOfScope.length,
      ),
      brier: round(
        samples.reduce((sum, sample, i) => sum + ((p[i] as number) - (sample.right ? 1 : 0)) ** 2, 0) /
          samples.length,
      ),
      expectedCalibrationError: round(expectedCalibrationError(p, samples)),
    },
  };
}

function predict(theta: readonly number[], x: readonly number[]): number {
  let z = theta[0] as number;
  for (let i = 0; i < x.length; i++) z += (theta[i + 1] as number) * (x[i] as number);
  return 1 / (1 + Math.exp(-z));
}

/** Logistic regression by Newton's method with a small ridge penalty (weights only). */
export function fitLogistic(samples: readonly { x: number[]; right: boolean }[]): number[] {
  const dims = (samples[0]?.x.length ?? 0) + 1;
  let theta = new Array<number>(dims).fill(0);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const gradient = new Array<number>(dims).fill(0);
    const hessian = Array.from({ length: dims }, () => new Array<number>(dims).fill(0));
    for (const sample of samples) {
      const row = [1, ...sample.x];
      const p = predict(theta, sample.x);
      const error = p - (sample.right ? 1 : 0);
      const w = Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i < dims; i++) {
        gradient[i] = (gradient[i] as number) + error * (row[i] as number);
        const hessianRow = hessian[i] as number[];
        for (let j = 0; j < dims; j++)
          hessianRow[j] = (hessianRow[j] as number) + w * (row[i] as number) * (row[j] as number);
      }
    }
    for (let i = 1; i < dims; i++) {
      gradient[i] = (gradient[i] as number) + L2 * (theta[i] as number);
      (hessian[i] as number[])[i] = ((hessian[i] as number[])[i] as number) + L2;
    }
    const step = solve(hessian, gradient);
    theta = theta.map((value, i) => value - (step[i] as number));
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return theta;
}

/** Gaussian elimination with partial pivoting; the system is small (one row per feature). */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) {
      if (Math.abs((a[row] as number[])[col] as number) > Math.abs((a[pivot] as number[])[col] as number))
        pivot = row;
    }
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const pivotRow = a[col] as number[];
    const divisor = pivotRow[col] as number;
    if (Math.abs(divisor) < 1e-12) continue;
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const target = a[row] as number[];
      const factor = (target[col] as number) / divisor;
      for (let k = col; k <= n; k++) target[k] = (target[k] as number) - factor * (pivotRow[k] as number);
    }
  }
  return a.map((row, i) => {
    const divisor = row[i] as number;
    return Math.abs(divisor) < 1e-12 ? 0 : (row[n] as number) / divisor;
  });
}

function expectedCalibrationError(p: readonly number[], samples: readonly Sample[]): number {
  const bins = 10;
  let total = 0;
  for (let bin = 0; bin < bins; bin++) {
    const members = p
      .map((value, i) => ({ value, right: (samples[i] as Sample).right }))
      .filter(({ value }) => Math.min(bins - 1, Math.floor(value * bins)) === bin);
    if (members.length === 0) continue;
    const meanP = members.reduce((sum, { value }) => sum + value, 0) / members.length;
    const accuracy = members.filter(({ right }) => right).length / members.length;
    total += (members.length / p.length) * Math.abs(meanP - accuracy);
  }
  return total;
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : round(part / whole);
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
