import { en } from '../../messages/en.js';
import { modAction, Refusal } from '../action.js';
import { entryParameter, requireEntry } from './parameters.js';

/** Ends an entry's notice now, before the hours it was given run out. */
export const unnotice = modAction({
  name: 'unnotice',
  description: en.commands.unnotice,
  parameters: [entryParameter],
  async execute(context, { intent }) {
    requireEntry(context, intent);
    const now = context.now.toISOString();
    const before = (await context.state.notices()).find(
      (one) => one.intent === intent && Date.parse(one.until) > context.now.getTime(),
    );
    if (before === undefined) throw new Refusal('MOD.INVALID', en.mod.noNotice(intent));
    // Kept as a notice that ended now: a notice is shown only until its `until`.
    const after = { ...before, until: now, by: context.by, at: now };
    await context.state.saveNotice(after);
    return { text: en.mod.noticeEnded(intent), target: intent, before, after };
  },
});
