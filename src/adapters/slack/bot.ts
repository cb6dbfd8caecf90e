import type { AddressInfo } from 'node:net';
import { App, type Logger as BoltLogger, LogLevel, type RespondFn } from '@slack/bolt';
import { en } from '../../core/messages/en.js';
import { type HelpParts, helpServices } from '../../core/use-cases/services.js';
import type { Logger } from '../../log/logger.js';
import { textMessage } from './blocks.js';
import type { SlackContext, SlackSettings } from './context.js';
import { buttonAction } from './handlers/buttons.js';
import { connectsCommand } from './handlers/connects.js';
import { connectsModCommand } from './handlers/connects-mod.js';
import { appMention } from './handlers/mention.js';

export interface SlackBotOptions extends HelpParts {
  readonly token: string;
  /** HTTP mode: Slack signs each request with it; Bolt refuses a bad or stale signature. */
  readonly signingSecret?: string;
  /** Socket Mode: no public URL needed. */
  readonly appToken?: string;
  readonly port: number;
  /** SLACK_API_URL. */
  readonly apiUrl: string;
  readonly log: Logger;
  readonly settings: SlackSettings;
}

const SORRY = en.sorry;

/** Bolt's logger interface on our pino logger. */
function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const text = (parts: unknown[]) => parts.map(String).join(' ');
  return {
    debug: (...parts) => log.debug({ bolt: text(parts) }, 'slack'),
    info: (...parts) => log.info({ bolt: text(parts) }, 'slack'),
    warn: (...parts) => log.warn({ bolt: text(parts) }, 'slack'),
    error: (...parts) => log.error({ bolt: text(parts) }, 'slack'),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** The Slack adapter on @slack/bolt: HTTP mode on SLACK_PORT, or Socket Mode with SLACK_APP_TOKEN. */
export class SlackBot {
  readonly app: App;
  private readonly ctx: SlackContext;
  private port: number | undefined;

  constructor(private readonly options: SlackBotOptions) {
    this.app = new App({
      token: options.token,
      ...(options.appToken === undefined
        ? { signingSecret: options.signingSecret as string }
        : { socketMode: true, appToken: options.appToken }),
      clientOptions: { slackApiUrl: options.apiUrl },
      logger: boltLogger(options.log),
      ignoreSelf: true,
      // Bolt would otherwise verify the token in its constructor, retrying for about 20 minutes
      // and rejecting where nobody listens; `start` does it, and the caller bounds and reports it.
      deferInitialization: true,
    });
    this.ctx = {
      app: this.app,
      services: helpServices(options, options.settings.cooldownMs),
      log: options.log,
      settings: options.settings,
    };
    const ctx = this.ctx;
    // Each listener acknowledges first (Slack waits 3 s), then works inside one error boundary.
    this.app.command('/connects', async ({ command, ack, respond, client }) => {
      await ack();
      await this.guard(respond, () => connectsCommand(ctx, command, respond, client));
    });
    this.app.command('/connects-mod', async ({ command, ack, respond }) => {
      await ack();
      await this.guard(respond, () => connectsModCommand(ctx, command, respond));
    });
    this.app.event('app_mention', async ({ event, body, client }) => {
      if ('bot_id' in event && event.bot_id !== undefined) return;
      if (event.user === undefined) return;
      const mention = {
        eventId: body.event_id,
        user: event.user,
        text: event.text,
        channel: event.channel,
        ts: event.ts,
        ...(event.thread_ts === undefined ? {} : { threadTs: event.thread_ts }),
      };
      try {
        await appMention(ctx, mention, client);
      } catch (error) {
        options.log.error({ err: error, event: body.event_id }, 'slack mention failed');
        await client.chat
          .postMessage({ channel: event.channel, thread_ts: event.ts, ...textMessage(SORRY) })
          .catch(() => undefined);
      }
    });
    this.app.action(/^(fb|mod|pick|teach):/, async ({ action, body, ack, respond, client }) => {
      await ack();
      if (action.type !== 'button' || !('action_id' in action)) return;
      const triggerId =
        'trigger_id' in body ? String(body.trigger_id) : `${body.user.id}-${action.action_ts}`;
      await this.guard(respond, () =>
        buttonAction(ctx, { actionId: action.action_id, userId: body.user.id, triggerId }, respond, client),
      );
    });
    this.app.error(async (error) => {
      options.log.error({ err: error }, 'slack error');
    });
  }

  /** Starts listening; resolves with the HTTP port (HTTP mode) once ready. */
  async start(): Promise<number | undefined> {
    await this.app.init();
    const started = (await this.app.start(this.options.port)) as unknown;
    const address = (started as { address?: () => AddressInfo | string | null }).address?.();
    this.port = typeof address === 'object' && address !== null ? address.port : undefined;
    this.options.log.info(
      { port: this.port, socketMode: this.options.appToken !== undefined },
      'slack ready',
    );
    return this.port;
  }

  async stop(): Promise<void> {
    await this.app.stop();
  }

  private async guard(respond: RespondFn, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.options.log.error({ err: error }, 'slack request failed');
      await respond({ response_type: 'ephemeral', ...textMessage(SORRY) }).catch(() => undefined);
    }
  }
}
