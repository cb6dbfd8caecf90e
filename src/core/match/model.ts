import type { KnowledgeBase } from '../knowledge-base.js';
import type { Analyzer } from '../text/analyzer.js';
import { countTerms } from './bm25.js';
import { CaseReader } from './cases.js';
import {
  type ClassifierOptions,
  DEFAULT_CLASSIFIER,
  type SavedClassifier,
  TextClassifier,
} from './classifier.js';
import {
  type Calibration,
  FEATURE_NAMES,
  type FeatureName,
  featureVector,
  logOdds,
  type MatchFeatures,
} from './confidence.js';
import { FaqIndex, OUT_OF_SCOPE, type SavedDocument } from './faq-index.js';
import { groupedFolds } from './folds.js';
import { fitLogistic, predictLogistic } from './logistic.js';
import {
  analysePost,
  DEFAULT_READING,
  type PostSentences,
  type Reading,
  type ReadingOptions,
  readSentences,
} from './reader.js';

// The fitted matcher: a classifier over the FAQ's intents and an explicit off-topic class, and a
// confidence model fitted on cross-validated predictions (grouped, so paraphrases never sit on
// both sides), which is what tells the bot how often it is right on questions it has not seen.

/**
 * Answer at this confidence or more. The confidence is calibrated on held-out knowledge examples,
 * most of them one line, and on members' posts it errs low. Over the tuning files (eval/tuning/),
 * the threshold sweep of `npm run eval:methods` shows 0.70 keeping confident wrong answers under one
 * in a hundred; 0.75 answered 15 fewer right and one fewer wrong; 0.65 and 0.60 gained seven and
 * eleven right for one more wrong, and answered a one-line question naming two topics as one of them.
 */
export const ANSWER_AT = 0.7;
/** Below the answer threshold but above this, offer the close topics instead of giving up. */
export const CLARIFY_AT = 0.25;
export const FOLDS = 5;

/** How a matcher is built; the defaults won the comparison in `npm run eval:methods`. */
export interface MethodOptions {
  readonly classifier: ClassifierOptions;
  readonly reading: ReadingOptions;
  /** Whether the BM25 ranking of the examples is evidence for the confidence model. */
  readonly bm25: boolean;
}

export const DEFAULT_METHOD: MethodOptions = {
  classifier: DEFAULT_CLASSIFIER,
  reading: DEFAULT_READING,
  bm25: true,
};

/** One text the classifier learns from. */
export interface TrainingText {
  readonly label: string;
  readonly text: string;
  readonly source: 'example' | 'title' | 'out-of-scope' | 'taught';
}

/** Every text of the knowledge base the classifier learns from, the off-topic ones included. */
export function trainingTexts(kb: Pick<KnowledgeBase, 'entries' | 'outOfScope'>): TrainingText[] {
  return [
    ...kb.entries.flatMap((entry) => [
      { label: entry.id, text: entry.title, source: 'title' as const },
      ...entry.examples.map((text) => ({ label: entry.id, text, source: 'example' as const })),
    ]),
    ...kb.outOfScope.map((text) => ({ label: OUT_OF_SCOPE, text, source: 'out-of-scope' as const })),
  ];
}

/** How one example fared when it was held out (what a moderator's preview and the report show). */
export interface HeldOutResult {
  readonly label: string;
  readonly text: string;
  /** The best FAQ intent for it. */
  readonly best: string;
  /** The calibrated probability that `best` is right: it is answered at `answerAt` and above. */
  readonly confidence: number;
}

export interface CrossValidation {
  readonly samples: number;
  /** In-scope examples whose best intent was right. */
  readonly inScopeTopAccuracy: number;
  /** Of the held-out examples the bot would answer, the share answered right. */
  readonly answeredPrecision: number;
  /** Of the in-scope held-out examples, the share answered right. */
  readonly answeredRight: number;
  /** Of the off-topic held-out examples, the share not answered. */
  readonly outOfScopeAbstention: number;
  readonly brier: number;
  readonly expectedCalibrationError: number;
}

export interface MatchingModel {
  readonly classifier: TextClassifier;
  readonly calibration: Calibration;
  /** Per entry with parts: which of its cases a post names. */
  readonly cases: ReadonlyMap<string, CaseReader>;
  readonly crossValidation: CrossValidation;
  readonly heldOut: readonly HeldOutResult[];
}

/** What a reading and the BM25 ranking say about the best intent. */
export interface Evidence {
  readonly best: string | null;
  readonly ranked: readonly { readonly intent: string; readonly probability: number }[];
  readonly features: MatchFeatures | null;
}

