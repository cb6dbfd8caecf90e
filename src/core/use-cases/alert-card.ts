import { en } from '../messages/en.js';
import type { QuestionRecord } from '../state/store.js';

// What moderators are told when a question is handed to them, on every platform: why, who, what
// was asked, what the bot made of it and said. Platforms lay the fields out in their own markup.

/** How a field's text is shown: the member as a platform can name them, a quote cut short, as is. */
export type AlertFieldKind = 'member' | 'quote' | 'plain';

export interface AlertField {
  readonly label: string;
  readonly kind: AlertFieldKind;
  /** The member's identity (`platform:id`) for a `member` field. */
  readonly text: string;
}

export interface AlertCard {
  readonly why: string;
  readonly fields: readonly AlertField[];
  /** A short title, for a platform that opens a thread for the hand-over. */
  readonly title: string;
}

/** Quotes longer than this are cut, so that one long post cannot flood the moderators' channel. */
export const ALERT_QUOTE_LIMIT = 700;

export function alertCard(question: QuestionRecord, why: string): AlertCard {
  const card = en.alertCard;
  const fields: AlertField[] = [
    { label: card.member, kind: 'member', text: question.identity },
    { label: card.question, kind: 'quote', text: question.text },
    {
      label: card.bot,
      kind: 'plain',
      text: card.reading(question.outcome, question.intent, question.confidence),
    },
    question.answer === undefined
      ? { label: card.answer, kind: 'plain', text: card.privateAnswer }
      : { label: card.answer, kind: 'quote', text: question.answer },
  ];
  if (question.link !== undefined) fields.push({ label: card.link, kind: 'plain', text: question.link });
  return { why, fields, title: card.threadTitle(question.text) };
}

/** A quote on one line, cut at ALERT_QUOTE_LIMIT. */
export function quoteForAlert(text: string): string {
  const short = text.length > ALERT_QUOTE_LIMIT ? `${text.slice(0, ALERT_QUOTE_LIMIT)}…` : text;
  return short.replace(/\n/g, ' ');
}
