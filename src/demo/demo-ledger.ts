import type { Account, LedgerEntry } from '../core/ledger/types.js';
import { addDays, billingDateFrom } from '../core/rules/calendar.js';

// A small ledger for a newcomer's first `npm start`, dated relative to that moment so every kind of
// answer has something to show: a balance, Connects expiring within the month, monthly grants on a
// billing day, a refunded proposal, one that is not returned, and one still open.

export const DEMO_ACCOUNT_ID = 'acct-demo';

const MONTHLY_GRANTS = 6;

export function demoAccounts(identity: string, now: Date): Account[] {
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const daysAgo = (days: number): Date => addDays(hour, -days);
  const billingDay = daysAgo(10).getUTCDate();

  const ledger: LedgerEntry[] = [
    // Acquired almost a year ago: whatever is left of it expires within the next few weeks.
    { id: 'demo-signup', at: daysAgo(345), type: 'grant', reason: 'signup', amount: 40 },
    { id: 'demo-purchase', at: daysAgo(60), type: 'purchase', amount: 30 },
    {
      id: 'demo-spend-1',
      at: daysAgo(50),
      type: 'spend',
      amount: 8,
      proposal: 'p-demo-1',
      job: 'Logo design for a bakery',
    },
    {
      id: 'demo-outcome-1',
      at: daysAgo(45),
      type: 'job-outcome',
      proposal: 'p-demo-1',
      outcome: 'client_cancelled',
    },
    {
      id: 'demo-spend-2',
      at: daysAgo(40),
      type: 'spend',
      amount: 6,
      proposal: 'p-demo-2',
      job: 'WordPress speed fix',
      boost: 2,
    },
    { id: 'demo-outcome-2', at: daysAgo(20), type: 'job-outcome', proposal: 'p-demo-2', outcome: 'expired' },
    {
      id: 'demo-spend-3',
      at: daysAgo(5),
      type: 'spend',
      amount: 4,
      proposal: 'p-demo-3',
      job: 'Translate product pages',
    },
  ];
  // The monthly grants of the last cycles, each on its billing date: none is missing.
  for (let month = 1; month <= MONTHLY_GRANTS; month++) {
    const at = billingDateFrom(
      now,
      billingDay,
      -month + (billingDateFrom(now, billingDay, 0) <= now ? 1 : 0),
    );
    ledger.push({ id: `demo-monthly-${month}`, at, type: 'grant', reason: 'monthly', amount: 10 });
  }
  return [
    { id: DEMO_ACCOUNT_ID, kind: 'freelancer', plan: 'basic', billingDay, identities: [identity], ledger },
  ];
}
