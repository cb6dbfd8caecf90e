import type { Account } from '../ledger/types.js';
import { billingDateFrom, startOfUtcDay } from './calendar.js';

// The monthly grant calendar (docs/policy.md, "Next monthly grant" and "Missing grant"). A cycle runs
// from one billing date to the next; a monthly grant recorded in it is that cycle's grant.

export interface MonthlyGrantSchedule {
  /** The next billing date with no grant recorded yet; null for agencies. */
  readonly next: Date | null;
  /** The start of the latest past cycle when it has no grant: the member is owed one. */
  readonly missingCycle: Date | null;
  /** When the latest monthly grant arrived. */
  readonly last: Date | null;
}

/** How far ahead to look for an uncovered billing date; grants are only ever recorded up to now. */
const MAX_MONTHS_AHEAD = 3;

export function monthlyGrantSchedule(
  account: Account,
  now: Date,
  firstSeen: Date | null,
): MonthlyGrantSchedule {
  const grants = account.ledger
    .filter((entry) => entry.type === 'grant' && entry.reason === 'monthly' && entry.at <= now)
    .map((entry) => entry.at.getTime())
    .sort((a, b) => a - b);
  const last = grants.length === 0 ? null : new Date(grants[grants.length - 1] as number);
  if (account.kind === 'agency') return { next: null, missingCycle: null, last };

  const cycleHasGrant = (start: Date): boolean => {
    const end = billingDateFrom(start, account.billingDay, 1).getTime();
    return grants.some((at) => at >= start.getTime() && at < end);
  };
  const today = startOfUtcDay(now);

  let next: Date | null = null;
  for (let offset = 0; offset <= MAX_MONTHS_AHEAD && next === null; offset++) {
    const date = billingDateFrom(today, account.billingDay, offset);
    if (date >= today && !cycleHasGrant(date)) next = date;
  }

  // The latest billing date strictly before today: on the billing day itself the grant may still come.
  const thisMonth = billingDateFrom(today, account.billingDay, 0);
  const latestPast = thisMonth < today ? thisMonth : billingDateFrom(today, account.billingDay, -1);
  const existed = firstSeen !== null && startOfUtcDay(firstSeen) <= latestPast;
  const missingCycle = existed && !cycleHasGrant(latestPast) ? latestPast : null;
  return { next, missingCycle, last };
}
