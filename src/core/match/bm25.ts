// A small in-memory BM25+ index over documents that are lists of terms. It scores as MiniSearch
// does (k 1.2, b 0.7, delta 0.5; a document's score multiplied by how many distinct query terms it
// matched) but precomputes each posting's score, so a query is a sum over arrays: a 2,000-character
// post has a few hundred terms, and this runs for every post and every asking sentence.

const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;

interface Postings {
  readonly docs: Int32Array;
  readonly scores: Float64Array;
}

export class Bm25Index {
  /** term -> document -> how often the term occurs in it */
  private readonly frequencies = new Map<string, Map<number, number>>();
  private readonly lengths = new Map<number, number>();
  private readonly terms = new Map<number, readonly string[]>();
  private totalLength = 0;
  /** Each term's documents with their scores; rebuilt after a change, on the next search. */
  private postings: Map<string, Postings> | null = null;
  // Scratch space of a search, sized to the highest document id: no allocation per query.
  private accumulator = new Float64Array(0);
  private matchedCount = new Int32Array(0);
  private touched = new Int32Array(0);

  get documentCount(): number {
    return this.lengths.size;
  }

  /** How many documents hold the term. */
  frequency(term: string): number {
    return this.frequencies.get(term)?.size ?? 0;
  }

  add(id: number, terms: readonly string[]): void {
    if (!Number.isInteger(id) || id < 0)
      throw new Error(`document id must be a non-negative integer, got ${id}`);
    if (this.lengths.has(id)) this.remove(id);
    for (const term of terms) {
      let docs = this.frequencies.get(term);
      if (docs === undefined) {
        docs = new Map();
        this.frequencies.set(term, docs);
      }
      docs.set(id, (docs.get(id) ?? 0) + 1);
    }
    this.lengths.set(id, terms.length);
    this.terms.set(id, terms);
    this.totalLength += terms.length;
    this.postings = null;
  }

  remove(id: number): void {
    const terms = this.terms.get(id);
    if (terms === undefined) return;
    for (const term of new Set(terms)) {
      const docs = this.frequencies.get(term);
      docs?.delete(id);
      if (docs?.size === 0) this.frequencies.delete(term);
    }
    this.totalLength -= terms.length;
    this.lengths.delete(id);
    this.terms.delete(id);
    this.postings = null;
  }

  /** Document -> score for a query (a term given twice counts twice); documents with no match are absent. */
  search(query: readonly string[]): Map<number, number> {
    const scores = new Map<number, number>();
    this.forEachScore(countTerms(query), (doc, score) => scores.set(doc, score));
    return scores;
  }

  /** Calls `visit` with each matching document and its score, for a query given as term -> count. */
  forEachScore(query: ReadonlyMap<string, number>, visit: (doc: number, score: number) => void): void {
    const postings = this.ready();
    let touchedCount = 0;
    const { accumulator, matchedCount, touched } = this;
    // forEach rather than for…of: no [term, weight] pair is allocated per term.
    query.forEach((weight, term) => {
      const list = postings.get(term);
      if (list === undefined) return;
      for (let i = 0; i < list.docs.length; i++) {
        const doc = list.docs[i] as number;
        if (matchedCount[doc] === 0) touched[touchedCount++] = doc;
        accumulator[doc] = (accumulator[doc] as number) + weight * (list.scores[i] as number);
        matchedCount[doc] = (matchedCount[doc] as number) + 1;
      }
    });
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i] as number;
      const score = (accumulator[doc] as number) * (matchedCount[doc] as number);
      accumulator[doc] = 0;
      matchedCount[doc] = 0;
      visit(doc, score);
    }
  }

  private ready(): Map<string, Postings> {
    if (this.postings !== null) return this.postings;
    const count = this.documentCount;
    const averageLength = count === 0 ? 0 : this.totalLength / count;
    const postings = new Map<string, Postings>();
    for (const [term, docs] of this.frequencies) {
      const idf = Math.log(1 + (count - docs.size + 0.5) / (docs.size + 0.5));
      const ids = new Int32Array(docs.size);
      const scores = new Float64Array(docs.size);
      let i = 0;
      for (const [doc, tf] of docs) {
        const length = this.lengths.get(doc) as number;
        ids[i] = doc;
        scores[i] = idf * (DELTA + (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / averageLength)));
        i++;
      }
      postings.set(term, { docs: ids, scores });
    }
    const size = Math.max(0, ...this.lengths.keys()) + 1;
    if (this.accumulator.length < size) {
      this.accumulator = new Float64Array(size * 2);
      this.matchedCount = new Int32Array(size * 2);
      this.touched = new Int32Array(size * 2);
    }
    this.postings = postings;
    return postings;
  }
}

/** A query's terms with how often each occurs. */
export function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
