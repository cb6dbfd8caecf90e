import type { RawArgs } from '../commands/arguments.js';
import type { Actor } from '../types.js';
import type { ModCommand } from './action-list.js';

// A moderator's request and its result, whatever platform it came from (docs/contract.md section 5).

export interface ModRequest {
  /** Unique per delivery of the platform event: the same id twice has one effect. */
  readonly id: string;
  readonly actor: Actor;
  /** Typed, or as a platform read it: either way the action checks its arguments. */
  readonly command: ModCommand | ReadCommand;
  readonly now: Date;
}

/** An action's name and the values a platform read for it, not yet checked. */
export type ReadCommand = { readonly action: string } & RawArgs;

export type ModCode =
  | 'MOD.FORBIDDEN'
  | 'MOD.UNKNOWN_INTENT'
  | 'MOD.NO_ACCOUNT'
  | 'MOD.UNKNOWN_PROPOSAL'
  | 'MOD.INVALID'
  | 'LEDGER.REFUSED'
  | 'LEDGER.BUSY';

/** An unanswered question and the entry the bot would teach it to: one click away on Discord. */
export interface TeachSuggestion {
  readonly questionId: string;
  readonly question: string;
  readonly intent: string;
}

/** What the moderator sees (always privately), and whether anything changed. */
export type ModResult =
  | {
      readonly ok: true;
      readonly text: string;
      readonly replayed: boolean;
      readonly suggestions?: readonly TeachSuggestion[];
    }
  | { readonly ok: false; readonly code: ModCode; readonly text: string };
