import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { actorOf } from '../actor.js';
import { askCore } from '../ask.js';
import type { DiscordContext } from '../context.js';
import { Responder } from '../respond.js';

/** `/connects faq topic:` — one FAQ entry, by the id autocomplete filled in or a title typed. */
export async function connectsFaq(
  ctx: DiscordContext,
  interaction: ChatInputCommandInteraction,
): Promise<void> {
  const responder = new Responder(interaction);
  const reply = await askCore(ctx, {
    id: interaction.id,
    actor: actorOf(interaction.user, interaction.member),
    channelId: interaction.channelId,
    body: { kind: 'faq', topic: interaction.options.getString('topic', true) },
    privateReply: false,
    origin: { channel: interaction.channel, message: null },
  });
  // An unknown topic is the member's typo: tell only them.
  await responder.reply(reply, interaction.id, reply.outcome === 'refused');
}

const MAX_CHOICES = 25;

/** Topics whose id or title contains what has been typed, titles shown, ids sent back. */
export async function faqAutocomplete(
  ctx: DiscordContext,
  interaction: AutocompleteInteraction,
): Promise<void> {
  const typed = interaction.options.getFocused().trim().toLowerCase();
  const choices = ctx.desk.kb.entries
    .filter((entry) => typed === '' || entry.id.includes(typed) || entry.title.toLowerCase().includes(typed))
    .slice(0, MAX_CHOICES)
    .map((entry) => ({ name: entry.title.slice(0, 100), value: entry.id }));
  await interaction.respond(choices);
}
