import type { AlertModerators } from '../../core/use-cases/services.js';
import type { DiscordContext } from './context.js';
import { notifyModerators, type Origin } from './escalate.js';

/** The core's hand-over to moderators, on Discord: a post, or a thread where it was asked. */
export function alertFrom(ctx: DiscordContext, origin: Origin): AlertModerators {
  return async (question, why) => (await notifyModerators(ctx, question, why, origin)) !== null;
}
