import type { Account, AccountKind, JobOutcome, Plan } from '../ledger/types.js';
import { addDays, utcDate } from './calendar.js';
import { monthlyGrantSchedule } from './grants.js';
import { EXPIRING_WINDOW_DAYS, type RulesPolicy } from './policy.js';
import { REFUND_CASE_BY_OUTCOME, type RefundVerdict } from './refund-cases.js';
import { type LedgerEvent, type Lot, type ProposalRecord, replayLedger } from './replay.js';

// Everything the bot may say about one account at one instant, decided here and only here.

export interface ProposalVerdict {
  readonly proposal: string;
  readonly job: string;
  readonly spent: number;
  readonly boost: number;
  /** The job outcome the verdict rests on; `open` when none is recorded. */
  readonly outcome: JobOutcome;
  readonly refund: RefundVerdict;
  /** The docs/policy.md fact that decides it; null while the job is open. */
  readonly case: string | null;
  /** Connects returned (0 unless refunded). */
  readonly returned: number;
  readonly decidedAt: Date | null;
  /** The ledger entries the verdict rests on: the spends, then the deciding outcome. */
  readonly entries: readonly string[];
}

export interface ExpiringAmount {
  readonly amount: number;
  /** UTC date, YYYY-MM-DD. */
  readonly on: string;
}

export interface AccountFacts {
  readonly id: string;
  readonly kind: AccountKind;
  readonly plan: Plan;
  readonly billingDay: number;
  readonly now: Date;
  readonly balance: number;
  readonly nextMonthlyGrant: Date | null;
  readonly missingMonthlyGrant: boolean;
  /** The billing date of the cycle whose grant is missing. */
  readonly missingCycle: Date | null;
  readonly lastMonthlyGrant: Date | null;
  /** Free Connects per cycle for this account: the policy's number, 0 for agencies. */
  readonly monthlyGrant: number;
  /** Within EXPIRING_WINDOW_DAYS of now, by day. */
  readonly expiring: readonly ExpiringAmount[];
  /** Unspent lots, the first to lapse first. */
  readonly lots: readonly Lot[];
  readonly proposals: readonly ProposalVerdict[];
  /** What happened, newest first. */
  readonly history: readonly LedgerEvent[];
  /** An agency below Agency Plus can neither buy nor submit proposals (agency.plus-required). */
  readonly canBuy: boolean;
}

export function accountFacts(account: Account, policy: RulesPolicy, now: Date): AccountFacts {
  const replay = replayLedger(account, policy, now);
  const schedule = monthlyGrantSchedule(account, now, replay.firstSeen);
  const lots = replay.lots
    .filter((lot) => !lot.lapsed && lot.remaining > 0)
    .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime());
  return {
    id: account.id,
    kind: account.kind,
    plan: account.plan,
    billingDay: account.billingDay,
    now,
    balance: replay.balance,
    nextMonthlyGrant: schedule.next,
    missingMonthlyGrant: schedule.missingCycle !== null,
    missingCycle: schedule.missingCycle,
    lastMonthlyGrant: schedule.last,
    monthlyGrant: account.kind === 'agency' ? 0 : policy.monthlyGrant,
    expiring: expiringSoon(lots, now),
    lots,
    proposals: [...replay.proposals.values()].map(proposalVerdict),
    history: [...replay.events].reverse(),
    canBuy: account.kind === 'freelancer' || account.plan === 'agency-plus',
  };
}

function expiringSoon(lots: readonly Lot[], now: Date): ExpiringAmount[] {
  const horizon = addDays(now, EXPIRING_WINDOW_DAYS).getTime();
  const byDay = new Map<string, number>();
  for (const lot of lots) {
    if (lot.expiresAt.getTime() > horizon) continue;
    const day = utcDate(lot.expiresAt);
    byDay.set(day, (byDay.get(day) ?? 0) + lot.remaining);
  }
  return [...byDay].map(([on, amount]) => ({ amount, on }));
}

export function proposalVerdict(record: ProposalRecord): ProposalVerdict {
  const deciding = record.refund
    ? record.outcomes.find((outcome) => outcome.entryId === record.refund?.entryId)
    : record.outcomes[record.outcomes.length - 1];
  const outcome = deciding?.outcome ?? 'open';
  const refund: RefundVerdict = record.refund ? 'refunded' : outcome === 'open' ? 'not-yet' : 'not-eligible';
  return {
    proposal: record.proposal,
    job: record.job,
    spent: record.spent,
    boost: record.boost,
    outcome,
    refund,
    case: REFUND_CASE_BY_OUTCOME[outcome],
    returned: record.refund?.amount ?? 0,
    decidedAt: deciding?.at ?? null,
    entries: [...record.spendEntries, ...(deciding === undefined ? [] : [deciding.entryId])],
  };
}
