import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { pressButton } from '../../../core/use-cases/press-button.js';
import { actorOf, alertFrom, ONCE_MS } from '../ask.js';
import { messageOf, responseType } from '../blocks.js';
import type { SlackContext } from '../context.js';

/** Helpful / not helpful / ask a moderator, a picked topic, a moderator's one-click teach. */
export async function buttonAction(
  ctx: SlackContext,
  action: { actionId: string; userId: string; triggerId: string },
  respond: RespondFn,
  client: WebClient,
): Promise<void> {
  if (!(await ctx.services.state.claimOnce(`slack-action:${action.triggerId}`, ONCE_MS))) return;
  const shown = await pressButton(ctx.services, {
    id: action.triggerId,
    buttonId: action.actionId,
    actor: actorOf(action.userId),
    channelId: null,
    alert: alertFrom(ctx, client),
  });
  if (shown.kind === 'nothing') return;
  await respond({ response_type: responseType(shown), replace_original: false, ...messageOf(shown) });
}
