import type { ChatInputCommandInteraction } from 'discord.js';
import type { AccountView } from '../../../core/types.js';
import { actorOf } from '../actor.js';
import { askCore } from '../ask.js';
import type { DiscordContext } from '../context.js';
import { Responder } from '../respond.js';

/** `/connects balance` and `/connects refunds`: the member's own account, always ephemeral. */
export function accountView(view: AccountView) {
  return async (ctx: DiscordContext, interaction: ChatInputCommandInteraction): Promise<void> => {
    const responder = new Responder(interaction);
    responder.watch(true);
    const reply = await askCore(ctx, {
      id: interaction.id,
      actor: actorOf(interaction.user, interaction.member),
      channelId: interaction.channelId,
      body: { kind: 'account', view },
      privateReply: true,
      origin: { channel: interaction.channel, message: null },
    });
    await responder.reply(reply, interaction.id, true);
  };
}
