import { utcDate } from './rules/calendar.js';
import type { StateStore } from './state/store.js';
import { identityOf, type Reply, type Request } from './types.js';

const ANSWER_EXCERPT = 400;

/**
 * Remembers a question and what became of it, for feedback buttons, the unanswered list and the
 * statistics. Refusals (empty, too long) are not questions.
 */
export async function recordQuestion(state: StateStore, request: Request, reply: Reply): Promise<void> {
  if (reply.outcome === 'refused') return;
  const body = request.body;
  const text =
    body.kind === 'question'
      ? body.text
      : body.kind === 'faq'
        ? `faq: ${body.topic}`
        : `account: ${body.view}`;
  await state.saveQuestion({
    id: request.id,
    identity: identityOf(request.actor),
    ...(request.channelId === undefined ? {} : { channelId: request.channelId }),
    ...(request.link === undefined ? {} : { link: request.link }),
    text,
    intent: reply.intent,
    outcome: reply.outcome,
    confidence: reply.confidence,
    // A private answer may hold the member's account data: it is not kept.
    ...(reply.visibility === 'public' ? { answer: reply.text.slice(0, ANSWER_EXCERPT) } : {}),
    at: request.now.toISOString(),
  });
  const day = utcDate(request.now);
  if (body.kind === 'question')
    await state.countStats(day, { kind: 'question', outcome: reply.outcome, intent: reply.intent });
  // An on-topic abstention waits for moderators on the unanswered list; an answer that escalates
  // (an account problem) has been handed over already.
  if (reply.escalate) await state.markUnanswered(request.id);
  if (reply.escalate && reply.outcome === 'answered') await state.countStats(day, { kind: 'escalated' });
}
