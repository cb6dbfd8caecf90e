import type { RespondFn, SlashCommand } from '@slack/bolt';
import { buttonId } from '../../button-ids.js';
import { actorOf, ONCE_MS } from '../ask.js';
import { textMessage } from '../blocks.js';
import type { SlackContext } from '../context.js';
import { parseSlackModText } from '../mod-text.js';

/** `/connects-mod …`: parsed here, decided in the core (SLACK_MODERATOR_IDS), answered privately. */
export async function connectsModCommand(
  ctx: SlackContext,
  command: SlashCommand,
  respond: RespondFn,
): Promise<void> {
  if (!(await ctx.state.claimOnce(`slack-command:${command.trigger_id}`, ONCE_MS))) return;
  const parsed = parseSlackModText(command.text);
  if (typeof parsed === 'string') {
    await respond({ response_type: 'ephemeral', ...textMessage(parsed) });
    return;
  }
  const result = await ctx.moderation.handle({
    id: command.trigger_id,
    actor: actorOf(command.user_id),
    command: parsed,
    now: ctx.clock(),
  });
  // The unanswered list: one click teaches a question to the entry the bot guessed.
  const suggestions = result.ok ? (result.suggestions ?? []).slice(0, 5) : [];
  const teach =
    suggestions.length === 0
      ? []
      : [
          {
            type: 'actions',
            elements: suggestions.map((suggestion) => ({
              type: 'button',
              text: {
                type: 'plain_text',
                text: `Teach as ${suggestion.intent}: ${suggestion.question}`.slice(0, 75),
              },
              action_id: buttonId({
                kind: 'teach',
                intent: suggestion.intent,
                questionId: suggestion.questionId,
              }),
            })),
          },
        ];
  await respond({ response_type: 'ephemeral', ...textMessage(result.text, teach) });
}
