import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { recordVerdict } from '../../../core/feedback.js';
import { identityOf } from '../../../core/types.js';
import { parseButtonId } from '../../button-ids.js';
import { actorOf } from '../actor.js';
import { askCore } from '../ask.js';
import type { DiscordContext } from '../context.js';
import { notifyModerators } from '../escalate.js';
import { Responder } from '../respond.js';

const EXPIRED = 'That question is too old for me to find; please ask again.';

/** Helpful / not helpful / ask a moderator, and the close topics offered for a question. */
export async function button(ctx: DiscordContext, interaction: ButtonInteraction): Promise<void> {
  const responder = new Responder(interaction);
  const action = parseButtonId(interaction.customId);
  if (action === undefined) return responder.text('That button is no longer in use.', true);
  const actor = actorOf(interaction.user, interaction.member);
  const question = await ctx.state.question(action.questionId);
  if (question === undefined) return responder.text(EXPIRED, true);

  switch (action.kind) {
    case 'feedback': {
      await recordVerdict(ctx.state, question, identityOf(actor), action.verdict, ctx.clock());
      return responder.text(
        action.verdict === 'helpful'
          ? 'Thanks, glad it helped.'
          : 'Thanks for telling me. A moderator will see it; use **Ask a moderator** if you need an answer now.',
        true,
      );
    }
    case 'moderator': {
      // Posting to moderators is a few REST calls: acknowledge first, privately.
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await recordVerdict(ctx.state, question, identityOf(actor), 'moderator', ctx.clock());
      const where = await notifyModerators(ctx, question, 'A member asked for a moderator.', {
        channel: interaction.channel,
        message: interaction.message,
      });
      return responder.text(
        where === null
          ? 'I could not reach the moderators from here; please mention one in the help channel.'
          : 'Thanks, I have passed your question to the moderators. Someone will look at it soon.',
        true,
      );
    }
    case 'teach': {
      const result = await ctx.moderation.handle({
        id: interaction.id,
        actor,
        command: { action: 'teach', question: question.text, intent: action.intent },
        now: ctx.clock(),
      });
      return responder.text(result.text, true);
    }
    case 'pick': {
      const reply = await askCore(ctx, {
        id: interaction.id,
        actor,
        channelId: interaction.channelId,
        body: { kind: 'faq', topic: action.intent, picked: true },
        privateReply: true,
        origin: { channel: interaction.channel, message: interaction.message },
      });
      return responder.reply(reply, interaction.id, reply.visibility === 'private');
    }
  }
}
