import type { WebClient } from '@slack/web-api';
import type { QuestionRecord } from '../../core/state/store.js';
import { inert } from './blocks.js';
import type { SlackContext } from './context.js';

const QUOTE_LIMIT = 700;

/** Hands a question to the moderators: SLACK_MOD_CHANNEL, or a direct message to each moderator. */
export async function notifyModerators(
  ctx: SlackContext,
  client: WebClient,
  question: QuestionRecord,
  why: string,
): Promise<boolean> {
  const quote = (text: string) =>
    inert(text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text).replace(/\n/g, ' ');
  const text = [
    inert(why),
    `*Member:* ${inert(question.identity)}`,
    `*Question:* ${quote(question.text)}`,
    `*Bot:* ${question.outcome}${question.intent === null ? '' : ` · ${question.intent}`} (confidence ${question.confidence.toFixed(2)})`,
    `*Answer:* ${question.answer === undefined ? '(private to the member)' : quote(question.answer)}`,
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
