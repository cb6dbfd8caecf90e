import { describe, expect, it } from 'vitest';
import { TIME_UP, within } from '../../src/core/time-limit.js';

describe('within', () => {
  it('gives the result of work that settles in time, and passes its rejection through', async () => {
    expect(await within(Promise.resolve(7), 1000)).toBe(7);
    await expect(within(Promise.reject(new Error('refused')), 1000)).rejects.toThrow('refused');
  });

  it('gives TIME_UP for work that never settles, even with nothing else holding the process', async () => {
    const started = Date.now();
    expect(await within(new Promise(() => {}), 50)).toBe(TIME_UP);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
