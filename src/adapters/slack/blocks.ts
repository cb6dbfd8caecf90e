import type { Reply } from '../../core/types.js';
import { buttonId } from '../button-ids.js';

// A core Reply as Slack Block Kit: mrkdwn sections within Slack's limits, the buttons under them,
// and text that can never mention anyone (`<!channel>` and friends arrive escaped).

/** Slack's limit for one section's text. */
const SECTION_LIMIT = 3000;
const MAX_SECTIONS = 10;

/** Slack's control sequences are `<…>`; escaping & < > makes any text inert (Slack's own rule). */
export function inert(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The core writes `**bold**`; Slack's mrkdwn bold is `*bold*`. */
export function mrkdwn(text: string): string {
  return inert(text).replace(/\*\*(.+?)\*\*/g, '*$1*');
}

export interface SlackMessage {
  readonly text: string;
  readonly blocks: unknown[];
}

function sections(text: string): unknown[] {
  const parts: string[] = [];
  let rest = mrkdwn(text);
  while (rest.length > SECTION_LIMIT && parts.length < MAX_SECTIONS - 1) {
    const window = rest.slice(0, SECTION_LIMIT);
    const cut = Math.max(window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' '));
    const at = cut > SECTION_LIMIT / 2 ? cut : SECTION_LIMIT;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  parts.push(rest.slice(0, SECTION_LIMIT));
  return parts.map((part) => ({ type: 'section', text: { type: 'mrkdwn', text: part } }));
}

const button = (text: string, actionId: string, style?: 'primary') => ({
  type: 'button',
  text: { type: 'plain_text', text: text.slice(0, 75) },
  action_id: actionId,
  ...(style === undefined ? {} : { style }),
});

/** The reply's text, the close topics as buttons, and helpful / not helpful / ask a moderator. */
export function replyMessage(reply: Reply, questionId: string): SlackMessage {
  const blocks = sections(reply.text);
  if (reply.choices.length > 0) {
    blocks.push({
      type: 'actions',
      elements: reply.choices.map((choice) =>
        button(choice.title, buttonId({ kind: 'pick', intent: choice.intent, questionId })),
      ),
    });
  }
  if (reply.feedback) {
    blocks.push({
      type: 'actions',
      elements: [
        button('Helpful', buttonId({ kind: 'feedback', verdict: 'helpful', questionId })),
        button('Not helpful', buttonId({ kind: 'feedback', verdict: 'not-helpful', questionId })),
        button('Ask a moderator', buttonId({ kind: 'moderator', questionId }), 'primary'),
      ],
    });
  }
  return { text: mrkdwn(reply.text).slice(0, 3000), blocks };
}

export function textMessage(text: string, extra: unknown[] = []): SlackMessage {
  return { text: mrkdwn(text).slice(0, 3000), blocks: [...sections(text), ...extra] };
}
