import type { AccountFacts } from '../core/rules/account-facts.js';
import { utcDate } from '../core/rules/calendar.js';

/**
 * docs/contract.md section 3: the `account` object of `ask --json` and `balance --json`. The contract's
 * fields come first, unchanged; the ones after them are additions.
 */
export function accountJson(facts: AccountFacts | null) {
  if (facts === null) return null;
  return {
    id: facts.id,
    balance: facts.balance,
    nextMonthlyGrant: facts.nextMonthlyGrant === null ? null : utcDate(facts.nextMonthlyGrant),
    missingMonthlyGrant: facts.missingMonthlyGrant,
    expiring: facts.expiring.map((item) => ({ amount: item.amount, on: item.on })),
    proposals: facts.proposals.map((verdict) => ({
      proposal: verdict.proposal,
      job: verdict.job,
      spent: verdict.spent,
      outcome: verdict.outcome,
      refund: verdict.refund,
      case: verdict.case,
      boost: verdict.boost,
      returned: verdict.returned,
      entries: verdict.entries,
    })),
    kind: facts.kind,
    plan: facts.plan,
    billingDay: facts.billingDay,
    missingCycle: facts.missingCycle === null ? null : utcDate(facts.missingCycle),
    lastMonthlyGrant: facts.lastMonthlyGrant === null ? null : facts.lastMonthlyGrant.toISOString(),
    canBuy: facts.canBuy,
    asOf: facts.now.toISOString(),
  };
}