/** The classifier's blend over labels, and the BM25 ranking, as confidence features. */
export function evidenceOf(reading: Reading, labels: readonly string[], index: FaqIndex | null): Evidence {
  const ranked = labels
    .map((intent, i) => ({ intent, probability: reading.probabilities[i] as number }))
    .sort((a, b) => b.probability - a.probability || a.intent.localeCompare(b.intent));
  const inScope = ranked.filter((score) => score.intent !== OUT_OF_SCOPE);
  const first = inScope[0];
  if (first === undefined || reading.analysis.terms.length === 0)
    return { best: null, ranked, features: null };
  const offTopic = ranked.find((score) => score.intent === OUT_OF_SCOPE)?.probability ?? 0;
  const counts = countTerms(reading.analysis.terms);
  const bm25 =
    index === null
      ? []
      : index.rank(reading.analysis, counts).filter((score) => score.intent !== OUT_OF_SCOPE);
  const features: MatchFeatures = {
    top: logOdds(first.probability),
    margin: first.probability - (inScope[1]?.probability ?? 0),
    offTopic,
    bm25Agrees: bm25[0]?.intent === first.intent ? 1 : 0,
    bm25Top: Math.log1p(bm25[0]?.score ?? 0),
    known: index === null ? 1 : index.knownShare(reading.analysis, counts),
    length: Math.log1p(counts.size),
  };
  return { best: first.intent, ranked, features };
}

/** Fits the classifier and its confidence model to the knowledge base. Deterministic. */
export function fitMatchingModel(
  kb: Pick<KnowledgeBase, 'entries' | 'outOfScope'>,
  analyzer: Analyzer,
  method: MethodOptions = DEFAULT_METHOD,
): MatchingModel {
  const texts = trainingTexts(kb);
  const posts = texts.map((text) => analysePost(text.text, analyzer));
  const grouped = texts.map((text, i) => ({ ...text, terms: (posts[i] as PostSentences).analysis.terms }));
  // Titles stay in training on every fold: they are the entry's name, not a member's question.
  const heldOutable = texts.map((text) => text.source !== 'title');
  const folds = groupedFolds(grouped, FOLDS);
  const samples: { x: number[]; right: boolean; inScope: boolean }[] = [];
  const heldOutTexts: { text: TrainingText; best: string }[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const inTraining = (i: number) => !heldOutable[i] || folds[i] !== fold;
    const training = texts.flatMap((text, i) =>
      inTraining(i) ? [{ sentences: (posts[i] as PostSentences).analyses, label: text.label }] : [],
    );
    const classifier = TextClassifier.train(training, method.classifier);
    const index = method.bm25 ? new FaqIndex(analyzer, foldKnowledge(kb, texts, inTraining)) : null;
    texts.forEach((text, i) => {
      if (inTraining(i)) return;
      const reading = readSentences(posts[i] as PostSentences, classifier, method.reading);
      const evidence = evidenceOf(reading, classifier.labels, index);
      if (evidence.features === null || evidence.best === null) return;
      const inScope = text.label !== OUT_OF_SCOPE;
      const right = inScope && evidence.best === text.label;
      samples.push({ x: featureVector(evidence.features), right, inScope });
      heldOutTexts.push({ text, best: evidence.best });
    });
  }
  const theta = fitLogistic(samples);
  const [bias, ...weights] = theta as [number, ...number[]];
  const calibration: Calibration = {
    weights: Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, round(weights[i] ?? 0)])) as Record<
      FeatureName,
      number
    >,
    bias: round(bias),
    answerAt: ANSWER_AT,
    clarifyAt: CLARIFY_AT,
  };
  const p = samples.map((sample) => predictLogistic(theta, sample.x));
  const classifier = TextClassifier.train(
    texts.map((text, i) => ({ sentences: (posts[i] as PostSentences).analyses, label: text.label })),
    method.classifier,
  );
  const cases = new Map<string, CaseReader>();
  for (const entry of kb.entries) {
    if (entry.parts.length === 0) continue;
    // A case is read only in a post answered with this entry, in its sentences about this entry, so
    // the case reader needs no other entry's examples as "no case": those say "the client never
    // looked at my proposal" (proposal tips) in the very words of a case, and taught it to miss them.
    cases.set(entry.id, CaseReader.train(entry, analyzer, kb.outOfScope, method.classifier));
  }
  return {
    classifier,
    calibration,
    cases,
    crossValidation: crossValidationFigures(samples, p),
    heldOut: heldOutTexts.map((item, i) => ({
      label: item.text.label,
      text: item.text.text,
      best: item.best,
      confidence: round(p[i] as number),
    })),
  };
}

