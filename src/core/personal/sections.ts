import { bullets } from '../compose.js';
import type { AccountMessages } from '../messages/account-messages.js';
import { en } from '../messages/en.js';
import type { AccountFacts } from '../rules/account-facts.js';
import { addDays } from '../rules/calendar.js';

// The part of an answer about the member's own account, per FAQ intent. The rules module has
// already decided every number and verdict; this picks what the question needs, in which order,
// and says it in the account sentences of the member's language (messages/en.ts by default).

export interface PersonalSection {
  readonly text: string;
  /** The docs/policy.md facts this member's situation applies, in the order they matter. */
  readonly cases: readonly string[];
  /** Something looks wrong on the account (a missing grant or purchase): offer a moderator. */
  readonly escalate: boolean;
}

type Section = (facts: AccountFacts, says: AccountMessages) => PersonalSection | null;

const HISTORY_LINES = 5;
const LIST_LINES = 8;
const PURCHASE_LOOKBACK_DAYS = 30;

const section = (text: string, cases: readonly string[] = [], escalate = false): PersonalSection => ({
  text,
  cases,
  escalate,
});

function grantSentence(facts: AccountFacts, says: AccountMessages): string | null {
  if (facts.kind === 'agency') return null;
  if (facts.missingCycle !== null) return says.noGrantRecorded(facts.missingCycle);
  return facts.nextMonthlyGrant === null
    ? null
    : says.nextFreeConnects(facts.monthlyGrant, facts.nextMonthlyGrant);
}

function expiringSentence(facts: AccountFacts, says: AccountMessages): string | null {
  if (facts.expiring.length === 0) return null;
  return says.expiringSoon(
    facts.expiring.map((item) => ({ amount: item.amount, on: new Date(`${item.on}T00:00:00Z`) })),
  );
}

const balance: Section = (facts, says) => {
  const lines = [says.balance(facts.id, facts.balance)];
  const extra = [expiringSentence(facts, says), grantSentence(facts, says)].filter((line) => line !== null);
  if (extra.length > 0) lines.push(extra.join(' '));
  if (facts.history.length > 0) {
    const recent = facts.history.slice(0, HISTORY_LINES).map(says.event);
    lines.push(says.recentActivity(bullets(recent, HISTORY_LINES, says.more)));
  }
  const cases = [
    ...(facts.expiring.length > 0 ? ['expiry.one-year'] : []),
    facts.kind === 'agency' ? 'grant.monthly.agency' : 'grant.monthly',
  ];
  return section(lines.join('\n'), cases);
};

const refunds: Section = (facts, says) => {
  if (facts.proposals.length === 0) return section(says.noProposals(facts.id));
  // Newest first: the proposal a member asks about is usually the latest one.
  const proposals = [...facts.proposals].reverse();
  const cases = [...new Set(proposals.map((verdict) => verdict.case).filter((id) => id !== null))];
  return section(
    says.proposals(facts.id, bullets(proposals.map(says.proposal), LIST_LINES, says.more)),
    cases,
  );
};

const monthlyFree: Section = (facts, says) => {
  if (facts.kind === 'agency') {
    const text = says.agencyNoFreeConnects(facts.id, facts.plan === 'agency-plus');
    return section(text, ['grant.monthly.agency']);
  }
  const renews = says.billingCycle(facts.billingDay);
  const next =
    facts.nextMonthlyGrant === null ? [] : [says.nextGrant(facts.monthlyGrant, facts.nextMonthlyGrant)];
  if (facts.missingCycle !== null) {
    const missing = says.grantLooksMissing(facts.monthlyGrant, facts.missingCycle);
    return section(says.monthly(facts.id, [renews, missing, ...next]), ['grant.monthly'], true);
  }
  const last = facts.lastMonthlyGrant === null ? [] : [says.lastGrant(facts.lastMonthlyGrant)];
  return section(says.monthly(facts.id, [renews, ...last, ...next]), ['grant.monthly']);
};

const expiry: Section = (facts, says) => {
  if (facts.lots.length === 0) return section(says.nothingToExpire(facts.id), ['expiry.one-year']);
  const lines = facts.lots.map((lot) => says.batchExpires(lot.remaining, lot.expiresAt));
  const text = says.batches(facts.id, facts.balance, bullets(lines, LIST_LINES, says.more));
  return section(text, ['expiry.one-year']);
};

const purchaseMissing: Section = (facts, says) => {
  const since = addDays(facts.now, -PURCHASE_LOOKBACK_DAYS).getTime();
  const purchases = facts.history.filter(
    (event) => event.kind === 'credit' && event.source === 'purchase' && event.at.getTime() >= since,
  );
  if (purchases.length === 0)
    return section(says.noRecentPurchase(facts.id, PURCHASE_LOOKBACK_DAYS), [], true);
  return section(
    says.purchases(facts.id, bullets(purchases.map(says.event), LIST_LINES, says.more), facts.balance),
  );
};

const agency: Section = (facts, says) => {
  if (facts.kind === 'freelancer') return section(says.notAnAgency(facts.id));
  if (!facts.canBuy) {
    return section(says.agencyBasic(facts.id), ['agency.plus-required', 'grant.monthly.agency']);
  }
  return section(says.agencyPlus(facts.id, facts.balance), ['grant.monthly.agency']);
};

const buy: Section = (facts, says) => (facts.canBuy ? null : agency(facts, says));

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

export function personalSection(
  intent: string,
  facts: AccountFacts,
  says: AccountMessages = en.account,
): PersonalSection | null {
  return SECTIONS[intent]?.(facts, says) ?? null;
}
