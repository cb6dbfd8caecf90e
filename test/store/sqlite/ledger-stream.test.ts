import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseImportText, readImportFile } from '../../../src/accounts/import-file.js';
import type { ImportItem } from '../../../src/core/ledger/store.js';
import type { Account } from '../../../src/core/ledger/types.js';
import { SqliteLedgerStore } from '../../../src/store/sqlite/ledger-store.js';
import { ACCOUNTS_FILE, freelancer, POLICY, purchase, spend, storeOpener } from '../../helpers/ledger.js';

// importStream: an import file checked and written account by account in one transaction, so a
// file of any size imports in the memory of one account, and still all of it or nothing.

const stores = storeOpener((file) => new SqliteLedgerStore(file, POLICY));
const open = stores.open;
afterEach(stores.closeAll);

async function* itemsOf(items: readonly ImportItem[]): AsyncGenerator<ImportItem> {
  yield* items;
}

const account = (id: string, amount = 10): Account => ({
  ...freelancer([purchase('b', '2026-01-01', amount)], 5, id),
});

describe('SqliteLedgerStore.importStream', () => {
  it('records what importAccounts records, with the same summary, and nothing the second time', async () => {
    const streamed = open();
    const whole = open();
    const parsed = parseImportText(readFileSync(ACCOUNTS_FILE, 'utf8'));
    if (!parsed.ok) throw new Error('eval/accounts.json does not parse');
    const viaStream = await streamed.importStream(readImportFile(ACCOUNTS_FILE));
    expect(viaStream).toEqual(await whole.importAccounts(parsed.accounts));
    for (const { id } of parsed.accounts)
      expect(await streamed.accountById(id)).toEqual(await whole.accountById(id));
    expect(await streamed.importStream(readImportFile(ACCOUNTS_FILE))).toMatchObject({
      ok: true,
      summary: { accounts: 4, accountsCreated: 0, entriesAdded: 0, identitiesLinked: 0 },
    });
  });

  it('writes nothing when a problem comes after accounts already written, and lists every problem', async () => {
    const store = open();
    const overdrawn = freelancer(
      [purchase('b', '2026-01-01', 5), spend('s', '2026-01-02', 9, 'p-1')],
      5,
      'acct-z',
    );
    const result = await store.importStream(
      itemsOf([
        { account: account('acct-a') },
        { account: account('acct-b') },
        { problems: [{ account: 'acct-c', field: 'billingDay', message: 'must be 1-31' }] },
        { account: overdrawn },
        { account: account('acct-a') },
      ]),
    );
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { account: 'acct-c', field: 'billingDay' },
        { account: 'acct-z', entry: 's' },
        { account: 'acct-a', field: 'id', message: 'appears more than once in the file' },
      ],
    });
    expect(await store.countAccounts()).toBe(0);
  });

  it('writes nothing when reading fails half-way, and the store goes on working', async () => {
    const store = open();
    async function* failing(): AsyncGenerator<ImportItem> {
      yield { account: account('acct-a') };
      throw new Error('disk gone');
    }
    await expect(store.importStream(failing())).rejects.toThrow('disk gone');
    expect(await store.countAccounts()).toBe(0);
    expect(await store.importAccounts([account('acct-b')])).toMatchObject({ ok: true });
    expect(await store.countAccounts()).toBe(1);
  });

  it("keeps the store's readers on the committed ledger while an import is under way, and lets other writers wait", async () => {
    const store = open();
    await store.importAccounts([account('acct-a', 10)]);
    let resume: () => void = () => {};
    const paused = new Promise<void>((resolve) => {
      resume = resolve;
    });
    let reached: () => void = () => {};
    const halfway = new Promise<void>((resolve) => {
      reached = resolve;
    });
    async function* slow(): AsyncGenerator<ImportItem> {
      yield { account: account('acct-b') };
      yield {
        account: {
          ...account('acct-a', 10),
          ledger: [purchase('b', '2026-01-01', 10), purchase('c', '2026-02-01', 5)],
        },
      };
      reached();
      await paused;
    }
    const importing = store.importStream(slow());
    await halfway;
    // acct-b is written inside the import's transaction, not yet committed: readers do not see it.
    expect(await store.accountById('acct-b')).toBeNull();
    expect((await store.accountById('acct-a'))?.ledger).toHaveLength(1);
    const waited: string[] = [];
    const writer = store.importAccounts([account('acct-c')], {
      maxWaitMs: 5000,
      onWait: () => waited.push('waiting'),
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(waited).toEqual(['waiting']);
    resume();
    expect(await importing).toMatchObject({ ok: true, summary: { accountsCreated: 1, entriesAdded: 2 } });
    expect(await writer).toMatchObject({ ok: true });
    expect((await store.accountById('acct-a'))?.ledger).toHaveLength(2);
    expect(await store.countAccounts()).toBe(3);
  });

  it('writes nothing on a dry run, and works on an in-memory ledger', async () => {
    const store = open();
    expect(
      await store.importStream(itemsOf([{ account: account('acct-a') }]), { dryRun: true }),
    ).toMatchObject({
      ok: true,
      summary: { accountsCreated: 1 },
    });
    expect(await store.countAccounts()).toBe(0);
    const memory = open(':memory:');
    expect(await memory.importStream(itemsOf([{ account: account('acct-a') }]))).toMatchObject({ ok: true });
    expect(await memory.countAccounts()).toBe(1);
    // With one connection, a write during a streamed import waits for it rather than joining its
    // transaction (and vanishing with it when the import is refused).
    async function* refusedLater(): AsyncGenerator<ImportItem> {
      yield { account: account('acct-b') };
      await new Promise((resolve) => setTimeout(resolve, 50));
      yield { problems: [{ account: 'acct-c', message: 'bad' }] };
    }
    const streaming = memory.importStream(refusedLater());
    const other = memory.importAccounts([account('acct-d')]);
    expect(await streaming).toMatchObject({ ok: false });
    expect(await other).toMatchObject({ ok: true });
    expect((await memory.accountById('acct-d'))?.id).toBe('acct-d');
    expect(await memory.accountById('acct-b')).toBeNull();
  });
});
