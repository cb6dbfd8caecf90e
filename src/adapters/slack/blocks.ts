import { privateText, type ShownMessage } from '../../core/use-cases/services.js';

// What the core shows, as Slack Block Kit: mrkdwn sections within Slack's limits, the buttons under them,
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

/** What the core shows, as Block Kit: its text in sections, each row of buttons as actions. */
export function messageOf(shown: ShownMessage): SlackMessage {
  const actions = shown.buttons.map((row) => ({
    type: 'actions',
    elements: row.map((button) => ({
      type: 'button',
      text: { type: 'plain_text', text: button.label },
      action_id: button.id,
      // Slack has one accent for buttons; the one that reaches a person gets it.
      ...(button.style === 'primary' ? { style: 'primary' } : {}),
    })),
  }));
  return { text: mrkdwn(shown.text).slice(0, 3000), blocks: [...sections(shown.text), ...actions] };
}

/** A sentence with no buttons (a usage line, an apology). */
export function textMessage(text: string): SlackMessage {
  return messageOf(privateText(text));
}

/** Slack's response_type for what is shown: only the member, or everyone in the channel. */
export function responseType(shown: ShownMessage): 'ephemeral' | 'in_channel' {
  return shown.private ? 'ephemeral' : 'in_channel';
}
