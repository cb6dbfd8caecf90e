import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseImportText } from '../../../src/accounts/import-file.js';
import type { LedgerStore } from '../../../src/core/ledger/store.js';
import type { Account, LedgerEntry } from '../../../src/core/ledger/types.js';
import { accountFacts } from '../../../src/core/rules/account-facts.js';
import { accountWith, arbitraryLedger, validLedger } from '../../helpers/arbitrary-ledger.js';
import { freelancer, outcome, POLICY, purchase, spend } from '../../helpers/ledger.js';
import { account, fixtureAccounts } from './ledger-fixtures.js';
import { streamContract } from './ledger-stream-contract.js';

// What every LedgerStore does, whatever keeps the ledger (src/core/ledger/store.ts): imports all at
// once or not at all, entries append-only, the core's rules deciding what may be recorded, writers
// in turn. Each implementation runs this suite (ledger-stores.test.ts); what only one of them has
// (files, locks between processes, damage) is tested beside it.

export function ledgerStoreContract(name: string, openStore: () => Promise<LedgerStore>): void {
  describe(`${name}: the LedgerStore contract`, () => {
    const opened: LedgerStore[] = [];
    async function open(): Promise<LedgerStore> {
      const store = await openStore();
      opened.push(store);
      return store;
    }
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
    });

    describe('importAccounts', () => {
      it('imports accounts, identities and entries, and finds an account by any identity', async () => {
        const store = await open();
        const result = await store.importAccounts(fixtureAccounts());
        expect(result).toEqual({
          ok: true,
          summary: {
            accounts: 4,
            accountsCreated: 4,
            accountsUpdated: 0,
            entries: 48,
            entriesAdded: 48,
            identitiesLinked: 6,
          },
        });
        const byDiscord = await store.accountForIdentity('discord:200000000000000001');
        const bySlack = await store.accountForIdentity('slack:U0DEV0001');
        expect(byDiscord?.id).toBe('acct-rin');
        expect(bySlack).toEqual(byDiscord);
        expect(byDiscord?.ledger.map((entry) => entry.id)).toEqual(
          fixtureAccounts()[0]?.ledger.map((entry) => entry.id),
        );
        expect(byDiscord?.ledger.find((entry) => entry.id === 'sp-202')).toEqual({
          id: 'sp-202',
          at: new Date('2026-11-02T10:00:00Z'),
          type: 'spend',
          amount: 8,
          proposal: 'p-202',
          job: 'Landing page copy',
        });
        expect(await store.accountForIdentity('console:nobody')).toBeNull();
        expect(await store.accountById('acct-nobody')).toBeNull();
        expect(await store.countAccounts()).toBe(4);
      });

      it('changes nothing when the same file is imported again', async () => {
        const store = await open();
        await store.importAccounts(fixtureAccounts());
        const before = await store.accountById('acct-rin');
        const again = await store.importAccounts(fixtureAccounts());
        expect(again).toMatchObject({
          ok: true,
          summary: { accountsCreated: 0, accountsUpdated: 0, entriesAdded: 0, identitiesLinked: 0 },
        });
        expect(await store.accountById('acct-rin')).toEqual(before);
      });

      it('adds only the new entries of a later export, and updates the plan', async () => {
        const store = await open();
        await store.importAccounts([freelancer([purchase('b', '2026-01-01', 20)])]);
        const later: Account = {
          ...freelancer([purchase('b', '2026-01-01', 20), spend('s', '2026-01-02', 5, 'p-1')]),
          plan: 'plus',
        };
        const result = await store.importAccounts([later]);
        expect(result).toMatchObject({ ok: true, summary: { entriesAdded: 1, accountsUpdated: 1 } });
        expect((await store.accountById('acct-t'))?.plan).toBe('plus');
      });

      it('never removes what a later file leaves out: entries and identities, in the order recorded', async () => {
        const store = await open();
        await store.importAccounts([
          freelancer([purchase('b', '2026-01-01', 20), spend('s', '2026-01-03', 5, 'p-1')]),
        ]);
        // The later file has lost `s` and the first identity, and brings an entry dated earlier.
        const later: Account = {
          ...freelancer([purchase('b', '2026-01-01', 20), purchase('a', '2025-12-30', 3)]),
          identities: ['slack:U0T'],
        };
        expect(await store.importAccounts([later])).toMatchObject({
          ok: true,
          summary: { entriesAdded: 1, identitiesLinked: 1 },
        });
        const stored = await store.accountById('acct-t');
        expect(stored?.ledger.map((entry) => entry.id)).toEqual(['b', 's', 'a']);
        expect(stored?.identities).toEqual(['console:acct-t', 'slack:U0T']);
        expect((await store.accountForIdentity('console:acct-t'))?.id).toBe('acct-t');
      });

      it('imports a file whose job title holds half an emoji twice, the second time as the same entries', async () => {
        const file = JSON.stringify({
          accounts: [
            {
              id: 'acct-e',
              kind: 'freelancer',
              plan: 'basic',
              billingDay: 3,
              ledger: [
                { id: 'b', at: '2026-01-01T00:00:00Z', type: 'purchase', amount: 20 },
                {
                  id: 's',
                  at: '2026-01-02T00:00:00Z',
                  type: 'spend',
                  amount: 4,
                  proposal: 'p-1',
                  job: 'Logo \ud83c',
                },
              ],
            },
          ],
        });
        const parsed = parseImportText(file);
        if (!parsed.ok) throw new Error(parsed.problems.map((problem) => problem.message).join('; '));
        const store = await open();
        expect(await store.importAccounts(parsed.accounts)).toMatchObject({
          ok: true,
          summary: { entriesAdded: 2 },
        });
        const again = parseImportText(file);
        if (!again.ok) throw new Error('the same file no longer parses');
        expect(await store.importAccounts(again.accounts)).toMatchObject({
          ok: true,
          summary: { entriesAdded: 0 },
        });
        const job = (await store.accountById('acct-e'))?.ledger.find((entry) => entry.id === 's');
        expect(job).toMatchObject({ job: 'Logo \ufffd' });
      });

      it('stores text repaired whichever way it came in, as the entry columns write it', async () => {
        // Not through the import file's parser this time: straight from a caller (a moderator's command).
        const store = await open();
        const broken = { ...spend('s', '2026-01-02', 4, 'p-1'), job: 'Logo \ud83c' } as LedgerEntry;
        expect(
          await store.importAccounts([freelancer([purchase('b', '2026-01-01', 20), broken])]),
        ).toMatchObject({ ok: true });
        const job = (await store.accountById('acct-t'))?.ledger.find((entry) => entry.id === 's');
        expect(job).toMatchObject({ job: 'Logo \ufffd' });
      });

      it('rejects the whole import when one account has a problem, listing each', async () => {
        const store = await open();
        await store.importAccounts([freelancer([purchase('b', '2026-01-01', 20)])]);
        const changed = freelancer([purchase('b', '2026-01-01', 25), spend('s', '2026-01-02', 30, 'p-1')]);
        const fresh = freelancer([purchase('x', '2026-01-01', 5)], 3, 'acct-fresh');
        const taken: Account = { ...freelancer([], 4, 'acct-other'), identities: ['console:acct-t'] };
        const result = await store.importAccounts([fresh, changed, taken]);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.problems).toEqual([
          expect.objectContaining({
            account: 'acct-t',
            entry: 'b',
            message: expect.stringContaining('different content'),
          }),
          expect.objectContaining({ account: 'acct-t', entry: 's', field: 'amount' }),
          expect.objectContaining({
            account: 'acct-other',
            field: 'identities',
            message: expect.stringContaining('acct-t'),
          }),
        ]);
        expect(await store.accountById('acct-fresh')).toBeNull();
        expect(await store.countAccounts()).toBe(1);
        expect((await store.accountById('acct-t'))?.ledger).toEqual([purchase('b', '2026-01-01', 20)]);
      });

      it('checks a spend against entries imported earlier', async () => {
        const store = await open();
        await store.importAccounts([freelancer([purchase('b', '2026-01-01', 10)])]);
        const result = await store.importAccounts([freelancer([spend('s', '2026-01-05', 11, 'p-1')])]);
        expect(result).toMatchObject({
          ok: false,
          problems: [{ account: 'acct-t', entry: 's', field: 'amount' }],
        });
      });

      it('rejects a plan that does not fit the kind of account, and duplicates within the file', async () => {
        const store = await open();
        const wrongPlan: Account = { ...freelancer([]), plan: 'agency-plus' };
        const twice = freelancer(
          [purchase('b', '2026-01-01', 10), purchase('b', '2026-01-02', 10)],
          5,
          'acct-twice',
        );
        const wrongAgencyPlan: Account = { ...freelancer([], 3, 'acct-ag'), kind: 'agency', plan: 'plus' };
        const result = await store.importAccounts([wrongPlan, wrongAgencyPlan, twice, twice]);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        const messages = result.problems.map(
          (problem) => `${problem.account} ${problem.entry ?? ''} ${problem.message}`,
        );
        expect(messages).toEqual(
          expect.arrayContaining([
            expect.stringContaining('is not a freelancer plan'),
            expect.stringContaining('plan "plus" is not an agency plan (agency-basic, agency-plus)'),
            expect.stringContaining('acct-twice b entry id appears more than once'),
            expect.stringContaining('appears more than once in the file'),
          ]),
        );
        expect(await store.countAccounts()).toBe(0);
      });

      it('writes nothing on a dry run', async () => {
        const store = await open();
        const result = await store.importAccounts(fixtureAccounts(), { dryRun: true });
        expect(result).toMatchObject({ ok: true, summary: { accountsCreated: 4 } });
        expect(await store.countAccounts()).toBe(0);
        expect(await store.accountForIdentity('console:rin')).toBeNull();
      });

      it('links an identity listed twice for one account once', async () => {
        const store = await open();
        const twice: Account = { ...freelancer([]), identities: ['console:twice', 'console:twice'] };
        expect(await store.importAccounts([twice])).toMatchObject({
          ok: true,
          summary: { identitiesLinked: 1 },
        });
        expect((await store.accountForIdentity('console:twice'))?.identities).toEqual(['console:twice']);
      });

      it('keeps a job outcome as it came; the refund it earns is for the rules to work out', async () => {
        const store = await open();
        const ledger = [
          purchase('b', '2026-01-01', 10),
          spend('s', '2026-01-02', 4, 'p-1'),
          outcome('o', '2026-01-05', 'p-1', 'client_cancelled'),
        ];
        expect(await store.importAccounts([freelancer(ledger)])).toMatchObject({
          ok: true,
          summary: { entriesAdded: 3 },
        });
        const stored = (await store.accountById('acct-t')) as Account;
        expect(stored.ledger).toEqual(ledger);
        expect(accountFacts(stored, POLICY, new Date('2026-02-01T00:00:00Z')).balance).toBe(10);
      });

      it("reports a moderator's correction left short by entries dated before it, and imports them", async () => {
        const store = await open();
        const debit: LedgerEntry = {
          id: 'mod-1',
          at: new Date('2026-01-10T00:00:00Z'),
          type: 'adjustment',
          amount: -8,
          reason: 'duplicate grant',
        };
        await store.importAccounts([freelancer([purchase('b', '2026-01-01', 10)])]);
        expect(await store.importAccounts([freelancer([debit])])).toMatchObject({ ok: true });
        const result = await store.importAccounts([freelancer([spend('s', '2026-01-05', 5, 'p-1')])]);
        expect(result).toMatchObject({
          ok: true,
          summary: { entriesAdded: 1, notices: [{ account: 'acct-t', entry: 'mod-1' }] },
        });
        expect((await store.accountById('acct-t'))?.ledger.map((entry) => entry.id)).toEqual([
          'b',
          'mod-1',
          's',
        ]);
      });

      it('hands out copies: changing an account read, or one imported, changes nothing stored', async () => {
        const store = await open();
        const imported = freelancer([purchase('b', '2026-01-01', 20)]);
        await store.importAccounts([imported]);
        const read = (await store.accountById('acct-t')) as Account;
        const snapshot = structuredClone(read);
        // What a careless caller could do to what it was handed, readonly types notwithstanding.
        (read.ledger as LedgerEntry[]).push(spend('x', '2026-01-02', 1, 'p-x'));
        (read.identities as string[]).push('console:intruder');
        (read.ledger[0] as { amount: number }).amount = 999;
        (read as { plan: string }).plan = 'plus';
        (imported.ledger as LedgerEntry[]).push(spend('y', '2026-01-02', 1, 'p-y'));
        (imported.identities as string[]).push('console:late');
        (imported.ledger[0] as { at: Date }).at.setUTCFullYear(1999);
        expect(await store.accountById('acct-t')).toEqual(snapshot);
        expect(await store.accountForIdentity('console:intruder')).toBeNull();
        expect(await store.accountForIdentity('console:late')).toBeNull();
      });

      it('imports any valid ledger once: again it is the same, and read back as it went in', async () => {
        await fc.assert(
          fc.asyncProperty(arbitraryLedger, async (ledger) => {
            const store = await openStore();
            try {
              const one = accountWith(validLedger(ledger));
              expect((await store.importAccounts([one])).ok).toBe(true);
              const once = await store.accountById(one.id);
              const again = await store.importAccounts([one]);
              expect(again).toMatchObject({ ok: true, summary: { entriesAdded: 0, accountsCreated: 0 } });
              expect(await store.accountById(one.id)).toEqual(once);
              expect(once?.ledger).toEqual(one.ledger);
            } finally {
              await store.close();
            }
          }),
          { numRuns: 60 },
        );
      });
    });

    streamContract(open);

    it('counts accounts, passes its own check, and refuses to be used once closed', async () => {
      const store = await open();
      expect(await store.countAccounts()).toBe(0);
      await expect(store.verify()).resolves.toBeUndefined();
      await store.importAccounts([account('acct-a'), account('acct-b')]);
      expect(await store.countAccounts()).toBe(2);
      await store.close();
      await expect(store.close()).resolves.toBeUndefined();
      await expect(store.accountById('acct-a')).rejects.toThrow();
      await expect(store.importAccounts([account('acct-c')])).rejects.toThrow();
    });
  });
}
