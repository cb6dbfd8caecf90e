import { bullets } from '../compose.js';
import { en } from '../messages/en.js';
import type { AccountFacts } from '../rules/account-facts.js';
import { addDays } from '../rules/calendar.js';

// The part of an answer about the member's own account, per FAQ intent. The rules module has
// already decided every number and verdict; this picks what the question needs, in which order,
// and says it in the sentences of messages/en.ts.

export interface PersonalSection {
  readonly text: string;
  /** The docs/policy.md facts this member's situation applies, in the order they matter. */
  readonly cases: readonly string[];
  /** Something looks wrong on the account (a missing grant or purchase): offer a moderator. */
  readonly escalate: boolean;
}

type Section = (facts: AccountFacts) => PersonalSection | null;

const HISTORY_LINES = 5;
const LIST_LINES = 8;
const PURCHASE_LOOKBACK_DAYS = 30;

const section = (text: string, cases: readonly string[] = [], escalate = false): PersonalSection => ({
  text,
  cases,
  escalate,
});

function grantSentence(facts: AccountFacts): string | null {
  if (facts.kind === 'agency') return null;
  if (facts.missingCycle !== null) return en.account.noGrantRecorded(facts.missingCycle);
  return facts.nextMonthlyGrant === null
    ? null
    : en.account.nextFreeConnects(facts.monthlyGrant, facts.nextMonthlyGrant);
}

function expiringSentence(facts: AccountFacts): string | null {
  if (facts.expiring.length === 0) return null;
  return en.account.expiringSoon(
    facts.expiring.map((item) => ({ amount: item.amount, on: new Date(`${item.on}T00:00:00Z`) })),
  );
}

const balance: Section = (facts) => {
  const lines = [en.account.balance(facts.id, facts.balance)];
  const extra = [expiringSentence(facts), grantSentence(facts)].filter((line) => line !== null);
  if (extra.length > 0) lines.push(extra.join(' '));
  if (facts.history.length > 0) {
    const recent = facts.history.slice(0, HISTORY_LINES).map(en.account.event);
    lines.push(en.account.recentActivity(bullets(recent, HISTORY_LINES)));
  }
  const cases = [
    ...(facts.expiring.length > 0 ? ['expiry.one-year'] : []),
    facts.kind === 'agency' ? 'grant.monthly.agency' : 'grant.monthly',
  ];
  return section(lines.join('\n'), cases);
};

const refunds: Section = (facts) => {
  if (facts.proposals.length === 0) return section(en.account.noProposals(facts.id));
  // Newest first: the proposal a member asks about is usually the latest one.
  const proposals = [...facts.proposals].reverse();
  const cases = [...new Set(proposals.map((verdict) => verdict.case).filter((id) => id !== null))];
  return section(
    en.account.proposals(facts.id, bullets(proposals.map(en.account.proposal), LIST_LINES)),
    cases,
  );
};

const monthlyFree: Section = (facts) => {
  if (facts.kind === 'agency') {
    const text = en.account.agencyNoFreeConnects(facts.id, facts.plan === 'agency-plus');
    return section(text, ['grant.monthly.agency']);
  }
  const renews = en.account.billingCycle(facts.billingDay);
  const next =
    facts.nextMonthlyGrant === null ? [] : [en.account.nextGrant(facts.monthlyGrant, facts.nextMonthlyGrant)];
  if (facts.missingCycle !== null) {
    const missing = en.account.grantLooksMissing(facts.monthlyGrant, facts.missingCycle);
    return section(en.account.monthly(facts.id, [renews, missing, ...next]), ['grant.monthly'], true);
  }
  const last = facts.lastMonthlyGrant === null ? [] : [en.account.lastGrant(facts.lastMonthlyGrant)];
  return section(en.account.monthly(facts.id, [renews, ...last, ...next]), ['grant.monthly']);
};

const expiry: Section = (facts) => {
  if (facts.lots.length === 0) return section(en.account.nothingToExpire(facts.id), ['expiry.one-year']);
  const lines = facts.lots.map((lot) => en.account.batchExpires(lot.remaining, lot.expiresAt));
  const text = en.account.batches(facts.id, facts.balance, bullets(lines, LIST_LINES));
  return section(text, ['expiry.one-year']);
};

const purchaseMissing: Section = (facts) => {
  const since = addDays(facts.now, -PURCHASE_LOOKBACK_DAYS).getTime();
  const purchases = facts.history.filter(
    (event) => event.kind === 'credit' && event.source === 'purchase' && event.at.getTime() >= since,
  );
  if (purchases.length === 0)
    return section(en.account.noRecentPurchase(facts.id, PURCHASE_LOOKBACK_DAYS), [], true);
  return section(
    en.account.purchases(facts.id, bullets(purchases.map(en.account.event), LIST_LINES), facts.balance),
  );
};

const agency: Section = (facts) => {
  if (facts.kind === 'freelancer') return section(en.account.notAnAgency(facts.id));
  if (!facts.canBuy) {
    return section(en.account.agencyBasic(facts.id), ['agency.plus-required', 'grant.monthly.agency']);
  }
  return section(en.account.agencyPlus(facts.id, facts.balance), ['grant.monthly.agency']);
};

const buy: Section = (facts) => (facts.canBuy ? null : agency(facts));

const SECTIONS: Readonly<Record<string, Section>> = {
  'connects.balance': balance,
  refunds,
  'connects.monthly-free': monthlyFree,
  'connects.expiry': expiry,
  'connects.purchase-missing': purchaseMissing,
  'agency.connects': agency,
  'connects.buy': buy,
};

/** Where a member without a linked account is told how to link one: the answer is about their data. */
export const ACCOUNT_QUESTIONS: ReadonlySet<string> = new Set([
  'connects.balance',
  'refunds',
  'connects.monthly-free',
  'connects.expiry',
  'connects.purchase-missing',
]);

export function personalSection(intent: string, facts: AccountFacts): PersonalSection | null {
  return SECTIONS[intent]?.(facts) ?? null;
}
