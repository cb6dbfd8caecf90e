import type { WebClient } from '@slack/web-api';
import { askQuestion } from '../../../core/use-cases/ask-question.js';
import { actorOf, alertFrom, ONCE_MS } from '../ask.js';
import { messageOf } from '../blocks.js';
import type { SlackContext } from '../context.js';

export interface Mention {
  readonly eventId: string;
  readonly user: string;
  readonly text: string;
  readonly channel: string;
  readonly ts: string;
  readonly threadTs?: string;
}

/** `@Help Bot …` in a channel: a reply in the thread, general only (everyone can read it). */
export async function appMention(ctx: SlackContext, mention: Mention, client: WebClient): Promise<void> {
  if (!(await ctx.services.state.claimOnce(`slack-event:${mention.eventId}`, ONCE_MS))) return;
  const shown = await askQuestion(ctx.services, {
    id: mention.eventId,
    actor: actorOf(mention.user),
    channelId: mention.channel,
    text: mention.text.replace(/<@[UW][A-Z0-9]+(\|[^>]*)?>/g, ' '),
    source: 'mention',
    mutedIn: mention.channel,
    alert: alertFrom(ctx, client),
  });
  if (shown.kind === 'nothing') return;
  // A note for the member alone (ask again in a moment) is ephemeral; answers go in the thread.
  if (shown.private) {
    await client.chat.postEphemeral({ channel: mention.channel, user: mention.user, ...messageOf(shown) });
    return;
  }
  await client.chat.postMessage({
    channel: mention.channel,
    thread_ts: mention.threadTs ?? mention.ts,
    ...messageOf(shown),
  });
}
