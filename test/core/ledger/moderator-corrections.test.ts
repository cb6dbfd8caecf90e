import { describe, expect, it } from 'vitest';
import { parseImportText } from '../../../src/accounts/import-file.js';
import type { Account, LedgerEntry } from '../../../src/core/ledger/types.js';
import { accountFacts } from '../../../src/core/rules/account-facts.js';
import { MemoryLedgerStore } from '../../../src/store/memory/ledger-store.js';
import { freelancer, POLICY, purchase, spend } from '../../helpers/ledger.js';

// A moderator's correction is made in the bot, against the balance of its day; the platform never
// sees it. The nightly export can later bring entries dated before it.

const debit = (id: string, when: string, amount: number): LedgerEntry => ({
  id,
  at: new Date(`${when}T00:00:00Z`),
  type: 'adjustment',
  amount: -amount,
  reason: 'duplicate grant',
});

async function ledgerWith(...entries: LedgerEntry[]): Promise<MemoryLedgerStore> {
  const store = new MemoryLedgerStore(POLICY);
  for (const entry of entries) {
    const result = await store.importAccounts([freelancer([entry])]);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
  }
  return store;
}

async function balanceOf(store: MemoryLedgerStore): Promise<number> {
  const account = (await store.accountById('acct-t')) as Account;
  return accountFacts(account, POLICY, new Date('2026-03-01T00:00:00Z')).balance;
}

describe("moderators' corrections and entries dated before them", () => {
  it('imports a back-dated spend that leaves a later moderator debit short, and says so', async () => {
    const store = await ledgerWith(purchase('b', '2026-01-01', 10), debit('mod-1', '2026-01-10', 8));
    const result = await store.importAccounts([
      freelancer([purchase('b', '2026-01-01', 10), spend('s', '2026-01-05', 5, 'p-1')]),
    ]);
    expect(result).toMatchObject({ ok: true, summary: { entriesAdded: 1 } });
    if (!result.ok) return;
    expect(result.summary.notices).toEqual([
      {
        account: 'acct-t',
        entry: 'mod-1',
        message:
          "a moderator's debit of 8 Connects (2026-01-10T00:00:00.000Z) now finds 5 after entries dated before it; 5 taken, review the account (/mod lookup)",
      },
    ]);
    expect(await balanceOf(store)).toBe(0);
    await store.close();
  });

  it('imports a platform spend after a moderator debit that took what it needed, and says so', async () => {
    const store = await ledgerWith(purchase('b', '2026-01-01', 10), debit('mod-1', '2026-01-02', 8));
    const result = await store.importAccounts([freelancer([spend('s', '2026-01-05', 5, 'p-1')])]);
    expect(result).toMatchObject({
      ok: true,
      summary: {
        entriesAdded: 1,
        notices: [
          { entry: 's', message: expect.stringContaining("a moderator's earlier debit left 2; 2 taken") },
        ],
      },
    });
    expect(await balanceOf(store)).toBe(0);
    await store.close();
  });

  it('still refuses a platform spend beyond what the platform itself recorded', async () => {
    const store = await ledgerWith(purchase('b', '2026-01-01', 10), debit('mod-1', '2026-01-02', 8));
    const result = await store.importAccounts([freelancer([spend('s', '2026-01-05', 11, 'p-1')])]);
    expect(result).toMatchObject({ ok: false, problems: [{ entry: 's', field: 'amount' }] });
    await store.close();
  });

  it("still refuses a moderator's new debit beyond the balance", async () => {
    const store = await ledgerWith(purchase('b', '2026-01-01', 10));
    const result = await store.importAccounts([freelancer([debit('mod-2', '2026-01-03', 11)])]);
    expect(result).toMatchObject({
      ok: false,
      problems: [
        {
          entry: 'mod-2',
          field: 'amount',
          message: 'debits 11 Connects but the balance at 2026-01-03T00:00:00.000Z is 10',
        },
      ],
    });
    await store.close();
  });

  it('keeps the mod- prefix out of import files', () => {
    const parsed = parseImportText(
      JSON.stringify({
        accounts: [
          {
            id: 'acct-t',
            kind: 'freelancer',
            plan: 'basic',
            billingDay: 1,
            ledger: [{ id: 'mod-9', at: '2026-01-01T00:00:00Z', type: 'purchase', amount: 5 }],
          },
        ],
      }),
    );
    expect(parsed).toMatchObject({
      ok: false,
      problems: [
        {
          entry: 'mod-9',
          field: 'id',
          message: 'must not start with "mod-" (kept for moderators\' changes made in the bot)',
        },
      ],
    });
  });
});
