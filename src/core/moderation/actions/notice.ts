import { integer, text } from '../../commands/arguments.js';
import { en } from '../../messages/en.js';
import { modAction, Refusal } from '../action.js';
import { HOUR_MS, MAX_NOTICE_CHARS, MAX_NOTICE_HOURS } from '../limits.js';
import { entryParameter, requireEntry } from './parameters.js';

/** A note shown with one entry's answers until it expires ("purchases are delayed today"). */
export const notice = modAction({
  name: 'notice',
  description: en.commands.notice,
  parameters: [
    entryParameter,
    integer('hours', {
      description: en.commands.noticeHours(MAX_NOTICE_HOURS),
      label: 'HOURS',
      min: 1,
      max: MAX_NOTICE_HOURS,
    }),
    text('text', { description: en.commands.noticeText, label: 'TEXT', maxLength: MAX_NOTICE_CHARS }),
  ],
  async execute(context, { intent, hours, text }) {
    requireEntry(context, intent);
    if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_NOTICE_HOURS)
      throw new Refusal('MOD.INVALID', en.mod.hoursBetween(MAX_NOTICE_HOURS));
    const shown = text.trim();
    if (shown === '' || shown.length > MAX_NOTICE_CHARS)
      throw new Refusal('MOD.INVALID', en.mod.noticeLength(MAX_NOTICE_CHARS));
    const before = (await context.state.notices()).find((one) => one.intent === intent) ?? null;
    const until = new Date(context.now.getTime() + hours * HOUR_MS).toISOString();
    const after = { intent, text: shown, until, by: context.by, at: context.now.toISOString() };
    await context.state.saveNotice(after);
    return { text: en.mod.noticeSaved(intent, until, shown), target: intent, before, after };
  },
});
