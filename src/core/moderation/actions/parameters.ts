import { member, text, topic } from '../../commands/arguments.js';
import type { Account } from '../../ledger/types.js';
import { MAX_QUESTION_CHARS } from '../../limits.js';
import { en } from '../../messages/en.js';
import { type ActionContext, Refusal } from '../action.js';
import { MAX_REASON_CHARS } from '../limits.js';

// Parameters several moderator actions share, described once.

export const entryParameter = topic('intent', { description: en.commands.entry, label: 'INTENT' });
export const memberParameter = member('user', { description: en.commands.member, label: 'IDENTITY' });
export const reasonParameter = text('reason', {
  description: en.commands.reason,
  label: 'REASON',
  maxLength: MAX_REASON_CHARS,
});
export const questionParameter = text('question', {
  description: en.commands.exampleQuestion,
  label: 'QUESTION',
  maxLength: MAX_QUESTION_CHARS,
});

/** Refuses an FAQ entry id that does not exist. */
export function requireEntry(context: ActionContext, id: string): void {
  if (!context.desk.kb.entries.some((entry) => entry.id === id))
    throw new Refusal('MOD.UNKNOWN_INTENT', en.mod.noEntry(id));
}

/** The account linked to an identity, or a refusal. */
export async function accountFor(context: ActionContext, identity: string): Promise<Account> {
  const account = await context.ledger.accountForIdentity(identity);
  if (account === null) throw new Refusal('MOD.NO_ACCOUNT', en.mod.noAccount(identity));
  return account;
}
