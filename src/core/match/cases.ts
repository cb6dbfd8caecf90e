import type { FaqEntry } from '../knowledge-base.js';
import type { Analysis, Analyzer } from '../text/analyzer.js';
import { splitSentences } from '../text/sentences.js';
import {
  type ClassifierOptions,
  DEFAULT_CLASSIFIER,
  type SavedClassifier,
  TextClassifier,
} from './classifier.js';
import { type CompiledSignal, compileSignal, readSignals, SignalSet, signalHits } from './signals.js';

// Which of an entry's cases a post names, in the order it names them. Two kinds of evidence:
// the parts' signal phrases (exact, written by moderators) and a classifier learned from the
// parts' example sentences, which recognises a situation told in other words ("the position was
// filled by someone else"). Each sentence is read on its own, so "some closed, one expired" names
// both cases, in that order.

/** The label of a sentence that names no case. */
export const NO_CASE = '(none)';
const NO_WORDS: ReadonlySet<string> = new Set();
/** A sentence names a case the classifier sees at least this likely (and more likely than none). */
const CASE_AT = 0.5;

export class CaseReader {
  private constructor(
    readonly entryId: string,
    private readonly signals: SignalSet,
    private readonly classifier: TextClassifier | null,
  ) {}

  /**
   * Learns the entry's cases from its parts' examples (and signals, read as short examples);
   * `elsewhere` are texts that name none of them (the off-topic examples). Without part examples,
   * signals alone decide.
   */
  static train(
    entry: FaqEntry,
    analyzer: Analyzer,
    elsewhere: readonly string[],
    options: ClassifierOptions = DEFAULT_CLASSIFIER,
  ): CaseReader {
    const signals = compileSignals(entry, analyzer);
    const sentence = (text: string, label: string) => ({ sentences: [analyzer.analyse(text)], label });
    const positives = entry.parts.flatMap((part) => part.examples.map((text) => sentence(text, part.caseId)));
    if (positives.length === 0) return new CaseReader(entry.id, signals, null);
    const phrases = entry.parts.flatMap((part) =>
      part.signals.map((signal) => sentence(signal.replaceAll('...', ' ').replaceAll('*', ''), part.caseId)),
    );
    // Off-topic sentences name no case; nor do this entry's one-line questions that no signal fires
    // on ("why no refund?"). Its longer posts may tell a case in other words, so they stay out.
    const general = entry.examples.filter((text) => splitSentences(text).length === 1);
    const negatives = [
      ...elsewhere.flatMap((text) => splitSentences(text).map((part) => part.text)),
      ...general,
    ]
      .filter((text) => signalHits(signals, analyzer.analyse(text).tokens).length === 0)
      .map((text) => sentence(text, NO_CASE));
    return new CaseReader(
      entry.id,
      signals,
      TextClassifier.train([...positives, ...phrases, ...negatives], options),
    );
  }

  static restore(entry: FaqEntry, analyzer: Analyzer, saved: SavedClassifier | null): CaseReader {
    return new CaseReader(
      entry.id,
      compileSignals(entry, analyzer),
      saved === null ? null : TextClassifier.restore(saved),
    );
  }

  save(): SavedClassifier | null {
    return this.classifier?.save() ?? null;
  }

  /**
   * The cases a post names, in the order of its sentences (each analysed by the matcher's analyzer):
   * by signal phrase in any sentence, by the learned reading in the sentences `relevant` to the entry.
   */
  casesIn(sentences: readonly { readonly analysis: Analysis; readonly relevant: boolean }[]): string[] {
    const found: string[] = [];
    const add = (caseId: string) => {
      if (!found.includes(caseId)) found.push(caseId);
    };
    for (const { analysis, relevant } of sentences) {
      const { hits, negatedCases } = readSignals(this.signals, analysis.tokens);
      for (const hit of hits) add(hit.caseId);
      if (!relevant) continue;
      const learned = this.learnedCase(analysis);
      if (learned !== null && !negatedCases.has(learned)) add(learned);
    }
    return found;
  }

  /**
   * Whether a sentence says one of the entry's situations in a moderator's own signal phrases. A
   * match made only of `subjectWords` (another topic's own keywords) does not count: "expire" names
   * a job's expiry to the refunds entry, and is the whole question to the expiry entry.
   */
  namesACase(analyses: readonly Analysis[], subjectWords: ReadonlySet<string> = NO_WORDS): boolean {
    return analyses.some((analysis) =>
      readSignals(this.signals, analysis.tokens).hits.some((hit) =>
        hit.words.some((word) => !subjectWords.has(word)),
      ),
    );
  }

  /** The case the classifier reads in one sentence, if it is sure enough. */
  private learnedCase(analysis: Analysis): string | null {
    if (this.classifier === null || analysis.terms.length === 0) return null;
    const p = this.classifier.probabilities(analysis);
    let best = -1;
    for (let c = 0; c < p.length; c++) {
      if (this.classifier.labels[c] === NO_CASE) continue;
      if (best < 0 || (p[c] as number) > (p[best] as number)) best = c;
    }
    if (best < 0) return null;
    const none = this.classifier.labels.indexOf(NO_CASE);
    const pBest = p[best] as number;
    return pBest >= CASE_AT && pBest > (none < 0 ? 0 : (p[none] as number))
      ? (this.classifier.labels[best] as string)
      : null;
  }
}

function compileSignals(entry: FaqEntry, analyzer: Analyzer): SignalSet {
  return new SignalSet(
    entry.parts.flatMap((part) =>
      part.signals
        .map((signal) => compileSignal(part.caseId, signal, analyzer))
        .filter((signal): signal is CompiledSignal => typeof signal !== 'string'),
    ),
  );
}
