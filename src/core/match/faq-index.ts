import type { KnowledgeBase } from '../knowledge-base.js';
import type { Analysis, Analyzer } from '../text/analyzer.js';
import { Bm25Index, countTerms } from './bm25.js';

/** The pseudo-intent of the out-of-scope examples: ranking first means "not ours to answer". */
export const OUT_OF_SCOPE = '(out-of-scope)';

/**
 * How the two indexes are combined: how many of an intent's best documents count, each worth
 * `decay` times the one before, and the weight of the intent profile against them.
 */
export interface RankingOptions {
  readonly topK: number;
  readonly decay: number;
  readonly profileWeight: number;
}

export const DEFAULT_RANKING: RankingOptions = { topK: 3, decay: 0.5, profileWeight: 1 };

/** Terms in more than this share of the documents are left to the profiles (see rank). */
export const COMMON_TERM_SHARE = 0.3;
/** A long post is searched by at most this many of its rarest terms. */
const MAX_QUERY_TERMS = 24;

export type Source = 'example' | 'title' | 'keywords' | 'taught';

export interface IndexedDoc {
  readonly id: number;
  readonly intent: string;
  readonly source: Source;
  readonly terms: string;
}

/** An indexed document as saved: intent, source and its terms joined by spaces. */
export type SavedDocument = readonly [intent: string, source: Source, terms: string];

export interface IntentScore {
  readonly intent: string;
  readonly score: number;
}

/**
 * The FAQ as two BM25 indexes. One holds a document per example question, title and
 * keyword list, and scores an intent by its best documents (a nearest-neighbour view). The other
 * holds one profile per intent, all its texts together, and scores how well the intent's whole
 * vocabulary covers the question (a centroid view). Their sum ranks the intents.
 */
export class FaqIndex {
  private readonly documentsIndex = new Bm25Index();
  private readonly profilesIndex = new Bm25Index();
  /** Profile document number -> intent. */
  private readonly profileIntents: string[] = [];
  private nextId = 0;
  private readonly docs = new Map<number, IndexedDoc>();
  /** Each intent's terms with their counts: its profile, and what its coverage of a question is read from. */
  private readonly vocabularyByIntent = new Map<string, Map<string, number>>();
  private bulkLoading = true;
  /** Intents by number, and each document's intent number (by document id). */
  private readonly intentNames: string[] = [];
  private readonly intentNumbers = new Map<string, number>();
  private readonly docIntent: number[] = [];
  /** How many FAQ (not off-topic) documents use each term. */
  private readonly faqTerms = new Map<string, number>();

  /** Indexes the knowledge base's texts, or documents indexed before (saved with a fitted model). */
  constructor(
    private readonly analyzer: Analyzer,
    source: Pick<KnowledgeBase, 'entries' | 'outOfScope'> | { readonly documents: readonly SavedDocument[] },
    private readonly options: RankingOptions = DEFAULT_RANKING,
  ) {
    if ('documents' in source) {
      for (const [intent, documentSource, terms] of source.documents) {
        this.insert({ id: this.nextId++, intent, source: documentSource, terms });
      }
    } else {
      for (const entry of source.entries) {
        this.add(entry.id, 'title', entry.title);
        this.add(entry.id, 'keywords', entry.keywords.join(' '));
        for (const example of entry.examples) this.add(entry.id, 'example', example);
      }
      for (const example of source.outOfScope) this.add(OUT_OF_SCOPE, 'example', example);
    }
    this.bulkLoading = false;
    for (const intent of this.vocabularyByIntent.keys()) this.refreshProfile(intent);
  }

  /** The documents as they are saved with a fitted model: intent, source, terms. */
  savedDocuments(): SavedDocument[] {
    return [...this.docs.values()]
      .filter((doc) => doc.source !== 'taught')
      .map((doc) => [doc.intent, doc.source, doc.terms]);
  }

  /** Indexes one text for an intent; returns its document id, or undefined when it has no terms. */
  add(intent: string, source: Source, text: string): number | undefined {
    const terms = this.analyzer.analyse(text).terms;
    if (terms.length === 0) return undefined;
    const doc: IndexedDoc = { id: this.nextId++, intent, source, terms: terms.join(' ') };
    this.insert(doc);
    return doc.id;
  }

