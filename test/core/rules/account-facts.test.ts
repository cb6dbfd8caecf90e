import { describe, expect, it } from 'vitest';
import { accountFacts } from '../../../src/core/rules/account-facts.js';
import { REFUND_CASE_BY_OUTCOME, RULES_FACT_IDS } from '../../../src/core/rules/refund-cases.js';
import { realKnowledge } from '../../helpers/knowledge.js';
import {
  agency,
  freelancer,
  grant,
  instant,
  outcome,
  POLICY,
  purchase,
  spend,
} from '../../helpers/ledger.js';

describe('refund verdicts', () => {
  const ledger = [
    purchase('b', '2026-01-01', 100),
    spend('s1', '2026-01-02', 7, 'p-cancelled', 2),
    outcome('o1', '2026-01-03', 'p-cancelled', 'client_cancelled'),
    spend('s2', '2026-01-02', 5, 'p-removed'),
    outcome('o2', '2026-01-03', 'p-removed', 'platform_removed'),
    spend('s3', '2026-01-02', 4, 'p-expired'),
    outcome('o3', '2026-01-03', 'p-expired', 'expired'),
    spend('s4', '2026-01-02', 3, 'p-withdrawn'),
    outcome('o4', '2026-01-03', 'p-withdrawn', 'withdrawn'),
    spend('s5', '2026-01-02', 2, 'p-declined'),
    outcome('o5', '2026-01-03', 'p-declined', 'declined'),
    spend('s6', '2026-01-02', 6, 'p-hired'),
    outcome('o6', '2026-01-03', 'p-hired', 'hired'),
    spend('s7', '2026-01-02', 1, 'p-open'),
    outcome('o7', '2026-01-03', 'p-open', 'open'),
    spend('s8', '2026-01-02', 1, 'p-silent'),
  ];
  const facts = accountFacts(freelancer(ledger), POLICY, instant('2026-02-01'));
  const verdict = (id: string) => facts.proposals.find((proposal) => proposal.proposal === id);

  it('decides each outcome by docs/policy.md, with the case and the entries it rests on', () => {
    expect(verdict('p-cancelled')).toMatchObject({
      refund: 'refunded',
      case: 'refund.client-cancelled',
      returned: 7,
      boost: 2,
      entries: ['s1', 'o1'],
    });
    expect(verdict('p-removed')).toMatchObject({
      refund: 'refunded',
      case: 'refund.platform-removed',
      returned: 5,
    });
    expect(verdict('p-expired')).toMatchObject({
      refund: 'not-eligible',
      case: 'refund.expired',
      returned: 0,
      entries: ['s3', 'o3'],
    });
    expect(verdict('p-withdrawn')).toMatchObject({ refund: 'not-eligible', case: 'refund.withdrawn' });
    expect(verdict('p-declined')).toMatchObject({ refund: 'not-eligible', case: 'refund.not-viewed' });
    expect(verdict('p-hired')).toMatchObject({ refund: 'not-eligible', case: 'refund.hired' });
    expect(verdict('p-open')).toMatchObject({ refund: 'not-yet', case: null, outcome: 'open' });
    expect(verdict('p-silent')).toMatchObject({
      refund: 'not-yet',
      case: null,
      outcome: 'open',
      entries: ['s8'],
    });
    expect(facts.balance).toBe(100 - 29 + 12);
  });

  it('uses the latest outcome until one returns the Connects', () => {
    const later = accountFacts(
      freelancer([
        purchase('b', '2026-01-01', 10),
        spend('s', '2026-01-02', 3, 'p-1'),
        outcome('o1', '2026-01-03', 'p-1', 'open'),
        outcome('o2', '2026-01-04', 'p-1', 'client_cancelled'),
        outcome('o3', '2026-01-05', 'p-1', 'hired'),
      ]),
      POLICY,
      instant('2026-02-01'),
    );
    expect(later.proposals[0]).toMatchObject({
      refund: 'refunded',
      outcome: 'client_cancelled',
      entries: ['s', 'o2'],
    });
  });

  it('cites only facts that exist in knowledge/policy.yaml', () => {
    const kb = realKnowledge();
    for (const id of RULES_FACT_IDS) expect(kb.facts.has(id), id).toBe(true);
    expect(Object.keys(REFUND_CASE_BY_OUTCOME)).toHaveLength(7);
  });
});

describe('expiring soon', () => {
  it('lists what lapses within 30 days, by day', () => {
    const facts = accountFacts(
      freelancer([
        grant('a', '2025-12-20T09:00:00Z', 40),
        purchase('b', '2025-12-20T18:00:00Z', 5),
        grant('c', '2025-12-28T00:00:00Z', 10),
        grant('d', '2025-12-27T11:00:00Z', 10),
      ]),
      POLICY,
      instant('2026-11-27T12:00:00Z'),
    );
    // 27 December 11:00 is within 30 days of 27 November 12:00; 28 December is not.
    expect(facts.expiring).toEqual([
      { amount: 45, on: '2026-12-20' },
      { amount: 10, on: '2026-12-27' },
    ]);
    expect(facts.lots.map((lot) => lot.entryId)).toEqual(['a', 'b', 'd', 'c']);
  });

  it('leaves out lots already spent', () => {
    const facts = accountFacts(
      freelancer([
        grant('a', '2025-12-20', 10),
        purchase('b', '2026-06-01', 10),
        spend('s', '2026-07-01', 10, 'p'),
      ]),
      POLICY,
      instant('2026-12-01'),
    );
    expect(facts.expiring).toEqual([]);
    expect(facts.balance).toBe(10);
  });
});

describe('agencies', () => {
  it('get no monthly grant and, below Agency Plus, cannot buy', () => {
    const plus = accountFacts(agency([purchase('b', '2026-10-05', 100)]), POLICY, instant('2026-11-27'));
    expect(plus).toMatchObject({
      nextMonthlyGrant: null,
      missingMonthlyGrant: false,
      monthlyGrant: 0,
      canBuy: true,
    });
    const basic = accountFacts(agency([], 'agency-basic'), POLICY, instant('2026-11-27'));
    expect(basic.canBuy).toBe(false);
  });

  it('freelancers can always buy and get the policy number each month', () => {
    const facts = accountFacts(
      freelancer([]),
      { monthlyGrant: 15, validityMonths: 12 },
      instant('2026-11-27'),
    );
    expect(facts).toMatchObject({ canBuy: true, monthlyGrant: 15, balance: 0, missingMonthlyGrant: false });
  });
});
