import { readFileSync } from 'node:fs';
import { parseImportText } from '../../../src/accounts/import-file.js';
import type { ImportItem } from '../../../src/core/ledger/store.js';
import type { Account } from '../../../src/core/ledger/types.js';
import { ACCOUNTS_FILE, freelancer, purchase } from '../../helpers/ledger.js';

// What the ledger contract imports: the repository's accounts, and small accounts of one purchase.

export function fixtureAccounts(): readonly Account[] {
  const parsed = parseImportText(readFileSync(ACCOUNTS_FILE, 'utf8'));
  if (!parsed.ok) throw new Error('eval/accounts.json does not parse');
  return parsed.accounts;
}

export async function* itemsOf(items: readonly ImportItem[]): AsyncGenerator<ImportItem> {
  yield* items;
}

export const account = (id: string, amount = 10): Account =>
  freelancer([purchase('b', '2026-01-01', amount)], 5, id);
