import { ChannelType, type Message, type MessageCreateOptions, type TextBasedChannel } from 'discord.js';
import type { QuestionRecord } from '../../core/state/store.js';
import { type AlertField, alertCard, quoteForAlert } from '../../core/use-cases/alert-card.js';
import type { DiscordContext } from './context.js';

export interface Origin {
  readonly channel: TextBasedChannel | null;
  readonly message: Message | null;
}

/**
 * Hands a question to the moderators: a post in MOD_CHANNEL_ID, or a thread on the question when
 * there is none, pinging the moderator roles and nobody else. Returns where it went, or null.
 */
export async function notifyModerators(
  ctx: DiscordContext,
  question: QuestionRecord,
  why: string,
  origin: Origin,
): Promise<string | null> {
  const roles = ctx.settings.moderatorRoleIds;
  const card = alertCard(question, why);
  const lines = [
    `${roles.map((id) => `<@&${id}>`).join(' ')} ${card.why}`.trim(),
    ...card.fields.map((field) => `**${field.label}:** ${fieldText(field)}`),
  ];
  const payload: MessageCreateOptions = {
    content: lines.join('\n'),
    // The moderator roles are the only mention the bot ever lets ping.
    allowedMentions: { parse: [], roles: [...roles] },
  };

  const modChannelId = ctx.settings.modChannelId;
  if (modChannelId !== undefined) {
    const channel = await ctx.client.channels.fetch(modChannelId);
    if (channel?.isSendable()) {
      const sent = await channel.send(payload);
      return sent.url;
    }
    ctx.log.warn({ modChannelId }, 'MOD_CHANNEL_ID is not a channel the bot can post in');
  }
  const name = card.title;
  if (
    origin.message !== null &&
    !origin.message.flags.has('Ephemeral') &&
    origin.message.channel.type === ChannelType.GuildText
  ) {
    const thread = await origin.message.startThread({ name });
    return (await thread.send(payload)).url;
  }
  if (origin.channel !== null && origin.channel.type === ChannelType.GuildText) {
    const thread = await origin.channel.threads.create({
      name,
      type: ChannelType.PrivateThread,
      invitable: false,
    });
    return (await thread.send(payload)).url;
  }
  ctx.log.warn({ question: question.id }, 'nowhere to hand the question to moderators');
  return null;
}

/** A member is mentioned (the card's one allowed ping goes to the roles, so this one stays silent). */
function fieldText(field: AlertField): string {
  if (field.kind === 'member') return `<@${field.text.replace(/^discord:/, '')}>`;
  return field.kind === 'quote' ? quoteForAlert(field.text) : field.text;
}
