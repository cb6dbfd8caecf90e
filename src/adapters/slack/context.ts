import type { App } from '@slack/bolt';
import type { HelpServices } from '../../core/use-cases/services.js';
import type { Logger } from '../../log/logger.js';

export interface SlackSettings {
  /** Where "ask a moderator" posts; without it each moderator gets a direct message. */
  readonly modChannel?: string;
  readonly moderatorIds: readonly string[];
  readonly cooldownMs: number;
}

/** What every Slack handler works with: the core's use cases' services and the app. */
export interface SlackContext {
  readonly app: App;
  readonly services: HelpServices;
  readonly log: Logger;
  readonly settings: SlackSettings;
}
