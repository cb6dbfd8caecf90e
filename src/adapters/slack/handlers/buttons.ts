import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { recordVerdict } from '../../../core/feedback.js';
import { identityOf } from '../../../core/types.js';
import { parseButtonId } from '../../button-ids.js';
import { actorOf, ask, ONCE_MS } from '../ask.js';
import { replyMessage, textMessage } from '../blocks.js';
import type { SlackContext } from '../context.js';
import { notifyModerators } from '../escalate.js';

/** Helpful / not helpful / ask a moderator, a picked topic, a moderator's one-click teach. */
export async function buttonAction(
  ctx: SlackContext,
  action: { actionId: string; userId: string; triggerId: string },
  respond: RespondFn,
  client: WebClient,
): Promise<void> {
  if (!(await ctx.state.claimOnce(`slack-action:${action.triggerId}`, ONCE_MS))) return;
  const parsed = parseButtonId(action.actionId);
  const privately = (text: string) =>
    respond({ response_type: 'ephemeral', replace_original: false, ...textMessage(text) });
  if (parsed === undefined) return void (await privately('That button is no longer in use.'));
  const question = await ctx.state.question(parsed.questionId);
  if (question === undefined)
    return void (await privately('That question is too old for me to find; please ask again.'));
  const actor = actorOf(action.userId);
  switch (parsed.kind) {
    case 'feedback':
      await recordVerdict(ctx.state, question, identityOf(actor), parsed.verdict, ctx.clock());
      return void (await privately(
        parsed.verdict === 'helpful'
          ? 'Thanks, glad it helped.'
          : 'Thanks for telling me. A moderator will see it.',
      ));
    case 'moderator': {
      await recordVerdict(ctx.state, question, identityOf(actor), 'moderator', ctx.clock());
      const reached = await notifyModerators(ctx, client, question, 'A member asked for a moderator.');
      return void (await privately(
        reached
          ? 'Thanks, I have passed your question to the moderators. Someone will look at it soon.'
          : 'I could not reach the moderators from here; please ask in the help channel.',
      ));
    }
    case 'pick': {
      const reply = await ask(
        ctx,
        action.triggerId,
        actor,
        question.channelId ?? '',
        { kind: 'faq', topic: parsed.intent, picked: true },
        true,
      );
      await respond({
        response_type: reply.visibility === 'private' ? 'ephemeral' : 'in_channel',
        replace_original: false,
        ...replyMessage(reply, action.triggerId),
      });
      return;
    }
    case 'teach': {
      const result = await ctx.moderation.handle({
        id: action.triggerId,
        actor,
        command: { action: 'teach', question: question.text, intent: parsed.intent },
        now: ctx.clock(),
      });
      return void (await privately(result.text));
    }
  }
}
