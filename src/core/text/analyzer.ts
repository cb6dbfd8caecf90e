import { stemmer } from 'stemmer';
import type { KnowledgeBase } from '../knowledge-base.js';
import { NearWords } from './near-words.js';
import { normalisedWords, words } from './normalise.js';
import { STOPWORDS } from './stopwords.js';

/** A question as matching sees it. */
export interface Analysis {
  /** Every word after spelling fixes and synonyms, in order: what refund signals are matched on. */
  readonly tokens: readonly string[];
  /** The words that carry meaning: what the FAQ index is searched with. */
  readonly terms: readonly string[];
}

const MAX_PHRASE = 3;
// Shorter words are too often other real words one edit away ("bank" / "back").
const MIN_CORRECTED_LENGTH = 5;
const TWO_EDITS_FROM_LENGTH = 9;

/**
 * Rewrites words to the knowledge base's canonical vocabulary: shorthand and misspellings first,
 * then synonyms (longest phrase first), then unknown words to the nearest known word within one
 * or two edits. The same analyzer indexes the FAQ and reads questions, so both meet in one vocabulary.
 */
export class Analyzer {
  private readonly misspellings: ReadonlyMap<string, string>;
  private readonly synonyms: ReadonlyMap<string, string>;
  private readonly vocabulary = new Map<string, number>();
  /** The same words as a plain set: most words of a post are known, and a set answers fastest. */
  private readonly known = new Set<string>();
  private readonly corrections = new Map<string, string>();
  private readonly spellings = new Map<string, readonly string[]>();
  private readonly stems = new Map<string, string>();
  /** Known words by their one-letter deletions, built at the first typo (most posts have none). */
  private nearWords: NearWords | null = null;
  /** First words of the multi-word synonyms: only there is a longer phrase worth trying. */
  private readonly phraseStarts = new Set<string>();

  /**
   * `vocabularySource`: the texts whose words typos are fixed towards, or those words already
   * counted (what `vocabularyCounts` gave back, saved with a fitted model: no text to read again).
   */
  constructor(
    kb: Pick<KnowledgeBase, 'misspellings' | 'synonyms'>,
    vocabularySource: Iterable<string> | { readonly counts: readonly (readonly [string, number])[] } = [],
    private readonly stemming = true,
  ) {
    this.misspellings = kb.misspellings;
    this.synonyms = kb.synonyms;
    // Variants are known words too: a typo of "purchased" is fixed to it, then read as "buy".
    for (const variant of kb.synonyms.keys()) {
      if (!variant.includes(' ')) {
        this.vocabulary.set(variant, 1);
        this.known.add(variant);
      } else this.phraseStarts.add(variant.split(' ')[0] as string);
    }
    if ('counts' in vocabularySource) {
      for (const [word, count] of vocabularySource.counts) {
        this.vocabulary.set(word, count);
        this.known.add(word);
      }
      // A restored model reads no example, so nothing has been stemmed yet: stem the known words now
      // (a few milliseconds), not a few microseconds at a time inside members' first posts.
      for (const word of this.known) if (!STOPWORDS.has(word)) this.stem(word);
    } else {
      for (const text of vocabularySource) this.learn(text);
    }
  }

  /** Every known word with how often the knowledge base uses it: saved with a fitted model. */
  vocabularyCounts(): [string, number][] {
    return [...this.vocabulary];
  }

  /** Adds the words of a text (an example, a keyword) to the vocabulary that typos are fixed towards. */
  learn(text: string): void {
    for (const token of this.canonicalTokens(text, false)) {
      this.vocabulary.set(token, (this.vocabulary.get(token) ?? 0) + 1);
      this.known.add(token);
      this.nearWords?.add(token);
    }
    this.corrections.clear();
    this.spellings.clear();
  }

  /** The canonical words of a text written by the knowledge base's authors (no typo fixing). */
  canonical(text: string): string[] {
    return this.canonicalTokens(text, false);
  }

