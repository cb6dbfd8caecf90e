import { en } from '../../messages/en.js';
import { modAction, Refusal } from '../action.js';
import { entryParameter, questionParameter, requireEntry } from './parameters.js';

/** The question becomes an example of the entry: matching changes at once and after a restart. */
export const teach = modAction({
  name: 'teach',
  description: en.commands.teach,
  parameters: [entryParameter, questionParameter],
  async execute(context, { intent, question }) {
    const text = question.trim();
    if (text === '') throw new Refusal('MOD.INVALID', en.mod.teachNeedsQuestion);
    requireEntry(context, intent);
    const { matcher } = context.desk;
    const before = matcher.match(text);
    matcher.teach([{ intent, text }]);
    await context.state.addTaught({ intent, text, by: context.by, at: context.now.toISOString() });
    const after = matcher.match(text);
    const reading = (m: typeof before) => ({
      intent: m.intent,
      decision: m.decision,
      confidence: m.confidence,
    });
    return {
      text: en.mod.taught(text, intent, reading(before), reading(after)),
      target: intent,
      before: reading(before),
      after: reading(after),
    };
  },
});
