// A member's account and its ledger as the core sees them: already validated, times as Dates.
// The import file format (docs/contract.md section 4) is parsed into these in src/accounts/.

export const ACCOUNT_KINDS = ['freelancer', 'agency'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const PLANS = ['basic', 'plus', 'agency-basic', 'agency-plus'] as const;
export type Plan = (typeof PLANS)[number];

/** Which plans each kind of account can be on. */
export const PLANS_BY_KIND: Readonly<Record<AccountKind, readonly Plan[]>> = {
  freelancer: ['basic', 'plus'],
  agency: ['agency-basic', 'agency-plus'],
};

export const GRANT_REASONS = [
  'signup',
  'monthly',
  'rising-talent',
  'interview',
  'certification',
  'moderator',
] as const;
export type GrantReason = (typeof GRANT_REASONS)[number];

export const JOB_OUTCOMES = [
  'open',
  'client_cancelled',
  'platform_removed',
  'expired',
  'withdrawn',
  'declined',
  'hired',
] as const;
export type JobOutcome = (typeof JOB_OUTCOMES)[number];

interface EntryBase {
  /** Unique within the account; what makes a re-import harmless. */
  readonly id: string;
  readonly at: Date;
}

export interface GrantEntry extends EntryBase {
  readonly type: 'grant';
  readonly reason: GrantReason;
  readonly amount: number;
}

export interface PurchaseEntry extends EntryBase {
  readonly type: 'purchase';
  readonly amount: number;
}

export interface SpendEntry extends EntryBase {
  readonly type: 'spend';
  /** Every Connect debited for the proposal, boost included. */
  readonly amount: number;
  readonly proposal: string;
  readonly job: string;
  /** The part of `amount` spent on boosting the proposal. */
  readonly boost?: number;
}

export interface JobOutcomeEntry extends EntryBase {
  readonly type: 'job-outcome';
  readonly proposal: string;
  readonly outcome: JobOutcome;
}

export interface AdjustmentEntry extends EntryBase {
  readonly type: 'adjustment';
  /** Signed: a credit when positive, a debit when negative; never zero. */
  readonly amount: number;
  readonly reason: string;
}

export type LedgerEntry = GrantEntry | PurchaseEntry | SpendEntry | JobOutcomeEntry | AdjustmentEntry;

/**
 * Entries a moderator made in the bot (`/mod grant`, `adjust`, `outcome`) have ids with this prefix;
 * an import file may not use it. The platform never sees them: they are corrections on top of its
 * history (docs/policy.md, "Moderators' corrections").
 */
export const MODERATOR_ENTRY_PREFIX = 'mod-';

export function isModeratorEntry(entry: Pick<LedgerEntry, 'id'>): boolean {
  return entry.id.startsWith(MODERATOR_ENTRY_PREFIX);
}

/** A moderator's debit: a negative adjustment made in the bot. */
export function isModeratorDebit(entry: LedgerEntry): boolean {
  return entry.type === 'adjustment' && entry.amount < 0 && isModeratorEntry(entry);
}
export type EntryType = LedgerEntry['type'];

export interface Account {
  readonly id: string;
  readonly kind: AccountKind;
  readonly plan: Plan;
  /** Day of the month the billing cycle renews (1-31, clamped to short months). */
  readonly billingDay: number;
  /** Chat identities (`platform:id`) linked to this account. */
  readonly identities: readonly string[];
  /** In the order recorded; the rules sort by time themselves. */
  readonly ledger: readonly LedgerEntry[];
}
