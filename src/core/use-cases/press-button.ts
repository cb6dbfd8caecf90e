import { recordVerdict } from '../feedback.js';
import { en } from '../messages/en.js';
import { type Actor, identityOf } from '../types.js';
import { alertIfFlagged } from './alert-if-flagged.js';
import { parseButtonId } from './button-ids.js';
import { replyShown } from './reply-buttons.js';
import { type AlertModerators, type HelpServices, privateText, type Shown } from './services.js';

export interface PressedButton {
  /** The click's own id (an interaction, a trigger): the id of a reply it asks for. */
  readonly id: string;
  /** The button's id, as the platform hands it back. */
  readonly buttonId: string;
  readonly actor: Actor;
  /** Where the click happened, for a picked topic's answer; else the question's channel. */
  readonly channelId: string | null;
  readonly alert: AlertModerators;
}

/**
 * A click on a button under an answer, on any platform: helpful or not, ask a moderator, one of
 * the topics offered, or a moderator teaching an unanswered question. Every answer is private but
 * a picked topic's, which is answered as the member's question would have been.
 */
export async function pressButton(services: HelpServices, pressed: PressedButton): Promise<Shown> {
  const action = parseButtonId(pressed.buttonId);
  if (action === undefined) return privateText(en.buttonRetired);
  // A click right after the answer may come before its question is written (recorded after the reply).
  await services.desk.recorded(action.questionId);
  const question = await services.state.question(action.questionId);
  if (question === undefined) return privateText(en.questionExpired);
  const identity = identityOf(pressed.actor);
  switch (action.kind) {
    case 'feedback':
      await services.desk.later(() =>
        recordVerdict(services.state, question, identity, action.verdict, services.clock()),
      );
      return privateText(action.verdict === 'helpful' ? en.thanksHelpful : en.thanksNotHelpful);
    case 'moderator': {
      await services.desk.later(() =>
        recordVerdict(services.state, question, identity, 'moderator', services.clock()),
      );
      const reached = await pressed.alert(question, en.alertAsked);
      return privateText(reached ? en.passedToModerators : en.moderatorsUnreachable);
    }
    case 'teach': {
      const result = await services.moderation.handle({
        id: pressed.id,
        actor: pressed.actor,
        command: { action: 'teach', question: question.text, intent: action.intent },
        now: services.clock(),
      });
      return privateText(result.text);
    }
    case 'pick': {
      const channelId = pressed.channelId ?? question.channelId;
      const reply = await services.desk.handle({
        id: pressed.id,
        actor: pressed.actor,
        ...(channelId === undefined ? {} : { channelId }),
        body: { kind: 'faq', topic: action.intent, picked: true },
        now: services.clock(),
        privateReply: true,
      });
      void alertIfFlagged(services, pressed.id, reply, pressed.alert);
      return replyShown(reply, pressed.id, reply.visibility === 'private');
    }
  }
}
