import type { KnowledgeBase } from '../knowledge-base.js';
import { addDays, utcDate } from '../rules/calendar.js';
import type { DayStats } from '../state/store.js';

// How the bot is doing over a stretch of days: the figures behind `/connects-mod stats`, its chart,
// and the dashboard's overview page, added up once here for all of them.

/** The overview and the chart in `/connects-mod stats` cover this many days. */
export const OVERVIEW_DAYS = 30;
const TOP_TOPICS = 5;

export type Totals = Pick<
  DayStats,
  'questions' | 'answered' | 'clarified' | 'abstained' | 'escalated' | 'helpful' | 'notHelpful'
>;

export interface TopicCount {
  readonly intent: string;
  readonly title: string;
  readonly count: number;
}

export interface ModelUse {
  readonly calls: number;
  readonly tokens: number;
  readonly failures: number;
  readonly pauses: number;
}

export interface Overview {
  /** Oldest first, one per day, days without questions included. */
  readonly days: readonly DayStats[];
  readonly total: Totals;
  /** Helpful votes over all votes; null before any vote. */
  readonly helpfulRatio: number | null;
  readonly topTopics: readonly TopicCount[];
  readonly model: ModelUse;
}

/** The UTC days ending today, oldest first. */
export function lastDays(now: Date, count: number): string[] {
  return Array.from({ length: count }, (_, i) => utcDate(addDays(now, i - count + 1)));
}

export function overviewOf(days: readonly DayStats[], kb: KnowledgeBase): Overview {
  const sum = (pick: (day: DayStats) => number | undefined) =>
    days.reduce((total, day) => total + (pick(day) ?? 0), 0);
  const total: Totals = {
    questions: sum((day) => day.questions),
    answered: sum((day) => day.answered),
    clarified: sum((day) => day.clarified),
    abstained: sum((day) => day.abstained),
    escalated: sum((day) => day.escalated),
    helpful: sum((day) => day.helpful),
    notHelpful: sum((day) => day.notHelpful),
  };
  const intents = new Map<string, number>();
  for (const day of days)
    for (const [intent, n] of Object.entries(day.intents))
      intents.set(intent, (intents.get(intent) ?? 0) + n);
  const topTopics = [...intents]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_TOPICS)
    .map(([intent, count]) => ({
      intent,
      title: kb.entries.find((entry) => entry.id === intent)?.title ?? intent,
      count,
    }));
  const votes = total.helpful + total.notHelpful;
  return {
    days: [...days].sort((a, b) => a.day.localeCompare(b.day)),
    total,
    helpfulRatio: votes === 0 ? null : total.helpful / votes,
    topTopics,
    model: {
      calls: sum((day) => day.modelCalls),
      tokens: sum((day) => day.modelTokens),
      failures: sum((day) => day.modelFailures),
      pauses: sum((day) => day.modelPauses),
    },
  };
}
