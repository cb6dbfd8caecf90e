import { en } from '../../messages/en.js';
import { modAction } from '../action.js';
import { auditLines } from '../report-lines.js';

const LISTED = 15;

/** The latest moderator actions, newest first. */
export const audit = modAction({
  name: 'audit',
  description: en.commands.audit,
  parameters: [],
  async execute(context) {
    return { text: auditLines(await context.state.audit(LISTED)), target: '-', before: null, after: null };
  },
});
