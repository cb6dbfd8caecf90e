import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Account, JobOutcome, LedgerEntry } from '../../src/core/ledger/types.js';
import type { RulesPolicy } from '../../src/core/rules/policy.js';
import type { SqliteLedgerStore } from '../../src/store/sqlite/ledger-store.js';

// Small, readable ledgers for the rules and store tests.

export const POLICY: RulesPolicy = { monthlyGrant: 10, validityMonths: 12 };

const at = (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);

export const grant = (
  id: string,
  when: string,
  amount: number,
  reason: 'signup' | 'monthly' = 'signup',
): LedgerEntry => ({
  id,
  at: at(when),
  type: 'grant',
  reason,
  amount,
});
export const monthly = (id: string, when: string): LedgerEntry => grant(id, when, 10, 'monthly');
export const purchase = (id: string, when: string, amount: number): LedgerEntry => ({
  id,
  at: at(when),
  type: 'purchase',
  amount,
});
export const spend = (
  id: string,
  when: string,
  amount: number,
  proposal: string,
  boost?: number,
): LedgerEntry => ({
  id,
  at: at(when),
  type: 'spend',
  amount,
  proposal,
  job: `Job for ${proposal}`,
  ...(boost === undefined ? {} : { boost }),
});
export const outcome = (id: string, when: string, proposal: string, result: JobOutcome): LedgerEntry => ({
  id,
  at: at(when),
  type: 'job-outcome',
  proposal,
  outcome: result,
});
export const adjust = (id: string, when: string, amount: number): LedgerEntry => ({
  id,
  at: at(when),
  type: 'adjustment',
  amount,
  reason: 'correction',
});

export function freelancer(ledger: LedgerEntry[], billingDay = 12, id = 'acct-t'): Account {
  return { id, kind: 'freelancer', plan: 'basic', billingDay, identities: [`console:${id}`], ledger };
}

export function agency(ledger: LedgerEntry[], plan: 'agency-basic' | 'agency-plus' = 'agency-plus'): Account {
  return { id: 'acct-agency', kind: 'agency', plan, billingDay: 1, identities: ['console:agency'], ledger };
}

export const instant = at;

export function tempDir(prefix = 'helpbot-ledger-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The repository's own accounts and account scenarios (eval/), written for this project. */
export const ACCOUNTS_FILE = fileURLToPath(new URL('../../eval/accounts.json', import.meta.url));
export const SCENARIOS_FILE = fileURLToPath(new URL('../../eval/scenarios.jsonl', import.meta.url));

export function scenarios(): Record<string, unknown>[] {
  return readFileSync(SCENARIOS_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * Damages a closed SQLite file the way a failing disk does: the first page (the header and the
 * schema) stays valid, so the file still opens, but every table and index page after it is garbage.
 */
export function damagePages(file: string): void {
  const bytes = readFileSync(file);
  bytes.fill(0xff, 4096);
  writeFileSync(file, bytes);
}

/** Ledger stores opened by a test file, all closed after each test (register with afterEach). */
export function storeOpener(open: (file: string) => SqliteLedgerStore) {
  const stores: SqliteLedgerStore[] = [];
  return {
    open(file = join(tempDir(), 'ledger.sqlite')): SqliteLedgerStore {
      const store = open(file);
      stores.push(store);
      return store;
    },
    async closeAll(): Promise<void> {
      for (const store of stores.splice(0)) await store.close();
    },
  };
}

/** An account as an import file writes it (docs/contract.md section 4): a sign-up grant and one spend. */
export function importedAccount(id: string, job = 'Logo', amount = 4) {
  return {
    id,
    kind: 'freelancer',
    plan: 'basic',
    billingDay: 3,
    identities: [`console:${id}`],
    ledger: [
      { id: 'g', at: '2026-01-01T00:00:00Z', type: 'grant', reason: 'signup', amount: 40 },
      { id: 's', at: '2026-01-02T00:00:00Z', type: 'spend', amount, proposal: 'p-1', job },
    ],
  };
}
