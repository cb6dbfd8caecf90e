import { type Account, isModeratorDebit, type JobOutcome, type LedgerEntry } from '../ledger/types.js';
import { addMonths } from './calendar.js';
import type { RulesPolicy } from './policy.js';
import type { LedgerProblem } from './problems.js';
import { isRefundable } from './refund-cases.js';

// Replays a ledger in time order, the way docs/policy.md says Connects move: every acquisition is a lot
// that lapses a year later, debits take from the lot that lapses first, an eligible job outcome
// returns the proposal's Connects once into the lots they came from. Pure: no clock, no I/O.

export type LotSource = 'grant' | 'purchase' | 'adjustment';

export interface Lot {
  readonly entryId: string;
  readonly source: LotSource;
  /** The grant's reason or the adjustment's note. */
  readonly reason?: string;
  readonly acquiredAt: Date;
  readonly expiresAt: Date;
  readonly amount: number;
  /** Unspent and not lapsed, as of the end of the replay. */
  readonly remaining: number;
  /** Whether the lot had lapsed by the end of the replay. */
  readonly lapsed: boolean;
}

export interface Allocation {
  readonly lot: string;
  readonly amount: number;
}

export interface ProposalRecord {
  readonly proposal: string;
  readonly job: string;
  readonly spent: number;
  readonly boost: number;
  readonly spendEntries: readonly string[];
  readonly allocations: readonly Allocation[];
  /** Every outcome recorded for the job, oldest first. */
  readonly outcomes: readonly { readonly entryId: string; readonly at: Date; readonly outcome: JobOutcome }[];
  /** The one return this proposal can get. */
  readonly refund?: { readonly entryId: string; readonly at: Date; readonly amount: number };
}

export type LedgerEvent =
  | {
      readonly kind: 'credit';
      readonly at: Date;
      readonly entryId: string;
      readonly amount: number;
      readonly source: LotSource;
      readonly reason?: string;
    }
  | {
      readonly kind: 'debit';
      readonly at: Date;
      readonly entryId: string;
      readonly amount: number;
      readonly proposal?: string;
      readonly job?: string;
      readonly reason?: string;
    }
  | {
      readonly kind: 'outcome';
      readonly at: Date;
      readonly entryId: string;
      readonly proposal: string;
      readonly outcome: JobOutcome;
    }
  | {
      readonly kind: 'refund';
      readonly at: Date;
      readonly entryId: string;
      readonly amount: number;
      readonly proposal: string;
    }
  | { readonly kind: 'expiry'; readonly at: Date; readonly lot: string; readonly amount: number };

export interface Totals {
  readonly credited: number;
  readonly debited: number;
  readonly returned: number;
  readonly expired: number;
}

export interface Replay {
  readonly until: Date;
  readonly balance: number;
  readonly lots: readonly Lot[];
  readonly proposals: ReadonlyMap<string, ProposalRecord>;
  /** What happened, oldest first, lapses included. */
  readonly events: readonly LedgerEvent[];
  readonly totals: Totals;
  /** Entries the policy does not allow (a debit beyond the balance, an outcome with no spend). */
  readonly problems: readonly LedgerProblem[];
  /**
   * Debits that found less than they asked because of a moderator's correction: a moderator's debit
   * that entries dated before it (imported later) left short, or a platform spend after it. Each
   * took what the balance held; nothing goes below zero.
   */
  readonly shortfalls: readonly Shortfall[];
  /** The earliest entry's time: when the account is first seen. */
  readonly firstSeen: Date | null;
}

export interface Shortfall {
  readonly account: string;
  readonly entry: string;
  readonly at: Date;
  /** What the entry takes away, and what the balance held for it. */
  readonly wanted: number;
  readonly taken: number;
}

export interface ReplayOptions {
  /**
   * Leave moderators' debits out: the platform's own history, which is what an import file is
   * judged on (a correction made in the bot never makes a platform entry invalid).
   */
  readonly withoutModeratorDebits?: boolean;
}

/** After every entry, whatever the date: what an import checks. */
export const END_OF_TIME = new Date(8.64e15);

interface MutableLot {
  entryId: string;
  source: LotSource;
  reason?: string;
  acquiredAt: Date;
  expiresAt: Date;
  amount: number;
  remaining: number;
  lapsed: boolean;
  order: number;
}

interface MutableProposal {
  proposal: string;
  job: string;
  spent: number;
  boost: number;
  spendEntries: string[];
  allocations: Allocation[];
  outcomes: { entryId: string; at: Date; outcome: JobOutcome }[];
  refund?: { entryId: string; at: Date; amount: number };
}

