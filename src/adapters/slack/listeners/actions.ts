import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { BUTTON_ID_PREFIXES } from '../../../core/use-cases/button-ids.js';
import { pressButton } from '../../../core/use-cases/press-button.js';
import { messageOf, responseType } from '../blocks.js';
import type { SlackContext } from '../context.js';
import { actorOf, alertFrom, answering, ONCE_MS } from '../event-parts.js';

export function register(app: App, ctx: SlackContext): void {
  app.action<BlockAction>(
    { type: 'block_actions', action_id: new RegExp(`^(${BUTTON_ID_PREFIXES.join('|')}):`) },
    buttonAction(ctx),
  );
}

/** Helpful / not helpful / ask a moderator, a picked topic, a moderator's one-click teach. */
export function buttonAction(ctx: SlackContext) {
  return async ({
    action,
    body,
    ack,
    respond,
    client,
  }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    // Our ids are only ever on buttons; anything else with such an id is not ours to handle.
    if (action.type !== 'button') return;
    await answering(ctx, respond, async () => {
      const triggerId = body.trigger_id ?? `${body.user.id}-${action.action_ts}`;
      if (!(await ctx.services.state.claimOnce(`slack-action:${triggerId}`, ONCE_MS))) return;
      const shown = await pressButton(ctx.services, {
        id: triggerId,
        buttonId: action.action_id,
        actor: actorOf(body.user.id),
        channelId: null,
        alert: alertFrom(ctx, client),
      });
      if (shown.kind === 'nothing') return;
      await respond({ response_type: responseType(shown), replace_original: false, ...messageOf(shown) });
    });
  };
}
