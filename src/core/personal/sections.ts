import type { AccountFacts } from '../rules/account-facts.js';
import { addDays, longDate, ordinal } from '../rules/calendar.js';
import { bullets, connects, eventLine, proposalLine } from './words.js';

// The part of an answer about the member's own account, per FAQ intent. The rules module has
// already decided every number and verdict; this picks what the question needs and says it.

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
  if (facts.missingCycle !== null) {
    return `No monthly free Connects are recorded for the cycle that began on ${longDate(facts.missingCycle)}.`;
  }
  return facts.nextMonthlyGrant === null
    ? null
    : `Your next ${facts.monthlyGrant} free Connects are due on ${longDate(facts.nextMonthlyGrant)}.`;
}

function expiringSentence(facts: AccountFacts): string | null {
  if (facts.expiring.length === 0) return null;
  const parts = facts.expiring.map(
    (item) => `${item.amount} on ${longDate(new Date(`${item.on}T00:00:00Z`))}`,
  );
  return `Expiring soon: ${parts.join(', ')}.`;
}

const balance: Section = (facts) => {
  const lines = [`**Your account** (${facts.id}): you have **${connects(facts.balance)}** now.`];
  const extra = [expiringSentence(facts), grantSentence(facts)].filter((line) => line !== null);
  if (extra.length > 0) lines.push(extra.join(' '));
  if (facts.history.length > 0) {
    lines.push(
      `Recent activity:\n${bullets(facts.history.slice(0, HISTORY_LINES).map(eventLine), HISTORY_LINES)}`,
    );
  }
  const cases = [
    ...(facts.expiring.length > 0 ? ['expiry.one-year'] : []),
    facts.kind === 'agency' ? 'grant.monthly.agency' : 'grant.monthly',
  ];
  return section(lines.join('\n'), cases);
};

const refunds: Section = (facts) => {
  if (facts.proposals.length === 0) {
    return section(
      `**Your proposals** (${facts.id}): I can't find any Connects spent on proposals in your ledger.`,
    );
  }
  // Newest first: the proposal a member asks about is usually the latest one.
  const proposals = [...facts.proposals].reverse();
  const cases = [...new Set(proposals.map((verdict) => verdict.case).filter((id) => id !== null))];
  return section(
    `**Your proposals** (${facts.id}):\n${bullets(proposals.map(proposalLine), LIST_LINES)}`,
    cases,
  );
};

const monthlyFree: Section = (facts) => {
  if (facts.kind === 'agency') {
    return section(
      `**Your account** (${facts.id}) is an agency, and agencies receive no free Connects, monthly or otherwise: its Connects are bought${facts.plan === 'agency-plus' ? '' : ' on Agency Plus'}.`,
      ['grant.monthly.agency'],
    );
  }
  const renews = `your billing cycle renews on the ${ordinal(facts.billingDay)} of each month (the last day in shorter months).`;
  const next =
    facts.nextMonthlyGrant === null
      ? ''
      : ` The next ${connects(facts.monthlyGrant)} are due on ${longDate(facts.nextMonthlyGrant)}.`;
  if (facts.missingCycle !== null) {
    return section(
      `**Your account** (${facts.id}): ${renews} I can't find the ${connects(facts.monthlyGrant)} for the cycle that began on ${longDate(facts.missingCycle)}, so that grant looks missing; I've flagged it for a moderator to check.${next}`,
      ['grant.monthly'],
      true,
    );
  }
  const last =
    facts.lastMonthlyGrant === null ? '' : ` The last ones arrived on ${longDate(facts.lastMonthlyGrant)}.`;
  return section(`**Your account** (${facts.id}): ${renews}${last}${next}`, ['grant.monthly']);
};

const expiry: Section = (facts) => {
  if (facts.lots.length === 0) {
    return section(
      `**Your account** (${facts.id}): you have no unexpired Connects, so nothing is due to expire.`,
      ['expiry.one-year'],
    );
  }
  const lines = facts.lots.map((lot) => `${connects(lot.remaining)} expire on ${longDate(lot.expiresAt)}`);
  return section(
    `**Your account** (${facts.id}): you have ${connects(facts.balance)}; each batch lasts a year from when you got it:\n${bullets(lines, LIST_LINES)}`,
    ['expiry.one-year'],
  );
};

const purchaseMissing: Section = (facts) => {
  const since = addDays(facts.now, -PURCHASE_LOOKBACK_DAYS).getTime();
  const purchases = facts.history.filter(
    (event) => event.kind === 'credit' && event.source === 'purchase' && event.at.getTime() >= since,
  );
  if (purchases.length === 0) {
    return section(
      `**Your account** (${facts.id}): I can't see a purchase of Connects in the last ${PURCHASE_LOOKBACK_DAYS} days. If you were charged, I've flagged this for a moderator to check with you.`,
      [],
      true,
    );
  }
  return section(
    `**Your account** (${facts.id}): these purchases are credited:\n${bullets(purchases.map(eventLine), LIST_LINES)}\nYour balance is ${connects(facts.balance)}.`,
  );
};

const agency: Section = (facts) => {
  if (facts.kind === 'freelancer') {
    return section(
      `**Your account** (${facts.id}) is a freelancer profile, so the agency rules don't apply to it.`,
    );
  }
  if (!facts.canBuy) {
    return section(
      `**Your agency** (${facts.id}) is on Agency Basic: it can't buy Connects or submit proposals until it upgrades to Agency Plus. Agencies get no free Connects either.`,
      ['agency.plus-required', 'grant.monthly.agency'],
    );
  }
  return section(
    `**Your agency** (${facts.id}) is on Agency Plus, so it can buy shared agency Connects; it has ${connects(facts.balance)}. Agencies get no free Connects, so every Connect is bought.`,
    ['grant.monthly.agency'],
  );
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

export function unlinkedText(identity: string): string {
  return `I can't see a marketplace account linked to you (${identity}), so this is the general rule. To get answers about your own Connects, ask a moderator to link your account; meanwhile the Connects History page lists every credit and spend.`;
}

export function unlinkedAccountText(identity: string): string {
  return `I can't see a marketplace account linked to you (${identity}). Ask a moderator to link your account; meanwhile the Connects History page lists every credit and spend.`;
}

/** Said in a public reply to a member with a linked account: their figures are for their eyes only. */
export const PRIVATE_ANSWER_HINT =
  'Your own figures are not shown here, where everyone can read them: ask me with the `/connects` command and only you will see the answer.';
