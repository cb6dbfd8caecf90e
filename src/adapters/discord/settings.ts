import type { Config } from '../../config.js';
import type { DiscordSettings } from './context.js';

/** Long enough to stop a member flooding a channel, short enough not to annoy a real follow-up. */
export const DEFAULT_COOLDOWN_MS = 5000;

export function discordSettings(config: Config): DiscordSettings {
  return {
    helpChannelIds: config.HELP_CHANNEL_IDS,
    forumChannelIds: config.FORUM_CHANNEL_IDS,
    moderatorRoleIds: config.MODERATOR_ROLE_IDS,
    ...(config.MOD_CHANNEL_ID === undefined ? {} : { modChannelId: config.MOD_CHANNEL_ID }),
    cooldownMs: DEFAULT_COOLDOWN_MS,
    ...(config.SHARD_COUNT === undefined
      ? {}
      : {
          shards: {
            count: config.SHARD_COUNT,
            // Unlisted: this process runs every shard.
            ids:
              config.SHARD_IDS.length > 0
                ? config.SHARD_IDS
                : Array.from({ length: config.SHARD_COUNT }, (_, id) => id),
          },
        }),
  };
}
