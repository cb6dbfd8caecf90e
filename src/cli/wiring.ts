import { discordConfigured, moderatorDirectory, slackConfigured } from '../config.js';
import type { DashboardLinks } from '../core/moderation/action.js';
import { Moderation } from '../core/moderation/moderation.js';
import type { HelpParts } from '../core/use-cases/services.js';
import type { BotRuntime } from './runtime.js';

// Where the running bot is put together: the stores the runtime opened, the help desk on them, the
// moderation on both, and each configured platform's adapter on the same parts.

/** What every platform's adapter, and the terminal chat, is built on. */
export function helpParts(runtime: BotRuntime, clock?: () => Date, dashboard?: DashboardLinks): HelpParts {
  return {
    desk: runtime.desk,
    state: runtime.state,
    moderation: new Moderation(
      runtime.desk,
      runtime.ledger,
      runtime.state,
      moderatorDirectory(runtime.config),
      dashboard === undefined ? {} : { dashboard },
    ),
    log: runtime.log,
    ...(clock === undefined ? {} : { clock }),
  };
}

/** A chat platform's adapter, ready to start. */
export interface Platform {
  readonly name: string;
  start(): Promise<unknown>;
  stop(): Promise<void>;
  /** Connected and answering now (GET /readyz). */
  connected(): boolean;
}

/** As on Discord: long enough to stop a flood, short enough not to annoy a real follow-up. */
const SLACK_COOLDOWN_MS = 5000;

/** An adapter for each platform the configuration names; the SDKs load only when configured. */
export async function configuredPlatforms(runtime: BotRuntime, parts: HelpParts): Promise<Platform[]> {
  const { config, log } = runtime;
  const platforms: Platform[] = [];
  if (discordConfigured(config)) {
    const { DiscordBot } = await import('../adapters/discord/bot.js');
    const { discordSettings } = await import('../adapters/discord/settings.js');
    const bot = new DiscordBot({
      ...parts,
      token: config.DISCORD_TOKEN,
      apiBase: config.DISCORD_API_BASE,
      log,
      settings: discordSettings(config),
    });
    platforms.push({
      name: 'discord',
      start: () => bot.start(),
      stop: () => bot.stop(),
      connected: () => bot.connected(),
    });
  }
  if (slackConfigured(config)) {
    const { SlackBot } = await import('../adapters/slack/bot.js');
    const bot = new SlackBot({
      ...parts,
      token: config.SLACK_BOT_TOKEN,
      ...(config.SLACK_APP_TOKEN === undefined ? {} : { appToken: config.SLACK_APP_TOKEN }),
      ...(config.SLACK_SIGNING_SECRET === undefined ? {} : { signingSecret: config.SLACK_SIGNING_SECRET }),
      port: config.SLACK_PORT,
      apiUrl: config.SLACK_API_URL,
      log,
      settings: {
        moderatorIds: config.SLACK_MODERATOR_IDS,
        cooldownMs: SLACK_COOLDOWN_MS,
        ...(config.SLACK_MOD_CHANNEL === undefined ? {} : { modChannel: config.SLACK_MOD_CHANNEL }),
      },
    });
    platforms.push({
      name: 'slack',
      start: () => bot.start(),
      stop: () => bot.stop(),
      connected: () => bot.connected(),
    });
  }
  return platforms;
}
