import type { MessageContextMenuCommandInteraction } from 'discord.js';
import { actorOf } from '../actor.js';
import { askCore, cooldownNote } from '../ask.js';
import type { DiscordContext } from '../context.js';
import { Responder } from '../respond.js';

/**
 * The message menu "Ask Help Bot": answers the chosen message in the channel. The message may be
 * someone else's, so the answer is the general one, never anybody's account data.
 */
export async function askHelpBot(
  ctx: DiscordContext,
  interaction: MessageContextMenuCommandInteraction,
): Promise<void> {
  const responder = new Responder(interaction);
  const actor = actorOf(interaction.user, interaction.member);
  const text = interaction.targetMessage.content.trim();
  if (text === '') return responder.text('That message has no text I can answer.', true);
  const wait = await cooldownNote(ctx, actor);
  if (wait !== null) return responder.text(wait, true);
  responder.watch(false);
  const reply = await askCore(ctx, {
    id: interaction.id,
    actor,
    channelId: interaction.channelId,
    body: { kind: 'question', text },
    privateReply: false,
    origin: { channel: interaction.channel, message: null },
    link: interaction.targetMessage.url,
  });
  await responder.reply(reply, interaction.id, false);
}
