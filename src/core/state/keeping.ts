import type { DayStats, FeedbackRecord, Notice, StatsEvent } from './store.js';

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
  return {
    day,
    questions: 0,
    answered: 0,
    clarified: 0,
    abstained: 0,
    escalated: 0,
    helpful: 0,
    notHelpful: 0,
    intents: {},
  };
}

export function addToDay(day: DayStats, event: StatsEvent): DayStats {
  switch (event.kind) {
    case 'question': {
      if (event.outcome === 'refused') return day;
      const intents =
        event.intent === null || event.outcome !== 'answered'
          ? day.intents
          : { ...day.intents, [event.intent]: (day.intents[event.intent] ?? 0) + 1 };
      return {
        ...day,
        questions: day.questions + 1,
        answered: day.answered + (event.outcome === 'answered' ? 1 : 0),
        clarified: day.clarified + (event.outcome === 'clarify' ? 1 : 0),
        abstained: day.abstained + (event.outcome === 'abstained' ? 1 : 0),
        intents,
      };
    }
    case 'escalated':
      return { ...day, escalated: day.escalated + 1 };
    case 'feedback':
      return event.verdict === 'helpful'
        ? { ...day, helpful: day.helpful + 1 }
        : { ...day, notHelpful: day.notHelpful + 1 };
    case 'model-call':
      return {
        ...day,
        modelCalls: (day.modelCalls ?? 0) + 1,
        modelTokens: (day.modelTokens ?? 0) + event.tokens,
      };
    case 'model-failure':
      return { ...day, modelFailures: (day.modelFailures ?? 0) + 1 };
    case 'model-pause':
      return { ...day, modelPauses: (day.modelPauses ?? 0) + 1 };
  }
}
