import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError } from '../../../src/store/sqlite/database.js';
import { SqliteLedgerStore } from '../../../src/store/sqlite/ledger-store.js';
import { freelancer, POLICY, purchase, spend, storeOpener, tempDir } from '../../helpers/ledger.js';
import { fixtureAccounts } from '../contract/ledger-fixtures.js';

// What only the SQLite ledger has: a file, its schema version, what earlier versions wrote into it.
// What every ledger store does is in test/store/contract/ (run on a file and on the in-memory store).

const stores = storeOpener((file) => new SqliteLedgerStore(file, POLICY));
const open = stores.open;
afterEach(stores.closeAll);

describe('SqliteLedgerStore', () => {
  it('matches an entry stored with broken text by an earlier version to the repaired one', async () => {
    const file = join(tempDir(), 'ledger.sqlite');
    const store = open(file);
    // What an earlier version wrote: the lone surrogate went to SQLite unrepaired.
    const legacy = spend('s', '2026-01-02', 4, 'p-1');
    const raw = new Database(file);
    await store.importAccounts([freelancer([purchase('b', '2026-01-01', 20)])]);
    raw
      .prepare(
        "INSERT INTO entries (account_id, id, seq, at, type, amount, proposal, job, recorded_at) VALUES ('acct-t', 's', 9, ?, 'spend', 4, 'p-1', ?, 0)",
      )
      .run(legacy.at.getTime(), 'Logo \ud83c');
    raw.close();
    const repaired = { ...legacy, job: 'Logo \ufffd' } as typeof legacy;
    const result = await store.importAccounts([freelancer([purchase('b', '2026-01-01', 20), repaired])]);
    expect(result).toMatchObject({ ok: true, summary: { entriesAdded: 0 } });
  });

  it('keeps the ledger across restarts, in WAL mode', async () => {
    const file = join(tempDir(), 'ledger.sqlite');
    const first = open(file);
    await first.importAccounts(fixtureAccounts());
    await first.close();
    const second = open(file);
    expect((await second.accountForIdentity('console:studio-north'))?.ledger).toHaveLength(3);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    raw.close();
  });

  it('refuses a ledger file written by a newer version', () => {
    const file = join(tempDir(), 'ledger.sqlite');
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => new SqliteLedgerStore(file, POLICY)).toThrow(DatabaseOpenError);
    expect(() => new SqliteLedgerStore(file, POLICY)).toThrow(/schema version 99/);
  });

  it('refuses a file that is not a database', () => {
    const file = join(tempDir(), 'ledger.sqlite');
    writeFileSync(file, 'this is not sqlite, just text long enough to have a header of sorts....');
    expect(() => new SqliteLedgerStore(file, POLICY)).toThrow(DatabaseOpenError);
  });

  it('keeps the ledger only in a file: an in-memory database would be a new, empty one per connection', () => {
    // A streamed import writes on a connection of its own; ':memory:' would give it another database.
    expect(() => new SqliteLedgerStore(':memory:', POLICY)).toThrow(/MemoryLedgerStore/);
  });
});
