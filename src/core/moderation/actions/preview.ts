import { en } from '../../messages/en.js';
import { modAction, Refusal } from '../action.js';
import { previewEntry, previewText } from '../preview.js';
import { entryParameter } from './parameters.js';

// A chat message has room for the answer and the weakest examples; `helpbot knowledge preview` lists all.
const EXAMPLES_IN_CHAT = 10;

/** An entry as members see it, and how well its examples are recognised when held out. */
export const preview = modAction({
  name: 'preview',
  description: en.commands.preview,
  parameters: [entryParameter],
  async execute(context, { intent }) {
    const shown = await previewEntry(context.desk, intent, context.now);
    if (shown === null) throw new Refusal('MOD.UNKNOWN_INTENT', en.mod.noEntry(intent));
    return { text: previewText(shown, EXAMPLES_IN_CHAT), target: shown.intent, before: null, after: null };
  },
});
