import type { RespondFn, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { recordVerdict } from '../../core/feedback.js';
import type { AccountView, Actor, Reply, RequestBody } from '../../core/types.js';
import { identityOf } from '../../core/types.js';
import { buttonId, parseButtonId } from '../button-ids.js';
import { replyMessage, textMessage } from './blocks.js';
import type { SlackContext } from './context.js';
import { notifyModerators } from './escalate.js';
import { parseSlackModText } from './mod-text.js';

const ONCE_MS = 15 * 60_000;
const USAGE =
  'Use `/connects ask QUESTION`, `/connects balance`, `/connects refunds` or `/connects faq TOPIC`.';

const actorOf = (userId: string): Actor => ({ platform: 'slack', id: userId, roles: [] });

async function cooldownNote(ctx: SlackContext, actor: Actor): Promise<string | null> {
  const left = await ctx.state.cooldown(`slack:${actor.id}`, ctx.settings.cooldownMs, ctx.clock());
  return left === 0 ? null : `One moment please: you can ask again in ${Math.ceil(left / 1000)} s.`;
}

function ask(
  ctx: SlackContext,
  id: string,
  actor: Actor,
  channelId: string,
  body: RequestBody,
  privateReply: boolean,
): Promise<Reply> {
  return ctx.desk.handle({ id, actor, channelId, body, now: ctx.clock(), privateReply });
}

/** An answer that escalates has told the member it was flagged: flag it. */
async function flagIfNeeded(ctx: SlackContext, client: WebClient, id: string, reply: Reply): Promise<void> {
  if (reply.outcome !== 'answered' || !reply.escalate) return;
  const question = await ctx.state.question(id);
  if (question !== undefined)
    await notifyModerators(
      ctx,
      client,
      question,
      'The bot flagged something on this member’s account for a moderator.',
    );
}

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

export interface Mention {
  readonly eventId: string;
  readonly user: string;
  readonly text: string;
  readonly channel: string;
  readonly ts: string;
  readonly threadTs?: string;
}

/** `@Help Bot …` in a channel: a reply in the thread, general only (everyone can read it). */
export async function appMention(ctx: SlackContext, mention: Mention, client: WebClient): Promise<void> {
  if (!(await ctx.state.claimOnce(`slack-event:${mention.eventId}`, ONCE_MS))) return;
  const { mutedUntil } = await ctx.state.channelSettings(mention.channel);
  if (
    mutedUntil !== undefined &&
    (mutedUntil === 'forever' || Date.parse(mutedUntil) > ctx.clock().getTime())
  )
    return;
  const actor = actorOf(mention.user);
  const thread = { channel: mention.channel, thread_ts: mention.threadTs ?? mention.ts };
  const text = mention.text.replace(/<@[UW][A-Z0-9]+(\|[^>]*)?>/g, ' ').trim();
  if (text === '') {
    await client.chat.postMessage({
      ...thread,
      ...textMessage('Ask me a question about Connects, e.g. "when do my free Connects arrive?"'),
    });
    return;
  }
  const wait = await cooldownNote(ctx, actor);
  if (wait !== null) {
    await client.chat.postEphemeral({ channel: mention.channel, user: mention.user, ...textMessage(wait) });
    return;
  }
  const reply = await ask(ctx, mention.eventId, actor, mention.channel, { kind: 'question', text }, false);
  await client.chat.postMessage({ ...thread, ...replyMessage(reply, mention.eventId) });
}

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
