import { type Interaction, MessageFlags } from 'discord.js';
import { ASK_HELP_BOT, CONNECTS, CONNECTS_MOD } from './commands.js';
import type { DiscordContext } from './context.js';
import { accountView } from './handlers/account.js';
import { connectsAsk } from './handlers/ask.js';
import { askHelpBot } from './handlers/ask-help-bot.js';
import { button } from './handlers/buttons.js';
import { connectsFaq, faqAutocomplete } from './handlers/faq.js';
import { connectsMod } from './handlers/mod.js';

type Handler<I> = (ctx: DiscordContext, interaction: I) => Promise<void>;

/** `/connects <subcommand>` handlers, one small file each. */
const CONNECTS_SUBCOMMANDS = {
  ask: connectsAsk,
  balance: accountView('balance'),
  refunds: accountView('refunds'),
  faq: connectsFaq,
} as const satisfies Record<string, Handler<never>>;

/** Routes an interaction to its handler; unknown ones get a polite private note. */
export async function onInteraction(ctx: DiscordContext, interaction: Interaction): Promise<void> {
  // A redelivered interaction has one effect (its token can be answered once anyway).
  if (!(await ctx.services.state.claimOnce(`discord-interaction:${interaction.id}`, 15 * 60_000))) return;
  if (interaction.isAutocomplete()) {
    // Both commands autocomplete FAQ entries: /connects faq topic, /connects-mod teach|notice intent.
    if (interaction.commandName === CONNECTS || interaction.commandName === CONNECTS_MOD)
      await faqAutocomplete(ctx, interaction);
    else await interaction.respond([]);
    return;
  }
  if (interaction.isChatInputCommand() && interaction.commandName === CONNECTS_MOD)
    return connectsMod(ctx, interaction);
  if (interaction.isChatInputCommand() && interaction.commandName === CONNECTS) {
    const name = interaction.options.getSubcommand(false) ?? '';
    const handler = CONNECTS_SUBCOMMANDS[name as keyof typeof CONNECTS_SUBCOMMANDS];
    if (handler !== undefined) return handler(ctx, interaction);
  }
  if (interaction.isMessageContextMenuCommand() && interaction.commandName === ASK_HELP_BOT) {
    return askHelpBot(ctx, interaction);
  }
  if (interaction.isButton()) return button(ctx, interaction);
  if (interaction.isRepliable()) {
    await interaction.reply({
      content: 'I do not know that command; run `helpbot discord deploy-commands` to refresh the list.',
      flags: MessageFlags.Ephemeral,
    });
  }
}
