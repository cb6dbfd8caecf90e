import type { MessageContextMenuCommandInteraction } from 'discord.js';
import { askQuestion } from '../../../core/use-cases/ask-question.js';
import { actorOf } from '../actor.js';
import { alertFrom } from '../alert.js';
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
  responder.watch(false);
  const shown = await askQuestion(ctx.services, {
    id: interaction.id,
    actor: actorOf(interaction.user, interaction.member),
    channelId: interaction.channelId,
    text: interaction.targetMessage.content,
    source: 'message-menu',
    link: interaction.targetMessage.url,
    alert: alertFrom(ctx, { channel: interaction.channel, message: null }),
  });
  await responder.show(shown);
}
