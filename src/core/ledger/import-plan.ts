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

/** Plans a whole import at once: every account's change, or every problem. */
export function planImport(
  incoming: readonly Account[],
  stored: StoredView,
  policy: RulesPolicy,
): ImportPlan {
  const planner = new ImportPlanner(stored, policy);
  const changes: AccountChange[] = [];
  for (const account of incoming) {
    const change = planner.plan(account);
    if (change !== undefined) changes.push(change);
  }
  return planner.problems.length > 0 ? { ok: false, problems: planner.problems } : { ok: true, changes };
}

/**
 * Plans an import account by account, for a file read as it is imported: the store applies each
 * change as it comes while no problem has been found, in a transaction it commits only when the
 * whole file was clean. What must hold across accounts (an id or an identity used twice) is kept
 * here, so the plan of an account does not depend on whether the ones before it were written.
 */
export class ImportPlanner {
  private readonly found: LedgerProblem[] = [];
  private readonly accountIds = new Set<string>();
  private readonly identityInFile = new Map<string, string>();

  constructor(
    private readonly stored: StoredView,
    private readonly policy: RulesPolicy,
  ) {}

  /** Everything found so far, in the order of the file. */
  get problems(): readonly LedgerProblem[] {
    return this.found;
  }

  /** Records problems found outside any account's plan (the file itself, an account's fields). */
  refuse(problems: readonly LedgerProblem[]): void {
    this.found.push(...problems);
  }

  /** The account's change, or undefined when it has problems (they join `problems`). */
  plan(account: Account): AccountChange | undefined {
    const before = this.found.length;
    const problem = (message: string, extra: { entry?: string; field?: string } = {}) =>
      this.found.push({ account: account.id, ...extra, message });
    // A second copy of an account is the problem; its entries would be judged against the first
    // copy in one kind of import and not in the other, so they are not judged at all.
    if (this.accountIds.has(account.id)) {
      problem('appears more than once in the file', { field: 'id' });
      return undefined;
    }
    this.accountIds.add(account.id);
    if (!PLANS_BY_KIND[account.kind].includes(account.plan)) {
      problem(
        `plan "${account.plan}" is not ${account.kind === 'agency' ? 'an agency' : 'a freelancer'} plan (${PLANS_BY_KIND[account.kind].join(', ')})`,
        { field: 'plan' },
      );
    }

    for (const identity of account.identities) {
      const inFile = this.identityInFile.get(identity);
      const owner = this.stored.identityOwner(identity);
      if (inFile !== undefined && inFile !== account.id) {
        problem(`identity ${identity} is also listed for account ${inFile}`, { field: 'identities' });
      } else if (owner !== null && owner !== account.id) {
        problem(`identity ${identity} is already linked to account ${owner}`, { field: 'identities' });
      }
      this.identityInFile.set(identity, account.id);
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

    const existing = this.stored.account(account.id);
    const storedEntries = new Map((existing?.ledger ?? []).map((entry) => [entry.id, entry]));
    const newEntries: LedgerEntry[] = [];
    for (const entry of account.ledger) {
      const earlier = storedEntries.get(entry.id);
      if (earlier === undefined) newEntries.push(entry);
      else if (!sameEntry(earlier, entry)) {
        problem(
          'was imported before with different content; ledger entries cannot change (add an adjustment)',
          { entry: entry.id },
        );
      }
    }
    const merged: Account = { ...account, ledger: [...(existing?.ledger ?? []), ...newEntries] };
    // The file is judged on the platform's history alone: a moderator's debit, made in the bot and
    // unknown to the platform, never makes one of the file's entries invalid. With the debits back
    // in, what they leave short is a moderator's own new debit beyond the balance (refused, as
    // always), or a notice: a correction made before entries dated earlier arrived.
    this.found.push(
      ...replayLedger(merged, this.policy, END_OF_TIME, { withoutModeratorDebits: true }).problems,
    );
    const added = new Set(newEntries.map((entry) => entry.id));
    const notices: LedgerProblem[] = [];
    // Most accounts have no moderator's debit: then the second replay would be the first one again.
    const corrected = merged.ledger.some(isModeratorDebit);
    for (const shortfall of corrected ? replayLedger(merged, this.policy, END_OF_TIME).shortfalls : []) {
      if (added.has(shortfall.entry) && isModeratorEntry({ id: shortfall.entry })) {
        problem(
          `debits ${shortfall.wanted} Connects but the balance at ${shortfall.at.toISOString()} is ${shortfall.taken}`,
          { entry: shortfall.entry, field: 'amount' },
        );
      } else notices.push(shortfallNotice(shortfall));
    }
    if (this.found.length > before) return undefined;

    const known = new Set(existing?.identities ?? []);
    return {
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
    };
  }
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
