import type { WebClient } from '@slack/web-api';
import type { QuestionRecord } from '../../core/state/store.js';
import { alertCard, quoteForAlert } from '../../core/use-cases/alert-card.js';
import { inert } from './blocks.js';
import type { SlackContext } from './context.js';

/** Hands a question to the moderators: SLACK_MOD_CHANNEL, or a direct message to each moderator. */
export async function notifyModerators(
  ctx: SlackContext,
  client: WebClient,
  question: QuestionRecord,
  why: string,
): Promise<boolean> {
  const card = alertCard(question, why);
  const text = [
    inert(card.why),
    ...card.fields.map(
      (field) =>
        `*${field.label}:* ${inert(field.kind === 'quote' ? quoteForAlert(field.text) : field.text)}`,
    ),
  ].join('\n');
  if (ctx.settings.modChannel !== undefined) {
    await client.chat.postMessage({ channel: ctx.settings.modChannel, text });
    return true;
  }
  for (const moderator of ctx.settings.moderatorIds) {
    const opened = await client.conversations.open({ users: moderator });
    const channel = opened.channel?.id;
    if (channel !== undefined) await client.chat.postMessage({ channel, text });
  }
  return ctx.settings.moderatorIds.length > 0;
}
