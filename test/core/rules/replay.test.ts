import { describe, expect, it } from 'vitest';
import { END_OF_TIME, entriesInOrder, replayLedger } from '../../../src/core/rules/replay.js';
import {
  adjust,
  freelancer,
  grant,
  instant,
  outcome,
  POLICY,
  purchase,
  spend,
} from '../../helpers/ledger.js';

const replayAt = (when: string, ...ledger: Parameters<typeof freelancer>[0]) =>
  replayLedger(freelancer(ledger), POLICY, instant(when));

describe('lots and expiry', () => {
  it('counts every acquisition for exactly one year', () => {
    const ledger = [grant('s', '2025-06-03T09:00:00Z', 40)];
    expect(replayAt('2026-06-03T08:59:59Z', ...ledger).balance).toBe(40);
    const after = replayAt('2026-06-03T09:00:00Z', ...ledger);
    expect(after.balance).toBe(0);
    expect(after.totals.expired).toBe(40);
    expect(after.events.at(-1)).toMatchObject({ kind: 'expiry', amount: 40, lot: 's' });
  });

  it('spends from the lot that expires first, whatever the order of the file', () => {
    const replay = replayAt(
      '2026-01-01',
      purchase('late', '2025-09-01', 30),
      grant('early', '2025-03-01', 40),
      spend('sp', '2025-10-01', 45, 'p-1'),
    );
    expect(replay.proposals.get('p-1')?.allocations).toEqual([
      { lot: 'early', amount: 40 },
      { lot: 'late', amount: 5 },
    ]);
    expect(replay.balance).toBe(25);
  });

  it('lets an expired lot lapse before a spend at the same instant uses it', () => {
    const replay = replayAt(
      '2026-07-01',
      grant('s', '2025-06-01', 10),
      purchase('b', '2026-01-01', 5),
      spend('sp', '2026-06-01', 8, 'p-1'),
    );
    expect(replay.problems).toEqual([
      expect.objectContaining({
        entry: 'sp',
        field: 'amount',
        message: expect.stringContaining('balance at 2026-06-01T00:00:00.000Z is 5'),
      }),
    ]);
  });

  it('applies credits before debits at the same instant', () => {
    const ledger = [spend('sp', '2026-01-01', 20, 'p-1'), purchase('b', '2026-01-01', 20)];
    expect(entriesInOrder(ledger, END_OF_TIME).map((entry) => entry.id)).toEqual(['b', 'sp']);
    expect(replayAt('2026-02-01', ...ledger).problems).toEqual([]);
  });

  it('ignores entries after the instant asked about', () => {
    const replay = replayAt(
      '2026-01-01',
      purchase('b', '2025-12-01', 20),
      purchase('later', '2026-02-01', 50),
    );
    expect(replay.balance).toBe(20);
  });
});

describe('debits', () => {
  it('refuses a spend larger than the balance at its time', () => {
    const replay = replayAt('2026-01-01', grant('s', '2025-12-01', 10), spend('sp', '2025-12-02', 11, 'p-1'));
    expect(replay.problems).toHaveLength(1);
    expect(replay.problems[0]).toMatchObject({ account: 'acct-t', entry: 'sp', field: 'amount' });
    expect(replay.balance).toBe(10);
  });

  it('treats a negative adjustment as a debit and a positive one as a lot', () => {
    const replay = replayAt(
      '2026-01-01',
      grant('s', '2025-12-01', 10),
      adjust('a1', '2025-12-02', 5),
      adjust('a2', '2025-12-03', -12),
    );
    expect(replay.balance).toBe(3);
    expect(replay.totals).toEqual({ credited: 15, debited: 12, returned: 0, expired: 0 });
    expect(
      replayAt('2026-01-01', grant('s', '2025-12-01', 10), adjust('a', '2025-12-02', -11)).problems,
    ).toHaveLength(1);
  });
});

