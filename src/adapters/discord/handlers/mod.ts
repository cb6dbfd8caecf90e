import type { ChatInputCommandInteraction } from 'discord.js';
import type { JobOutcome } from '../../../core/ledger/types.js';
import type { ModCommand } from '../../../core/moderation/commands.js';
import { moderate } from '../../../core/use-cases/moderate.js';
import { actorOf } from '../actor.js';
import type { DiscordContext } from '../context.js';
import { Responder } from '../respond.js';

/** `/connects-mod <action>`: the options become a core command; the core decides who may. Always ephemeral. */
export async function connectsMod(
  ctx: DiscordContext,
  interaction: ChatInputCommandInteraction,
): Promise<void> {
  const responder = new Responder(interaction);
  responder.watch(true);
  const shown = await moderate(ctx.services, {
    id: interaction.id,
    actor: actorOf(interaction.user, interaction.member),
    command: commandOf(interaction),
  });
  await responder.show(shown);
}

function commandOf(interaction: ChatInputCommandInteraction): ModCommand {
  const options = interaction.options;
  const member = () => `discord:${options.getUser('user', true).id}`;
  const action = options.getSubcommand(true);
  switch (action) {
    case 'teach':
      return {
        action,
        question: options.getString('question', true),
        intent: options.getString('intent', true),
      };
    case 'notice':
      return {
        action,
        intent: options.getString('intent', true),
        text: options.getString('text', true),
        hours: options.getInteger('hours', true),
      };
    case 'grant':
    case 'adjust':
      return {
        action,
        user: member(),
        amount: options.getInteger('amount', true),
        reason: options.getString('reason', true),
      };
    case 'outcome':
      return {
        action,
        user: member(),
        proposal: options.getString('proposal', true),
        outcome: options.getString('outcome', true) as JobOutcome,
      };
    case 'lookup':
      return { action, user: member() };
    case 'mute': {
      const hours = options.getInteger('hours');
      return {
        action,
        channel: options.getChannel('channel', true).id,
        ...(hours === null ? {} : { hours }),
      };
    }
    case 'unmute':
      return { action, channel: options.getChannel('channel', true).id };
    case 'unanswered':
    case 'stats':
    case 'audit':
      return { action };
    case 'preview':
      return { action, topic: options.getString('intent', true) };
    default:
      throw new Error(`unknown /connects-mod subcommand ${action}; redeploy the commands`);
  }
}
