import { en } from '../messages/en.js';
import type { ModRequest } from '../moderation/commands.js';
import type { Actor } from '../types.js';
import { buttonId } from './button-ids.js';
import { button, MAX_BUTTONS_IN_ROW } from './reply-buttons.js';
import { type HelpServices, privateText, type Shown } from './services.js';

export interface ModeratorRequest {
  readonly id: string;
  readonly actor: Actor;
  readonly command: ModRequest['command'];
}

/**
 * A moderator's command on any platform: the core checks who may, carries it out and audits it;
 * the answer is private, and the unanswered list comes with a button per question that teaches it
 * to the entry the bot guessed.
 */
export async function moderate(services: HelpServices, request: ModeratorRequest): Promise<Shown> {
  const result = await services.moderation.handle({ ...request, now: services.clock() });
  const suggestions = result.ok ? (result.suggestions ?? []) : [];
  const teach = suggestions
    .slice(0, MAX_BUTTONS_IN_ROW)
    .map((suggestion) =>
      button(
        en.teachButton(suggestion.intent, suggestion.question),
        buttonId({ kind: 'teach', intent: suggestion.intent, questionId: suggestion.questionId }),
      ),
    );
  return privateText(result.text, teach.length === 0 ? [] : [teach]);
}
