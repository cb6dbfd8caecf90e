import { STOPWORDS } from '../text/stopwords.js';
import { PairTable } from './pair-table.js';

// What the classifier sees of a text: its stemmed words, pairs of neighbouring words, the words
// after a negation, and letter n-grams of each word. Word pairs tell "client cancel" from "cancel
// my proposal"; negations tell "not view" from "view"; n-grams let a misspelt or unseen form of a
// word ("refundable", "conection") share weight with the forms the examples use.

export interface FeatureOptions {
  /** Pairs of neighbouring meaningful words. */
  readonly bigrams: boolean;
  /** Letter n-grams of each word, from `min` to `max` letters (word boundaries marked); null = none. */
  readonly charNgrams: { readonly min: number; readonly max: number } | null;
  /** The two meaningful words after "not", "never", "no" marked as negated. */
  readonly negation: boolean;
  /** How much one letter n-gram weighs against one word (1) before the vector is scaled to unit length. */
  readonly charWeight: number;
}

export const DEFAULT_FEATURES: FeatureOptions = {
  bigrams: true,
  charNgrams: null,
  negation: true,
  charWeight: 0.35,
};

// How much each kind of feature weighs before the vector is scaled to unit length.
const WORD_WEIGHT = 1;
const BIGRAM_WEIGHT = 0.7;
const NEGATION_WEIGHT = 0.8;

const NEGATIONS = new Set(['not', 'never', 'no', 'nobody', 'nothing', 'without', 'none']);
const NEGATION_REACH = 2;

/** The words of a text as the analyzer gives them: all tokens, and the stemmed meaningful ones. */
export interface AnalysedText {
  readonly tokens: readonly string[];
  readonly terms: readonly string[];
}

/** A sparse vector: feature indices and their values. */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

/**
 * A text's known features (columns, no repeats) and the squared weight of the unknown ones. Plain
 * arrays, not typed ones: every sentence of every post makes one, and a typed array of more than a
 * few numbers lives outside the heap, costing a young collection one release each.
 */
export interface RawVector {
  readonly columns: readonly number[];
  readonly weights: readonly number[];
  readonly unknown: number;
}

type WordKind = 'w' | 'b' | 'n';

/**
 * Every word-level feature of a text, in order: each stemmed word, each pair of neighbouring ones,
 * and the words after a negation. Training names them; reading looks them up; both walk this.
 */
function visitWordFeatures(
  text: AnalysedText,
  options: FeatureOptions,
  visit: (kind: WordKind, first: string, second: string, weight: number) => void,
): void {
  const { terms, tokens } = text;
  for (const term of terms) visit('w', term, '', WORD_WEIGHT);
  if (options.bigrams) {
    for (let i = 1; i < terms.length; i++)
      visit('b', terms[i - 1] as string, terms[i] as string, BIGRAM_WEIGHT);
  }
  if (options.negation) forEachNegated(tokens, (token) => visit('n', token, '', NEGATION_WEIGHT));
}

/** The meaningful words within reach after each negation ("did not **view** it"). */
function forEachNegated(tokens: readonly string[], visit: (token: string) => void): void {
  for (let i = 0; i < tokens.length; i++) {
    if (!NEGATIONS.has(tokens[i] as string)) continue;
    let reached = 0;
    for (let j = i + 1; j < tokens.length && reached < NEGATION_REACH; j++) {
      const token = tokens[j] as string;
      if (NEGATIONS.has(token)) break;
      if (STOPWORDS.has(token)) continue;
      visit(token);
      reached++;
    }
  }
}

function wordFeatureName(kind: WordKind, first: string, second: string): string {
  return kind === 'b' ? `b ${first} ${second}` : `${kind} ${first}`;
}

/** Feature name -> weight: what a training text adds to the feature space. */
export function featureWeights(text: AnalysedText, options: FeatureOptions): Map<string, number> {
  const weights = new Map<string, number>();
  const add = (name: string, weight: number): void => {
    weights.set(name, Math.max(weights.get(name) ?? 0, weight));
  };
  visitWordFeatures(text, options, (kind, first, second, weight) =>
    add(wordFeatureName(kind, first, second), weight),
  );
  const ngrams = options.charNgrams;
  if (ngrams !== null) {
    for (const token of text.tokens) {
      if (!hasNgrams(token)) continue;
      for (const name of charNgramNames(token, ngrams.min, ngrams.max)) add(name, options.charWeight);
    }
  }
  return weights;
}

