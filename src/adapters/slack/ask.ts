import type { WebClient } from '@slack/web-api';
import { cooldownNote as guardCooldown } from '../../core/guard.js';
import type { Actor, Reply, RequestBody } from '../../core/types.js';
import type { SlackContext } from './context.js';
import { notifyModerators } from './escalate.js';

// What every Slack handler shares: who asks, the core call, the cooldown, the one-time keys.

/** How long a trigger_id or event_id is remembered: Slack retries within minutes. */
export const ONCE_MS = 15 * 60_000;

export const actorOf = (userId: string): Actor => ({ platform: 'slack', id: userId, roles: [] });

/** The member asked again too soon: the note they get, or null when they may ask. */
export function cooldownNote(ctx: SlackContext, actor: Actor): Promise<string | null> {
  return guardCooldown(ctx.state, actor, ctx.settings.cooldownMs, ctx.clock());
}

export function ask(
  ctx: SlackContext,
  id: string,
  actor: Actor,
  channelId: string,
  body: RequestBody,
  privateReply: boolean,
): Promise<Reply> {
  return ctx.desk.handle({ id, actor, channelId, body, now: ctx.clock(), privateReply });
}

/** An answer that escalates has told the member it was flagged: flag it. */
export async function flagIfNeeded(
  ctx: SlackContext,
  client: WebClient,
  id: string,
  reply: Reply,
): Promise<void> {
  if (reply.outcome !== 'answered' || !reply.escalate) return;
  const question = await ctx.state.question(id);
  if (question !== undefined) {
    await notifyModerators(
      ctx,
      client,
      question,
      'The bot flagged something on this member’s account for a moderator.',
    );
  }
}
