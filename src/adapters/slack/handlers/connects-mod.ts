import type { RespondFn, SlashCommand } from '@slack/bolt';
import { moderate } from '../../../core/use-cases/moderate.js';
import { actorOf, ONCE_MS } from '../ask.js';
import { messageOf, textMessage } from '../blocks.js';
import type { SlackContext } from '../context.js';
import { parseSlackModText } from '../mod-text.js';

/** `/connects-mod …`: parsed here, decided in the core (SLACK_MODERATOR_IDS), answered privately. */
export async function connectsModCommand(
  ctx: SlackContext,
  command: SlashCommand,
  respond: RespondFn,
): Promise<void> {
  if (!(await ctx.services.state.claimOnce(`slack-command:${command.trigger_id}`, ONCE_MS))) return;
  const parsed = parseSlackModText(command.text);
  if (typeof parsed === 'string') {
    await respond({ response_type: 'ephemeral', ...textMessage(parsed) });
    return;
  }
  const shown = await moderate(ctx.services, {
    id: command.trigger_id,
    actor: actorOf(command.user_id),
    command: parsed,
  });
  if (shown.kind === 'message') await respond({ response_type: 'ephemeral', ...messageOf(shown) });
}
