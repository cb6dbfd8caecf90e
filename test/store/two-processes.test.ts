import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStateStore } from '../../src/store/open-state-store.js';
import { spawnNode } from '../helpers/child-process.js';
import { tempDir } from '../helpers/ledger.js';
import { type PostgresServer, startPostgres } from '../helpers/postgres-server.js';
import { type RedisServer, startRedis } from '../helpers/redis-server.js';

// Two bot processes on one state store (a SQLite file, Redis, PostgreSQL), each counting 5,000 questions and claiming the same 2,000
// events as fast as it can: every count lands, and each event is claimed exactly once in all.
// The processes run the built store (`npm test` builds first), as two `helpbot start` would.

const OPEN_STATE_STORE = fileURLToPath(new URL('../../dist/store/open-state-store.js', import.meta.url));
const COUNTS = 5000;
const EVENTS = 2000;

const WORKER = `
const { openStateStore } = await import(process.env.MODULE);
const state = await openStateStore({ dataDir: process.env.DATA_DIR, url: process.env.URL || undefined, databaseUrl: process.env.DB || undefined });
const event = { kind: 'question', outcome: 'answered', intent: 'refunds' };
let claimed = 0;
const jobs = [];
for (let n = 0; n < ${Math.max(COUNTS, EVENTS)}; n++) {
  if (n < ${COUNTS}) jobs.push(state.countStats('2026-11-27', event));
  if (n < ${EVENTS}) jobs.push(state.claimOnce('event:' + n, 600000).then((won) => { if (won) claimed += 1; }));
  // In waves, as events arrive: a few hundred operations in flight at once.
  if (jobs.length >= 400) await Promise.all(jobs.splice(0));
}
await Promise.all(jobs);
await state.close();
process.stdout.write(String(claimed));
`;

interface Where {
  readonly url?: string;
  readonly databaseUrl?: string;
}

async function worker(dataDir: string, where: Where): Promise<number> {
  const run = spawnNode(['--input-type=module', '-e', WORKER], {
    MODULE: OPEN_STATE_STORE,
    DATA_DIR: dataDir,
    URL: where.url ?? '',
    DB: where.databaseUrl ?? '',
  });
  const { code } = await run.exited;
  const { stdout, stderr } = run.output();
  if (code !== 0) throw new Error(`worker exited ${code}: ${stderr}`);
  return Number(stdout);
}

async function runTwo(dataDir: string, where: Where = {}): Promise<void> {
  const claims = await Promise.all([worker(dataDir, where), worker(dataDir, where)]);
  expect(claims[0] + claims[1]).toBe(EVENTS);
  const state = await openStateStore({ dataDir, ...where });
  const [day] = await state.stats(['2026-11-27']);
  await state.close();
  expect(day).toMatchObject({
    questions: 2 * COUNTS,
    answered: 2 * COUNTS,
    intents: { refunds: 2 * COUNTS },
  });
}

describe('two processes on one state store', () => {
  it('on one SQLite file: every count lands, every event is claimed once', async () => {
    await runTwo(tempDir());
  }, 120_000);

  describe('on one Redis', () => {
    let redis: RedisServer;
    beforeAll(async () => {
      redis = await startRedis();
    }, 20_000);
    afterAll(async () => redis.stop());

    it('every count lands, every event is claimed once', async () => {
      await runTwo(tempDir(), { url: redis.url });
    }, 120_000);
  });

  describe('on one PostgreSQL (DATABASE_URL, no KEYV_URL)', () => {
    let server: PostgresServer;
    beforeAll(async () => {
      server = await startPostgres();
    }, 30_000);
    afterAll(async () => server.stop());

    it('every count lands, every event is claimed once', async () => {
      await runTwo(tempDir(), { databaseUrl: await server.database() });
    }, 120_000);
  });
});
