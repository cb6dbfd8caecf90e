import type { App } from '@slack/bolt';
import type { HelpDesk } from '../../core/help-desk.js';
import type { Moderation } from '../../core/moderation/moderation.js';
import type { StateStore } from '../../core/state/store.js';
import type { Logger } from '../../log/logger.js';

export interface SlackSettings {
  /** Where "ask a moderator" posts; without it each moderator gets a direct message. */
  readonly modChannel?: string;
  readonly moderatorIds: readonly string[];
  readonly cooldownMs: number;
}

export interface SlackContext {
  readonly app: App;
  readonly desk: HelpDesk;
  readonly moderation: Moderation;
  readonly state: StateStore;
  readonly log: Logger;
  readonly settings: SlackSettings;
  readonly clock: () => Date;
}
