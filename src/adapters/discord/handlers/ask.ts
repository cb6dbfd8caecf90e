import type { ChatInputCommandInteraction } from 'discord.js';
import { askQuestion } from '../../../core/use-cases/ask-question.js';
import { actorOf } from '../actor.js';
import { alertFrom } from '../alert.js';
import type { DiscordContext } from '../context.js';
import { Responder } from '../respond.js';

/** `/connects ask question:` — public unless the answer holds the member's own data. */
export async function connectsAsk(
  ctx: DiscordContext,
  interaction: ChatInputCommandInteraction,
): Promise<void> {
  const responder = new Responder(interaction);
  responder.watch(true);
  const shown = await askQuestion(ctx.services, {
    id: interaction.id,
    actor: actorOf(interaction.user, interaction.member),
    channelId: interaction.channelId,
    text: interaction.options.getString('question', true),
    source: 'command',
    alert: alertFrom(ctx, { channel: interaction.channel, message: null }),
  });
  await responder.show(shown);
}
