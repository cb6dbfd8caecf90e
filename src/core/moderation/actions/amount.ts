import { integer } from '../../commands/arguments.js';
import { en } from '../../messages/en.js';
import { wellFormed } from '../../text/well-formed.js';
import { Refusal } from '../action.js';
import { MAX_LEDGER_AMOUNT } from '../limits.js';

// What a grant and an adjustment share: a whole amount within the limit, and a reason for the audit.

export const amountParameter = (description: string, label: string, min: number) =>
  integer('amount', { description, label, min, max: MAX_LEDGER_AMOUNT });

/** The amount as given, or a refusal: whole, not zero, within the limit, and positive unless debits are allowed. */
export function checkedAmount(amount: number, debitAllowed: boolean): number {
  const valid =
    Number.isInteger(amount) &&
    amount !== 0 &&
    Math.abs(amount) <= MAX_LEDGER_AMOUNT &&
    (debitAllowed || amount > 0);
  if (!valid) throw new Refusal('MOD.INVALID', en.mod.amountRange(MAX_LEDGER_AMOUNT, debitAllowed));
  return amount;
}

/** The reason, trimmed and made safe to store; a refusal when there is none. */
export function checkedReason(reason: string): string {
  if (reason.trim() === '') throw new Refusal('MOD.INVALID', en.mod.reasonNeeded);
  return wellFormed(reason.trim());
}

export const signed = (amount: number) => `${amount > 0 ? '+' : ''}${amount}`;
