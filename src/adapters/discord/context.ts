import type { Client } from 'discord.js';
import type { HelpServices } from '../../core/use-cases/services.js';
import type { Logger } from '../../log/logger.js';

/** What every Discord handler works with: the core's use cases' services and the client. */
export interface DiscordContext {
  readonly client: Client;
  readonly services: HelpServices;
  readonly log: Logger;
  readonly settings: DiscordSettings;
}

export interface DiscordSettings {
  readonly helpChannelIds: readonly string[];
  readonly forumChannelIds: readonly string[];
  readonly moderatorRoleIds: readonly string[];
  readonly modChannelId?: string;
  /** Between two questions of one member (mentions, /connects ask, the message menu). */
  readonly cooldownMs: number;
  /** discord.js's sharding, for a bot in very many servers: the shards in all, and this process's. */
  readonly shards?: { readonly count: number; readonly ids: readonly number[] };
}
