import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import { en } from '../../../core/messages/en.js';
import { askQuestion } from '../../../core/use-cases/ask-question.js';
import { messageOf, textMessage } from '../blocks.js';
import type { SlackContext } from '../context.js';
import { actorOf, alertFrom, ONCE_MS } from '../event-parts.js';

export function register(app: App, ctx: SlackContext): void {
  app.event('app_mention', appMention(ctx));
}

/** `@Help Bot …` in a channel: a reply in the thread, general only (everyone can read it). */
export function appMention(ctx: SlackContext) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
    if (('bot_id' in event && event.bot_id !== undefined) || event.user === undefined) return;
    const user = event.user;
    try {
      if (!(await ctx.services.state.claimOnce(`slack-event:${body.event_id}`, ONCE_MS))) return;
      const shown = await askQuestion(ctx.services, {
        id: body.event_id,
        actor: actorOf(user),
        channelId: event.channel,
        text: event.text.replace(/<@[UW][A-Z0-9]+(\|[^>]*)?>/g, ' '),
        source: 'mention',
        mutedIn: event.channel,
        alert: alertFrom(ctx, client),
      });
      if (shown.kind === 'nothing') return;
      // A note for the member alone (ask again in a moment) is ephemeral; answers go in the thread.
      if (shown.private) {
        await client.chat.postEphemeral({ channel: event.channel, user, ...messageOf(shown) });
        return;
      }
      await client.chat.postMessage({
        channel: event.channel,
        thread_ts: event.thread_ts ?? event.ts,
        ...messageOf(shown),
      });
    } catch (error) {
      ctx.log.error({ err: error, event: body.event_id }, 'slack mention failed');
      await client.chat
        .postMessage({ channel: event.channel, thread_ts: event.ts, ...textMessage(en.sorry) })
        .catch(() => undefined);
    }
  };
}
