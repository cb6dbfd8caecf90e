import { createClient } from '@keyv/redis';
import { afterAll, beforeAll, describe } from 'vitest';
import { openStateStore } from '../../../src/store/keyv/state-store.js';
import { MemoryStateStore } from '../../../src/store/memory/state-store.js';
import { tempDir } from '../../helpers/ledger.js';
import { type RedisServer, startRedis } from '../../helpers/redis-server.js';
import { stateStoreContract } from './state-store-contract.js';

// Every StateStore against the one contract. Each open() is a store holding nothing yet.

stateStoreContract('KeyvStateStore on SQLite', async () => openStateStore({ dataDir: tempDir() }));

// As in test/store/keyv/state-store.test.ts: a machine without redis-server fails here, with the
// advice to install it, rather than skipping.
describe('KeyvStateStore on Redis (KEYV_URL=redis://…)', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  }, 20_000);
  afterAll(async () => redis.stop());

  // One server for the file: each store starts from an empty database.
  stateStoreContract('KeyvStateStore on Redis', async () => {
    const client = createClient({ url: redis.url });
    await client.connect();
    await client.flushDb();
    await client.quit();
    return openStateStore({ dataDir: tempDir(), url: redis.url });
  });
});

stateStoreContract('MemoryStateStore', async () => new MemoryStateStore());
