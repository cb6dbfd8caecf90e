import { cooldownNote, isMuted } from '../guard.js';
import { en } from '../messages/en.js';
import type { Actor } from '../types.js';
import { alertIfFlagged } from './alert-if-flagged.js';
import { replyShown } from './reply-buttons.js';
import { type AlertModerators, type HelpServices, nothing, privateText, type Shown } from './services.js';

/** Where a question was asked, which decides who sees the answer and which guards apply. */
export type QuestionSource =
  /** `/connects ask`: only the member sees an answer that holds their account data. */
  | 'command'
  /** A mention in a help channel: answered where everyone reads it, so never with account data. */
  | 'mention'
  /** The message menu on any member's message: answered in the channel, general only. */
  | 'message-menu'
  /** A new forum post: answered only when the bot is sure, otherwise left to people. */
  | 'forum-post';

export interface AskedQuestion {
  /** The event's id: the question's id in the state store and in its buttons. */
  readonly id: string;
  readonly actor: Actor;
  readonly channelId: string | null;
  readonly text: string;
  readonly source: QuestionSource;
  /** The channel whose mute applies (a forum post: its forum); commands are never muted. */
  readonly mutedIn?: string;
  readonly link?: string;
  readonly alert: AlertModerators;
}

/** A question in a member's words, on any platform: guarded, answered, flagged when it says so. */
export async function askQuestion(services: HelpServices, asked: AskedQuestion): Promise<Shown> {
  const now = services.clock();
  if (asked.mutedIn !== undefined && (await isMuted(services.state, asked.mutedIn, now))) return nothing;
  const text = asked.text.trim();
  // Someone else's empty message is the clicker's business alone; an empty mention gets a hint
  // where it was made.
  if (text === '')
    return asked.source === 'message-menu'
      ? privateText(en.emptyMessage)
      : { kind: 'message', text: en.emptyMention, private: false, buttons: [], related: [] };
  if (asked.source !== 'forum-post') {
    const wait = await cooldownNote(services.state, asked.actor, services.cooldownMs, now);
    if (wait !== null) return privateText(wait);
  }
  const inPrivate = asked.source === 'command';
  const reply = await services.desk.handle({
    id: asked.id,
    actor: asked.actor,
    ...(asked.channelId === null ? {} : { channelId: asked.channelId }),
    ...(asked.link === undefined ? {} : { link: asked.link }),
    body: { kind: 'question', text },
    now,
    privateReply: inPrivate,
  });
  services.log.info(
    { question: asked.id, source: asked.source, intent: reply.intent, outcome: reply.outcome },
    'question',
  );
  if (asked.source === 'forum-post' && reply.outcome !== 'answered') return nothing;
  void alertIfFlagged(services, asked.id, reply, asked.alert);
  return replyShown(reply, asked.id, inPrivate && reply.visibility === 'private');
}
