import type { AccountFacts } from '../rules/account-facts.js';
import { longDate, ordinal } from '../rules/calendar.js';
import { displayText } from '../text/display.js';
import { bullets, connects, eventLine, proposalLine } from './words.js';

/** An account's facts as staff read them: the balance command and a moderator's lookup. */
export function renderAccountFacts(facts: AccountFacts): string {
  const lines = [
    `${facts.id}: ${facts.kind}, plan ${facts.plan}, billing day ${ordinal(facts.billingDay)} — as of ${facts.now.toISOString()}`,
    `Balance: ${connects(facts.balance)}`,
  ];
  if (facts.kind === 'agency') lines.push('Monthly grant: none (agencies get no free Connects)');
  else {
    const next = facts.nextMonthlyGrant === null ? 'unknown' : longDate(facts.nextMonthlyGrant);
    const missing =
      facts.missingCycle === null ? '' : `; MISSING for the cycle from ${longDate(facts.missingCycle)}`;
    lines.push(`Next monthly grant: ${next}${missing}`);
  }
  if (!facts.canBuy) lines.push('Cannot buy Connects: agency below Agency Plus');
  if (facts.lots.length > 0) {
    lines.push(
      `Expires:\n${bullets(
        facts.lots.map((lot) => `${connects(lot.remaining)} on ${longDate(lot.expiresAt)}`),
        12,
      )}`,
    );
  }
  if (facts.proposals.length > 0) lines.push(`Proposals:\n${bullets(facts.proposals.map(proposalLine), 20)}`);
  if (facts.history.length > 0) lines.push(`Recent activity:\n${bullets(facts.history.map(eventLine), 10)}`);
  // Job titles and reasons are shown as data: see core/text/display.ts.
  return displayText(lines.join('\n'));
}
