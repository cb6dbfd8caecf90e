import type { RulesPolicy } from '../rules/policy.js';
import type { LedgerProblem } from '../rules/problems.js';
import { END_OF_TIME, replayLedger, type Shortfall } from '../rules/replay.js';
import { sameEntry } from './entry-columns.js';
import {
  type Account,
  isModeratorDebit,
  isModeratorEntry,
  type LedgerEntry,
  PLANS_BY_KIND,
} from './types.js';

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
  /** What a moderator should look at: a correction the platform's new entries left short. */
  readonly notices: readonly LedgerProblem[];
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
    // The file is judged on the platform's history alone: a moderator's debit, made in the bot and
    // unknown to the platform, never makes one of the file's entries invalid. With the debits back
    // in, what they leave short is a moderator's own new debit beyond the balance (refused, as
    // always), or a notice: a correction made before entries dated earlier arrived.
    problems.push(...replayLedger(merged, policy, END_OF_TIME, { withoutModeratorDebits: true }).problems);
    const added = new Set(newEntries.map((entry) => entry.id));
    const notices: LedgerProblem[] = [];
    // Most accounts have no moderator's debit: then the second replay would be the first one again.
    const corrected = merged.ledger.some(isModeratorDebit);
    for (const shortfall of corrected ? replayLedger(merged, policy, END_OF_TIME).shortfalls : []) {
      if (added.has(shortfall.entry) && isModeratorEntry({ id: shortfall.entry })) {
        problem(
          `debits ${shortfall.wanted} Connects but the balance at ${shortfall.at.toISOString()} is ${shortfall.taken}`,
          { entry: shortfall.entry, field: 'amount' },
        );
      } else notices.push(shortfallNotice(shortfall));
    }

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
      notices,
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, changes };
}

function shortfallNotice(shortfall: Shortfall): LedgerProblem {
  const at = shortfall.at.toISOString();
  return {
    account: shortfall.account,
    entry: shortfall.entry,
    message: isModeratorEntry({ id: shortfall.entry })
      ? `a moderator's debit of ${shortfall.wanted} Connects (${at}) now finds ${shortfall.taken} after entries dated before it; ${shortfall.taken} taken, review the account (/mod lookup)`
      : `spends ${shortfall.wanted} Connects at ${at}, but a moderator's earlier debit left ${shortfall.taken}; ${shortfall.taken} taken, review that correction (/mod lookup)`,
  };
}
