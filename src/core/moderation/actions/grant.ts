import { en } from '../../messages/en.js';
import { modAction } from '../action.js';
import { amountParameter, checkedAmount, checkedReason, signed } from './amount.js';
import { changeLedger } from './ledger-change.js';
import { memberParameter, reasonParameter } from './parameters.js';

/** Credits a member's Connects (a moderator grant), audited with its reason. */
export const grant = modAction({
  name: 'grant',
  description: en.commands.grant,
  parameters: [memberParameter, amountParameter(en.commands.grantAmount, 'AMOUNT', 1), reasonParameter],
  execute: (context, { user, amount, reason }) =>
    changeLedger(context, user, (base) => {
      checkedAmount(amount, false);
      const why = checkedReason(reason);
      return {
        entry: { ...base, type: 'grant', reason: 'moderator', amount },
        reason: why,
        describe: () => signed(amount),
      };
    }),
});
