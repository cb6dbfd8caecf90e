import { describe, expect, it } from 'vitest';
import { ledgerClues, ledgerDecides, type WordsReading } from '../../../src/core/personal/ledger-clues.js';
import { accountFacts } from '../../../src/core/rules/account-facts.js';
import { freelancer, grant, monthly, outcome, POLICY, spend } from '../../helpers/ledger.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const words = (decision: string, candidates: [string, number][], signalled: string[] = []): WordsReading => ({
  decision,
  onTopic: true,
  best: candidates[0]?.[0] ?? null,
  candidates: candidates.map(([intent, probability]) => ({ intent, probability })),
  signalled,
});

// A sign-up batch that lapsed a week ago; grants every month on the 21st.
const lapsed = accountFacts(
  freelancer(
    [
      grant('s', '2025-11-21', 40, 'signup'),
      ...[
        '2025-12',
        '2026-01',
        '2026-02',
        '2026-03',
        '2026-04',
        '2026-05',
        '2026-06',
        '2026-07',
        '2026-08',
        '2026-09',
        '2026-10',
        '2026-11',
      ].map((month) => monthly(`m-${month}`, `${month}-21`)),
    ],
    21,
  ),
  POLICY,
  NOW,
);
// A job the client cancelled five days ago; grants on time.
const cancelled = accountFacts(
  freelancer(
    [
      grant('s', '2026-06-02', 40, 'signup'),
      ...['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'].map((month) =>
        monthly(`m-${month}`, `${month}-05`),
      ),
      spend('sp', '2026-11-10', 6, 'p-1'),
      outcome('o', '2026-11-23', 'p-1', 'client_cancelled'),
    ],
    5,
  ),
  POLICY,
  NOW,
);

describe('ledgerClues', () => {
  it('finds what lapsed, what was decided on a proposal, and a missing grant, newest first', () => {
    expect(ledgerClues(lapsed)).toEqual([
      expect.objectContaining({
        intent: 'connects.expiry',
        reason: expect.stringContaining('40 of your Connects expired on 21 November 2026'),
      }),
    ]);
    expect(ledgerClues(cancelled)[0]).toMatchObject({ intent: 'refunds' });
    expect(ledgerClues(cancelled)[0]?.reason).toMatch(
      /the client cancelled the job without hiring anyone on 23 November 2026, and its 6 Connects came back/,
    );
  });

  it('ignores events older than the lookback', () => {
    const later = accountFacts(freelancer([grant('s', '2025-10-01', 40, 'signup')], 1), POLICY, NOW);
    expect(ledgerClues(later).filter((clue) => clue.intent === 'connects.expiry')).toEqual([]);
  });
});

describe('ledgerDecides', () => {
  it('settles a topic the words left open, with the newest event', () => {
    const open = words('clarify', [
      ['refunds', 0.4],
      ['connects.balance', 0.35],
    ]);
    expect(ledgerDecides(open, lapsed)?.intent).toBe('connects.expiry');
    expect(ledgerDecides(open, cancelled)?.intent).toBe('refunds');
  });

  it('leaves the topic to the words when they are sure', () => {
    expect(ledgerDecides(words('answer', [['connects.monthly-free', 0.9]]), cancelled)).toBeNull();
  });

  it('overrides a split answer only when the words give the event some weight or the ledger rules them out', () => {
    // "Refund" with no job decided lately: ruled out, the lapsed batch explains it.
    expect(
      ledgerDecides(
        words('answer', [
          ['refunds', 0.45],
          ['connects.balance', 0.3],
        ]),
        lapsed,
      )?.intent,
    ).toBe('connects.expiry');
    // The words lean to the monthly grant; a cancelled job they give no weight does not take over.
    expect(
      ledgerDecides(
        words('answer', [
          ['connects.monthly-free', 0.45],
          ['connects.balance', 0.4],
        ]),
        cancelled,
      ),
    ).toBeNull();
  });

  it('leaves a split answer alone when the post told its situation in so many words', () => {
    // "The client cancelled the job": the member said what happened; a lapsed batch does not overrule it.
    const told = words(
      'answer',
      [
        ['refunds', 0.45],
        ['connects.balance', 0.3],
      ],
      ['refund.client-cancelled'],
    );
    expect(ledgerDecides(told, lapsed)).toBeNull();
  });

  it('stays out of posts about other topics and off-topic ones', () => {
    expect(
      ledgerDecides(
        words('clarify', [
          ['connects.buy', 0.4],
          ['connects.job-cost', 0.3],
        ]),
        lapsed,
      ),
    ).toBeNull();
    expect(ledgerDecides({ ...words('abstain', [['refunds', 0.2]]), onTopic: false }, lapsed)).toBeNull();
  });
});
