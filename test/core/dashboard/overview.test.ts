import { describe, expect, it } from 'vitest';
import { lastDays, overviewOf } from '../../../src/core/dashboard/overview.js';
import { emptyDay } from '../../../src/core/state/keeping.js';
import { realKnowledge } from '../../helpers/knowledge.js';

// The figures behind the dashboard's overview and /connects-mod stats.

describe('overviewOf', () => {
  it('adds up the days, oldest first, with the helpful ratio and the top topics by title', () => {
    const kb = realKnowledge();
    const days = [
      {
        ...emptyDay('2026-11-27'),
        questions: 5,
        answered: 4,
        abstained: 1,
        helpful: 3,
        notHelpful: 1,
        intents: { refunds: 3, 'connects.buy': 1 },
      },
      { ...emptyDay('2026-11-26'), questions: 2, answered: 2, escalated: 1, intents: { 'connects.buy': 2 } },
    ];
    const overview = overviewOf(days, kb);
    expect(overview.days.map((day) => day.day)).toEqual(['2026-11-26', '2026-11-27']);
    expect(overview.total).toEqual({
      questions: 7,
      answered: 6,
      clarified: 0,
      abstained: 1,
      escalated: 1,
      helpful: 3,
      notHelpful: 1,
    });
    expect(overview.helpfulRatio).toBe(0.75);
    expect(overview.topTopics.map((topic) => [topic.intent, topic.count])).toEqual([
      ['connects.buy', 3],
      ['refunds', 3],
    ]);
    expect(overview.topTopics[1]?.title).toBe(kb.entries.find((entry) => entry.id === 'refunds')?.title);
  });

  it('has no ratio before any vote', () => {
    expect(overviewOf([emptyDay('2026-11-27')], realKnowledge()).helpfulRatio).toBeNull();
  });
});

describe('lastDays', () => {
  it('lists the UTC days ending today, oldest first', () => {
    expect(lastDays(new Date('2026-03-01T10:00:00Z'), 3)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });
});
