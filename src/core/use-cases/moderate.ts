import type { RawArgs } from '../commands/arguments.js';
import { en } from '../messages/en.js';
import type { ModCommand } from '../moderation/action-list.js';
import type { Actor } from '../types.js';
import { buttonId } from './button-ids.js';
import { button, MAX_BUTTONS_IN_ROW } from './reply-buttons.js';
import { type HelpServices, privateText, type Shown } from './services.js';

/** A moderator's command, typed (built in code) or as a platform read it (its values checked by the action). */
export type ModeratorRequest = { readonly id: string; readonly actor: Actor } & (
  | { readonly command: ModCommand }
  | { readonly action: string; readonly values: RawArgs }
);

/**
 * A moderator's command on any platform: the core checks who may, carries it out and audits it;
 * the answer is private, and the unanswered list comes with a button per question that teaches it
 * to the entry the bot guessed.
 */
export async function moderate(services: HelpServices, request: ModeratorRequest): Promise<Shown> {
  const now = services.clock();
  const result =
    'command' in request
      ? await services.moderation.handle({ ...request, now })
      : await services.moderation.handleRead({ ...request, now });
  const suggestions = result.ok ? (result.suggestions ?? []) : [];
  const teach = suggestions
    .slice(0, MAX_BUTTONS_IN_ROW)
    .map((suggestion) =>
      button(
        en.teachButton(suggestion.intent, suggestion.question),
        buttonId({ kind: 'teach', intent: suggestion.intent, questionId: suggestion.questionId }),
      ),
    );
  const shown = privateText(result.text, teach.length === 0 ? [] : [teach]);
  return result.ok && result.chart !== undefined ? { ...shown, chart: result.chart } : shown;
}
