import { en } from '../../messages/en.js';
import { addDays, utcDate } from '../../rules/calendar.js';
import { modAction } from '../action.js';
import { statsLines } from '../report-lines.js';

const DAYS = 7;

/** Questions, answers and feedback over the last week, day by day, and the top topics. */
export const stats = modAction({
  name: 'stats',
  description: en.commands.stats(DAYS),
  parameters: [],
  async execute(context) {
    const days = Array.from({ length: DAYS }, (_, i) => utcDate(addDays(context.now, -i)));
    const text = statsLines(await context.state.stats(days), context.desk.kb);
    return { text, target: '-', before: null, after: null };
  },
});
