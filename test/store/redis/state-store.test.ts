import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStateStore } from '../../../src/store/open-state-store.js';
import { tempDir } from '../../helpers/ledger.js';
import { type RedisServer, startRedis } from '../../helpers/redis-server.js';
import { question } from '../contract/state-store-contract.js';

// What only the Redis state store has: one server shared by several bot instances, and a server
// that is not there. What every state store does is in test/store/contract/.

describe('RedisStateStore (KEYV_URL=redis://…)', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  }, 20_000);
  afterAll(async () => redis.stop());

  it('shares state between two bot instances', async () => {
    const first = await openStateStore({ dataDir: tempDir(), url: redis.url });
    const second = await openStateStore({ dataDir: tempDir(), url: redis.url });
    await first.saveQuestion(question('r1'));
    await first.markUnanswered('r1');
    expect(await second.question('r1')).toEqual(question('r1'));
    expect((await second.unanswered(5)).map((q) => q.id)).toEqual(['r1']);
    expect(await first.claimOnce('interaction:9', 60_000)).toBe(true);
    expect(await second.claimOnce('interaction:9', 60_000)).toBe(false);
    const t0 = new Date('2026-11-27T12:00:00Z');
    expect(await first.cooldown('m', 5000, t0)).toBe(0);
    expect(await second.cooldown('m', 5000, new Date(t0.getTime() + 1000))).toBe(4000);
    await first.close();
    await second.close();
  });

  it('fails an operation loudly when Redis is unreachable', async () => {
    const state = await openStateStore({ dataDir: tempDir(), url: 'redis://127.0.0.1:9' });
    await expect(state.question('x')).rejects.toThrow();
    await expect(state.claimOnce('x', 1000)).rejects.toThrow();
  }, 20_000);
});
