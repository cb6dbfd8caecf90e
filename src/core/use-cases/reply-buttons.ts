import { en } from '../messages/en.js';
import type { Reply } from '../types.js';
import { buttonId } from './button-ids.js';
import { BUTTON_LABEL_MAX, type ButtonRow, type ShownButton, type ShownMessage } from './services.js';

/** A row holds five buttons at most on both platforms. */
export const MAX_BUTTONS_IN_ROW = 5;

/** A reply of the help desk as shown: its text, the close topics, helpful / not helpful / moderator. */
export function replyShown(reply: Reply, questionId: string, isPrivate: boolean): ShownMessage {
  return {
    kind: 'message',
    text: reply.text,
    private: isPrivate,
    buttons: replyButtons(reply, questionId),
    related: reply.followups.map((topic) => topic.title),
  };
}

function replyButtons(reply: Reply, questionId: string): ButtonRow[] {
  const rows: ButtonRow[] = [];
  if (reply.choices.length > 0) {
    rows.push(
      reply.choices
        .slice(0, MAX_BUTTONS_IN_ROW)
        .map((choice) => button(choice.title, buttonId({ kind: 'pick', intent: choice.intent, questionId }))),
    );
  }
  if (reply.feedback) {
    rows.push([
      button(en.helpfulButton, buttonId({ kind: 'feedback', verdict: 'helpful', questionId }), 'positive'),
      button(en.notHelpfulButton, buttonId({ kind: 'feedback', verdict: 'not-helpful', questionId })),
      button(en.moderatorButton, buttonId({ kind: 'moderator', questionId }), 'primary'),
    ]);
  }
  return rows;
}

export function button(label: string, id: string, style: ShownButton['style'] = 'plain'): ShownButton {
  return { label: label.slice(0, BUTTON_LABEL_MAX), id, style };
}
