import { lastDays, OVERVIEW_DAYS, overviewOf } from '../../dashboard/overview.js';
import { en } from '../../messages/en.js';
import { modAction } from '../action.js';
import { statsLines } from '../report-lines.js';

/** Days listed one by one in the text; the chart beside it covers all thirty. */
const DAYS_AS_LINES = 7;

/** Questions, answers and feedback over the last thirty days, the last week day by day, the top topics. */
export const stats = modAction({
  name: 'stats',
  description: en.commands.stats(OVERVIEW_DAYS),
  parameters: [],
  async execute(context) {
    const days = await context.state.stats(lastDays(context.now, OVERVIEW_DAYS));
    const text = statsLines(days, context.desk.kb, DAYS_AS_LINES);
    return { text, chart: overviewOf(days, context.desk.kb), target: '-', before: null, after: null };
  },
});
