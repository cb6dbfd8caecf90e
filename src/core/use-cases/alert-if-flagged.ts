import { en } from '../messages/en.js';
import type { Reply } from '../types.js';
import type { AlertModerators, HelpServices } from './services.js';

/**
 * An answer that escalates has told the member it was flagged: hand the question to the
 * moderators, after the answer and without delaying it. A failure is logged; the member already
 * has their answer. Resolves when the hand-over is done (tests wait for it; callers need not).
 */
export function alertIfFlagged(
  services: HelpServices,
  questionId: string,
  reply: Reply,
  alert: AlertModerators,
): Promise<void> {
  if (reply.outcome !== 'answered' || !reply.escalate) return Promise.resolve();
  // The question may still be on its way to the store (recorded after the reply).
  return services.desk
    .recorded(questionId)
    .then(() => services.state.question(questionId))
    .then(async (record) => {
      if (record !== undefined) await alert(record, en.alertFlagged);
    })
    .catch((error: unknown) =>
      services.log.error({ err: error, question: questionId }, 'could not notify moderators'),
    );
}
