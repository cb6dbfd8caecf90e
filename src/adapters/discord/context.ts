import type { Client } from 'discord.js';
import type { HelpDesk } from '../../core/help-desk.js';
import type { Moderation } from '../../core/moderation/moderation.js';
import type { StateStore } from '../../core/state/store.js';
import type { Logger } from '../../log/logger.js';

/** What every Discord handler works with. */
export interface DiscordContext {
  readonly client: Client;
  readonly desk: HelpDesk;
  readonly state: StateStore;
  readonly moderation: Moderation;
  readonly log: Logger;
  readonly settings: DiscordSettings;
  readonly clock: () => Date;
}

export interface DiscordSettings {
  readonly helpChannelIds: readonly string[];
  readonly forumChannelIds: readonly string[];
  readonly moderatorRoleIds: readonly string[];
  readonly modChannelId?: string;
  /** Between two questions of one member (mentions, /connects ask, the message menu). */
  readonly cooldownMs: number;
}
