import {
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  MessageFlags,
  Status,
} from 'discord.js';
import { en } from '../../core/messages/en.js';
import { type HelpParts, helpServices } from '../../core/use-cases/services.js';
import type { Logger } from '../../log/logger.js';
import type { DiscordContext, DiscordSettings } from './context.js';
import { onMessage } from './handlers/messages.js';
import { onInteraction } from './interactions.js';
import { NO_PINGS } from './render.js';

export interface DiscordBotOptions extends HelpParts {
  readonly token: string;
  /** The REST base (DISCORD_API_BASE), e.g. https://discord.com/api. */
  readonly apiBase: string;
  readonly log: Logger;
  readonly settings: DiscordSettings;
}

const SORRY = en.sorry;

/**
 * The Discord adapter: gateway events in, core replies out. Message content is a privileged
 * intent, asked for only when help or forum channels are configured.
 */
export class DiscordBot {
  readonly client: Client;
  private readonly ctx: DiscordContext;

  constructor(private readonly options: DiscordBotOptions) {
    const readsMessages =
      options.settings.helpChannelIds.length > 0 || options.settings.forumChannelIds.length > 0;
    this.client = new Client({
      intents: readsMessages
        ? [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent]
        : [GatewayIntentBits.Guilds],
      rest: { api: options.apiBase },
      ...(options.settings.shards === undefined
        ? {}
        : { shards: [...options.settings.shards.ids], shardCount: options.settings.shards.count }),
      // Belt and braces: every payload sets its own allowed mentions too.
      allowedMentions: NO_PINGS,
    });
    this.ctx = {
      client: this.client,
      services: helpServices(options, options.settings.cooldownMs),
      log: options.log,
      settings: options.settings,
    };
    this.client.on(Events.InteractionCreate, (interaction) => void this.guardInteraction(interaction));
    this.client.on(Events.MessageCreate, (message) => void this.guardMessage(message));
    this.client.on(Events.Error, (error) => options.log.error({ err: error }, 'discord client error'));
    this.client.on(Events.ShardDisconnect, (_event, shard) =>
      options.log.warn({ shard }, 'discord gateway disconnected'),
    );
    this.client.on(Events.ShardResume, (shard) => options.log.info({ shard }, 'discord gateway resumed'));
  }

  /** Logs in and resolves once the bot is ready to answer. */
  async start(): Promise<void> {
    const ready = new Promise<void>((resolve) => this.client.once(Events.ClientReady, () => resolve()));
    await this.client.login(this.options.token);
    await ready;
    this.options.log.info({ user: this.client.user?.tag }, 'discord ready');
  }

  async stop(): Promise<void> {
    await this.client.destroy();
  }

  /** Logged in and its gateway connection open (not reconnecting): events reach the bot. */
  connected(): boolean {
    return this.client.isReady() && this.client.ws.status === Status.Ready;
  }

  /** The one error boundary for interactions: log it, answer politely, never crash the bot. */
  private async guardInteraction(interaction: Interaction): Promise<void> {
    try {
      await onInteraction(this.ctx, interaction);
    } catch (error) {
      this.options.log.error({ err: error, interaction: interaction.id }, 'discord interaction failed');
      if (!interaction.isRepliable()) return;
      try {
        if (interaction.deferred) await interaction.editReply({ content: SORRY, allowedMentions: NO_PINGS });
        else if (interaction.replied)
          await interaction.followUp({ content: SORRY, flags: MessageFlags.Ephemeral });
        else
          await interaction.reply({
            content: SORRY,
            flags: MessageFlags.Ephemeral,
            allowedMentions: NO_PINGS,
          });
      } catch (second) {
        this.options.log.error({ err: second }, 'could not apologise either');
      }
    }
  }

  private async guardMessage(message: Message): Promise<void> {
    try {
      await onMessage(this.ctx, message);
    } catch (error) {
      this.options.log.error({ err: error, message: message.id }, 'discord message failed');
      try {
        await message.reply({ content: SORRY, allowedMentions: NO_PINGS });
      } catch (second) {
        this.options.log.error({ err: second }, 'could not apologise either');
      }
    }
  }
}