describe('refunds', () => {
  it('returns every Connect of an eligible proposal, boost included, into the lots they came from', () => {
    const replay = replayAt(
      '2026-03-01',
      grant('old', '2025-04-01', 6),
      purchase('new', '2025-12-01', 20),
      spend('sp', '2026-01-10', 10, 'p-1', 4),
      outcome('o', '2026-01-20', 'p-1', 'client_cancelled'),
    );
    expect(replay.balance).toBe(26);
    expect(replay.proposals.get('p-1')?.refund).toMatchObject({ amount: 10, entryId: 'o' });
    const old = replay.lots.find((lot) => lot.entryId === 'old');
    expect(old?.remaining).toBe(6);
    // The refund keeps the old lot's date: it lapses on 1 April 2026, not a year after the refund.
    expect(
      replayAt(
        '2026-04-02',
        grant('old', '2025-04-01', 6),
        purchase('new', '2025-12-01', 20),
        spend('sp', '2026-01-10', 10, 'p-1', 4),
        outcome('o', '2026-01-20', 'p-1', 'client_cancelled'),
      ).balance,
    ).toBe(20);
  });

  it('returns Connects into a lot that already lapsed as expired, never extending validity', () => {
    const replay = replayAt(
      '2026-08-01',
      grant('s', '2025-06-01', 10),
      spend('sp', '2026-05-01', 10, 'p-1'),
      outcome('o', '2026-07-01', 'p-1', 'platform_removed'),
    );
    expect(replay.balance).toBe(0);
    expect(replay.totals).toEqual({ credited: 10, debited: 10, returned: 10, expired: 10 });
  });

  it('returns a proposal once, however often its outcome is recorded', () => {
    const replay = replayAt(
      '2026-03-01',
      purchase('b', '2026-01-01', 30),
      spend('sp', '2026-01-02', 7, 'p-1'),
      outcome('o0', '2026-01-02', 'p-1', 'open'),
      outcome('o1', '2026-01-03', 'p-1', 'client_cancelled'),
      outcome('o2', '2026-01-04', 'p-1', 'client_cancelled'),
    );
    expect(replay.balance).toBe(30);
    expect(replay.totals.returned).toBe(7);
    expect(replay.problems).toEqual([]);
  });

  it('keeps the first final outcome and reports a later one that contradicts it', () => {
    for (const [first, later] of [
      ['client_cancelled', 'hired'],
      ['hired', 'client_cancelled'],
      ['expired', 'open'],
    ] as const) {
      const replay = replayAt(
        '2026-03-01',
        purchase('b', '2026-01-01', 30),
        spend('sp', '2026-01-02', 7, 'p-1'),
        outcome('o1', '2026-01-03', 'p-1', first),
        outcome('o2', '2026-01-04', 'p-1', later),
      );
      expect(replay.problems, `${first} then ${later}`).toEqual([
        {
          account: expect.any(String),
          entry: 'o2',
          field: 'outcome',
          message: `proposal "p-1" already ended as ${first} (entry o1, 2026-01-03T00:00:00.000Z); a later ${later} contradicts it (record a correction as an adjustment)`,
        },
      ]);
      expect(replay.proposals.get('p-1')?.outcomes.map((recorded) => recorded.outcome)).toEqual([first]);
      expect(replay.balance).toBe(first === 'client_cancelled' ? 30 : 23);
    }
  });

  it('returns nothing for outcomes that are not eligible', () => {
    for (const result of ['expired', 'withdrawn', 'declined', 'hired', 'open'] as const) {
      const replay = replayAt(
        '2026-03-01',
        purchase('b', '2026-01-01', 30),
        spend('sp', '2026-01-02', 7, 'p-1'),
        outcome('o', '2026-01-03', 'p-1', result),
      );
      expect(replay.balance, result).toBe(23);
    }
  });

  it('adds up several spends on one proposal', () => {
    const replay = replayAt(
      '2026-03-01',
      purchase('b', '2026-01-01', 30),
      spend('sp1', '2026-01-02', 4, 'p-1'),
      spend('sp2', '2026-01-03', 3, 'p-1', 3),
      outcome('o', '2026-01-05', 'p-1', 'client_cancelled'),
    );
    expect(replay.proposals.get('p-1')).toMatchObject({ spent: 7, boost: 3, spendEntries: ['sp1', 'sp2'] });
    expect(replay.balance).toBe(30);
  });

  it('reports an outcome for a proposal with no spend before it', () => {
    const replay = replayAt(
      '2026-03-01',
      purchase('b', '2026-01-01', 30),
      outcome('o', '2026-01-02', 'p-1', 'client_cancelled'),
      spend('sp', '2026-01-03', 5, 'p-1'),
    );
    expect(replay.problems).toEqual([expect.objectContaining({ entry: 'o', field: 'proposal' })]);
  });
});
