import type { ChatInputCommandInteraction } from 'discord.js';
import { actorOf } from '../actor.js';
import { askCore, cooldownNote } from '../ask.js';
import type { DiscordContext } from '../context.js';
import { Responder } from '../respond.js';

/** `/connects ask question:` — public unless the answer holds the member's own data. */
export async function connectsAsk(
  ctx: DiscordContext,
  interaction: ChatInputCommandInteraction,
): Promise<void> {
  const responder = new Responder(interaction);
  const actor = actorOf(interaction.user, interaction.member);
  const wait = await cooldownNote(ctx, actor);
  if (wait !== null) return responder.text(wait, true);
  responder.watch(true);
  const reply = await askCore(ctx, {
    id: interaction.id,
    actor,
    channelId: interaction.channelId,
    body: { kind: 'question', text: interaction.options.getString('question', true) },
    privateReply: true,
    origin: { channel: interaction.channel, message: null },
  });
  await responder.reply(reply, interaction.id, reply.visibility === 'private');
}
