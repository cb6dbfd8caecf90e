import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseImportText } from '../../../src/accounts/import-file.js';
import type { Account } from '../../../src/core/ledger/types.js';
import { DatabaseOpenError } from '../../../src/store/sqlite/database.js';
import { SqliteLedgerStore } from '../../../src/store/sqlite/ledger-store.js';
import { accountWith, arbitraryLedger, validLedger } from '../../helpers/arbitrary-ledger.js';
import {
  ACCOUNTS_FILE,
  freelancer,
  POLICY,
  purchase,
  spend,
  storeOpener,
  tempDir,
} from '../../helpers/ledger.js';

const stores = storeOpener((file) => new SqliteLedgerStore(file, POLICY));
const open = stores.open;
afterEach(stores.closeAll);

function fixtureAccounts(): readonly Account[] {
  const parsed = parseImportText(readFileSync(ACCOUNTS_FILE, 'utf8'));
  if (!parsed.ok) throw new Error('eval/accounts.json does not parse');
  return parsed.accounts;
}

describe('SqliteLedgerStore', () => {
  it('imports accounts, identities and entries, and finds an account by any identity', async () => {
    const store = open();
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
    expect(await store.countAccounts()).toBe(4);
  });

  it('changes nothing when the same file is imported again', async () => {
    const store = open();
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
    const store = open();
    await store.importAccounts([freelancer([purchase('b', '2026-01-01', 20)])]);
    const later: Account = {
      ...freelancer([purchase('b', '2026-01-01', 20), spend('s', '2026-01-02', 5, 'p-1')]),
      plan: 'plus',
    };
    const result = await store.importAccounts([later]);
    expect(result).toMatchObject({ ok: true, summary: { entriesAdded: 1, accountsUpdated: 1 } });
    expect((await store.accountById('acct-t'))?.plan).toBe('plus');
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
    const store = open();
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

  it('rejects the whole import when one account has a problem, listing each', async () => {
    const store = open();
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
  });

  it('checks a spend against entries imported earlier', async () => {
    const store = open();
    await store.importAccounts([freelancer([purchase('b', '2026-01-01', 10)])]);
    const result = await store.importAccounts([freelancer([spend('s', '2026-01-05', 11, 'p-1')])]);
    expect(result).toMatchObject({
      ok: false,
      problems: [{ account: 'acct-t', entry: 's', field: 'amount' }],
    });
  });

  it('rejects a plan that does not fit the kind of account, and duplicates within the file', async () => {
    const store = open();
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
  });

  it('writes nothing on a dry run', async () => {
    const store = open();
    const result = await store.importAccounts(fixtureAccounts(), { dryRun: true });
    expect(result).toMatchObject({ ok: true, summary: { accountsCreated: 4 } });
    expect(await store.countAccounts()).toBe(0);
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

  it('refuses a file that is not a database', async () => {
    const file = join(tempDir(), 'ledger.sqlite');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, 'this is not sqlite, just text long enough to have a header of sorts....');
    expect(() => new SqliteLedgerStore(file, POLICY)).toThrow(DatabaseOpenError);
  });

  it('import is idempotent for random valid ledgers', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryLedger, async (ledger) => {
        const store = new SqliteLedgerStore(':memory:', POLICY);
        try {
          const account = accountWith(validLedger(ledger));
          expect((await store.importAccounts([account])).ok).toBe(true);
          const once = await store.accountById(account.id);
          const again = await store.importAccounts([account]);
          expect(again).toMatchObject({ ok: true, summary: { entriesAdded: 0, accountsCreated: 0 } });
          expect(await store.accountById(account.id)).toEqual(once);
          expect(once?.ledger).toEqual(account.ledger);
        } finally {
          await store.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('identities', () => {
  it('links an identity listed twice for one account once', async () => {
    const store = new SqliteLedgerStore(':memory:', POLICY);
    const account: Account = { ...freelancer([]), identities: ['console:twice', 'console:twice'] };
    expect(await store.importAccounts([account])).toMatchObject({
      ok: true,
      summary: { identitiesLinked: 1 },
    });
    expect((await store.accountForIdentity('console:twice'))?.identities).toEqual(['console:twice']);
    await store.close();
  });
});
