import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountFacts } from '../../../src/core/rules/account-facts.js';
import { END_OF_TIME, replayLedger } from '../../../src/core/rules/replay.js';
import {
  accountWith,
  arbitraryInstant,
  arbitraryLedger,
  validLedger,
} from '../../helpers/arbitrary-ledger.js';
import { POLICY } from '../../helpers/ledger.js';

const RUNS = { numRuns: 300 };

describe('ledger properties', () => {
  it('balance = credits - spends + returns - expired, at any instant', () => {
    fc.assert(
      fc.property(arbitraryLedger, arbitraryInstant, (ledger, now) => {
        const replay = replayLedger(accountWith(ledger), POLICY, now);
        const { credited, debited, returned, expired } = replay.totals;
        expect(replay.balance).toBe(credited - debited + returned - expired);
        expect(replay.balance).toBe(
          replay.lots.reduce((sum, lot) => sum + (lot.lapsed ? 0 : lot.remaining), 0),
        );
      }),
      RUNS,
    );
  });

  it('a balance is never negative and no lot goes below zero', () => {
    fc.assert(
      fc.property(arbitraryLedger, arbitraryInstant, (ledger, now) => {
        const replay = replayLedger(accountWith(ledger), POLICY, now);
        expect(replay.balance).toBeGreaterThanOrEqual(0);
        for (const lot of replay.lots) {
          expect(lot.remaining).toBeGreaterThanOrEqual(0);
          expect(lot.remaining).toBeLessThanOrEqual(lot.amount);
          if (lot.lapsed) expect(lot.remaining).toBe(0);
        }
      }),
      RUNS,
    );
  });

  it('each proposal is returned at most once, never more than was spent on it', () => {
    fc.assert(
      fc.property(arbitraryLedger, (ledger) => {
        const replay = replayLedger(accountWith(ledger), POLICY, END_OF_TIME);
        const refunds = replay.events.filter((event) => event.kind === 'refund');
        const proposals = refunds.map((event) => (event.kind === 'refund' ? event.proposal : ''));
        expect(new Set(proposals).size).toBe(proposals.length);
        for (const record of replay.proposals.values()) {
          expect(record.refund?.amount ?? 0).toBeLessThanOrEqual(record.spent);
        }
      }),
      RUNS,
    );
  });

  it('a valid ledger has no debit beyond its balance, so every spend is recorded', () => {
    fc.assert(
      fc.property(arbitraryLedger, (ledger) => {
        const valid = validLedger(ledger);
        const replay = replayLedger(accountWith(valid), POLICY, END_OF_TIME);
        const spent = valid
          .filter((entry) => entry.type === 'spend')
          .reduce((sum, entry) => sum + entry.amount, 0);
        const recorded = [...replay.proposals.values()].reduce((sum, record) => sum + record.spent, 0);
        expect(recorded).toBe(spent);
      }),
      RUNS,
    );
  });

  it('the order entries are listed in does not change the facts', () => {
    const ledgerAndShuffle = arbitraryLedger.chain((ledger) =>
      fc.tuple(
        fc.constant(ledger),
        fc.shuffledSubarray(ledger, { minLength: ledger.length, maxLength: ledger.length }),
      ),
    );
    fc.assert(
      fc.property(ledgerAndShuffle, arbitraryInstant, ([ledger, shuffled], now) => {
        // Entries at the very same instant and of the same kind keep file order, by design.
        fc.pre(new Set(ledger.map((entry) => entry.at.getTime())).size === ledger.length);
        const a = accountFacts(accountWith(ledger), POLICY, now);
        const b = accountFacts(accountWith(shuffled), POLICY, now);
        expect(b.balance).toBe(a.balance);
        expect(b.proposals).toEqual(a.proposals);
        expect(b.expiring).toEqual(a.expiring);
      }),
      RUNS,
    );
  });

  it('expiry follows the policy number, not a constant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), (months) => {
        const ledger = validLedger([
          { id: 'g', at: new Date('2025-01-15T00:00:00Z'), type: 'purchase', amount: 10 },
        ]);
        const account = accountWith(ledger);
        const policy = { ...POLICY, validityMonths: months };
        const lapse = new Date(Date.UTC(2025, months, 15));
        expect(replayLedger(account, policy, new Date(lapse.getTime() - 1)).balance).toBe(10);
        expect(replayLedger(account, policy, lapse).balance).toBe(0);
      }),
    );
  });
});
