import { describe, expect, it } from 'vitest';
import { scoreEval } from '../../src/eval/score.js';

describe('scoreEval', () => {
  const lines = [
    { text: 'a', intent: ['refunds'], case: 'refund.expired' },
    { text: 'b', intent: ['connects.balance', 'connects.earn-free'] },
    { text: 'c', intent: ['connects.expiry'] },
    { text: 'd', intent: [null] },
    { text: 'e', intent: [null] },
  ];
  const report = scoreEval(lines, [
    { intent: 'refunds', cases: ['refund.withdrawn', 'refund.expired'], confidence: 0.9, clarified: false },
    { intent: 'connects.earn-free', cases: [], confidence: 0.8, clarified: false },
    { intent: null, cases: [], confidence: 0.5, clarified: true },
    { intent: null, cases: [], confidence: 0.1, clarified: false },
    { intent: 'proposals.tips', cases: [], confidence: 0.8, clarified: false },
  ]);

  it('counts any acceptable intent as right and a clarification as not answered', () => {
    expect(report.inScope).toEqual({ total: 3, correct: 2, accuracy: 0.667, clarified: 1, wrong: 0 });
  });

  it('counts abstentions on out-of-scope questions', () => {
    expect(report.outOfScope).toEqual({ total: 2, abstained: 1, abstention: 0.5 });
  });

  it('requires the expected case first', () => {
    expect(report.cases).toEqual({ total: 1, correct: 0, accuracy: 0 });
  });

  it('lists each confusion', () => {
    expect(report.confusions.map((confusion) => confusion.text)).toEqual(['a', 'c', 'e']);
  });
});
