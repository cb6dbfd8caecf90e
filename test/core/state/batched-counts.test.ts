import { describe, expect, it } from 'vitest';
import { withBatchedCounts } from '../../../src/core/state/batched-counts.js';
import type { StatsEvents } from '../../../src/core/state/store.js';
import { MemoryStateStore } from '../../../src/store/memory/state-store.js';
import { question } from '../../store/contract/state-store-contract.js';

// The running bot's day counts go to the store in batches: a burst of questions is a few writes,
// every count still lands, each caller learns how its write went, and shutdown loses nothing.

const ANSWERED = { kind: 'question', outcome: 'answered', intent: 'refunds' } as const;

/** A memory store that remembers each countStats call it got, and fails them when told to. */
function countingStore() {
  const store = new MemoryStateStore();
  const calls: { day: string; events: StatsEvents }[] = [];
  const failing = { now: false };
  const count = store.countStats.bind(store);
  store.countStats = async (day, events) => {
    calls.push({ day, events });
    if (failing.now) throw new Error('the database is down');
    await count(day, events);
  };
  return { store, calls, failing };
}

describe('withBatchedCounts', () => {
  it('writes a burst of counts as one write per day, every count kept', async () => {
    const { store, calls } = countingStore();
    const batched = withBatchedCounts(store, { windowMs: 20, maxEvents: 10_000 });
    await Promise.all([
      ...Array.from({ length: 300 }, () => batched.countStats('2026-11-27', ANSWERED)),
      ...Array.from({ length: 5 }, () => batched.countStats('2026-11-26', { kind: 'escalated' })),
    ]);
    expect(calls.map((call) => call.day).sort()).toEqual(['2026-11-26', '2026-11-27']);
    const [before, day] = await store.stats(['2026-11-26', '2026-11-27']);
    expect(day).toMatchObject({ questions: 300, answered: 300, intents: { refunds: 300 } });
    expect(before).toMatchObject({ escalated: 5, questions: 0 });
  });

  it('writes a full batch at once, without waiting for the window', async () => {
    const { store, calls } = countingStore();
    const batched = withBatchedCounts(store, { windowMs: 60_000, maxEvents: 10 });
    const started = Date.now();
    await Promise.all(Array.from({ length: 10 }, () => batched.countStats('2026-11-27', ANSWERED)));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(calls).toHaveLength(1);
    expect((await store.stats(['2026-11-27']))[0]?.questions).toBe(10);
  });

  it('tells every caller of a failed batch, and the next batch is written', async () => {
    const { store, failing } = countingStore();
    const batched = withBatchedCounts(store, { windowMs: 5, maxEvents: 10_000 });
    failing.now = true;
    const results = await Promise.allSettled([
      batched.countStats('2026-11-27', ANSWERED),
      batched.countStats('2026-11-27', ANSWERED),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    failing.now = false;
    await batched.countStats('2026-11-27', ANSWERED);
    expect((await store.stats(['2026-11-27']))[0]?.questions).toBe(1);
  });

  it('writes what is pending before the store closes', async () => {
    const { store, calls } = countingStore();
    const batched = withBatchedCounts(store, { windowMs: 60_000, maxEvents: 10_000 });
    const counted = batched.countStats('2026-11-27', [ANSWERED, ANSWERED]);
    await batched.close();
    await counted;
    expect(calls).toEqual([{ day: '2026-11-27', events: [ANSWERED, ANSWERED] }]);
  });

  it('passes everything else straight to the store', async () => {
    const { store } = countingStore();
    const batched = withBatchedCounts(store);
    await batched.saveQuestion(question('q1'));
    await batched.markUnanswered('q1');
    expect(await store.unanswered(5)).toEqual([question('q1')]);
    await batched.saveChannelSettings('c1', { mutedUntil: 'forever' });
    expect(await store.channelSettings('c1')).toEqual({ mutedUntil: 'forever' });
    expect(await batched.countStats('2026-11-27', [])).toBeUndefined();
  });
});
