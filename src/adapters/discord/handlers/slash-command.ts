import type { ChatInputCommandInteraction } from 'discord.js';
import type { Command } from '../../../core/commands/command.js';
import { actorOf } from '../actor.js';
import { alertFrom } from '../alert.js';
import type { DiscordContext } from '../context.js';
import { valuesOf } from '../read-options.js';
import { Responder } from '../respond.js';

/**
 * `/connects …` and `/connects-mod …`: the subcommand's options become the core command's values;
 * the core decides the answer and who may see it. Deferred privately if the work runs long.
 */
export async function slashCommand(
  ctx: DiscordContext,
  interaction: ChatInputCommandInteraction,
  command: Command,
): Promise<void> {
  const responder = new Responder(interaction);
  responder.watch(true);
  const shown = await command.run(ctx.services, valuesOf(command, interaction.options), {
    id: interaction.id,
    actor: actorOf(interaction.user, interaction.member),
    channelId: interaction.channelId,
    alert: alertFrom(ctx, { channel: interaction.channel, message: null }),
  });
  await responder.show(shown);
}
