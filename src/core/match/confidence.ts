/** What the confidence model looks at for the best FAQ intent of a question. */
export interface MatchFeatures {
  /** log-odds of the classifier's probability for the best FAQ intent. */
  readonly top: number;
  /** How far it is ahead of the runner-up FAQ intent (probability difference). */
  readonly margin: number;
  /** The classifier's probability that the post is none of the FAQ's business. */
  readonly offTopic: number;
  /** 1 when the BM25 ranking of the examples puts the same intent first, else 0. */
  readonly bm25Agrees: number;
  /** log(1 + BM25 score) of the best intent by BM25. */
  readonly bm25Top: number;
  /** Share of the question's words that some FAQ entry uses. */
  readonly known: number;
  /** log(1 + distinct meaningful words): a long post says more than a short line, right or wrong. */
  readonly length: number;
}

export const FEATURE_NAMES = [
  'top',
  'margin',
  'offTopic',
  'bm25Agrees',
  'bm25Top',
  'known',
  'length',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** The confidence model: logistic regression over the features, and the thresholds it is used with. */
export interface Calibration {
  readonly weights: Readonly<Record<FeatureName, number>>;
  readonly bias: number;
  /** Answer at or above this probability of being right. */
  readonly answerAt: number;
  /** Offer close topics at or above this (and below answerAt). */
  readonly clarifyAt: number;
}

export function featureVector(features: MatchFeatures): number[] {
  return FEATURE_NAMES.map((name) => features[name]);
}

/** Probability that the best FAQ intent is the right answer. */
export function confidenceOf(features: MatchFeatures, calibration: Calibration): number {
  let z = calibration.bias;
  for (const name of FEATURE_NAMES) z += calibration.weights[name] * features[name];
  return 1 / (1 + Math.exp(-z));
}

/** log(p / (1 - p)), kept finite. */
export function logOdds(probability: number): number {
  const p = Math.min(1 - 1e-6, Math.max(1e-6, probability));
  return Math.log(p / (1 - p));
}
