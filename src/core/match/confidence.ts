import type { Calibration } from '../knowledge.js';

/** What the confidence model looks at for the best-scoring FAQ intent of a question. */
export interface MatchFeatures {
  /** log(1 + BM25 score) of the best FAQ intent. */
  readonly top: number;
  /** How far the best FAQ intent is ahead of the runner-up (log scale). */
  readonly margin: number;
  /** How far it is ahead of the out-of-scope examples (log scale; negative when behind). */
  readonly overOutOfScope: number;
  /** Share of the question's terms the best intent's documents use. */
  readonly coverage: number;
  /** Share of the question's terms any FAQ entry uses. */
  readonly known: number;
}

export const FEATURE_NAMES = ['top', 'margin', 'overOutOfScope', 'coverage', 'known'] as const;

export function featureVector(features: MatchFeatures): number[] {
  return FEATURE_NAMES.map((name) => features[name]);
}

/**
 * Used only until `helpbot knowledge calibrate` has fitted the model to the knowledge base
 * (the loader warns meanwhile). Rough values from the first fit.
 */
export const UNCALIBRATED: Calibration = {
  fingerprint: '0000000000000000',
  weights: { top: 1, margin: 1.5, overOutOfScope: 1.5, coverage: 2, known: 1 },
  bias: -4,
  answerAt: 0.75,
  clarifyAt: 0.4,
};

/** Probability that the best FAQ intent is the right answer (logistic model). */
export function confidenceOf(features: MatchFeatures, calibration: Calibration): number {
  let z = calibration.bias;
  for (const name of FEATURE_NAMES) z += (calibration.weights[name] ?? 0) * features[name];
  return 1 / (1 + Math.exp(-z));
}