function hasNgrams(token: string): boolean {
  return !STOPWORDS.has(token) && token.length >= 2;
}

function charNgramNames(token: string, min: number, max: number): string[] {
  const marked = `<${token}>`;
  const names: string[] = [];
  for (let size = min; size <= max; size++) {
    for (let start = 0; start + size <= marked.length; start++)
      names.push(`c ${marked.slice(start, start + size)}`);
  }
  return names;
}

interface TokenColumns {
  readonly columns: Int32Array;
  readonly unknown: number;
}

/**
 * Column lookups without building names: word -> column, negated word -> column, and the pair of
 * two words' columns -> the pair's column (a pair's words are always features of their own).
 */
interface Lookup {
  readonly w: Map<string, number>;
  readonly n: Map<string, number>;
  readonly b: PairTable;
}

// Members reuse the same few hundred words: each word's n-gram columns are looked up once.
const TOKEN_CACHE_LIMIT = 20_000;

/**
 * Feature names to column numbers. Built from the training texts and then frozen: a feature no
 * training text had carries no weight, so it is dropped (but still counts in the text's length).
 */
export class FeatureSpace {
  private readonly columns = new Map<string, number>();
  private readonly tokenCache = new Map<string, TokenColumns>();
  private lookup: Lookup | null = null;
  // Scratch space for collecting a text's columns without repeats.
  private stamp = new Int32Array(0);
  private stampValue = 0;
  private scratch = new Float32Array(0);
  private seen = new Int32Array(64);
  private seenCount = 0;

  constructor(
    readonly options: FeatureOptions,
    names: Iterable<string> = [],
  ) {
    for (const name of names) if (!this.columns.has(name)) this.columns.set(name, this.columns.size);
  }

  get size(): number {
    return this.columns.size;
  }

  /** Every feature name, in column order (what is saved). */
  names(): string[] {
    return [...this.columns.keys()];
  }

  /** Adds the features of a training sentence. */
  grow(text: AnalysedText): void {
    for (const name of featureWeights(text, this.options).keys()) {
      if (!this.columns.has(name)) this.columns.set(name, this.columns.size);
    }
    this.lookup = null;
    this.tokenCache.clear();
  }

  /** One sentence's features (the same as `featureWeights`, by column). */
  sentence(text: AnalysedText): RawVector {
    const lookup = this.ready();
    this.begin();
    let unknown = 0;
    // The same walk as visitWordFeatures, written out for words and pairs: this runs for every
    // sentence of every post.
    const { terms, tokens } = text;
    let previous = -1;
    for (let i = 0; i < terms.length; i++) {
      const column = lookup.w.get(terms[i] as string) ?? -1;
      if (column < 0) unknown += WORD_WEIGHT * WORD_WEIGHT;
      else this.collect(column, WORD_WEIGHT);
      if (this.options.bigrams && i > 0) {
        const pair = previous < 0 || column < 0 ? -1 : lookup.b.get(previous, column);
        if (pair < 0) unknown += BIGRAM_WEIGHT * BIGRAM_WEIGHT;
        else this.collect(pair, BIGRAM_WEIGHT);
      }
      previous = column;
    }
    if (this.options.negation) {
      forEachNegated(tokens, (token) => {
        const column = lookup.n.get(token);
        if (column === undefined) unknown += NEGATION_WEIGHT * NEGATION_WEIGHT;
        else this.collect(column, NEGATION_WEIGHT);
      });
    }
    if (this.options.charNgrams !== null) {
      let previous = '';
      for (const token of text.tokens) {
        if (token === previous || !hasNgrams(token)) continue;
        previous = token;
        const grams = this.tokenColumns(token);
        unknown += grams.unknown;
        for (const column of grams.columns) this.collect(column, this.options.charWeight);
      }
    }
    return this.end(unknown);
  }

