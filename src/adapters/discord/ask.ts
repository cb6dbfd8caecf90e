import type { QuestionRecord } from '../../core/state/store.js';
import { type Actor, identityOf, type Reply, type RequestBody } from '../../core/types.js';
import type { DiscordContext } from './context.js';
import { notifyModerators, type Origin } from './escalate.js';

const ANSWER_EXCERPT = 400;

export interface Asked {
  /** The interaction or message id: the question's id in the state store and in button ids. */
  readonly id: string;
  readonly actor: Actor;
  readonly channelId: string | null;
  readonly body: RequestBody;
  /** Only the asker will see the answer (an ephemeral interaction reply). */
  readonly privateReply: boolean;
  readonly link?: string;
  /** Where it was asked: where a moderator thread goes when there is no moderator channel. */
  readonly origin: Origin;
}

/** Asks the core and remembers the question, so feedback and escalation can find it later. */
export async function askCore(ctx: DiscordContext, asked: Asked): Promise<Reply> {
  const now = ctx.clock();
  const reply = await ctx.desk.handle({
    id: asked.id,
    actor: asked.actor,
    ...(asked.channelId === null ? {} : { channelId: asked.channelId }),
    body: asked.body,
    now,
    privateReply: asked.privateReply,
  });
  const record: QuestionRecord = {
    id: asked.id,
    identity: identityOf(asked.actor),
    ...(asked.channelId === null ? {} : { channelId: asked.channelId }),
    ...(asked.link === undefined ? {} : { link: asked.link }),
    text: textOf(asked.body),
    intent: reply.intent,
    outcome: reply.outcome,
    confidence: reply.confidence,
    // A private answer may hold the member's account data: it stays between the bot and them.
    ...(reply.visibility === 'public' ? { answer: reply.text.slice(0, ANSWER_EXCERPT) } : {}),
    at: now.toISOString(),
  };
  await ctx.state.saveQuestion(record);
  if (reply.outcome === 'abstained' && reply.escalate) await ctx.state.markUnanswered(asked.id);
  // An answer that escalates has told the member it was flagged: flag it, without delaying the answer.
  if (reply.outcome === 'answered' && reply.escalate) {
    await ctx.state.markUnanswered(asked.id);
    void notifyModerators(
      ctx,
      record,
      'The bot flagged something on this member’s account for a moderator.',
      asked.origin,
    ).catch((error: unknown) =>
      ctx.log.error({ err: error, question: asked.id }, 'could not notify moderators'),
    );
  }
  ctx.log.info({ question: asked.id, intent: reply.intent, outcome: reply.outcome }, 'discord question');
  return reply;
}

function textOf(body: RequestBody): string {
  switch (body.kind) {
    case 'question':
      return body.text;
    case 'faq':
      return `/connects faq ${body.topic}`;
    case 'account':
      return `/connects ${body.view}`;
  }
}

/** The member asked again too soon: the note they get, or null when they may ask. */
export async function cooldownNote(ctx: DiscordContext, actor: Actor): Promise<string | null> {
  const left = await ctx.state.cooldown(`discord:${actor.id}`, ctx.settings.cooldownMs, ctx.clock());
  if (left === 0) return null;
  return `One moment please: you can ask again in ${Math.ceil(left / 1000)} s.`;
}
