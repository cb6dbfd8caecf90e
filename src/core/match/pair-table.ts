// A map from a pair of small non-negative integers to a value, in three typed arrays with open
// addressing. The classifier looks up a column for every pair of neighbouring words of every
// sentence: with the words already numbered, this is one multiply and a probe or two, where a map
// of maps hashed two strings.

const EMPTY = -1;

export class PairTable {
  private readonly firsts: Int32Array;
  private readonly seconds: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;

  constructor(entries: readonly (readonly [number, number, number])[]) {
    let capacity = 16;
    while (capacity < entries.length * 2) capacity *= 2;
    this.firsts = new Int32Array(capacity).fill(EMPTY);
    this.seconds = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (const [first, second, value] of entries) {
      if (first < 0 || second < 0)
        throw new Error(`pair (${first}, ${second}) is not two non-negative integers`);
      let slot = this.slotOf(first, second);
      while (this.firsts[slot] !== EMPTY && !(this.firsts[slot] === first && this.seconds[slot] === second))
        slot = (slot + 1) & this.mask;
      this.firsts[slot] = first;
      this.seconds[slot] = second;
      this.values[slot] = value;
    }
  }

  /** The value stored for the pair, or -1. */
  get(first: number, second: number): number {
    let slot = this.slotOf(first, second);
    for (;;) {
      const stored = this.firsts[slot] as number;
      if (stored === EMPTY) return -1;
      if (stored === first && this.seconds[slot] === second) return this.values[slot] as number;
      slot = (slot + 1) & this.mask;
    }
  }

  private slotOf(first: number, second: number): number {
    return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) & this.mask;
  }
}
