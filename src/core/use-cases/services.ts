import type { Overview } from '../dashboard/overview.js';
import type { HelpDesk } from '../help-desk.js';
import type { Moderation } from '../moderation/moderation.js';
import type { QuestionRecord, StateStore } from '../state/store.js';

// What the use cases work with, and what they hand back to an adapter: what to show, and how
// privately. Adapters render it in their platform's terms and deliver it; they decide nothing.

/** Where the use cases report what happened; the bot's logger fits. */
export interface EventLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface HelpServices {
  readonly desk: HelpDesk;
  readonly state: StateStore;
  readonly moderation: Moderation;
  readonly log: EventLog;
  readonly clock: () => Date;
  /** Between two questions of one member. */
  readonly cooldownMs: number;
}

/** What every platform's bot is built on, as its options give it. */
export interface HelpParts {
  readonly desk: HelpDesk;
  readonly state: StateStore;
  readonly moderation: Moderation;
  readonly log: EventLog;
  /** The real clock unless a test fixes it. */
  readonly clock?: () => Date;
}

export function helpServices(parts: HelpParts, cooldownMs: number): HelpServices {
  return {
    desk: parts.desk,
    state: parts.state,
    moderation: parts.moderation,
    log: parts.log,
    clock: parts.clock ?? (() => new Date()),
    cooldownMs,
  };
}

/**
 * Hands a question to a platform's moderators, saying why; resolves to whether anyone was reached.
 * Made per event: on Discord the hand-over may open a thread where the question was asked.
 */
export type AlertModerators = (question: QuestionRecord, why: string) => Promise<boolean>;

/**
 * What an adapter shows in answer to an event: a message (an answer, a guard's note, a thank-you,
 * a moderator's result) with rows of buttons under it, or nothing at all (a muted channel, a forum
 * post the bot is not sure about). `private`: only the member who acted may see it.
 */
export type Shown =
  | {
      readonly kind: 'message';
      readonly text: string;
      readonly private: boolean;
      readonly buttons: readonly ButtonRow[];
      /** Topics worth a look after an answer (titles), for a platform with room to list them. */
      readonly related: readonly string[];
      /** Figures a platform that can attach images draws as a chart beside the text (`stats`). */
      readonly chart?: Overview;
    }
  | { readonly kind: 'nothing' };

export type ShownMessage = Extract<Shown, { kind: 'message' }>;

export type ButtonRow = readonly ShownButton[];

/** A button: its label (at most BUTTON_LABEL_MAX characters), its id, how much it stands out. */
export interface ShownButton {
  readonly label: string;
  readonly id: string;
  readonly style: 'plain' | 'positive' | 'primary';
}

/** The shorter of Discord's (80) and Slack's (75) limits, so a label reads the same on both. */
export const BUTTON_LABEL_MAX = 75;

export const nothing: Shown = { kind: 'nothing' };

export function privateText(text: string, buttons: readonly ButtonRow[] = []): ShownMessage {
  return { kind: 'message', text, private: true, buttons, related: [] };
}