  /** Several sentences as one text: each known feature at its largest weight. */
  merge(parts: readonly RawVector[]): RawVector {
    if (parts.length === 1) return parts[0] as RawVector;
    this.begin();
    let unknown = 0;
    for (const part of parts) {
      unknown += part.unknown;
      for (let i = 0; i < part.columns.length; i++)
        this.collect(part.columns[i] as number, part.weights[i] as number);
    }
    return this.end(unknown);
  }

  /** Scaled to unit length, the unknown features counted in the length. */
  finish(raw: RawVector): SparseVector {
    const scale = this.scaleOf(raw);
    const values = new Float32Array(raw.weights.length);
    for (let i = 0; i < values.length; i++) values[i] = (raw.weights[i] as number) * scale;
    return { indices: Int32Array.from(raw.columns), values };
  }

  /** What the weights are multiplied by to make the vector unit length (unknown features included). */
  scaleOf(raw: RawVector): number {
    let norm = raw.unknown;
    for (const weight of raw.weights) norm += weight * weight;
    return norm > 0 ? 1 / Math.sqrt(norm) : 0;
  }

  /** Starts collecting a text's columns, each with its largest weight, in the order first seen. */
  private begin(): void {
    if (this.stamp.length < this.columns.size) {
      this.stamp = new Int32Array(this.columns.size);
      this.scratch = new Float32Array(this.columns.size);
      this.stampValue = 0;
    }
    this.stampValue++;
    this.seenCount = 0;
  }

  private collect(column: number, weight: number): void {
    if (this.stamp[column] !== this.stampValue) {
      this.stamp[column] = this.stampValue;
      this.scratch[column] = weight;
      if (this.seenCount === this.seen.length) {
        const grown = new Int32Array(Math.max(64, this.seen.length * 2));
        grown.set(this.seen);
        this.seen = grown;
      }
      this.seen[this.seenCount++] = column;
    } else if ((this.scratch[column] as number) < weight) {
      this.scratch[column] = weight;
    }
  }

  private end(unknown: number): RawVector {
    // Made at their final size: arrays grown by pushing leave their outgrown copies behind.
    const columns = new Array<number>(this.seenCount);
    const weights = new Array<number>(this.seenCount);
    for (let i = 0; i < this.seenCount; i++) {
      const column = this.seen[i] as number;
      columns[i] = column;
      weights[i] = this.scratch[column] as number;
    }
    return { columns, weights, unknown };
  }

  private ready(): Lookup {
    if (this.lookup !== null) return this.lookup;
    const w = new Map<string, number>();
    const n = new Map<string, number>();
    const pairs: [string, string, number][] = [];
    for (const [name, column] of this.columns) {
      const [kind, first, second] = name.split(' ') as [string, string, string | undefined];
      if (kind === 'w') w.set(first, column);
      else if (kind === 'n') n.set(first, column);
      else if (kind === 'b' && second !== undefined) pairs.push([first, second, column]);
    }
    const numbered: [number, number, number][] = [];
    for (const [first, second, column] of pairs) {
      const a = w.get(first);
      const b = w.get(second);
      // Both words of a training pair are features themselves; a pair without them could never be read.
      if (a !== undefined && b !== undefined) numbered.push([a, b, column]);
    }
    this.lookup = { w, n, b: new PairTable(numbered) };
    return this.lookup;
  }

  private tokenColumns(token: string): TokenColumns {
    let cached = this.tokenCache.get(token);
    if (cached === undefined) {
      const ngrams = this.options.charNgrams as { min: number; max: number };
      const columns: number[] = [];
      let unknown = 0;
      for (const name of new Set(charNgramNames(token, ngrams.min, ngrams.max))) {
        const column = this.columns.get(name);
        if (column === undefined) unknown += this.options.charWeight * this.options.charWeight;
        else columns.push(column);
      }
      cached = { columns: Int32Array.from(columns), unknown };
      if (this.tokenCache.size >= TOKEN_CACHE_LIMIT) this.tokenCache.clear();
      this.tokenCache.set(token, cached);
    }
    return cached;
  }
}
