import type { JobOutcome } from '../ledger/types.js';

// Which docs/policy.md fact decides a proposal's refund, from its job's outcome.

export type RefundVerdict = 'refunded' | 'not-eligible' | 'not-yet';

/** The fact behind each outcome; an open job has none yet (it may still be cancelled). */
export const REFUND_CASE_BY_OUTCOME: Readonly<Record<JobOutcome, string | null>> = {
  client_cancelled: 'refund.client-cancelled',
  platform_removed: 'refund.platform-removed',
  expired: 'refund.expired',
  withdrawn: 'refund.withdrawn',
  declined: 'refund.not-viewed',
  hired: 'refund.hired',
  open: null,
};

/** Outcomes that return a proposal's Connects (docs/policy.md, "Refund verdict"). */
export function isRefundable(outcome: JobOutcome): boolean {
  return outcome === 'client_cancelled' || outcome === 'platform_removed';
}

/** Every fact id the rules can cite; a test checks each exists in knowledge/policy.yaml. */
export const RULES_FACT_IDS = [
  ...Object.values(REFUND_CASE_BY_OUTCOME).filter((id): id is string => id !== null),
  'refund.not-cash',
  'grant.monthly',
  'grant.monthly.agency',
  'expiry.one-year',
  'agency.plus-required',
] as const;
