import type { RespondFn, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { AccountView } from '../../../core/types.js';
import { actorOf, ask, cooldownNote, flagIfNeeded, ONCE_MS } from '../ask.js';
import { replyMessage, textMessage } from '../blocks.js';
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
  if (!(await ctx.state.claimOnce(`slack-command:${command.trigger_id}`, ONCE_MS))) return;
  const actor = actorOf(command.user_id);
  const [sub = '', ...words] = command.text.trim().split(/\s+/);
  const rest = words.join(' ').trim();
  const id = command.trigger_id;
  const view: AccountView | null = sub === 'balance' || sub === 'refunds' ? sub : null;
  if (view !== null) {
    const reply = await ask(ctx, id, actor, command.channel_id, { kind: 'account', view }, true);
    await respond({ response_type: 'ephemeral', ...replyMessage(reply, id) });
    return;
  }
  if (sub === 'faq' && rest !== '') {
    const reply = await ask(ctx, id, actor, command.channel_id, { kind: 'faq', topic: rest }, false);
    await respond({
      response_type: reply.outcome === 'refused' ? 'ephemeral' : 'in_channel',
      ...replyMessage(reply, id),
    });
    return;
  }
  if (sub === 'ask' && rest !== '') {
    const wait = await cooldownNote(ctx, actor);
    if (wait !== null) {
      await respond({ response_type: 'ephemeral', ...textMessage(wait) });
      return;
    }
    const reply = await ask(ctx, id, actor, command.channel_id, { kind: 'question', text: rest }, true);
    await respond({
      response_type: reply.visibility === 'private' ? 'ephemeral' : 'in_channel',
      ...replyMessage(reply, id),
    });
    await flagIfNeeded(ctx, client, id, reply);
    return;
  }
  await respond({ response_type: 'ephemeral', ...textMessage(USAGE) });
}
