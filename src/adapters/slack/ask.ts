import type { WebClient } from '@slack/web-api';
import type { Actor } from '../../core/types.js';
import type { AlertModerators } from '../../core/use-cases/services.js';
import type { SlackContext } from './context.js';
import { notifyModerators } from './escalate.js';

// What every Slack handler shares: who acts, the hand-over to moderators, the one-time keys.

/** How long a trigger_id or event_id is remembered: Slack retries within minutes. */
export const ONCE_MS = 15 * 60_000;

export const actorOf = (userId: string): Actor => ({ platform: 'slack', id: userId, roles: [] });

/** The core's hand-over to moderators, on Slack: SLACK_MOD_CHANNEL or each moderator directly. */
export function alertFrom(ctx: SlackContext, client: WebClient): AlertModerators {
  return (question, why) => notifyModerators(ctx, client, question, why);
}
