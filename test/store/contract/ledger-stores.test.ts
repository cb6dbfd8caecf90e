import { join } from 'node:path';
import { MemoryLedgerStore } from '../../../src/store/memory/ledger-store.js';
import { SqliteLedgerStore } from '../../../src/store/sqlite/ledger-store.js';
import { POLICY, tempDir } from '../../helpers/ledger.js';
import { ledgerStoreContract } from './ledger-store-contract.js';

// Every LedgerStore against the one contract. Each open() is a new, empty ledger.

ledgerStoreContract(
  'SqliteLedgerStore on a file',
  async () => new SqliteLedgerStore(join(tempDir(), 'ledger.sqlite'), POLICY),
);

ledgerStoreContract('MemoryLedgerStore', async () => new MemoryLedgerStore(POLICY));
