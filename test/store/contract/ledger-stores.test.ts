import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { MemoryLedgerStore } from '../../../src/store/memory/ledger-store.js';
import { PostgresLedgerStore } from '../../../src/store/postgres/ledger-store.js';
import { SqliteLedgerStore } from '../../../src/store/sqlite/ledger-store.js';
import { POLICY, tempDir } from '../../helpers/ledger.js';
import { type PostgresServer, startPostgres } from '../../helpers/postgres-server.js';
import { ledgerStoreContract } from './ledger-store-contract.js';

// Every LedgerStore against the one contract. Each open() is a new, empty ledger.

ledgerStoreContract(
  'SqliteLedgerStore on a file',
  async () => new SqliteLedgerStore(join(tempDir(), 'ledger.sqlite'), POLICY),
);

ledgerStoreContract('MemoryLedgerStore', async () => new MemoryLedgerStore(POLICY));

// A machine without PostgreSQL fails here, with the advice to install it, rather than skipping.
describe('PostgresLedgerStore (DATABASE_URL=postgres://…)', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres();
  }, 30_000);
  afterAll(async () => server.stop());

  ledgerStoreContract(
    'PostgresLedgerStore',
    async () => new PostgresLedgerStore(await server.database(), POLICY),
  );
});
