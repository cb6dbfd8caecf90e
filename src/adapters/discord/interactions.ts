import { type Interaction, MessageFlags } from 'discord.js';
import { en } from '../../core/messages/en.js';
import { ASK_HELP_BOT, SLASH_GROUPS } from './commands.js';
import type { DiscordContext } from './context.js';
import { askHelpBot } from './handlers/ask-help-bot.js';
import { button } from './handlers/buttons.js';
import { slashCommand } from './handlers/slash-command.js';
import { topicAutocomplete } from './handlers/topic-autocomplete.js';

/** Routes an interaction to its handler; unknown ones get a polite private note. */
export async function onInteraction(ctx: DiscordContext, interaction: Interaction): Promise<void> {
  // A redelivered interaction has one effect (its token can be answered once anyway).
  if (!(await ctx.services.state.claimOnce(`discord-interaction:${interaction.id}`, 15 * 60_000))) return;
  if (interaction.isAutocomplete()) {
    // Only FAQ topics autocomplete (/connects faq topic, /connects-mod teach|notice|preview intent).
    const group = SLASH_GROUPS.find((candidate) => candidate.name === interaction.commandName);
    if (group === undefined) await interaction.respond([]);
    else await topicAutocomplete(ctx, interaction);
    return;
  }
  if (interaction.isChatInputCommand()) {
    const group = SLASH_GROUPS.find((candidate) => candidate.name === interaction.commandName);
    const name = interaction.options.getSubcommand(false);
    const command = group?.commands.find((candidate) => candidate.name === name);
    if (command !== undefined) return slashCommand(ctx, interaction, command);
  }
  if (interaction.isMessageContextMenuCommand() && interaction.commandName === ASK_HELP_BOT.name)
    return askHelpBot(ctx, interaction);
  if (interaction.isButton()) return button(ctx, interaction);
  if (interaction.isRepliable()) {
    await interaction.reply({
      content: en.commandsOutdated,
      flags: MessageFlags.Ephemeral,
    });
  }
}
