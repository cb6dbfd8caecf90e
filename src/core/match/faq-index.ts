import MiniSearch from 'minisearch';
import type { KnowledgeBase } from '../knowledge.js';
import type { Analysis, Analyzer } from '../text/analyzer.js';

/** The pseudo-intent of the out-of-scope examples: ranking first means "not ours to answer". */
export const OUT_OF_SCOPE = '(out-of-scope)';

/**
 * How the two indexes are combined. The defaults won on leave-one-out over the knowledge base and on
 * the development set (`npm run eval:methods` prints the comparison); the others stay selectable so
 * that comparison can be rerun after the knowledge base grows.
 */
export interface RankingOptions {
  /** How many of an intent's best documents count, each worth `decay` times the one before. */
  readonly topK: number;
  readonly decay: number;
  /** Weight of the intent profile's score against the documents' (0 = documents only). */
  readonly profileWeight: number;
  /** MiniSearch's own fuzzy matching, for terms at least this long (Infinity = off). */
  readonly fuzzyFrom: number;
  /** MiniSearch's prefix matching, for terms at least this long (Infinity = off). */
  readonly prefixFrom: number;
}

export const DEFAULT_RANKING: RankingOptions = {
  topK: 3,
  decay: 0.5,
  profileWeight: 1,
  fuzzyFrom: Number.POSITIVE_INFINITY,
  prefixFrom: Number.POSITIVE_INFINITY,
};

const MINISEARCH_FUZZINESS = 0.2;
/** Terms in more than this share of the documents are left to the profiles (see rank). */
export const COMMON_TERM_SHARE = 0.3;

export type Source = 'example' | 'title' | 'keywords' | 'taught';

export interface IndexedDoc {
  readonly id: number;
  readonly intent: string;
  readonly source: Source;
  readonly terms: string;
}

export interface IntentScore {
  readonly intent: string;
  readonly score: number;
}

interface ProfileDoc {
  readonly id: string;
  readonly terms: string;
}

const newIndex = <T extends { id: number | string }>(storeFields: string[]) =>
  new MiniSearch<T>({
    fields: ['terms'],
    storeFields,
    tokenize: (text) => (text === '' ? [] : text.split(' ')),
    processTerm: (term) => term,
  });

/**
 * The FAQ as two BM25 indexes (MiniSearch). One holds a document per example question, title and
 * keyword list, and scores an intent by its best documents (a nearest-neighbour view). The other
 * holds one profile per intent, all its texts together, and scores how well the intent's whole
 * vocabulary covers the question (a centroid view). Their sum ranks the intents.
 */
export class FaqIndex {
  private readonly documentsIndex = newIndex<IndexedDoc>(['intent', 'source']);
  private readonly profilesIndex = newIndex<ProfileDoc>([]);
  private nextId = 0;
  private readonly docs = new Map<number, IndexedDoc>();
  /** Each intent's terms with their counts: its profile, and what its coverage of a question is read from. */
  private readonly vocabularyByIntent = new Map<string, Map<string, number>>();
  private readonly profiles = new Map<string, ProfileDoc>();
  private readonly documentFrequency = new Map<string, number>();
  private bulkLoading = true;

  constructor(
    private readonly analyzer: Analyzer,
    kb: Pick<KnowledgeBase, 'entries' | 'outOfScope'>,
    private readonly options: RankingOptions = DEFAULT_RANKING,
  ) {
    for (const entry of kb.entries) {
      this.add(entry.id, 'title', entry.title);
      this.add(entry.id, 'keywords', entry.keywords.join(' '));
      for (const example of entry.examples) this.add(entry.id, 'example', example);
    }
    for (const example of kb.outOfScope) this.add(OUT_OF_SCOPE, 'example', example);
    this.bulkLoading = false;
    for (const intent of this.vocabularyByIntent.keys()) this.refreshProfile(intent);
  }

  /** Indexes one text for an intent; returns its document id, or undefined when it has no terms. */
  add(intent: string, source: Source, text: string): number | undefined {
    const terms = this.analyzer.analyse(text).terms;
    if (terms.length === 0) return undefined;
    const doc: IndexedDoc = { id: this.nextId++, intent, source, terms: terms.join(' ') };
    this.insert(doc);
    return doc.id;
  }

  /** Every indexed document, for holding them out one at a time when calibrating. */
  documents(): IndexedDoc[] {
    return [...this.docs.values()];
  }

  /** Runs `fn` as if one document had never been indexed (its profile share included), then restores it. */
  withHeldOut<T>(docId: number, fn: () => T): T {
    const doc = this.docs.get(docId);
    if (doc === undefined) return fn();
    this.delete(doc);
    try {
      return fn();
    } finally {
      this.insert(doc);
    }
  }