  /** Intents by descending score; intents nothing matched are absent. */
  rank(analysis: Analysis, counts: ReadonlyMap<string, number> = countTerms(analysis.terms)): IntentScore[] {
    if (counts.size === 0) return [];
    const { topK, decay, profileWeight } = this.options;
    // A term in most documents ("connects") barely moves BM25 but makes every document a result;
    // the profiles, one per intent, still weigh it. A long post is searched by its rarest terms,
    // the ones that tell topics apart: the rest would only cost time.
    const limit = this.documentsIndex.documentCount * COMMON_TERM_SHARE;
    const distinctive: string[] = [];
    const frequencies: number[] = [];
    counts.forEach((_, term) => {
      const df = this.documentsIndex.frequency(term);
      if (df > 0 && df <= limit) {
        distinctive.push(term);
        frequencies.push(df);
      }
    });
    // A short question keeps them: with one distinctive word left, the common one still decides.
    let documentQuery: ReadonlyMap<string, number> = counts;
    if (distinctive.length >= 2) {
      const order = distinctive.map((_, i) => i);
      order.sort((a, b) => {
        const byFrequency = (frequencies[a] as number) - (frequencies[b] as number);
        if (byFrequency !== 0) return byFrequency;
        const first = distinctive[a] as string;
        const second = distinctive[b] as string;
        return first < second ? -1 : first > second ? 1 : 0;
      });
      const rarest = new Map<string, number>();
      for (const i of order.slice(0, MAX_QUERY_TERMS)) {
        const term = distinctive[i] as string;
        rarest.set(term, counts.get(term) as number);
      }
      documentQuery = rarest;
    }
    // Each intent's best `topK` document scores, in slots of a flat array (0 = empty).
    const intents = this.intentNames.length;
    // Plain arrays: small typed arrays live outside the heap, dearer to make and to collect.
    const best: number[] = new Array<number>(intents * topK).fill(0);
    this.documentsIndex.forEachScore(documentQuery, (id, score) => {
      const base = (this.docIntent[id] as number) * topK;
      if (score <= (best[base + topK - 1] as number)) return;
      let at = base + topK - 1;
      while (at > base && (best[at - 1] as number) < score) {
        best[at] = best[at - 1] as number;
        at--;
      }
      best[at] = score;
    });
    const totals: number[] = new Array<number>(intents).fill(0);
    for (let intent = 0; intent < intents; intent++) {
      let weight = 1;
      for (let k = 0; k < topK; k++) {
        totals[intent] = (totals[intent] as number) + weight * (best[intent * topK + k] as number);
        weight *= decay;
      }
    }
    if (profileWeight > 0) {
      this.profilesIndex.forEachScore(counts, (id, score) => {
        const intent = this.intentNumbers.get(this.profileIntents[id] as string) as number;
        totals[intent] = (totals[intent] as number) + profileWeight * score;
      });
    }
    const ranked: IntentScore[] = [];
    for (let intent = 0; intent < intents; intent++) {
      const score = totals[intent] as number;
      if (score > 0) ranked.push({ intent: this.intentNames[intent] as string, score });
    }
    return ranked.sort((a, b) => b.score - a.score || a.intent.localeCompare(b.intent));
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
  knownShare(analysis: Analysis, counts: ReadonlyMap<string, number> = countTerms(analysis.terms)): number {
    if (counts.size === 0) return 0;
    let known = 0;
    for (const term of counts.keys()) if ((this.faqTerms.get(term) ?? 0) > 0) known++;
    return known / counts.size;
  }

  private insert(doc: IndexedDoc): void {
    const terms = doc.terms.split(' ');
    this.documentsIndex.add(doc.id, terms);
    this.docs.set(doc.id, doc);
    this.docIntent[doc.id] = this.intentNumber(doc.intent);
    if (doc.intent !== OUT_OF_SCOPE) {
      for (const term of new Set(terms)) this.faqTerms.set(term, (this.faqTerms.get(term) ?? 0) + 1);
    }
    const vocabulary = this.vocabularyByIntent.get(doc.intent) ?? new Map<string, number>();
    for (const term of terms) vocabulary.set(term, (vocabulary.get(term) ?? 0) + 1);
    this.vocabularyByIntent.set(doc.intent, vocabulary);
    this.refreshProfile(doc.intent);
  }

  private intentNumber(intent: string): number {
    let number = this.intentNumbers.get(intent);
    if (number === undefined) {
      number = this.intentNames.length;
      this.intentNumbers.set(intent, number);
      this.intentNames.push(intent);
    }
    return number;
  }

  private refreshProfile(intent: string): void {
    if (this.bulkLoading) return;
    let id = this.profileIntents.indexOf(intent);
    if (id < 0) {
      id = this.profileIntents.length;
      this.profileIntents.push(intent);
    }
    const vocabulary = this.vocabularyByIntent.get(intent);
    if (vocabulary === undefined || vocabulary.size === 0) {
      this.profilesIndex.remove(id);
      return;
    }
    const terms: string[] = [];
    for (const [term, count] of vocabulary) for (let i = 0; i < count; i++) terms.push(term);
    this.profilesIndex.add(id, terms);
  }
}
