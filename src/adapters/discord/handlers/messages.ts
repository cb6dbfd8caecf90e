import { ChannelType, type Message } from 'discord.js';
import { isMuted } from '../../../core/guard.js';
import type { Reply } from '../../../core/types.js';
import { actorOf } from '../actor.js';
import { askCore, cooldownNote } from '../ask.js';
import type { DiscordContext } from '../context.js';
import { NO_PINGS, replyComponents, splitContent } from '../render.js';

/** A message in a channel the bot watches; anything else is none of its business. */
export async function onMessage(ctx: DiscordContext, message: Message): Promise<void> {
  const me = ctx.client.user;
  if (me === null || message.author.bot || message.author.id === me.id || message.system) return;
  const channel = message.channel;
  const isForumPost =
    channel.isThread() &&
    channel.parent?.type === ChannelType.GuildForum &&
    ctx.settings.forumChannelIds.includes(channel.parentId ?? '') &&
    message.id === channel.id;
  const isHelpMention =
    ctx.settings.helpChannelIds.includes(message.channelId) &&
    message.mentions.has(me, { ignoreEveryone: true, ignoreRoles: true, ignoreRepliedUser: true });
  if (!isForumPost && !isHelpMention) return;
  // The gateway may deliver a message twice after a resume; answer it once.
  if (!(await ctx.state.claimOnce(`discord-message:${message.id}`, 3_600_000))) return;
  // A forum post is muted through its forum channel.
  const watched =
    isForumPost && channel.isThread() ? (channel.parentId ?? message.channelId) : message.channelId;
  if (await isMuted(ctx.state, watched, ctx.clock())) return;
  if (isForumPost && channel.isThread())
    return forumPost(ctx, message, `${channel.name}\n${message.content}`);
  return helpMention(ctx, message, me.id);
}

async function helpMention(ctx: DiscordContext, message: Message, botId: string): Promise<void> {
  const actor = actorOf(message.author, message.member);
  const text = message.content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').trim();
  if (text === '') {
    await message.reply({
      content: 'Ask me a question about Connects, e.g. "when do my free Connects arrive?"',
      allowedMentions: NO_PINGS,
    });
    return;
  }
  const wait = await cooldownNote(ctx, actor);
  if (wait !== null) {
    await message.reply({ content: wait, allowedMentions: NO_PINGS });
    return;
  }
  const reply = await askCore(ctx, {
    id: message.id,
    actor,
    channelId: message.channelId,
    body: { kind: 'question', text },
    privateReply: false,
    origin: { channel: message.channel, message },
    link: message.url,
  });
  await post(message, reply, { inReplyTo: true });
}

/** A new forum post gets an answer in its thread only when the bot is confident; otherwise silence. */
async function forumPost(ctx: DiscordContext, message: Message, text: string): Promise<void> {
  const reply = await askCore(ctx, {
    id: message.id,
    actor: actorOf(message.author, message.member),
    channelId: message.channelId,
    body: { kind: 'question', text },
    privateReply: false,
    origin: { channel: message.channel, message },
    link: message.url,
  });
  if (reply.outcome !== 'answered') return;
  await post(message, reply, { inReplyTo: false });
}

/** The reply in the message's channel, split within Discord's limit, buttons under the last part. */
async function post(message: Message, reply: Reply, options: { inReplyTo: boolean }): Promise<void> {
  const chunks = splitContent(reply.text);
  for (const [index, content] of chunks.entries()) {
    const components = index === chunks.length - 1 ? replyComponents(reply, message.id) : [];
    const payload = { content, allowedMentions: NO_PINGS, components };
    if (index === 0 && options.inReplyTo) await message.reply(payload);
    else if (message.channel.isSendable()) await message.channel.send(payload);
  }
}
