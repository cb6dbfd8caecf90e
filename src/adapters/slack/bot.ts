import type { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { App, type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { type HelpParts, helpServices } from '../../core/use-cases/services.js';
import type { Logger } from '../../log/logger.js';
import type { SlackContext, SlackSettings } from './context.js';
import { registerListeners } from './listeners/index.js';

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

/** Socket Mode with an app token; otherwise HTTP mode, where every request is signed. */
function connectionOf(
  options: SlackBotOptions,
): { socketMode: true; appToken: string } | { signingSecret: string } {
  if (options.appToken !== undefined) return { socketMode: true, appToken: options.appToken };
  if (options.signingSecret !== undefined) return { signingSecret: options.signingSecret };
  throw new Error('Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)');
}

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
  private listening = false;
  /** Socket Mode: the socket is open now (not dropped, not reconnecting). */
  private socketOpen = false;

  constructor(private readonly options: SlackBotOptions) {
    this.app = new App({
      token: options.token,
      ...connectionOf(options),
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
    registerListeners(this.app, this.ctx);
    this.followSocket();
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
    this.listening = true;
    this.options.log.info(
      { port: this.port, socketMode: this.options.appToken !== undefined },
      'slack ready',
    );
    return this.port;
  }

  async stop(): Promise<void> {
    this.listening = false;
    await this.app.stop();
  }

  /**
   * Started and not stopped; in Socket Mode, its socket open too (not between a drop and the
   * reconnect): what GET /readyz reports.
   */
  connected(): boolean {
    return this.listening && (this.options.appToken === undefined || this.socketOpen);
  }

  /**
   * Socket Mode: the state of the receiver's socket client. Bolt keeps its receiver private; the
   * client (@slack/socket-mode) emits "connected" on Slack's hello, "close" when the socket closes,
   * and the other states on the way down. A Bolt without it: ready while started, as in HTTP mode.
   */
  private followSocket(): void {
    if (this.options.appToken === undefined) return;
    const client = (this.app as unknown as { receiver?: { client?: EventEmitter } }).receiver?.client;
    if (client === undefined) {
      this.socketOpen = true;
      return;
    }
    client.on('connected', () => {
      this.socketOpen = true;
    });
    for (const down of ['close', 'disconnecting', 'disconnected', 'reconnecting'])
      client.on(down, () => {
        this.socketOpen = false;
      });
  }
}
