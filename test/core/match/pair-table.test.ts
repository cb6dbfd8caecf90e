import { describe, expect, it } from 'vitest';
import { PairTable } from '../../../src/core/match/pair-table.js';

describe('PairTable', () => {
  it('returns the value of every stored pair and -1 for any other', () => {
    const stored = new Map<string, number>();
    const entries: [number, number, number][] = [];
    let seed = 3;
    const next = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed >>> 8;
    };
    while (entries.length < 5_000) {
      const first = next() % 400;
      const second = next() % 400;
      if (stored.has(`${first} ${second}`)) continue;
      stored.set(`${first} ${second}`, entries.length);
      entries.push([first, second, entries.length]);
    }
    const table = new PairTable(entries);
    for (let first = 0; first < 400; first++) {
      for (let second = 0; second < 400; second++) {
        expect(table.get(first, second)).toBe(stored.get(`${first} ${second}`) ?? -1);
      }
    }
  });

  it('tells (a, b) from (b, a)', () => {
    const table = new PairTable([[1, 2, 7]]);
    expect(table.get(1, 2)).toBe(7);
    expect(table.get(2, 1)).toBe(-1);
  });

  it('refuses negative numbers, which it uses to mark empty slots', () => {
    expect(() => new PairTable([[-1, 2, 0]])).toThrow(/non-negative/);
  });
});
