import type { ChatInputCommandInteraction } from 'discord.js';
import type { AccountView } from '../../../core/types.js';
import { lookUp } from '../../../core/use-cases/look-up.js';
import { actorOf } from '../actor.js';
import { alertFrom } from '../alert.js';
import type { DiscordContext } from '../context.js';
import { Responder } from '../respond.js';

/** `/connects balance` and `/connects refunds`: the member's own account, always ephemeral. */
export function accountView(view: AccountView) {
  return async (ctx: DiscordContext, interaction: ChatInputCommandInteraction): Promise<void> => {
    const responder = new Responder(interaction);
    responder.watch(true);
    const shown = await lookUp(ctx.services, {
      id: interaction.id,
      actor: actorOf(interaction.user, interaction.member),
      channelId: interaction.channelId,
      what: { view },
      alert: alertFrom(ctx, { channel: interaction.channel, message: null }),
    });
    await responder.show(shown);
  };
}
