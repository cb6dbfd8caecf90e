import { en } from '../../messages/en.js';
import { accountFacts } from '../../rules/account-facts.js';
import { modAction } from '../action.js';
import { factsLines } from '../report-lines.js';
import { accountFor, memberParameter } from './parameters.js';

/** A member's account facts, as the rules read their ledger now. */
export const lookup = modAction({
  name: 'lookup',
  description: en.commands.lookup,
  parameters: [memberParameter],
  async execute(context, { user }) {
    const facts = accountFacts(await accountFor(context, user), context.desk.policy, context.now);
    return { text: factsLines(user, facts), target: user, before: null, after: null };
  },
});
