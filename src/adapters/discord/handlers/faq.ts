import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { lookUp } from '../../../core/use-cases/look-up.js';
import { actorOf } from '../actor.js';
import { alertFrom } from '../alert.js';
import type { DiscordContext } from '../context.js';
import { Responder } from '../respond.js';

/** `/connects faq topic:` — one FAQ entry, by the id autocomplete filled in or a title typed. */
export async function connectsFaq(
  ctx: DiscordContext,
  interaction: ChatInputCommandInteraction,
): Promise<void> {
  const shown = await lookUp(ctx.services, {
    id: interaction.id,
    actor: actorOf(interaction.user, interaction.member),
    channelId: interaction.channelId,
    what: { topic: interaction.options.getString('topic', true) },
    alert: alertFrom(ctx, { channel: interaction.channel, message: null }),
  });
  await new Responder(interaction).show(shown);
}

const MAX_CHOICES = 25;

/** Topics whose id or title contains what has been typed, titles shown, ids sent back. */
export async function faqAutocomplete(
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
