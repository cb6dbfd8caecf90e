import type { AutocompleteInteraction } from 'discord.js';
import type { DiscordContext } from '../context.js';

const MAX_CHOICES = 25;

/** Topics whose id or title contains what has been typed, titles shown, ids sent back. */
export async function topicAutocomplete(
  ctx: DiscordContext,
  interaction: AutocompleteInteraction,
): Promise<void> {
  const typed = interaction.options.getFocused().trim().toLowerCase();
  const choices = ctx.services.desk.kb.entries
    .filter((entry) => typed === '' || entry.id.includes(typed) || entry.title.toLowerCase().includes(typed))
    .slice(0, MAX_CHOICES)
    .map((entry) => ({ name: entry.title.slice(0, 100), value: entry.id }));
  await interaction.respond(choices);
}
