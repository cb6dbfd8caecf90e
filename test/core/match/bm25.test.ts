import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../../src/core/match/bm25.js';

describe('Bm25Index', () => {
  const index = new Bm25Index();
  index.add(0, ['refund', 'connects', 'cancel']);
  index.add(1, ['buy', 'connects']);
  index.add(2, ['refund', 'expire', 'connects', 'connects']);

  it('scores documents by the query terms they share, rarer terms weighing more', () => {
    const scores = index.search(['refund', 'cancel']);
    expect([...scores.keys()].sort()).toEqual([0, 2]);
    expect(scores.get(0) as number).toBeGreaterThan(scores.get(2) as number);
    expect(index.search(['nothing']).size).toBe(0);
  });

  it('counts a document matching more distinct terms higher, as MiniSearch does', () => {
    const one = index.search(['cancel']).get(0) as number;
    const two = index.search(['cancel', 'refund']).get(0) as number;
    expect(two).toBeGreaterThan(2 * one);
  });

  it('forgets a removed document, and scores as if it had never been there', () => {
    const fresh = new Bm25Index();
    fresh.add(0, ['refund', 'connects', 'cancel']);
    fresh.add(1, ['buy', 'connects']);
    const withThird = new Bm25Index();
    withThird.add(0, ['refund', 'connects', 'cancel']);
    withThird.add(1, ['buy', 'connects']);
    withThird.add(2, ['refund', 'expire']);
    withThird.remove(2);
    expect(withThird.search(['refund', 'buy'])).toEqual(fresh.search(['refund', 'buy']));
    expect(withThird.frequency('expire')).toBe(0);
    expect(withThird.documentCount).toBe(2);
  });
});
