import { describe, expect, it } from 'vitest';
import { scenarioMismatches, scenarioSchema } from '../../src/eval/scenarios.js';

const answer = {
  intent: 'refunds',
  cases: ['refund.expired'],
  answer: 'Your proposal to "Logo" expired on 20 November 2026.',
  decidedBy: 'ledger',
  also: [{ intent: 'connects.expiry' }],
  account: {
    balance: 10,
    nextMonthlyGrant: '2026-12-12',
    missingMonthlyGrant: false,
    expiring: [{ amount: 5, on: '2026-12-20' }],
    proposals: [{ proposal: 'p-1', refund: 'not-eligible', case: 'refund.expired' }],
  },
};

describe('scenarioMismatches', () => {
  it('passes an answer that matches every named field', () => {
    const scenario = scenarioSchema.parse({
      as: 'console:x',
      now: '2026-11-27',
      text: 'q',
      intent: 'refunds',
      account: { balance: 10, expiring: { '2026-12-20': 5 }, proposals: { 'p-1': 'not-eligible' } },
      proposal_cases: { 'p-1': 'refund.expired' },
    });
    expect(scenarioMismatches(scenario, answer)).toEqual([]);
  });

  it('names each difference', () => {
    const scenario = scenarioSchema.parse({
      as: 'console:x',
      now: '2026-11-27',
      text: 'q',
      intent_any: ['connects.balance'],
      cases_include: ['grant.monthly'],
      account: {
        balance: 11,
        nextMonthlyGrant: null,
        missingMonthlyGrant: true,
        expiring: {},
        proposals: { 'p-1': 'refunded' },
      },
      proposal_cases: { 'p-1': 'refund.hired' },
    });
    expect(scenarioMismatches(scenario, answer)).toEqual([
      'intent: expected one of ["connects.balance"], got "refunds"',
      'cases: expected to include grant.monthly, got ["refund.expired"]',
      'balance: expected 11, got 10',
      'nextMonthlyGrant: expected null, got "2026-12-12"',
      'missingMonthlyGrant: expected true, got false',
      'expiring: expected {}, got {"2026-12-20":5}',
      'proposal p-1: expected "refunded", got "not-eligible"',
      'case of p-1: expected "refund.hired", got "refund.expired"',
    ]);
  });

  it('expects no account for an unlinked member', () => {
    const scenario = scenarioSchema.parse({ as: 'console:x', now: '2026-11-27', text: 'q', account: null });
    expect(scenarioMismatches(scenario, answer)).toEqual([
      'account: expected null, got {"balance":10,"nextMonthlyGrant":"2026-12-12","missingMonthlyGrant":false,"expiring":[{"amount":5,"on":"2026-12-20"}],"proposals":[{"proposal":"p-1","refund":"not-eligible","case":"refund.expired"}]}',
    ]);
  });
});

describe('scenario checks on how the topic was chosen', () => {
  it('checks the first case, who decided, phrases of the answer and the second question', () => {
    const scenario = scenarioSchema.parse({
      as: 'console:x',
      now: '2026-11-27',
      text: 'q',
      first_case: 'refund.expired',
      decided_by: 'ledger',
      answer_includes: ['20 November 2026'],
      also: 'connects.expiry',
    });
    expect(scenarioMismatches(scenario, answer)).toEqual([]);
    const wrong = scenarioSchema.parse({
      ...scenario,
      first_case: 'refund.hired',
      decided_by: 'words',
      answer_includes: ['21 November'],
      also: 'connects.buy',
    });
    expect(scenarioMismatches(wrong, answer)).toEqual([
      'first case: expected "refund.hired", got "refund.expired"',
      'decided by: expected "words", got "ledger"',
      'answer: expected to include "21 November"',
      'also: expected connects.buy, got ["connects.expiry"]',
    ]);
  });
});
