import fc from 'fast-check';
import type { Account, LedgerEntry } from '../../src/core/ledger/types.js';
import { JOB_OUTCOMES } from '../../src/core/ledger/types.js';
import { END_OF_TIME, replayLedger } from '../../src/core/rules/replay.js';
import { POLICY } from './ledger.js';

// Random ledgers over three years: credits, spends on a handful of proposals (so outcomes meet
// them, sometimes twice), adjustments both ways. Some spends overdraw on purpose; `validLedger`
// drops what the import would refuse.

const START = Date.UTC(2024, 0, 1);
const SPAN_MINUTES = 3 * 366 * 24 * 60;
const PROPOSALS = ['p-0', 'p-1', 'p-2', 'p-3', 'p-4'];

const minute = fc.integer({ min: 0, max: SPAN_MINUTES });

const entryShape = fc.oneof(
  fc.record({
    type: fc.constant('grant' as const),
    amount: fc.integer({ min: 1, max: 60 }),
    reason: fc.constantFrom('signup' as const, 'monthly' as const, 'interview' as const),
  }),
  fc.record({ type: fc.constant('purchase' as const), amount: fc.integer({ min: 1, max: 80 }) }),
  fc.record({
    type: fc.constant('spend' as const),
    amount: fc.integer({ min: 1, max: 25 }),
    proposal: fc.constantFrom(...PROPOSALS),
    boost: fc.option(fc.integer({ min: 0, max: 1 }), { nil: undefined }),
  }),
  fc.record({
    type: fc.constant('job-outcome' as const),
    proposal: fc.constantFrom(...PROPOSALS),
    outcome: fc.constantFrom(...JOB_OUTCOMES),
  }),
  fc.record({
    type: fc.constant('adjustment' as const),
    amount: fc.integer({ min: -15, max: 15 }).filter((n) => n !== 0),
  }),
);

type Shape = typeof entryShape extends fc.Arbitrary<infer T> ? T : never;

function entryFrom(shape: Shape, index: number, offset: number): LedgerEntry {
  const base = { id: `e${index}`, at: new Date(START + offset * 60_000) };
  switch (shape.type) {
    case 'grant':
      return { ...base, type: 'grant', reason: shape.reason, amount: shape.amount };
    case 'purchase':
      return { ...base, type: 'purchase', amount: shape.amount };
    case 'spend':
      return {
        ...base,
        type: 'spend',
        amount: shape.amount,
        proposal: shape.proposal,
        job: `Job ${shape.proposal}`,
        ...(shape.boost === undefined ? {} : { boost: Math.min(shape.boost, shape.amount) }),
      };
    case 'job-outcome':
      return { ...base, type: 'job-outcome', proposal: shape.proposal, outcome: shape.outcome };
    case 'adjustment':
      return { ...base, type: 'adjustment', amount: shape.amount, reason: 'random' };
  }
}

export const arbitraryLedger: fc.Arbitrary<LedgerEntry[]> = fc
  .array(fc.tuple(minute, entryShape), { maxLength: 40 })
  .map((items) => items.map(([offset, shape], index) => entryFrom(shape, index, offset)));

export const arbitraryInstant = fc
  .integer({ min: -30, max: SPAN_MINUTES + 400 * 24 * 60 })
  .map((m) => new Date(START + m * 60_000));

export function accountWith(ledger: LedgerEntry[], id = 'acct-p', billingDay = 15): Account {
  return { id, kind: 'freelancer', plan: 'basic', billingDay, identities: [`console:${id}`], ledger };
}

/** The ledger without the entries an import would refuse, dropped until none is left. */
export function validLedger(ledger: LedgerEntry[]): LedgerEntry[] {
  let current = ledger;
  for (;;) {
    const problems = replayLedger(accountWith(current), POLICY, END_OF_TIME).problems;
    if (problems.length === 0) return current;
    const bad = new Set(problems.map((problem) => problem.entry));
    current = current.filter((entry) => !bad.has(entry.id));
  }
}
