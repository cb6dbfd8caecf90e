import { describe, expect, it } from 'vitest';
import { editDistance, NearWords } from '../../../src/core/text/near-words.js';

function levenshtein(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] as number;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] as number;
      previous[j] = Math.min(
        above + 1,
        (previous[j - 1] as number) + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length] as number;
}

describe('NearWords', () => {
  const vocabulary = [
    'connects',
    'connect',
    'refund',
    'refunds',
    'refunded',
    'proposal',
    'proposals',
    'client',
    'clients',
    'cancel',
    'cancelled',
    'expire',
    'expired',
    'monthly',
    'balance',
    'purchase',
    'agency',
    'boost',
    'bought',
    'brought',
    'withdraw',
    'withdrew',
    'hire',
    'hired',
    'view',
    'viewed',
    'review',
  ];
  const near = new NearWords(vocabulary, 5, 9);

  it('finds exactly the known words one insertion, deletion or substitution away', () => {
    let seed = 99;
    const next = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed >>> 8;
    };
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    for (let n = 0; n < 3_000; n++) {
      const base = vocabulary[next() % vocabulary.length] as string;
      // One or two random edits of a known word.
      let word = base;
      for (let edits = 1 + (next() % 2); edits > 0; edits--) {
        const at = next() % (word.length + 1);
        const letter = letters[next() % letters.length] as string;
        const kind = next() % 3;
        word =
          kind === 0
            ? word.slice(0, at) + letter + word.slice(at)
            : kind === 1
              ? word.slice(0, at) + word.slice(at + 1)
              : word.slice(0, at) + letter + word.slice(at + 1);
      }
      if (word.length < 5) continue;
      const one = vocabulary.filter((known) => levenshtein(word, known) === 1).sort();
      expect(near.withinOneEdit(word).sort(), word).toEqual(one);
      // Words two edits away are indexed when they are at least 7 letters (9 minus the two edits).
      const two = vocabulary.filter((known) => known.length >= 7 && levenshtein(word, known) === 2).sort();
      expect(near.withinTwoEdits(word).sort(), word).toEqual(two);
    }
  });

  it('answers at once for a word too long to be near any known word', () => {
    const started = performance.now();
    expect(near.withinTwoEdits('x'.repeat(5_000))).toEqual([]);
    expect(near.withinOneEdit('y'.repeat(5_000))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('learns words added later', () => {
    const growing = new NearWords(['refund'], 5, 9);
    expect(growing.withinOneEdit('invoise')).toEqual([]);
    expect(growing.withinTwoEdits('subscriptoin')).toEqual([]);
    growing.add('invoice');
    growing.add('subscription');
    expect(growing.withinOneEdit('invoise')).toEqual(['invoice']);
    expect(growing.withinTwoEdits('subscriptoin')).toEqual(['subscription']);
  });

  it('measures edit distance up to a limit', () => {
    expect(editDistance('refund', 'refund', 2)).toBe(0);
    expect(editDistance('refund', 'refunds', 2)).toBe(1);
    expect(editDistance('refund', 'rfund', 2)).toBe(1);
    expect(editDistance('refund', 'refand', 2)).toBe(1);
    expect(editDistance('refund', 'erfund', 2)).toBe(2);
    expect(editDistance('refund', 'refunded', 1)).toBe(2);
    expect(editDistance('connects', 'refund', 2)).toBe(3);
  });
});
