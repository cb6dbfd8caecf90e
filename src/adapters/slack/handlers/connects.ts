import type { RespondFn, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { askQuestion } from '../../../core/use-cases/ask-question.js';
import { lookUp } from '../../../core/use-cases/look-up.js';
import type { Shown } from '../../../core/use-cases/services.js';
import { actorOf, alertFrom, ONCE_MS } from '../ask.js';
import { messageOf, responseType, textMessage } from '../blocks.js';
import type { SlackContext } from '../context.js';

const USAGE =
  'Use `/connects ask QUESTION`, `/connects balance`, `/connects refunds` or `/connects faq TOPIC`.';

/** `/connects ask|balance|refunds|faq …`. Account data only ever in an ephemeral response. */
export async function connectsCommand(
  ctx: SlackContext,
  command: SlashCommand,
  respond: RespondFn,
  client: WebClient,
): Promise<void> {
  if (!(await ctx.services.state.claimOnce(`slack-command:${command.trigger_id}`, ONCE_MS))) return;
  const [sub = '', ...words] = command.text.trim().split(/\s+/);
  const rest = words.join(' ').trim();
  const event = {
    id: command.trigger_id,
    actor: actorOf(command.user_id),
    channelId: command.channel_id,
    alert: alertFrom(ctx, client),
  };
  let shown: Shown;
  if (sub === 'balance' || sub === 'refunds')
    shown = await lookUp(ctx.services, { ...event, what: { view: sub } });
  else if (sub === 'faq' && rest !== '')
    shown = await lookUp(ctx.services, { ...event, what: { topic: rest } });
  else if (sub === 'ask' && rest !== '')
    shown = await askQuestion(ctx.services, { ...event, text: rest, source: 'command' });
  else {
    await respond({ response_type: 'ephemeral', ...textMessage(USAGE) });
    return;
  }
  if (shown.kind === 'message') await respond({ response_type: responseType(shown), ...messageOf(shown) });
}
