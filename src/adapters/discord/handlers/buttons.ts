import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { parseButtonId } from '../../../core/use-cases/button-ids.js';
import { pressButton } from '../../../core/use-cases/press-button.js';
import { actorOf } from '../actor.js';
import { alertFrom } from '../alert.js';
import type { DiscordContext } from '../context.js';
import { Responder } from '../respond.js';

/** Helpful / not helpful / ask a moderator, a picked topic, a moderator's one-click teach. */
export async function button(ctx: DiscordContext, interaction: ButtonInteraction): Promise<void> {
  const responder = new Responder(interaction);
  // Reaching the moderators is a few REST calls: acknowledge at once, privately. Other clicks
  // are quick, and deferred only if they run long.
  if (parseButtonId(interaction.customId)?.kind === 'moderator')
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  else responder.watch(true);
  const shown = await pressButton(ctx.services, {
    id: interaction.id,
    buttonId: interaction.customId,
    actor: actorOf(interaction.user, interaction.member),
    channelId: interaction.channelId,
    alert: alertFrom(ctx, { channel: interaction.channel, message: interaction.message }),
  });
  await responder.show(shown);
}
