import { LedgerBusyError } from '../../ledger/store.js';
import { type LedgerEntry, MODERATOR_ENTRY_PREFIX } from '../../ledger/types.js';
import { en } from '../../messages/en.js';
import { type AccountFacts, accountFacts } from '../../rules/account-facts.js';
import { formatLedgerProblem } from '../../rules/problems.js';
import { type ActionContext, type ActionOutcome, Refusal } from '../action.js';
import { accountFor } from './parameters.js';

/** The entry to record, made once the member's account is known, and why (for the audit). */
export interface Change {
  readonly entry: LedgerEntry;
  readonly reason: string;
  /** "+10", "p-102 is now refunded": what changed, in the moderator's answer. */
  describe(after: AccountFacts): string;
}

/**
 * Records one entry on a member's ledger through the same checks as an import: a debit beyond the
 * balance is refused, a job outcome returns the Connects it should. The entry's id is the request's,
 * so the same request twice records it once.
 */
export async function changeLedger(
  context: ActionContext,
  identity: string,
  makeChange: (base: { readonly id: string; readonly at: Date }, before: AccountFacts) => Change,
): Promise<ActionOutcome> {
  const account = await accountFor(context, identity);
  const before = accountFacts(account, context.desk.policy, context.now);
  const change = makeChange({ id: `${MODERATOR_ENTRY_PREFIX}${context.requestId}`, at: context.now }, before);
  const result = await context.ledger
    .importAccounts([{ ...account, ledger: [change.entry] }])
    .catch((error: unknown) => {
      if (error instanceof LedgerBusyError) throw new Refusal('LEDGER.BUSY', en.mod.ledgerBusy);
      throw error;
    });
  if (!result.ok)
    throw new Refusal('LEDGER.REFUSED', en.mod.ledgerRefused(result.problems.map(formatLedgerProblem)));
  const stored = await context.ledger.accountById(account.id);
  if (stored === null) throw new Error(`account ${account.id} vanished while it was being changed`);
  const after = accountFacts(stored, context.desk.policy, context.now);
  return {
    text: en.mod.ledgerChanged(identity, account.id, change.describe(after), before.balance, after.balance),
    target: identity,
    before: { balance: before.balance },
    after: { balance: after.balance, entry: change.entry.id },
    reason: change.reason,
  };
}
