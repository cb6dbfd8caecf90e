import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A small Slack on 127.0.0.1 for the real Bolt app: the Web API methods the bot calls (recorded
// with their arguments) and `response_url` targets; plus signed requests to the bot, as Slack sends.

export const BOT_USER_ID = 'U0BOT';
export const SIGNING_SECRET = 'test-signing-secret-123456';

export interface ApiCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
}

export interface Response {
  readonly token: string;
  readonly body: Record<string, unknown>;
}

function parseBody(text: string, contentType: string | undefined): Record<string, unknown> {
  if (text === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(text) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: Response[] = [];
  private readonly server: Server;
  private waiters: (() => void)[] = [];
  port = 0;

  constructor() {
    this.server = createServer((req, res) => void this.onRequest(req, res));
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(token: string): string {
    return `http://127.0.0.1:${this.port}/respond/${token}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Waits until `test` holds for what was recorded, or fails after `ms`. */
  async until(test: () => boolean, ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!test()) {
      if (Date.now() > deadline) {
        throw new Error(
          `timed out; calls: ${this.calls.map((c) => c.method).join(', ')}; responses: ${this.responses.length}`,
        );
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = parseBody(Buffer.concat(chunks).toString('utf8'), req.headers['content-type']);
    const url = req.url ?? '/';
    res.setHeader('content-type', 'application/json');
    if (url.startsWith('/respond/')) {
      this.responses.push({ token: url.slice('/respond/'.length), body });
      res.end(JSON.stringify({ ok: true }));
    } else if (url.startsWith('/api/')) {
      const method = url.slice('/api/'.length).split('?')[0] as string;
      this.calls.push({ method, args: body });
      res.end(JSON.stringify(this.answer(method, body)));
    } else {
      res.statusCode = 404;
      res.end(JSON.stringify({ ok: false, error: 'unknown_url' }));
    }
    for (const wake of this.waiters.splice(0)) wake();
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.test/',
          team: 'Fake',
          user: 'helpbot',
          team_id: 'T0TEAM',
          user_id: BOT_USER_ID,
          bot_id: 'B0BOT',
        };
      case 'chat.postMessage':
        return { ok: true, channel: args.channel, ts: `${Date.now() / 1000}`, message: { text: args.text } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${Date.now() / 1000}` };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users)}` } };
      default:
        return { ok: true };
    }
  }
}

/** Sends a request to the bot signed as Slack signs it (v0 HMAC-SHA256 of "v0:ts:body"). */
export async function sendSigned(
  botPort: number,
  body: string,
  options: {
    contentType?: string;
    secret?: string;
    timestamp?: number;
    headers?: Record<string, string>;
  } = {},
): Promise<{ status: number; text: string }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', options.secret ?? SIGNING_SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex')}`;
  const response = await fetch(`http://127.0.0.1:${botPort}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
      ...options.headers,
    },
    body,
  });
  return { status: response.status, text: await response.text() };
}

let triggers = 0;

/** A slash command as Slack posts it (form-encoded). */
export function slashCommandBody(
  fake: FakeSlack,
  command: string,
  text: string,
  userId: string,
  triggerId?: string,
): { body: string; trigger: string } {
  triggers += 1;
  const trigger = triggerId ?? `${Date.now()}.${triggers}.abcdef`;
  const body = new URLSearchParams({
    token: 'verification-token',
    team_id: 'T0TEAM',
    team_domain: 'fake',
    channel_id: 'C0HELP',
    channel_name: 'connects-help',
    user_id: userId,
    user_name: userId.toLowerCase(),
    command,
    text,
    api_app_id: 'A0APP',
    is_enterprise_install: 'false',
    response_url: fake.responseUrl(`r-${trigger}`),
    trigger_id: trigger,
  }).toString();
  return { body, trigger };
}

export function mentionBody(text: string, userId: string, eventId = `Ev${Date.now()}${++triggers}`): string {
  return JSON.stringify({
    token: 'verification-token',
    team_id: 'T0TEAM',
    api_app_id: 'A0APP',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0TEAM', user_id: BOT_USER_ID, is_bot: true }],
    event: {
      type: 'app_mention',
      user: userId,
      text,
      ts: '1764244800.000100',
      channel: 'C0HELP',
      event_ts: '1764244800.000100',
    },
  });
}

export function buttonBody(
  fake: FakeSlack,
  actionId: string,
  userId: string,
  triggerId = `${Date.now()}.${++triggers}.btn`,
): string {
  const payload = {
    type: 'block_actions',
    team: { id: 'T0TEAM', domain: 'fake' },
    user: { id: userId, username: userId.toLowerCase(), team_id: 'T0TEAM' },
    api_app_id: 'A0APP',
    token: 'verification-token',
    container: {
      type: 'message',
      message_ts: '1764244800.000200',
      channel_id: 'C0HELP',
      is_ephemeral: false,
    },
    trigger_id: triggerId,
    channel: { id: 'C0HELP', name: 'connects-help' },
    message: { type: 'message', ts: '1764244800.000200', text: 'answer' },
    response_url: fake.responseUrl(`b-${triggerId}`),
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'x' },
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
