import type { RawArgs } from '../commands/arguments.js';
import type { Overview } from '../dashboard/overview.js';
import type { Actor } from '../types.js';
import type { ModCommand } from './action-list.js';

// A moderator's request and its result, whatever platform it came from (docs/contract.md section 5).

export interface ModRequest {
  /** Unique per delivery of the platform event: the same id twice has one effect. */
  readonly id: string;
  readonly actor: Actor;
  readonly command: ModCommand;
  readonly now: Date;
}

/**
 * A request as a platform read it from a command (`/connects-mod grant …`): the action's name and
 * its values, not yet checked; the action checks them and refuses what does not fit, in one line.
 */
export interface ReadModRequest extends Omit<ModRequest, 'command'> {
  readonly action: string;
  readonly values: RawArgs;
}

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
      /** Figures a platform shows as a chart beside the text (`stats`). */
      readonly chart?: Overview;
    }
  | { readonly ok: false; readonly code: ModCode; readonly text: string };
