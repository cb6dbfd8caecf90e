import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../src/accounts/import-file.js';
import { type ImportItem, LedgerBusyError, type LedgerStore } from '../../../src/core/ledger/store.js';
import type { Account } from '../../../src/core/ledger/types.js';
import { ACCOUNTS_FILE, freelancer, purchase, spend } from '../../helpers/ledger.js';
import { account, fixtureAccounts, itemsOf } from './ledger-fixtures.js';

// The LedgerStore contract for a file read as it is imported (importStream), and for writers who
// come while an import holds the ledger. Part of ledgerStoreContract, which calls this.

/** A streamed import that stops after its items until `resume()`: the ledger is held meanwhile. */
function heldStream(items: readonly ImportItem[]) {
  let resume: () => void = () => {};
  const paused = new Promise<void>((resolve) => {
    resume = resolve;
  });
  let reached: () => void = () => {};
  const halfway = new Promise<void>((resolve) => {
    reached = resolve;
  });
  async function* stream(): AsyncGenerator<ImportItem> {
    yield* items;
    reached();
    await paused;
  }
  return { stream: stream(), halfway, resume };
}

/** Whether `promise` has settled, looked at after `ms`. */
async function settledWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  promise.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  await new Promise((resolve) => setTimeout(resolve, ms));
  return settled;
}

