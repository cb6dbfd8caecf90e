import { describe, expect, it } from 'vitest';
import { TextClassifier } from '../../../src/core/match/classifier.js';
import { featureWeights } from '../../../src/core/match/features.js';
import { Analyzer } from '../../../src/core/text/analyzer.js';
import { realKnowledge } from '../../helpers/knowledge.js';

const analyzer = new Analyzer(realKnowledge());
const example = (text: string, label: string) => ({ sentences: [analyzer.analyse(text)], label });
const training = [
  example('my connects did not come this month', 'monthly'),
  example('when do the free monthly connects arrive', 'monthly'),
  example('monthly connects missing again', 'monthly'),
  example('the client cancelled the job, refund?', 'refunds'),
  example('do i get connects back if the post expires', 'refunds'),
  example('refund my connects please', 'refunds'),
  example('how do i change my password', 'other'),
  example('thanks a lot everyone', 'other'),
];

describe('TextClassifier', () => {
  const classifier = TextClassifier.train(training);
  const best = (text: string) => {
    const p = classifier.probabilities(analyzer.analyse(text));
    return classifier.labels[p.indexOf(Math.max(...p))];
  };

  it('learns labels from examples and gives probabilities that sum to one', () => {
    expect(classifier.labels).toEqual(['monthly', 'other', 'refunds']);
    expect(best('free connects this month have not arrived')).toBe('monthly');
    expect(best('will the connects come back after the client cancelled')).toBe('refunds');
    const p = classifier.probabilities(analyzer.analyse('anything at all'));
    expect(p.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 6);
  });

  it('is deterministic: the same examples give the same model', () => {
    expect(TextClassifier.train(training).save()).toEqual(classifier.save());
  });

  it('round-trips through its saved form', () => {
    const restored = TextClassifier.restore(JSON.parse(JSON.stringify(classifier.save())));
    const text = analyzer.analyse('refund for an expired post');
    expect(Array.from(restored.probabilities(text))).toEqual(Array.from(classifier.probabilities(text)));
  });

  it('refuses a saved form whose weights do not fit its features', () => {
    const saved = classifier.save();
    expect(() => TextClassifier.restore({ ...saved, bias: [0] })).toThrow(/does not fit/);
  });
});

describe('featureWeights', () => {
  it('has words, neighbouring pairs and the words after a negation', () => {
    const names = [
      ...featureWeights(analyzer.analyse('the client did not cancel'), {
        bigrams: true,
        negation: true,
        charNgrams: null,
        charWeight: 0,
      }).keys(),
    ];
    expect(names).toContain('w client');
    expect(names).toContain('n cancel');
    expect(names.some((name) => name.startsWith('b '))).toBe(true);
  });
});
