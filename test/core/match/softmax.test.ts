import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SOFTMAX,
  predictSoftmax,
  type Sample,
  trainSoftmax,
} from '../../../src/core/match/softmax.js';

// Three classes over six features: each class has two features of its own, and a few examples
// share a feature with another class, so the order the examples are met in matters.
function vector(entries: readonly (readonly [number, number])[]) {
  const norm = Math.sqrt(entries.reduce((sum, [, value]) => sum + value * value, 0));
  return {
    indices: Int32Array.from(entries.map(([index]) => index)),
    values: Float32Array.from(entries.map(([, value]) => value / norm)),
  };
}
const samples: Sample[] = [0, 1, 2].flatMap((label) => {
  const own = 2 * label;
  const neighbour = (own + 2) % 6;
  return [
    { x: vector([[own, 1]]), label },
    { x: vector([[own + 1, 1]]), label },
    {
      x: vector([
        [own, 1],
        [neighbour, 0.5],
      ]),
      label,
    },
  ];
});

describe('trainSoftmax', () => {
  const options = { ...DEFAULT_SOFTMAX, epochs: 10, seed: 3 };

  it('averages the weights of its members, each trained in its own order', () => {
    const averaged = trainSoftmax(samples, 3, 6, { ...options, members: 3 });
    const singles = [3, 104, 205].map((seed) =>
      trainSoftmax(samples, 3, 6, { ...options, members: 1, seed }),
    );
    // Members differ: the shuffling order changes the weights.
    expect(Array.from(singles[0]?.weights ?? [])).not.toEqual(Array.from(singles[1]?.weights ?? []));
    for (let k = 0; k < averaged.weights.length; k++) {
      const mean = singles.reduce((sum, single) => sum + (single.weights[k] as number), 0) / 3;
      expect(averaged.weights[k]).toBeCloseTo(mean, 5);
    }
    for (let c = 0; c < 3; c++) {
      const mean = singles.reduce((sum, single) => sum + (single.bias[c] as number), 0) / 3;
      expect(averaged.bias[c]).toBeCloseTo(mean, 5);
    }
  });

  it('is deterministic and learns the classes', () => {
    const first = trainSoftmax(samples, 3, 6, { ...options, members: 3 });
    const second = trainSoftmax(samples, 3, 6, { ...options, members: 3 });
    expect(Array.from(first.weights)).toEqual(Array.from(second.weights));
    samples.forEach((sample) => {
      const p = predictSoftmax(first, sample.x);
      expect(p.indexOf(Math.max(...p))).toBe(sample.label);
    });
  });
});
