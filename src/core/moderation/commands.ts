import type { JobOutcome } from '../ledger/types.js';
import type { Actor } from '../types.js';

// The moderator actions, whatever platform they come from (docs/contract.md section 5, /connects-mod).

export type ModCommand =
  | { readonly action: 'teach'; readonly question: string; readonly intent: string }
  | { readonly action: 'notice'; readonly intent: string; readonly text: string; readonly hours: number }
  | { readonly action: 'grant'; readonly user: string; readonly amount: number; readonly reason: string }
  | { readonly action: 'adjust'; readonly user: string; readonly amount: number; readonly reason: string }
  | {
      readonly action: 'outcome';
      readonly user: string;
      readonly proposal: string;
      readonly outcome: JobOutcome;
    }
  | { readonly action: 'lookup'; readonly user: string }
  | { readonly action: 'mute'; readonly channel: string; readonly hours?: number }
  | { readonly action: 'unmute'; readonly channel: string }
  | { readonly action: 'unanswered' }
  | { readonly action: 'stats' }
  | { readonly action: 'audit' }
  | { readonly action: 'preview'; readonly topic: string };

export type ModAction = ModCommand['action'];

export const MOD_ACTIONS: readonly ModAction[] = [
  'teach',
  'notice',
  'grant',
  'adjust',
  'outcome',
  'lookup',
  'mute',
  'unmute',
  'unanswered',
  'stats',
  'audit',
  'preview',
];

export interface ModRequest {
  /** Unique per delivery of the platform event: the same id twice has one effect. */
  readonly id: string;
  readonly actor: Actor;
  readonly command: ModCommand;
  readonly now: Date;
}

export type ModCode =
  | 'MOD.FORBIDDEN'
  | 'MOD.UNKNOWN_INTENT'
  | 'MOD.NO_ACCOUNT'
  | 'MOD.UNKNOWN_PROPOSAL'
  | 'MOD.INVALID'
  | 'LEDGER.REFUSED'
  | 'LEDGER.BUSY';

/** What the moderator sees (always privately), and whether anything changed. */
/** An unanswered question and the entry the bot would teach it to: one click away on Discord. */
export interface TeachSuggestion {
  readonly questionId: string;
  readonly question: string;
  readonly intent: string;
}

export type ModResult =
  | {
      readonly ok: true;
      readonly text: string;
      readonly replayed: boolean;
      readonly suggestions?: readonly TeachSuggestion[];
    }
  | { readonly ok: false; readonly code: ModCode; readonly text: string };

/** Limits that keep a typo from doing damage. */
export const MAX_NOTICE_HOURS = 24 * 14;
export const MAX_MUTE_HOURS = 24 * 30;
export const MAX_LEDGER_AMOUNT = 10_000;
