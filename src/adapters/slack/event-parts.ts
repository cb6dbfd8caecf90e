import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { en } from '../../core/messages/en.js';
import type { Actor } from '../../core/types.js';
import type { AlertModerators } from '../../core/use-cases/services.js';
import { textMessage } from './blocks.js';
import type { SlackContext } from './context.js';
import { notifyModerators } from './escalate.js';

// What every Slack listener shares: who acts, the hand-over to moderators, the one-time keys, the
// error boundary.

/** How long a trigger_id or event_id is remembered: Slack retries within minutes. */
export const ONCE_MS = 15 * 60_000;

export const actorOf = (userId: string): Actor => ({ platform: 'slack', id: userId, roles: [] });

/** The core's hand-over to moderators, on Slack: SLACK_MOD_CHANNEL or each moderator directly. */
export function alertFrom(ctx: SlackContext, client: WebClient): AlertModerators {
  return (question, why) => notifyModerators(ctx, client, question, why);
}

/** Runs a listener's work; a failure is logged and the member gets a private apology, never silence. */
export async function answering(
  ctx: SlackContext,
  respond: RespondFn,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    ctx.log.error({ err: error }, 'slack request failed');
    await respond({ response_type: 'ephemeral', ...textMessage(en.sorry) }).catch(() => undefined);
  }
}
