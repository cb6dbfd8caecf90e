import { utcDate } from './rules/calendar.js';
import type { FeedbackVerdict, QuestionRecord, StateStore } from './state/store.js';

/**
 * A member's verdict on an answer, on any platform: stored, counted, and anything short of
 * "helpful" put where moderators look (the unanswered list). "moderator" counts as an escalation.
 */
export async function recordVerdict(
  state: StateStore,
  question: QuestionRecord,
  identity: string,
  verdict: FeedbackVerdict,
  now: Date,
): Promise<void> {
  await state.recordFeedback({ questionId: question.id, identity, verdict, at: now.toISOString() });
  const day = utcDate(now);
  if (verdict === 'moderator') await state.countStats(day, { kind: 'escalated' });
  else await state.countStats(day, { kind: 'feedback', verdict });
  if (verdict !== 'helpful') await state.markUnanswered(question.id);
}
