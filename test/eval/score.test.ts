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

describe('per-intent figures', () => {
  it('counts precision by the intent answered and recall by the intent expected', () => {
    const report = scoreEval(
      [
        { text: 'a', intent: ['connects.balance', 'connects.monthly-free'] },
        { text: 'b', intent: ['connects.monthly-free'] },
        { text: 'c', intent: [null] },
      ],
      [
        { intent: 'connects.monthly-free', cases: [], confidence: 0.9, clarified: false },
        { intent: 'connects.monthly-free', cases: [], confidence: 0.9, clarified: false },
        { intent: 'connects.balance', cases: [], confidence: 0.9, clarified: false },
      ],
    );
    const row = (intent: string) => report.perIntent.find((figures) => figures.intent === intent);
    expect(row('connects.monthly-free')).toMatchObject({
      expected: 1,
      predicted: 2,
      precision: 1,
      recall: 1,
    });
    expect(row('connects.balance')).toMatchObject({ expected: 1, predicted: 1, precision: 0, recall: 1 });
    expect(report.wrongAnswers).toEqual({ count: 1, rate: 0.333 });
    expect(report.confusionTable['(off-topic)']).toEqual({ 'connects.balance': 1 });
  });
});
