import { ChannelType, type Message } from 'discord.js';
import { askQuestion } from '../../../core/use-cases/ask-question.js';
import type { Shown } from '../../../core/use-cases/services.js';
import { actorOf } from '../actor.js';
import { alertFrom } from '../alert.js';
import type { DiscordContext } from '../context.js';
import { componentsOf, NO_PINGS, splitContent } from '../render.js';

/** A message in a channel the bot watches; anything else is none of its business. */
export async function onMessage(ctx: DiscordContext, message: Message): Promise<void> {
  const me = ctx.client.user;
  if (me === null || message.author.bot || message.author.id === me.id || message.system) return;
  const channel = message.channel;
  const forum =
    channel.isThread() &&
    channel.parent?.type === ChannelType.GuildForum &&
    ctx.settings.forumChannelIds.includes(channel.parentId ?? '') &&
    message.id === channel.id
      ? channel
      : null;
  const isHelpMention =
    ctx.settings.helpChannelIds.includes(message.channelId) &&
    message.mentions.has(me, { ignoreEveryone: true, ignoreRoles: true, ignoreRepliedUser: true });
  if (forum === null && !isHelpMention) return;
  // The gateway may deliver a message twice after a resume; answer it once.
  if (!(await ctx.services.state.claimOnce(`discord-message:${message.id}`, 3_600_000))) return;
  const shown = await askQuestion(ctx.services, {
    id: message.id,
    actor: actorOf(message.author, message.member),
    channelId: message.channelId,
    // A forum post's title is part of what it asks.
    text:
      forum === null
        ? message.content.replace(new RegExp(`<@!?${me.id}>`, 'g'), ' ')
        : `${forum.name}\n${message.content}`,
    source: forum === null ? 'mention' : 'forum-post',
    // A forum post is muted through its forum channel.
    mutedIn: forum?.parentId ?? message.channelId,
    link: message.url,
    alert: alertFrom(ctx, { channel: message.channel, message }),
  });
  await post(message, shown, { inReplyTo: forum === null });
}

/**
 * What the core shows, in the message's channel: split within Discord's limit, buttons under the
 * last part. A channel has no private replies; the core puts nothing private in these.
 */
async function post(message: Message, shown: Shown, options: { inReplyTo: boolean }): Promise<void> {
  if (shown.kind === 'nothing') return;
  const chunks = splitContent(shown.text);
  for (const [index, content] of chunks.entries()) {
    const components = index === chunks.length - 1 ? componentsOf(shown.buttons) : [];
    const payload = { content, allowedMentions: NO_PINGS, components };
    if (index === 0 && options.inReplyTo) await message.reply(payload);
    else if (message.channel.isSendable()) await message.channel.send(payload);
  }
}