/** Credits first, then debits, then outcomes: an instant's purchase can pay for that instant's spend. */
function rank(entry: LedgerEntry): number {
  if (entry.type === 'job-outcome') return 2;
  if (entry.type === 'spend' || (entry.type === 'adjustment' && entry.amount < 0)) return 1;
  return 0;
}

/** The ledger's entries up to `until`, in the order they take effect. */
export function entriesInOrder(ledger: readonly LedgerEntry[], until: Date): LedgerEntry[] {
  const limit = until.getTime();
  return ledger
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.at.getTime() <= limit)
    .sort(
      (a, b) =>
        a.entry.at.getTime() - b.entry.at.getTime() || rank(a.entry) - rank(b.entry) || a.index - b.index,
    )
    .map(({ entry }) => entry);
}

export function replayLedger(
  account: Account,
  policy: RulesPolicy,
  until: Date,
  options: ReplayOptions = {},
): Replay {
  const lots: MutableLot[] = [];
  const byId = new Map<string, MutableLot>();
  const proposals = new Map<string, MutableProposal>();
  const events: LedgerEvent[] = [];
  const problems: LedgerProblem[] = [];
  const shortfalls: Shortfall[] = [];
  // Once a moderator's debit has taken Connects, a later debit that finds too few may owe it to
  // that correction rather than to the platform's history: it takes what is there (a shortfall).
  let moderatorDebited = 0;
  const shortOf = (entry: LedgerEntry, wanted: number, taken: number): void => {
    shortfalls.push({ account: account.id, entry: entry.id, at: entry.at, wanted, taken });
  };
  let credited = 0;
  let debited = 0;
  let returned = 0;
  let expired = 0;

  // The earliest expiry among unlapsed lots: most entries come before it, and skip the scan.
  let nextLapse = Number.POSITIVE_INFINITY;
  const lapseUpTo = (instant: Date): void => {
    if (instant.getTime() < nextLapse) return;
    const due = lots
      .filter((lot) => !lot.lapsed && lot.expiresAt.getTime() <= instant.getTime())
      .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime() || a.order - b.order);
    for (const lot of due) {
      lot.lapsed = true;
      if (lot.remaining > 0) {
        expired += lot.remaining;
        events.push({ kind: 'expiry', at: lot.expiresAt, lot: lot.entryId, amount: lot.remaining });
        lot.remaining = 0;
      }
    }
    nextLapse = lots.reduce(
      (min, lot) => (lot.lapsed ? min : Math.min(min, lot.expiresAt.getTime())),
      Number.POSITIVE_INFINITY,
    );
  };
  const available = (): number => lots.reduce((sum, lot) => sum + (lot.lapsed ? 0 : lot.remaining), 0);

  /** Takes `amount` from the lots that lapse first; the caller has checked there is enough. */
  const take = (amount: number): Allocation[] => {
    const allocations: Allocation[] = [];
    let left = amount;
    const open = lots
      .filter((lot) => !lot.lapsed && lot.remaining > 0)
      .sort(
        (a, b) =>
          a.expiresAt.getTime() - b.expiresAt.getTime() ||
          a.acquiredAt.getTime() - b.acquiredAt.getTime() ||
          a.order - b.order,
      );
    for (const lot of open) {
      if (left === 0) break;
      const used = Math.min(lot.remaining, left);
      lot.remaining -= used;
      left -= used;
      allocations.push({ lot: lot.entryId, amount: used });
    }
    return allocations;
  };

  const ordered = entriesInOrder(
    options.withoutModeratorDebits
      ? account.ledger.filter((entry) => !isModeratorDebit(entry))
      : account.ledger,
    until,
  );
  for (const entry of ordered) {
    lapseUpTo(entry.at);
    switch (entry.type) {
      case 'grant':
      case 'purchase':
      case 'adjustment': {
        if (entry.type === 'adjustment' && entry.amount < 0) {
          const wanted = -entry.amount;
          const balance = available();
          const moderators = isModeratorDebit(entry);
          if (wanted > balance && !moderators && moderatorDebited === 0) {
            problems.push(overdraw(account.id, entry, wanted, balance, 'debits'));
            break;
          }
          const amount = Math.min(wanted, balance);
          if (amount < wanted) shortOf(entry, wanted, amount);
          take(amount);
          debited += amount;
          if (moderators) moderatorDebited += amount;
          events.push({ kind: 'debit', at: entry.at, entryId: entry.id, amount, reason: entry.reason });
          break;
        }
        const lot: MutableLot = {
          entryId: entry.id,
          source: entry.type,
          ...(entry.type === 'purchase' ? {} : { reason: entry.reason }),
          acquiredAt: entry.at,
          expiresAt: addMonths(entry.at, policy.validityMonths),
          amount: entry.amount,
          remaining: entry.amount,
          lapsed: false,
          order: lots.length,
        };
        lots.push(lot);
        byId.set(lot.entryId, lot);
        nextLapse = Math.min(nextLapse, lot.expiresAt.getTime());
        credited += entry.amount;
        events.push({
          kind: 'credit',
          at: entry.at,
          entryId: entry.id,
          amount: entry.amount,
          source: lot.source,
          ...(lot.reason === undefined ? {} : { reason: lot.reason }),
        });
        break;
      }
      case 'spend': {
        const balance = available();
        if (entry.amount > balance && moderatorDebited === 0) {
          problems.push(overdraw(account.id, entry, entry.amount, balance, 'spends'));
          break;
        }
        const taken = Math.min(entry.amount, balance);
        if (taken < entry.amount) shortOf(entry, entry.amount, taken);
        const allocations = take(taken);
        debited += taken;
        let record = proposals.get(entry.proposal);
        if (record === undefined) {
          record = {
            proposal: entry.proposal,
            job: entry.job,
            spent: 0,
            boost: 0,
            spendEntries: [],
            allocations: [],
            outcomes: [],
          };
          proposals.set(entry.proposal, record);
        }
        record.spent += entry.amount;
        record.boost += entry.boost ?? 0;
        record.spendEntries.push(entry.id);
        record.allocations.push(...allocations);
        events.push({
          kind: 'debit',
          at: entry.at,
          entryId: entry.id,
          amount: taken,
          proposal: entry.proposal,
          job: entry.job,
        });
        break;
      }
      case 'job-outcome': {
        const record = proposals.get(entry.proposal);
        if (record === undefined) {
          problems.push({
            account: account.id,
            entry: entry.id,
            field: 'proposal',
            message: `no spend on proposal "${entry.proposal}" is recorded before this outcome`,
          });
          break;
        }
        // The first final outcome stands: a job cancelled by its client is not hired afterwards.
        // A different later one is refused (and, in a ledger stored before this rule, ignored), so
        // the verdict never flips between "returned" and "not returned".
        const final = record.outcomes.find((recorded) => recorded.outcome !== 'open');
        if (final !== undefined && entry.outcome !== final.outcome) {
          problems.push({
            account: account.id,
            entry: entry.id,
            field: 'outcome',
            message: `proposal "${entry.proposal}" already ended as ${final.outcome} (entry ${final.entryId}, ${final.at.toISOString()}); a later ${entry.outcome} contradicts it (record a correction as an adjustment)`,
          });
          break;
        }
        record.outcomes.push({ entryId: entry.id, at: entry.at, outcome: entry.outcome });
        events.push({
          kind: 'outcome',
          at: entry.at,
          entryId: entry.id,
          proposal: entry.proposal,
          outcome: entry.outcome,
        });
        // Once per proposal: a second eligible outcome (or a replayed one) returns nothing more.
        if (!isRefundable(entry.outcome) || record.refund !== undefined) break;
        let amount = 0;
        for (const allocation of record.allocations) {
          const lot = byId.get(allocation.lot);
          if (lot === undefined) continue;
          amount += allocation.amount;
          // A refund keeps its lot's expiry: into a lapsed lot, it lapses at once.
          if (lot.lapsed) expired += allocation.amount;
          else lot.remaining += allocation.amount;
        }
        returned += amount;
        record.refund = { entryId: entry.id, at: entry.at, amount };
        events.push({ kind: 'refund', at: entry.at, entryId: entry.id, amount, proposal: entry.proposal });
        break;
      }
    }
  }
  lapseUpTo(until);
  events.sort((a, b) => a.at.getTime() - b.at.getTime());

  return {
    until,
    balance: available(),
    lots: lots.map(({ order: _order, ...lot }) => lot),
    proposals,
    events,
    totals: { credited, debited, returned, expired },
    problems,
    shortfalls,
    firstSeen: ordered[0]?.at ?? null,
  };
}

function overdraw(
  account: string,
  entry: LedgerEntry,
  amount: number,
  balance: number,
  verb: string,
): LedgerProblem {
  return {
    account,
    entry: entry.id,
    field: 'amount',
    message: `${verb} ${amount} Connects but the balance at ${entry.at.toISOString()} is ${balance}`,
  };
}
