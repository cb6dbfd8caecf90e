import { text } from '../../commands/arguments.js';
import { en } from '../../messages/en.js';
import { modAction, Refusal } from '../action.js';

/** Takes a question off the unanswered list (nothing to teach: spam, a duplicate, already handled). */
export const dismiss = modAction({
  name: 'dismiss',
  description: en.commands.dismiss,
  parameters: [text('id', { description: en.commands.questionId, label: 'QUESTION-ID', maxLength: 200 })],
  async execute(context, { id }) {
    const questionId = id.trim();
    const question = await context.state.question(questionId);
    // A question that has lapsed is no longer listed either: nothing to take off.
    if (question === undefined || !(await context.state.dismissUnanswered(questionId)))
      throw new Refusal('MOD.INVALID', en.mod.noQuestion(questionId));
    return {
      text: en.mod.dismissed(question.text),
      target: questionId,
      before: { unanswered: true, text: question.text },
      after: { unanswered: false },
    };
  },
});
