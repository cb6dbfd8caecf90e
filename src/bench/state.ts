import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withBatchedCounts } from '../core/state/batched-counts.js';
import type { StateStore } from '../core/state/store.js';
import { openStateStore } from '../store/open-state-store.js';

// The state store's operations a second, as a busy bot makes them: a hundred in flight at once,
// on the embedded SQLite file, and on Redis or PostgreSQL when BENCH_REDIS_URL or
// BENCH_DATABASE_URL names one (each bench run writes its own keys; nothing is cleaned up there).

const OPERATIONS = 5000;
const IN_FLIGHT = 100;
const BURST = 5000;

async function perSecond(work: (n: number) => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  for (let first = 0; first < OPERATIONS; first += IN_FLIGHT)
    await Promise.all(Array.from({ length: IN_FLIGHT }, (_, i) => work(first + i)));
  return OPERATIONS / (Number(process.hrtime.bigint() - start) / 1e9);
}

async function benchOne(name: string, state: StateStore): Promise<void> {
  const run = `${process.pid}-${Date.now()}`;
  const now = new Date();
  const figures = {
    claimOnce: await perSecond((n) => state.claimOnce(`bench-${run}-${n}`, 60_000)),
    countStats: await perSecond(() =>
      state.countStats('2000-01-01', { kind: 'question', outcome: 'answered', intent: 'refunds' }),
    ),
    cooldown: await perSecond((n) => state.cooldown(`bench-${run}-${n}`, 5000, now)),
    saveQuestion: await perSecond((n) =>
      state.saveQuestion({
        id: `bench-${run}-${n}`,
        identity: 'bench:1',
        text: 'do connects expire?',
        intent: 'connects.expiry',
        outcome: 'answered',
        confidence: 0.9,
        at: now.toISOString(),
      }),
    ),
  };
  const line = Object.entries(figures)
    .map(([operation, rate]) => `${operation} ${Math.round(rate).toLocaleString('en-US')}/s`)
    .join(', ');
  console.log(`state on ${name}, ${IN_FLIGHT} operations in flight: ${line}`);
  const oneByOne = await burstMs(state);
  const batched = await burstMs(withBatchedCounts(state));
  console.log(
    `state on ${name}, ${BURST.toLocaleString('en-US')} counts at once: ${Math.round(oneByOne)} ms one write each, ${Math.round(batched)} ms batched as the running bot counts`,
  );
}

/** All of a burst's counts started together; the time until the last is written. */
async function burstMs(state: StateStore): Promise<number> {
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: BURST }, () =>
      state.countStats('2000-01-02', { kind: 'question', outcome: 'answered', intent: 'refunds' }),
    ),
  );
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function benchState(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'helpbot-bench-state-'));
  try {
    const sqlite = await openStateStore({ dataDir: dir });
    await benchOne('SQLite', sqlite);
    await sqlite.close();
    const redisUrl = process.env.BENCH_REDIS_URL;
    if (redisUrl !== undefined && redisUrl !== '') {
      const redis = await openStateStore({ dataDir: dir, url: redisUrl });
      await benchOne('Redis', redis);
      await redis.close();
    }
    const databaseUrl = process.env.BENCH_DATABASE_URL;
    if (databaseUrl !== undefined && databaseUrl !== '') {
      const postgres = await openStateStore({ dataDir: dir, databaseUrl });
      await benchOne('PostgreSQL', postgres);
      await postgres.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
