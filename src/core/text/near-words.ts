// Known words one or two edits away from a word, found through the words' deletions (the
// "symmetric delete" idea): two words within k insertions, deletions or substitutions share a
// variant with at most k letters deleted from each. A lookup is a few map reads instead of a walk
// of the whole vocabulary, which cost a post with a typo one to three milliseconds more.

export class NearWords {
  /** A word or one of its one-letter deletions -> the known words it comes from. */
  private readonly oneDeleted = new Map<string, string[]>();
  /** Two-letter deletions of the words long enough to be two edits from a looked-up word. */
  private twoDeleted: Map<string, string[]> | null = null;
  private readonly words = new Set<string>();
  /** No word longer than the longest known one plus the edits allowed can have a candidate. */
  private longest = 0;

  constructor(
    words: Iterable<string>,
    /** Words shorter than this are never looked up one edit away. */
    private readonly minLength: number,
    /** Words shorter than this are never looked up two edits away. */
    private readonly twoEditsFrom: number,
  ) {
    for (const word of words) this.add(word);
  }

  add(word: string): void {
    // A word one letter shorter than the shortest looked-up word can still be its correction.
    if (word.length < this.minLength - 1 || this.words.has(word)) return;
    this.words.add(word);
    this.longest = Math.max(this.longest, word.length);
    index(this.oneDeleted, word, word);
    for (const variant of deletions(word)) index(this.oneDeleted, variant, word);
    if (this.twoDeleted !== null) this.indexTwoDeleted(word);
  }

  /** Every known word at edit distance exactly one from `word`. */
  withinOneEdit(word: string): string[] {
    if (word.length > this.longest + 1) return [];
    const found = new Set<string>();
    const consider = atDistance(word, 1, 0, found);
    consider(this.oneDeleted.get(word));
    for (const variant of deletions(word)) consider(this.oneDeleted.get(variant));
    return [...found];
  }

  /**
   * Every known word of at least `twoEditsFrom - 2` letters (the shortest that can be two edits
   * from a looked-up word) at edit distance exactly two from `word`. Its index is built on first use.
   */
  withinTwoEdits(word: string): string[] {
    if (word.length > this.longest + 2) return [];
    if (this.twoDeleted === null) {
      this.twoDeleted = new Map();
      for (const known of this.words) this.indexTwoDeleted(known);
    }
    const found = new Set<string>();
    const consider = atDistance(word, 2, this.twoEditsFrom - 2, found);
    const once = deletions(word);
    for (const variant of [word, ...once]) {
      consider(this.oneDeleted.get(variant));
      consider(this.twoDeleted.get(variant));
    }
    for (const variant of once) {
      for (const twice of deletions(variant)) {
        consider(this.oneDeleted.get(twice));
        consider(this.twoDeleted.get(twice));
      }
    }
    return [...found];
  }

  private indexTwoDeleted(word: string): void {
    if (word.length < this.twoEditsFrom - 2 || this.twoDeleted === null) return;
    const once = deletions(word);
    for (const variant of once) {
      for (const twice of deletions(variant)) if (!once.has(twice)) index(this.twoDeleted, twice, word);
    }
  }
}

/** A visitor adding to `found` the candidates exactly `distance` edits from `word`, `minLength` or longer. */
function atDistance(
  word: string,
  distance: number,
  minLength: number,
  found: Set<string>,
): (candidates: readonly string[] | undefined) => void {
  return (candidates) => {
    if (candidates === undefined) return;
    for (const candidate of candidates) {
      if (candidate.length >= minLength && editDistance(word, candidate, distance) === distance)
        found.add(candidate);
    }
  };
}

function index(map: Map<string, string[]>, variant: string, word: string): void {
  const list = map.get(variant);
  if (list === undefined) map.set(variant, [word]);
  else if (list[list.length - 1] !== word) list.push(word);
}

function deletions(word: string): Set<string> {
  const variants = new Set<string>();
  for (let i = 0; i < word.length; i++) variants.add(word.slice(0, i) + word.slice(i + 1));
  return variants;
}

/** Levenshtein distance between two words, or `limit + 1` as soon as it is known to exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current.push(value);
      if (value < rowBest) rowBest = value;
    }
    if (rowBest > limit) return limit + 1;
    previous = current;
  }
  return Math.min(previous[b.length] as number, limit + 1);
}
