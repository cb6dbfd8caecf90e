import type { DayStats, FeedbackRecord, Notice, StatsEvent, StatsEvents } from './store.js';

// How the state store keeps its records, whatever it keeps them in: how long, how many, and what a
// new record replaces. Pure, so that every StateStore (Keyv, memory) applies the same rules.

/** How long questions and their feedback are kept: long enough for moderators' weekly review. */
export const QUESTION_TTL_MS = 90 * 24 * 3_600_000;
/** How long a day's figures are kept. */
export const STATS_TTL_MS = 400 * 24 * 3_600_000;
export const MAX_UNANSWERED = 500;
export const MAX_AUDIT = 1000;

/** A question's feedback with `feedback` added: a member's vote replaces their earlier vote. */
export function withFeedback(
  previous: readonly FeedbackRecord[],
  feedback: FeedbackRecord,
): FeedbackRecord[] {
  // A member has one vote (helpful or not) per question; asking for a moderator is not a vote.
  const isVote = (verdict: FeedbackRecord['verdict']) => verdict !== 'moderator';
  const others = previous.filter(
    (earlier) =>
      !(isVote(feedback.verdict) && isVote(earlier.verdict) && earlier.identity === feedback.identity),
  );
  return [...others, feedback];
}

/** The unanswered list, newest first, with `questionId` moved (or added) to the front. */
export function withUnanswered(ids: readonly string[], questionId: string): string[] {
  return [questionId, ...ids.filter((id) => id !== questionId)].slice(0, MAX_UNANSWERED);
}

/** The audit log's ids, newest first, with a new entry's id in front. */
export function withAudit(ids: readonly string[], entryId: string): string[] {
  return [entryId, ...ids].slice(0, MAX_AUDIT);
}

/** The notices with `notice` last, replacing the one for its intent. */
export function withNotice(notices: readonly Notice[], notice: Notice): Notice[] {
  return [...notices.filter((previous) => previous.intent !== notice.intent), notice];
}

export function emptyDay(day: string): DayStats {
  return dayFromCounts(day, []);
}

/** A day's figure as a counter: a named total, or `intent:ID` for one entry's answers. */
export type DayCounter =
  | 'questions'
  | 'answered'
  | 'clarified'
  | 'abstained'
  | 'escalated'
  | 'helpful'
  | 'notHelpful'
  | 'modelCalls'
  | 'modelTokens'
  | 'modelFailures'
  | 'modelPauses'
  | `intent:${string}`;

const INTENT_PREFIX = 'intent:';
const MODEL_COUNTERS = ['modelCalls', 'modelTokens', 'modelFailures', 'modelPauses'] as const;

/**
 * What an event adds to its day, as increments of counters: a store that can add atomically
 * (SQL `n = n + ?`, Redis `HINCRBY`) never loses a count to a concurrent one.
 */
export function dayIncrements(events: StatsEvents): readonly (readonly [DayCounter, number])[] {
  if (!isOneEvent(events)) {
    // Several events, one increment per counter: a batch is one write however many it holds.
    const totals = new Map<DayCounter, number>();
    for (const event of events)
      for (const [counter, n] of eventIncrements(event)) totals.set(counter, (totals.get(counter) ?? 0) + n);
    return [...totals];
  }
  return eventIncrements(events);
}

function isOneEvent(events: StatsEvents): events is StatsEvent {
  return !Array.isArray(events);
}

function eventIncrements(event: StatsEvent): readonly (readonly [DayCounter, number])[] {
  switch (event.kind) {
    case 'question': {
      if (event.outcome === 'refused') return [];
      const outcome = ({ answered: 'answered', clarify: 'clarified', abstained: 'abstained' } as const)[
        event.outcome
      ];
      const intent =
        event.intent !== null && event.outcome === 'answered'
          ? ([[`${INTENT_PREFIX}${event.intent}`, 1]] as const)
          : [];
      return [['questions', 1], [outcome, 1], ...intent];
    }
    case 'escalated':
      return [['escalated', 1]];
    case 'feedback':
      return [[event.verdict === 'helpful' ? 'helpful' : 'notHelpful', 1]];
    case 'model-call':
      return [
        ['modelCalls', 1],
        ['modelTokens', event.tokens],
      ];
    case 'model-failure':
      return [['modelFailures', 1]];
    case 'model-pause':
      return [['modelPauses', 1]];
  }
}

/** A day's figures from its counters (summed when one appears twice); the model's only once counted. */
export function dayFromCounts(day: string, counts: Iterable<readonly [string, number]>): DayStats {
  const totals = new Map<string, number>();
  for (const [counter, n] of counts) totals.set(counter, (totals.get(counter) ?? 0) + n);
  const intents: Record<string, number> = {};
  for (const [counter, n] of totals)
    if (counter.startsWith(INTENT_PREFIX)) intents[counter.slice(INTENT_PREFIX.length)] = n;
  const model: Record<string, number> = {};
  for (const counter of MODEL_COUNTERS) {
    const n = totals.get(counter);
    if (n !== undefined) model[counter] = n;
  }
  return {
    day,
    questions: totals.get('questions') ?? 0,
    answered: totals.get('answered') ?? 0,
    clarified: totals.get('clarified') ?? 0,
    abstained: totals.get('abstained') ?? 0,
    escalated: totals.get('escalated') ?? 0,
    helpful: totals.get('helpful') ?? 0,
    notHelpful: totals.get('notHelpful') ?? 0,
    intents,
    ...model,
  };
}

/** A day's figures as counters, the other way round from dayFromCounts. */
export function countsOf(day: DayStats): [string, number][] {
  const { day: _day, intents, ...totals } = day;
  return [
    ...Object.entries(totals).filter((pair): pair is [string, number] => typeof pair[1] === 'number'),
    ...Object.entries(intents).map(([intent, n]): [string, number] => [`${INTENT_PREFIX}${intent}`, n]),
  ];
}

/** The day with the events counted: for stores that keep a day as one value (memory). */
export function addToDay(day: DayStats, events: StatsEvents): DayStats {
  return dayFromCounts(day.day, [...countsOf(day), ...dayIncrements(events)]);
}