  analyse(text: string): Analysis {
    const tokens = this.canonicalTokens(text, true);
    const terms: string[] = [];
    for (const token of tokens) if (!STOPWORDS.has(token)) terms.push(this.stem(token));
    return { tokens, terms };
  }

  private canonicalTokens(text: string, correctTypos: boolean): string[] {
    const spelled: string[] = [];
    for (const word of normalisedWords(text)) {
      if (!correctTypos) {
        const fixed = this.misspellings.get(word);
        if (fixed === undefined) spelled.push(word);
        else spelled.push(...words(fixed));
        continue;
      }
      const parts = this.spelled(word);
      if (parts.length === 1) spelled.push(parts[0] as string);
      else for (let k = 0; k < parts.length; k++) spelled.push(parts[k] as string);
    }
    return this.applySynonyms(spelled);
  }

  /** A member's word with shorthand expanded and a typo fixed, remembered: posts repeat their words. */
  private spelled(word: string): readonly string[] {
    let known = this.spellings.get(word);
    if (known === undefined) {
      const fixed = this.misspellings.get(word);
      known = fixed === undefined ? [this.correct(word)] : words(fixed);
      if (this.spellings.size > 20_000) this.spellings.clear();
      this.spellings.set(word, known);
    }
    return known;
  }

  private applySynonyms(tokens: readonly string[]): string[] {
    const out: string[] = [];
    let i = 0;
    while (i < tokens.length) {
      let replaced = false;
      const longest = this.phraseStarts.has(tokens[i] as string)
        ? Math.min(MAX_PHRASE, tokens.length - i)
        : 1;
      for (let length = longest; length >= 1; length--) {
        const phrase = length === 1 ? (tokens[i] as string) : tokens.slice(i, i + length).join(' ');
        const canonical = this.synonyms.get(phrase);
        if (canonical !== undefined) {
          out.push(...words(canonical));
          i += length;
          replaced = true;
          break;
        }
      }
      if (!replaced) {
        out.push(tokens[i] as string);
        i += 1;
      }
    }
    return out;
  }

  /** Porter stem, so "arrive", "arrived" and "arriving" are one term to the index. */
  private stem(token: string): string {
    if (!this.stemming) return token;
    let stemmed = this.stems.get(token);
    if (stemmed === undefined) {
      stemmed = stemmer(token);
      if (this.stems.size > 50_000) this.stems.clear();
      this.stems.set(token, stemmed);
    }
    return stemmed;
  }

  /** The candidate the knowledge base uses most (then the first in alphabetical order). */
  private commonest(candidates: readonly string[]): string | undefined {
    let best: string | undefined;
    let bestCount = 0;
    for (const candidate of candidates) {
      const count = this.vocabulary.get(candidate) ?? 0;
      if (best === undefined || count > bestCount || (count === bestCount && candidate < best)) {
        best = candidate;
        bestCount = count;
      }
    }
    return best;
  }

  /** The nearest known word for an unknown one; short words and numbers are left alone. */
  private correct(word: string): string {
    if (word.length < MIN_CORRECTED_LENGTH || this.known.has(word) || /\d/.test(word)) return word;
    if (this.synonyms.has(word) || STOPWORDS.has(word)) return word;
    const cached = this.corrections.get(word);
    if (cached !== undefined) return cached;
    // One edit away first; a long word may be two edits from its known form.
    this.nearWords ??= new NearWords(this.known, MIN_CORRECTED_LENGTH, TWO_EDITS_FROM_LENGTH);
    let best = this.commonest(this.nearWords.withinOneEdit(word));
    if (best === undefined && word.length >= TWO_EDITS_FROM_LENGTH) {
      best = this.commonest(this.nearWords.withinTwoEdits(word));
    }
    best ??= word;
    if (this.corrections.size > 10_000) this.corrections.clear();
    this.corrections.set(word, best);
    return best;
  }
}
