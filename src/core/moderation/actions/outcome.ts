import { choice, text } from '../../commands/arguments.js';
import { JOB_OUTCOMES } from '../../ledger/types.js';
import { en } from '../../messages/en.js';
import { modAction, Refusal } from '../action.js';
import { changeLedger } from './ledger-change.js';
import { memberParameter } from './parameters.js';

/** Records what became of the job behind a proposal; an eligible outcome returns its Connects. */
export const outcome = modAction({
  name: 'outcome',
  description: en.commands.outcome,
  parameters: [
    memberParameter,
    text('proposal', { description: en.commands.proposal, label: 'PROPOSAL', maxLength: 100 }),
    choice('outcome', { description: en.commands.jobOutcome, label: 'OUTCOME', choices: JOB_OUTCOMES }),
  ],
  execute: (context, { user, proposal, outcome }) =>
    changeLedger(context, user, (base, before) => {
      if (!before.proposals.some((one) => one.proposal === proposal))
        throw new Refusal('MOD.UNKNOWN_PROPOSAL', en.mod.noProposal(user, proposal));
      return {
        entry: { ...base, type: 'job-outcome', proposal, outcome },
        reason: `job outcome ${outcome}`,
        describe: (after) =>
          en.mod.proposalNow(proposal, after.proposals.find((one) => one.proposal === proposal)?.refund),
      };
    }),
});
