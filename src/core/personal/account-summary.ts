import { bullets } from '../compose.js';
import { en } from '../messages/en.js';
import type { AccountFacts } from '../rules/account-facts.js';
import { displayText } from '../text/display.js';

/** An account's facts as staff read them: the balance command and a moderator's lookup. */
export function renderAccountFacts(facts: AccountFacts): string {
  const lines = [
    en.report.account(facts.id, facts.kind, facts.plan, facts.billingDay, facts.now),
    en.report.balance(facts.balance),
  ];
  if (facts.kind === 'agency') lines.push(en.report.agencyNoGrant);
  else lines.push(en.report.nextGrant(facts.nextMonthlyGrant, facts.missingCycle));
  if (!facts.canBuy) lines.push(en.report.cannotBuy);
  if (facts.lots.length > 0) {
    const batches = facts.lots.map((lot) => en.report.batch(lot.remaining, lot.expiresAt));
    lines.push(en.report.expires(bullets(batches, 12)));
  }
  if (facts.proposals.length > 0)
    lines.push(en.report.proposals(bullets(facts.proposals.map(en.account.proposal), 20)));
  if (facts.history.length > 0)
    lines.push(en.report.activity(bullets(facts.history.map(en.account.event), 10)));
  // Job titles and reasons are shown as data: see core/text/display.ts.
  return displayText(lines.join('\n'));
}
