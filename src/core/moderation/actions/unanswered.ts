import { en } from '../../messages/en.js';
import { modAction } from '../action.js';
import { teachGuess, unansweredLines } from '../report-lines.js';

const LISTED = 10;

/** Recent abstentions, "not helpful" answers and escalations, each with the entry to teach it to. */
export const unanswered = modAction({
  name: 'unanswered',
  description: en.commands.unanswered,
  parameters: [],
  async execute(context) {
    const questions = await context.state.unanswered(LISTED);
    const matcher = context.desk.matcher;
    const suggestions = questions
      // Looked-up entries and account views are recorded as questions too; they teach nothing.
      .filter((question) => !/^(faq|account): /.test(question.text))
      .map((question) => ({
        questionId: question.id,
        question: question.text,
        intent: teachGuess(question, matcher),
      }));
    return { text: unansweredLines(questions, matcher), suggestions, target: '-', before: null, after: null };
  },
});
