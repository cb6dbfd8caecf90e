import type { Calibration, FaqEntry, KnowledgeBase } from '../knowledge.js';
import { type Analysis, Analyzer } from '../text/analyzer.js';
import { confidenceOf, type MatchFeatures, UNCALIBRATED } from './confidence.js';
import {
  DEFAULT_RANKING,
  FaqIndex,
  type IntentScore,
  OUT_OF_SCOPE,
  type RankingOptions,
} from './faq-index.js';
import { type CompiledSignal, compileSignal, signalledCases } from './signals.js';

/** Alternatives to the default method, for comparing methods (`npm run eval:methods`). */
export interface MatcherOptions {
  readonly stemming?: boolean;
  readonly ranking?: RankingOptions;
}

export type Decision = 'answer' | 'clarify' | 'abstain';

export interface Candidate {
  readonly intent: string;
  readonly score: number;
}

export interface MatchResult {
  readonly decision: Decision;
  /** The intent answered; null when clarifying or abstaining. */
  readonly intent: string | null;
  /** Probability that the best FAQ intent is right, in [0, 1]. */
  readonly confidence: number;
  /** The case fact ids the answer applies, the ones the question signals first. */
  readonly cases: readonly string[];
  /** The cases the question itself names (the head of `cases`; empty for a general question). */
  readonly signalled: readonly string[];
  /** The topics offered when clarifying (2-3), best first. */
  readonly choices: readonly string[];
  /** The best FAQ intent, whatever the decision (for evaluation and moderators). */
  readonly best: string | null;
  readonly features: MatchFeatures | null;
}

// A runner-up within this share of the best score is "close": worth offering as a choice.
const CLOSE_SCORE_RATIO = 0.7;
const MAX_CHOICES = 3;
// Two intents this close (scores within about 10%) are a coin toss: ask which one was meant.
export const MIN_ANSWER_MARGIN = 0.1;

/** Question -> FAQ intent, with a calibrated confidence and the answer / clarify / abstain rule. */
export class Matcher {
  readonly analyzer: Analyzer;
  readonly index: FaqIndex;
  private readonly entries: ReadonlyMap<string, FaqEntry>;
  private readonly signals = new Map<string, CompiledSignal[]>();
  private readonly calibration: Calibration;

  constructor(kb: KnowledgeBase, options: MatcherOptions = {}) {
    const vocabularySource = [
      ...kb.entries.flatMap((entry) => [entry.title, ...entry.keywords, ...entry.examples]),
      ...kb.outOfScope,
    ];
    this.analyzer = new Analyzer(kb, vocabularySource, options.stemming ?? true);
    this.index = new FaqIndex(this.analyzer, kb, options.ranking ?? DEFAULT_RANKING);
    this.entries = new Map(kb.entries.map((entry) => [entry.id, entry]));
    this.calibration = kb.calibration ?? UNCALIBRATED;
    for (const entry of kb.entries) {
      const compiled = entry.parts.flatMap((part) =>
        part.signals
          .map((signal) => compileSignal(part.caseId, signal, this.analyzer))
          .filter((signal): signal is CompiledSignal => typeof signal !== 'string'),
      );
      this.signals.set(entry.id, compiled);
    }
  }

  /** Teaches a question as an example of an intent; matching changes at once. */
  teach(intent: string, question: string): boolean {
    if (!this.entries.has(intent)) return false;
    this.analyzer.learn(question);
    return this.index.add(intent, 'taught', question) !== undefined;
  }

  match(text: string): MatchResult {
    return this.decide(this.analyzer.analyse(text));
  }

  /** The model's view of a question, without deciding (for calibration). */
  featuresOf(analysis: Analysis): { ranking: IntentScore[]; features: MatchFeatures | null } {
    const ranking = this.index.rank(analysis);
    const inScope = ranking.filter((score) => score.intent !== OUT_OF_SCOPE);
    const first = inScope[0];
    if (first === undefined) return { ranking, features: null };
    const second = inScope[1]?.score ?? 0;
    const outOfScope = ranking.find((score) => score.intent === OUT_OF_SCOPE)?.score ?? 0;
    const features: MatchFeatures = {
      top: Math.log1p(first.score),
      margin: Math.log1p(first.score) - Math.log1p(second),
      overOutOfScope: Math.log1p(first.score) - Math.log1p(outOfScope),
      coverage: this.index.coverage(first.intent, analysis),
      known: this.index.knownShare(analysis),
    };
    return { ranking, features };
  }

  decide(analysis: Analysis): MatchResult {
    const { ranking, features } = this.featuresOf(analysis);
    const inScope = ranking.filter((score) => score.intent !== OUT_OF_SCOPE);
    const first = inScope[0];
    if (first === undefined || features === null) return abstain(0, null, features);
    const confidence = round(confidenceOf(features, this.calibration));
    // The out-of-scope examples leading means the question is closer to what we must not answer.
    const outOfScopeLeads = ranking[0]?.intent === OUT_OF_SCOPE;
    if (confidence >= this.calibration.answerAt && !outOfScopeLeads && features.margin >= MIN_ANSWER_MARGIN) {
      return {
        decision: 'answer',
        intent: first.intent,
        confidence,
        ...this.casesFor(first.intent, analysis),
        choices: [],
        best: first.intent,
        features,
      };
    }
    const close = inScope
      .filter((score) => score.score >= first.score * CLOSE_SCORE_RATIO)
      .slice(0, MAX_CHOICES);
    if (confidence >= this.calibration.clarifyAt && close.length >= 2 && !outOfScopeLeads) {
      return {
        decision: 'clarify',
        intent: null,
        confidence,
        cases: [],
        signalled: [],
        choices: close.map((score) => score.intent),
        best: first.intent,
        features,
      };
    }
    return abstain(confidence, first.intent, features);
  }

  /** The entry's cases: those the question signals, in its order, then the rest as written. */
  private casesFor(intent: string, analysis: Analysis): { cases: string[]; signalled: string[] } {
    const entry = this.entries.get(intent);
    if (entry === undefined || entry.parts.length === 0) return { cases: [], signalled: [] };
    const signalled = signalledCases(this.signals.get(intent) ?? [], analysis.tokens);
    const rest = entry.parts.map((part) => part.caseId).filter((caseId) => !signalled.includes(caseId));
    return { cases: [...signalled, ...rest], signalled };
  }
}

function abstain(confidence: number, best: string | null, features: MatchFeatures | null): MatchResult {
  return {
    decision: 'abstain',
    intent: null,
    confidence,
    cases: [],
    signalled: [],
    choices: [],
    best,
    features,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
