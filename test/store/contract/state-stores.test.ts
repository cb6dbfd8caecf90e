import { createClient } from '@keyv/redis';
import { afterAll, beforeAll, describe } from 'vitest';
import { MemoryStateStore } from '../../../src/store/memory/state-store.js';
import { openStateStore } from '../../../src/store/open-state-store.js';
import { tempDir } from '../../helpers/ledger.js';
import { type PostgresServer, startPostgres } from '../../helpers/postgres-server.js';
import { type RedisServer, startRedis } from '../../helpers/redis-server.js';
import { stateStoreContract } from './state-store-contract.js';

// Every StateStore against the one contract. Each open() is a store holding nothing yet; a sibling
// is a second store on the same file or server, as a second bot instance opens it.

let dataDir = '';
stateStoreContract(
  'SqliteStateStore (DATA_DIR/state.sqlite)',
  async () => {
    dataDir = tempDir();
    return openStateStore({ dataDir });
  },
  { sibling: () => openStateStore({ dataDir }) },
);

// A machine without redis-server fails here, with the advice to install it, rather than skipping.
describe('RedisStateStore (KEYV_URL=redis://…)', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  }, 20_000);
  afterAll(async () => redis.stop());

  // One server for the file: each store starts from an empty database.
  stateStoreContract(
    'RedisStateStore',
    async () => {
      const client = createClient({ url: redis.url });
      await client.connect();
      await client.flushDb();
      await client.quit();
      return openStateStore({ dataDir: tempDir(), url: redis.url });
    },
    { sibling: () => openStateStore({ dataDir: tempDir(), url: redis.url }) },
  );
});

// The state where the ledger is, when only DATABASE_URL is set: one server for both.
describe('PostgresStateStore (DATABASE_URL=postgres://…, no KEYV_URL)', () => {
  let server: PostgresServer;
  let databaseUrl = '';
  beforeAll(async () => {
    server = await startPostgres();
  }, 30_000);
  afterAll(async () => server.stop());

  stateStoreContract(
    'PostgresStateStore',
    async () => {
      databaseUrl = await server.database();
      return openStateStore({ dataDir: tempDir(), databaseUrl });
    },
    { sibling: () => openStateStore({ dataDir: tempDir(), databaseUrl }) },
  );
});

stateStoreContract('MemoryStateStore', async () => new MemoryStateStore());