/** The knowledge base as one fold's training part sees it (for its BM25 index). */
function foldKnowledge(
  kb: Pick<KnowledgeBase, 'entries' | 'outOfScope'>,
  texts: readonly TrainingText[],
  inTraining: (i: number) => boolean,
): Pick<KnowledgeBase, 'entries' | 'outOfScope'> {
  const kept = new Map<string, string[]>();
  texts.forEach((text, i) => {
    if (!inTraining(i) || text.source === 'title') return;
    kept.set(text.label, [...(kept.get(text.label) ?? []), text.text]);
  });
  return {
    entries: kb.entries.map((entry) => ({ ...entry, examples: kept.get(entry.id) ?? [] })),
    outOfScope: kept.get(OUT_OF_SCOPE) ?? [],
  };
}

function crossValidationFigures(
  samples: readonly { right: boolean; inScope: boolean }[],
  p: readonly number[],
): CrossValidation {
  const answered = samples.filter((_, i) => (p[i] as number) >= ANSWER_AT);
  const inScope = samples.filter((sample) => sample.inScope);
  const outOfScope = samples
    .map((sample, i) => ({ sample, p: p[i] as number }))
    .filter(({ sample }) => !sample.inScope);
  return {
    samples: samples.length,
    inScopeTopAccuracy: share(inScope.filter((sample) => sample.right).length, inScope.length),
    answeredPrecision: share(answered.filter((sample) => sample.right).length, answered.length),
    answeredRight: share(
      samples.filter((sample, i) => sample.inScope && sample.right && (p[i] as number) >= ANSWER_AT).length,
      inScope.length,
    ),
    outOfScopeAbstention: share(outOfScope.filter((item) => item.p < ANSWER_AT).length, outOfScope.length),
    brier: round(
      samples.reduce((sum, sample, i) => sum + ((p[i] as number) - (sample.right ? 1 : 0)) ** 2, 0) /
        samples.length,
    ),
    expectedCalibrationError: round(expectedCalibrationError(p, samples)),
  };
}

function expectedCalibrationError(p: readonly number[], samples: readonly { right: boolean }[]): number {
  const bins = 10;
  let total = 0;
  for (let bin = 0; bin < bins; bin++) {
    const members = p
      .map((value, i) => ({ value, right: (samples[i] as { right: boolean }).right }))
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

export type { SavedClassifier };

/** A fitted model as it is cached (JSON), tied to the knowledge base it was fitted to. */
export interface SavedModel {
  readonly fingerprint: string;
  /** The method it was fitted with (JSON): a fit by another method is not reused. */
  readonly method: string;
  /** The words typos are corrected towards, counted, and the BM25 documents: read once, at the fit. */
  readonly vocabulary: readonly (readonly [string, number])[];
  readonly documents: readonly SavedDocument[];
  readonly classifier: SavedClassifier;
  readonly calibration: Calibration;
  readonly cases: Readonly<Record<string, SavedClassifier | null>>;
  readonly crossValidation: CrossValidation;
  readonly heldOut: readonly HeldOutResult[];
}

export function saveModel(
  model: MatchingModel,
  fingerprint: string,
  method: MethodOptions,
  analyzer: Analyzer,
  index: FaqIndex,
): SavedModel {
  return {
    fingerprint,
    method: JSON.stringify(method),
    vocabulary: analyzer.vocabularyCounts(),
    documents: index.savedDocuments(),
    classifier: model.classifier.save(),
    calibration: model.calibration,
    cases: Object.fromEntries([...model.cases].map(([entry, reader]) => [entry, reader.save()])),
    crossValidation: model.crossValidation,
    heldOut: model.heldOut,
  };
}

/** The model back from its saved form; the knowledge base supplies the signals of each entry's cases. */
export function restoreModel(
  saved: SavedModel,
  kb: Pick<KnowledgeBase, 'entries'>,
  analyzer: Analyzer,
): MatchingModel {
  const cases = new Map<string, CaseReader>();
  for (const entry of kb.entries) {
    if (entry.parts.length === 0) continue;
    cases.set(entry.id, CaseReader.restore(entry, analyzer, saved.cases[entry.id] ?? null));
  }
  return {
    classifier: TextClassifier.restore(saved.classifier),
    calibration: saved.calibration,
    cases,
    crossValidation: saved.crossValidation,
    heldOut: saved.heldOut,
  };
}

/** Whether a saved model was fitted to this knowledge base (its fingerprint) by this method. */
export function savedModelFits(saved: SavedModel, fingerprint: string, method: MethodOptions): boolean {
  return saved.fingerprint === fingerprint && saved.method === JSON.stringify(method);
}