/** The streamed-import and turn-taking cases, on stores from `open` (closed by the caller). */
export function streamContract(open: () => Promise<LedgerStore>): void {
  describe('importStream', () => {
    it('records what importAccounts records, with the same summary, and nothing the second time', async () => {
      const streamed = await open();
      const whole = await open();
      const accounts = fixtureAccounts();
      const viaStream = await streamed.importStream(readImportFile(ACCOUNTS_FILE));
      expect(viaStream).toEqual(await whole.importAccounts(accounts));
      for (const { id } of accounts)
        expect(await streamed.accountById(id)).toEqual(await whole.accountById(id));
      expect(await streamed.importStream(readImportFile(ACCOUNTS_FILE))).toMatchObject({
        ok: true,
        summary: { accounts: 4, accountsCreated: 0, entriesAdded: 0, identitiesLinked: 0 },
      });
    });

    it('writes nothing when a problem comes after accounts already written, and lists every problem', async () => {
      const store = await open();
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
      expect(await store.accountForIdentity('console:acct-a')).toBeNull();
    });

    it('writes nothing when reading fails half-way, and the store goes on working', async () => {
      const store = await open();
      async function* failing(): AsyncGenerator<ImportItem> {
        yield { account: account('acct-a') };
        throw new Error('disk gone');
      }
      await expect(store.importStream(failing())).rejects.toThrow('disk gone');
      expect(await store.countAccounts()).toBe(0);
      expect(await store.importAccounts([account('acct-b')])).toMatchObject({ ok: true });
      expect(await store.countAccounts()).toBe(1);
    });

    it('writes nothing on a dry run', async () => {
      const store = await open();
      expect(
        await store.importStream(itemsOf([{ account: account('acct-a') }]), { dryRun: true }),
      ).toMatchObject({ ok: true, summary: { accountsCreated: 1 } });
      expect(await store.countAccounts()).toBe(0);
      expect(await store.importStream(itemsOf([{ account: account('acct-a') }]))).toMatchObject({
        ok: true,
        summary: { accountsCreated: 1 },
      });
      expect(await store.countAccounts()).toBe(1);
    });

    it('keeps a write made during a refused import, which is not part of it', async () => {
      const store = await open();
      // A write during a streamed import waits for it rather than joining it (and vanishing with
      // it when the import is refused).
      async function* refusedLater(): AsyncGenerator<ImportItem> {
        yield { account: account('acct-b') };
        await new Promise((resolve) => setTimeout(resolve, 50));
        yield { problems: [{ account: 'acct-c', message: 'bad' }] };
      }
      const streaming = store.importStream(refusedLater());
      const other = store.importAccounts([account('acct-d')]);
      expect(await streaming).toMatchObject({ ok: false });
      expect(await other).toMatchObject({ ok: true });
      expect((await store.accountById('acct-d'))?.id).toBe('acct-d');
      expect(await store.accountById('acct-b')).toBeNull();
    });
  });

  describe('writers in turn', () => {
    it('has a second writer wait for a streamed import, then check against what it committed', async () => {
      const store = await open();
      const held = heldStream([{ account: account('acct-a') }]);
      const importing = store.importStream(held.stream);
      await held.halfway;
      // Claims the identity the import under way is linking: judged once that import is done.
      const claim: Account = { ...account('acct-x'), identities: ['console:acct-a'] };
      const second = store.importAccounts([claim], { maxWaitMs: 5000 });
      const third = store.importStream(itemsOf([{ account: account('acct-y') }]), { maxWaitMs: 5000 });
      expect(await settledWithin(second, 50)).toBe(false);
      expect(await settledWithin(third, 0)).toBe(false);
      held.resume();
      expect(await importing).toMatchObject({ ok: true, summary: { accountsCreated: 1 } });
      expect(await second).toMatchObject({
        ok: false,
        problems: [{ account: 'acct-x', field: 'identities', message: expect.stringContaining('acct-a') }],
      });
      expect(await third).toMatchObject({ ok: true, summary: { accountsCreated: 1 } });
      expect(await store.countAccounts()).toBe(2);
    });

    it("keeps the store's readers on the committed ledger while an import is under way", async () => {
      const store = await open();
      await store.importAccounts([account('acct-a', 10)]);
      const held = heldStream([
        { account: account('acct-b') },
        {
          account: {
            ...account('acct-a', 10),
            ledger: [purchase('b', '2026-01-01', 10), purchase('c', '2026-02-01', 5)],
          },
        },
      ]);
      const importing = store.importStream(held.stream);
      await held.halfway;
      // acct-b is written inside the import, not yet committed: readers do not see it.
      expect(await store.accountById('acct-b')).toBeNull();
      expect(await store.accountForIdentity('console:acct-b')).toBeNull();
      expect((await store.accountById('acct-a'))?.ledger).toHaveLength(1);
      expect(await store.countAccounts()).toBe(1);
      held.resume();
      expect(await importing).toMatchObject({
        ok: true,
        summary: { accountsCreated: 1, entriesAdded: 2 },
      });
      expect((await store.accountById('acct-a'))?.ledger).toHaveLength(2);
      expect(await store.countAccounts()).toBe(2);
    });

    it('tells a waiting writer once, and writes for it when the import is done', async () => {
      const store = await open();
      const held = heldStream([{ account: account('acct-b') }]);
      const importing = store.importStream(held.stream);
      await held.halfway;
      const waited: string[] = [];
      // Told when the writer finds the ledger locked: awaited, not slept on, so a loaded machine
      // (a database round trip can take longer than any fixed pause) cannot fail it.
      let toldWaiting = (): void => {};
      const told = new Promise<void>((resolve) => {
        toldWaiting = resolve;
      });
      const writer = store.importAccounts([account('acct-c')], {
        maxWaitMs: 5000,
        onWait: () => {
          waited.push('waiting');
          toldWaiting();
        },
      });
      await told;
      expect(waited).toEqual(['waiting']);
      held.resume();
      expect(await importing).toMatchObject({ ok: true });
      expect(await writer).toMatchObject({ ok: true });
      expect(waited).toEqual(['waiting']);
      expect(await store.countAccounts()).toBe(2);
    });

    it('gives up after the wait it was allowed, with one line, writing nothing', async () => {
      const store = await open();
      const held = heldStream([{ account: account('acct-b') }]);
      const importing = store.importStream(held.stream);
      await held.halfway;
      let told = 0;
      const started = Date.now();
      const attempt = store.importAccounts([account('acct-c')], { maxWaitMs: 200, onWait: () => told++ });
      // Its refusal is awaited below; expect() takes hold of it now, before it comes.
      const streamRefused = expect(
        store.importStream(itemsOf([{ account: account('acct-d') }]), { maxWaitMs: 100 }),
      ).rejects.toThrow(LedgerBusyError);
      await expect(attempt).rejects.toThrow(LedgerBusyError);
      await expect(attempt).rejects.toThrow(
        /^the ledger stayed locked by another writer \(an import\?\) for 0\.\d s; nothing was written$/,
      );
      await streamRefused;
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
      expect(told).toBe(1);
      held.resume();
      expect(await importing).toMatchObject({ ok: true });
      expect(await store.accountById('acct-c')).toBeNull();
      expect(await store.accountById('acct-d')).toBeNull();
      // The writers that gave up are out of the queue: the next one goes straight through.
      expect(await store.importAccounts([account('acct-e')], { maxWaitMs: 0 })).toMatchObject({
        ok: true,
      });
      expect(await store.countAccounts()).toBe(2);
    });
  });
}
