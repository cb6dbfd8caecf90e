import type { WebClient } from '@slack/web-api';
import { isMuted } from '../../../core/guard.js';
import { actorOf, ask, cooldownNote, ONCE_MS } from '../ask.js';
import { replyMessage, textMessage } from '../blocks.js';
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
  if (!(await ctx.state.claimOnce(`slack-event:${mention.eventId}`, ONCE_MS))) return;
  if (await isMuted(ctx.state, mention.channel, ctx.clock())) return;
  const actor = actorOf(mention.user);
  const thread = { channel: mention.channel, thread_ts: mention.threadTs ?? mention.ts };
  const text = mention.text.replace(/<@[UW][A-Z0-9]+(\|[^>]*)?>/g, ' ').trim();
  if (text === '') {
    await client.chat.postMessage({
      ...thread,
      ...textMessage('Ask me a question about Connects, e.g. "when do my free Connects arrive?"'),
    });
    return;
  }
  const wait = await cooldownNote(ctx, actor);
  if (wait !== null) {
    await client.chat.postEphemeral({ channel: mention.channel, user: mention.user, ...textMessage(wait) });
    return;
  }
  const reply = await ask(ctx, mention.eventId, actor, mention.channel, { kind: 'question', text }, false);
  await client.chat.postMessage({ ...thread, ...replyMessage(reply, mention.eventId) });
}
