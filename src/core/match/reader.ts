import type { Analysis, Analyzer } from '../text/analyzer.js';
import { isFollowUp, roleOf, type Sentence, type SentenceRole, splitSentences } from '../text/sentences.js';
import type { TextClassifier } from './classifier.js';
import type { RawVector } from './features.js';

// Reads a post as staff do: the whole post for its gist, each sentence for what it asks. The
// asking sentences weigh most, the backstory less, greetings and thanks nothing; a sentence made
// of words no example uses barely counts, however long it is. Each sentence is analysed once; the
// post is the sum of its sentences.

export interface ReadingOptions {
  /** Share of the whole post's view in the blend (the rest is the sentences'). */
  readonly postShare: number;
  readonly roleWeights: Readonly<Record<SentenceRole, number>>;
  /** Known features at which a sentence counts fully; fewer count proportionally less. */
  readonly fullSentenceFeatures: number;
  /**
   * How much each later asking sentence counts less than the one before: a post's first question is
   * usually its main one, the later ones follow-ups (0 = all count the same).
   */
  readonly laterAskDecay: number;
  /** What a sentence that opens as an afterthought ("also, …", "btw") counts, against 1. */
  readonly followUpWeight: number;
  /** Whether the whole post's view leaves the afterthoughts out. */
  readonly gistWithoutFollowUps: boolean;
}

export const DEFAULT_READING: ReadingOptions = {
  postShare: 0.5,
  roleWeights: { ask: 1, statement: 0.4, courtesy: 0.05 },
  fullSentenceFeatures: 6,
  laterAskDecay: 1,
  followUpWeight: 0.4,
  gistWithoutFollowUps: true,
};

export interface SentenceReading {
  readonly sentence: Sentence;
  readonly analysis: Analysis;
  readonly probabilities: readonly number[];
  /** How much it counts in the blend. */
  readonly weight: number;
}

export interface Reading {
  readonly analysis: Analysis;
  /** One probability per classifier label: the blend of the post's view and its sentences'. */
  readonly probabilities: readonly number[];
  /** Every sentence, read on its own (one for a one-sentence text). */
  readonly sentences: readonly SentenceReading[];
}

/** A post cut into sentences, each analysed; the post's words are all its sentences' together. */
export interface PostSentences {
  readonly sentences: readonly Sentence[];
  readonly analyses: readonly Analysis[];
  readonly analysis: Analysis;
}

/** The one way a text is cut and analysed, for training and reading alike. */
export function analysePost(text: string, analyzer: Analyzer): PostSentences {
  const split = splitSentences(text);
  const spans = split.length > 0 ? split : [{ text, start: 0 }];
  const analyses = spans.map((span) => analyzer.analyse(span.text));
  // Fields written out rather than spread from the span: V8 gave the spread copies, one per
  // sentence of every post, a costly path through the garbage collector (young collections of a
  // long-running bot took 7-30 ms instead of about one).
  const sentences = spans.map((span, i) => ({
    text: span.text,
    start: span.start,
    role: roleOf(span.text, (analyses[i] as Analysis).tokens),
    followUp: i > 0 && isFollowUp((analyses[i] as Analysis).tokens),
  }));
  if (analyses.length === 1) return { sentences, analyses, analysis: analyses[0] as Analysis };
  return {
    sentences,
    analyses,
    analysis: { tokens: joined(analyses, (one) => one.tokens), terms: joined(analyses, (one) => one.terms) },
  };
}

/** The sentences' words end to end, in an array made at its final size (a long post has hundreds). */
function joined(analyses: readonly Analysis[], part: (analysis: Analysis) => readonly string[]): string[] {
  let length = 0;
  for (const one of analyses) length += part(one).length;
  const all = new Array<string>(length);
  let at = 0;
  for (const one of analyses) for (const word of part(one)) all[at++] = word;
  return all;
}

export function readPost(
  text: string,
  analyzer: Analyzer,
  classifier: TextClassifier,
  options: ReadingOptions = DEFAULT_READING,
): Reading {
  return readSentences(analysePost(text, analyzer), classifier, options);
}

/** The reading of an analysed post (cross-validation reads each post with several classifiers). */
export function readSentences(
  post: PostSentences,
  classifier: TextClassifier,
  options: ReadingOptions = DEFAULT_READING,
): Reading {
  const { sentences, analyses, analysis } = post;
  const raws = analyses.map((one) => classifier.sentence(one));
  let asksBefore = 0;
  const readings: SentenceReading[] = sentences.map((sentence, i) => {
    const raw = raws[i] as RawVector;
    const known = Math.min(1, classifier.known(raw) / options.fullSentenceFeatures);
    const order = sentence.role === 'ask' && known > 0 ? 1 / (1 + options.laterAskDecay * asksBefore++) : 1;
    return {
      sentence,
      analysis: analyses[i] as Analysis,
      probabilities: classifier.probabilitiesOf(raw),
      weight:
        options.roleWeights[sentence.role] * known * order * (sentence.followUp ? options.followUpWeight : 1),
    };
  });
  if (readings.length === 1) {
    return { analysis, probabilities: (readings[0] as SentenceReading).probabilities, sentences: readings };
  }
  // The post's gist leaves its afterthoughts out ("also, do they expire?"): they are read as
  // sentences, at their lower weight, but do not steer what the post as a whole is about.
  const gist = options.gistWithoutFollowUps
    ? raws.filter((_, i) => !(sentences[i] as Sentence).followUp)
    : raws;
  const whole = classifier.probabilitiesOf(classifier.merge(gist.length > 0 ? gist : raws));
  const totalWeight = readings.reduce((sum, reading) => sum + reading.weight, 0);
  const postShare = totalWeight === 0 ? 1 : options.postShare;
  const blend = whole.map((probability) => postShare * probability);
  if (totalWeight > 0) {
    for (const reading of readings) {
      const share = ((1 - postShare) * reading.weight) / totalWeight;
      for (let c = 0; c < blend.length; c++) {
        blend[c] = (blend[c] as number) + share * (reading.probabilities[c] as number);
      }
    }
  }
  return { analysis, probabilities: blend, sentences: readings };
}
