import { cooldownNote as guardCooldown } from '../../core/guard.js';
import type { Actor, Reply, RequestBody } from '../../core/types.js';
import type { DiscordContext } from './context.js';
import { notifyModerators, type Origin } from './escalate.js';

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

/**
 * Asks the core, which remembers the question (the desk shares the adapter's state store), so
 * feedback and escalation can find it later.
 */
export async function askCore(ctx: DiscordContext, asked: Asked): Promise<Reply> {
  const reply = await ctx.desk.handle({
    id: asked.id,
    actor: asked.actor,
    ...(asked.channelId === null ? {} : { channelId: asked.channelId }),
    ...(asked.link === undefined ? {} : { link: asked.link }),
    body: asked.body,
    now: ctx.clock(),
    privateReply: asked.privateReply,
  });
  // An answer that escalates has told the member it was flagged: flag it, without delaying the answer.
  if (reply.outcome === 'answered' && reply.escalate) {
    void ctx.state
      .question(asked.id)
      .then((record) =>
        record === undefined
          ? null
          : notifyModerators(
              ctx,
              record,
              'The bot flagged something on this member’s account for a moderator.',
              asked.origin,
            ),
      )
      .catch((error: unknown) =>
        ctx.log.error({ err: error, question: asked.id }, 'could not notify moderators'),
      );
  }
  ctx.log.info({ question: asked.id, intent: reply.intent, outcome: reply.outcome }, 'discord question');
  return reply;
}

/** The member asked again too soon: the note they get, or null when they may ask. */
export function cooldownNote(ctx: DiscordContext, actor: Actor): Promise<string | null> {
  return guardCooldown(ctx.state, actor, ctx.settings.cooldownMs, ctx.clock());
}
