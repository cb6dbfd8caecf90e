import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LedgerBusyError } from '../../../src/core/ledger/store.js';
import { SqliteLedgerStore } from '../../../src/store/sqlite/ledger-store.js';
import { freelancer, POLICY, purchase, tempDir } from '../../helpers/ledger.js';

// Another process's import, holding the ledger's write lock: a second connection in a transaction.
const opened: { close(): unknown }[] = [];
afterEach(async () => {
  for (const one of opened.splice(0)) await one.close();
});

function ledgerHeldByAnotherWriter(): { store: SqliteLedgerStore; release: () => void } {
  const file = join(tempDir(), 'ledger.sqlite');
  const store = new SqliteLedgerStore(file, POLICY);
  const other = new Database(file);
  opened.push(store, other);
  other.exec('BEGIN IMMEDIATE');
  return { store, release: () => other.exec('COMMIT') };
}

/** How many 10 ms timer ticks ran while `work` was pending: zero means the process was frozen. */
async function ticksDuring<T>(work: Promise<T>): Promise<{ result: T; ticks: number }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  try {
    return { result: await work, ticks };
  } finally {
    clearInterval(timer);
  }
}

describe('SqliteLedgerStore while another process writes', () => {
  it('waits without freezing the process, says so once, and writes when the other writer is done', async () => {
    const { store, release } = ledgerHeldByAnotherWriter();
    let told = 0;
    setTimeout(release, 300);
    const { result, ticks } = await ticksDuring(
      store.importAccounts([freelancer([purchase('b', '2026-01-01', 20)])], {
        maxWaitMs: 5000,
        onWait: () => told++,
      }),
    );
    expect(result).toMatchObject({ ok: true, summary: { entriesAdded: 1 } });
    expect(told).toBe(1);
    // SQLite's own busy wait would have blocked the thread for the whole 300 ms: no tick at all.
    expect(ticks).toBeGreaterThanOrEqual(10);
  });

  it('gives up after the wait it was allowed, with one line, and writes nothing', async () => {
    const { store, release } = ledgerHeldByAnotherWriter();
    const attempt = store.importAccounts([freelancer([purchase('b', '2026-01-01', 20)])], { maxWaitMs: 200 });
    await expect(attempt).rejects.toThrow(LedgerBusyError);
    await expect(attempt).rejects.toThrow(
      /^the ledger stayed locked by another writer \(an import\?\) for 0\.\d s; nothing was written$/,
    );
    release();
    expect(await store.accountById('acct-t')).toBeNull();
  });
});
