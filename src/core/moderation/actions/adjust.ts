import { en } from '../../messages/en.js';
import { modAction } from '../action.js';
import { MAX_LEDGER_AMOUNT } from '../limits.js';
import { amountParameter, checkedAmount, checkedReason, signed } from './amount.js';
import { changeLedger } from './ledger-change.js';
import { memberParameter, reasonParameter } from './parameters.js';

/** Corrects a member's balance either way; a debit beyond the balance is refused by the rules. */
export const adjust = modAction({
  name: 'adjust',
  description: en.commands.adjust,
  parameters: [
    memberParameter,
    amountParameter(en.commands.adjustAmount, '±AMOUNT', -MAX_LEDGER_AMOUNT),
    reasonParameter,
  ],
  execute: (context, { user, amount, reason }) =>
    changeLedger(context, user, (base) => {
      checkedAmount(amount, true);
      const why = checkedReason(reason);
      return {
        entry: { ...base, type: 'adjustment', amount, reason: why },
        reason: why,
        describe: () => signed(amount),
      };
    }),
});