  /** Intents by descending score; intents nothing matched are absent. */
  rank(analysis: Analysis): IntentScore[] {
    if (analysis.terms.length === 0) return [];
    const query = analysis.terms.join(' ');
    const { topK, decay, profileWeight, fuzzyFrom, prefixFrom } = this.options;
    const options = {
      combineWith: 'OR' as const,
      prefix: (term: string) => term.length >= prefixFrom,
      fuzzy: (term: string) => (term.length >= fuzzyFrom ? MINISEARCH_FUZZINESS : false),
    };
    // A term in most documents ("connects") barely moves BM25 but makes every document a result;
    // the profiles, one per intent, still weigh it.
    const limit = this.documentsIndex.documentCount * COMMON_TERM_SHARE;
    const distinctive = analysis.terms.filter((term) => (this.documentFrequency.get(term) ?? 0) <= limit);
    const perIntent = new Map<string, number[]>();
    // A short question keeps them: with one distinctive word left, the common one still decides.
    const documentQuery = distinctive.length >= 2 ? distinctive.join(' ') : query;
    const documentResults = this.documentsIndex.search(documentQuery, options);
    for (const result of documentResults) {
      const intent = result.intent as string;
      const scores = perIntent.get(intent) ?? [];
      scores.push(result.score);
      perIntent.set(intent, scores);
    }
    const totals = new Map<string, number>();
    for (const [intent, scores] of perIntent) {
      let total = 0;
      let weight = 1;
      for (const value of scores.slice(0, topK)) {
        total += weight * value;
        weight *= decay;
      }
      totals.set(intent, total);
    }
    if (profileWeight > 0) {
      for (const result of this.profilesIndex.search(query, options)) {
        const intent = result.id as string;
        totals.set(intent, (totals.get(intent) ?? 0) + profileWeight * result.score);
      }
    }
    return [...totals]
      .map(([intent, score]) => ({ intent, score }))
      .sort((a, b) => b.score - a.score || a.intent.localeCompare(b.intent));
  }

  /** The share of the question's distinct terms that an intent's documents use at all. */
  coverage(intent: string, analysis: Analysis): number {
    const distinct = new Set(analysis.terms);
    if (distinct.size === 0) return 0;
    const vocabulary = this.vocabularyByIntent.get(intent);
    if (vocabulary === undefined) return 0;
    let known = 0;
    for (const term of distinct) if (vocabulary.has(term)) known++;
    return known / distinct.size;
  }

  /** The share of the question's distinct terms that some FAQ entry uses. */
  knownShare(analysis: Analysis): number {
    const distinct = new Set(analysis.terms);
    if (distinct.size === 0) return 0;
    let known = 0;
    for (const term of distinct) {
      for (const [intent, vocabulary] of this.vocabularyByIntent) {
        if (intent !== OUT_OF_SCOPE && vocabulary.has(term)) {
          known++;
          break;
        }
      }
    }
    return known / distinct.size;
  }

  private insert(doc: IndexedDoc): void {
    this.documentsIndex.add(doc);
    for (const term of new Set(doc.terms.split(' '))) {
      this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
    this.docs.set(doc.id, doc);
    const vocabulary = this.vocabularyByIntent.get(doc.intent) ?? new Map<string, number>();
    for (const term of doc.terms.split(' ')) vocabulary.set(term, (vocabulary.get(term) ?? 0) + 1);
    this.vocabularyByIntent.set(doc.intent, vocabulary);
    this.refreshProfile(doc.intent);
  }

  private delete(doc: IndexedDoc): void {
    this.documentsIndex.remove(doc);
    for (const term of new Set(doc.terms.split(' '))) {
      this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 1) - 1);
    }
    this.docs.delete(doc.id);
    const vocabulary = this.vocabularyByIntent.get(doc.intent);
    if (vocabulary !== undefined) {
      for (const term of doc.terms.split(' ')) {
        const count = (vocabulary.get(term) ?? 0) - 1;
        if (count > 0) vocabulary.set(term, count);
        else vocabulary.delete(term);
      }
    }
    this.refreshProfile(doc.intent);
  }

  private refreshProfile(intent: string): void {
    if (this.bulkLoading) return;
    const previous = this.profiles.get(intent);
    // remove(), not discard(): a discarded document keeps its terms in the statistics until vacuumed.
    if (previous !== undefined) this.profilesIndex.remove(previous);
    this.profiles.delete(intent);
    const vocabulary = this.vocabularyByIntent.get(intent);
    if (vocabulary === undefined || vocabulary.size === 0) return;
    const terms: string[] = [];
    for (const [term, count] of vocabulary) for (let i = 0; i < count; i++) terms.push(term);
    const profile = { id: intent, terms: terms.join(' ') };
    this.profilesIndex.add(profile);
    this.profiles.set(intent, profile);
  }
}
