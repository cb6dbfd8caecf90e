import { describe, expect, it } from 'vitest';
import { groupedFolds, paraphraseGroups } from '../../../src/core/match/folds.js';

const item = (label: string, text: string) => ({ label, text, terms: text.split(' ') });

describe('grouped folds', () => {
  const items = [
    item('refunds', 'why no refund for my connects'),
    item('refunds', 'why no refund of connects'),
    item('refunds', 'client cancelled the job'),
    item('expiry', 'do connects expire'),
    item('expiry', 'how long are connects valid'),
    item('expiry', 'do connects ever expire'),
    item('balance', 'how many connects do i have'),
    item('balance', 'where is my connects history'),
  ];

  it('groups paraphrases of one sentence within one label', () => {
    const groups = paraphraseGroups(items);
    expect(groups[0]).toBe(groups[1]);
    expect(groups[3]).toBe(groups[5]);
    expect(groups[0]).not.toBe(groups[2]);
    // The same words under another label are not the same question.
    expect(paraphraseGroups([item('a', 'x y z'), item('b', 'x y z')])).toEqual([0, 1]);
  });

  it('never puts two paraphrases on both sides of a split, and spreads every label', () => {
    const folds = groupedFolds(items, 2);
    expect(folds[0]).toBe(folds[1]);
    expect(folds[3]).toBe(folds[5]);
    expect(new Set(folds)).toEqual(new Set([0, 1]));
    expect(groupedFolds(items, 2)).toEqual(folds);
  });
});
