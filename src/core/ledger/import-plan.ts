import type { RulesPolicy } from '../rules/policy.js';
import type { LedgerProblem } from '../rules/problems.js';
import { END_OF_TIME, replayLedger } from '../rules/replay.js';
import { sameEntry } from './entry-columns.js';
import { type Account, type LedgerEntry, PLANS_BY_KIND } from './types.js';

// Decides what an import may record, against what is already stored. Pure: the store hands in a
// view of its data and applies the plan in one transaction, or nothing when there is a problem.

export interface StoredView {
  account(id: string): Account | null;
  /** The account an identity is linked to, if any. */
  identityOwner(identity: string): string | null;
}

export interface AccountChange {
  readonly account: Account;
  readonly isNew: boolean;
  /** Kind, plan or billing day differ from what is stored. */
  readonly detailsChanged: boolean;
  readonly newEntries: readonly LedgerEntry[];
  readonly newIdentities: readonly string[];
}

export type ImportPlan =
  | { readonly ok: true; readonly changes: readonly AccountChange[] }
  | { readonly ok: false; readonly problems: readonly LedgerProblem[] };

export function planImport(
  incoming: readonly Account[],
  stored: StoredView,
  policy: RulesPolicy,
): ImportPlan {
  const problems: LedgerProblem[] = [];
  const changes: AccountChange[] = [];
  const accountIds = new Set<string>();
  const identityInFile = new Map<string, string>();

  for (const account of incoming) {
    const problem = (message: string, extra: { entry?: string; field?: string } = {}) =>
      problems.push({ account: account.id, ...extra, message });
    if (accountIds.has(account.id)) problem('appears more than once in the file', { field: 'id' });
    accountIds.add(account.id);
    if (!PLANS_BY_KIND[account.kind].includes(account.plan)) {
      problem(
        `plan "${account.plan}" is not ${account.kind === 'agency' ? 'an agency' : 'a freelancer'} plan (${PLANS_BY_KIND[account.kind].join(', ')})`,
        {
          field: 'plan',
        },
      );
    }

    for (const identity of account.identities) {
      const inFile = identityInFile.get(identity);
      const owner = stored.identityOwner(identity);
      if (inFile !== undefined && inFile !== account.id) {
        problem(`identity ${identity} is also listed for account ${inFile}`, { field: 'identities' });
      } else if (owner !== null && owner !== account.id) {
        problem(`identity ${identity} is already linked to account ${owner}`, { field: 'identities' });
      }
      identityInFile.set(identity, account.id);
    }

    const entryIds = new Set<string>();
    for (const entry of account.ledger) {
      if (entryIds.has(entry.id))
        problem('entry id appears more than once', { entry: entry.id, field: 'id' });
      entryIds.add(entry.id);
      if (entry.type === 'spend' && (entry.boost ?? 0) > entry.amount) {
        problem(`boost ${entry.boost} is more than the ${entry.amount} Connects spent`, {
          entry: entry.id,
          field: 'boost',
        });
      }
    }

    const existing = stored.account(account.id);
    const storedEntries = new Map((existing?.ledger ?? []).map((entry) => [entry.id, entry]));
    const newEntries: LedgerEntry[] = [];
    for (const entry of account.ledger) {
      const before = storedEntries.get(entry.id);
      if (before === undefined) newEntries.push(entry);
      else if (!sameEntry(before, entry)) {
        problem(
          'was imported before with different content; ledger entries cannot change (add an adjustment)',
          {
            entry: entry.id,
          },
        );
      }
    }
    const merged: Account = { ...account, ledger: [...(existing?.ledger ?? []), ...newEntries] };
    problems.push(...replayLedger(merged, policy, END_OF_TIME).problems);

    const known = new Set(existing?.identities ?? []);
    changes.push({
      account: {
        ...account,
        identities: [...new Set([...(existing?.identities ?? []), ...account.identities])],
      },
      isNew: existing === null,
      detailsChanged:
        existing !== null &&
        (existing.kind !== account.kind ||
          existing.plan !== account.plan ||
          existing.billingDay !== account.billingDay),
      newEntries,
      newIdentities: [...new Set(account.identities)].filter((identity) => !known.has(identity)),
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, changes };
}
