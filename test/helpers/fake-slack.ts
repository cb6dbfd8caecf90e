import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';

// A small Slack on 127.0.0.1 for the real Bolt app: the Web API methods the bot calls (recorded
// with their arguments) and `response_url` targets; plus signed requests to the bot, as Slack sends.
// Socket Mode too: `apps.connections.open` hands out a one-time ws:// URL on the same port, where
// the fake says hello, pushes envelopes, records the bot's acks and can ask it to reconnect.

export const BOT_USER_ID = 'U0BOT';
export const SIGNING_SECRET = 'test-signing-secret-123456';
/** The app-level token (Socket Mode); `apps.connections.open` refuses any other token. */
export const APP_TOKEN = 'xapp-1-A0APP-1-test';

export interface ApiCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
  /** The bearer token the call was made with. */
  readonly token?: string;
}

export interface Response {
  readonly token: string;
  readonly body: Record<string, unknown>;
  /** Order among everything the fake received (responses and acks). */
  readonly seq: number;
}

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

/** What Slack sends on a Socket Mode connection for each event, command or interaction. */
export interface Envelope {
  readonly envelope_id: string;
  readonly type: EnvelopeType;
  readonly payload: Record<string, unknown>;
  readonly accepts_response_payload: boolean;
  readonly retry_attempt?: number;
  readonly retry_reason?: string;
}

/** What the bot sent back for an envelope: `{envelope_id, payload}`. */
export interface Ack {
  readonly envelopeId: string;
  readonly payload: unknown;
  /** Which connection it came on: 1 for the first socket opened, and so on. */
  readonly connection: number;
  readonly seq: number;
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

/** The file's bytes, sent raw or as the file part of a multipart form (as @slack/web-api does). */
async function uploadedBytes(raw: Buffer, contentType: string | undefined): Promise<Buffer> {
  if (!contentType?.startsWith('multipart/form-data')) return raw;
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  for (const [, value] of form) if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  return Buffer.alloc(0);
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: Response[] = [];
  /** Files uploaded (files.uploadV2), by file id: their bytes. */
  readonly uploads = new Map<string, Buffer>();
  /** Socket Mode: every ack received, in order. */
  readonly acks: Ack[] = [];
  /** Socket Mode: each connection the bot opened, in order, with its close code once closed. */
  readonly sockets: { readonly socket: WebSocket; closeCode?: number }[] = [];
  private readonly server: Server;
  private readonly wss = new WebSocketServer({ noServer: true });
  /** One-time tickets handed out by apps.connections.open and not used yet. */
  private readonly tickets = new Set<string>();
  private waiters: (() => void)[] = [];
  private seq = 0;
  private envelopes = 0;
  port = 0;

  constructor() {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    this.server.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
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
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Socket Mode: how many times the bot asked for a WebSocket URL. */
  get connectionsOpened(): number {
    return this.calls.filter((call) => call.method === 'apps.connections.open').length;
  }

  /** Socket Mode: connections open now. */
  get openSockets(): number {
    return this.sockets.filter((entry) => entry.closeCode === undefined).length;
  }

  /** Socket Mode: an envelope as Slack wraps an event (`events_api`), a command or an interaction. */
  envelope(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    retry?: { attempt: number; reason: string },
  ): Envelope {
    this.envelopes += 1;
    return {
      envelope_id: `env-${this.envelopes}-${Date.now().toString(36)}`,
      type,
      payload,
      // Slack lets commands answer in the ack; block_actions and events have nothing to say there.
      accepts_response_payload: type === 'slash_commands',
      ...(type === 'events_api'
        ? { retry_attempt: retry?.attempt ?? 0, retry_reason: retry?.reason ?? '' }
        : {}),
    };
  }

  /** Socket Mode: sends an envelope on the newest open connection. */
  push(envelope: Envelope): Envelope {
    this.newestSocket().send(JSON.stringify(envelope));
    return envelope;
  }

  /** Socket Mode: the acks received for an envelope so far. */
  acksOf(envelopeId: string): Ack[] {
    return this.acks.filter((ack) => ack.envelopeId === envelopeId);
  }

  /** Socket Mode: waits for the (first) ack of an envelope. */
  async ackOf(envelopeId: string, ms = 5000): Promise<Ack> {
    await this.until(() => this.acksOf(envelopeId).length > 0, ms);
    return this.acksOf(envelopeId)[0] as Ack;
  }

  /** Socket Mode: Slack's warning before it drops a connection; the client is to reconnect. */
  sendDisconnect(reason = 'refresh_requested'): void {
    this.newestSocket().send(
      JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake-slack' } }),
    );
  }

  private newestSocket(): WebSocket {
    const open = this.sockets.filter((entry) => entry.closeCode === undefined).at(-1);
    if (open === undefined) throw new Error('no open Socket Mode connection');
    return open.socket;
  }

  private wake(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const ticket = url.searchParams.get('ticket') ?? '';
    // Like Slack's, a URL from apps.connections.open works once.
    if (url.pathname !== '/link/' || !this.tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nconnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
  }

  private onConnection(socket: WebSocket): void {
    const entry: { socket: WebSocket; closeCode?: number } = { socket };
    this.sockets.push(entry);
    const connection = this.sockets.length;
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
      if (message.envelope_id === undefined) return;
      this.acks.push({
        envelopeId: message.envelope_id,
        payload: message.payload,
        connection,
        seq: ++this.seq,
      });
      this.wake();
    });
    socket.on('close', (code) => {
      entry.closeCode = code;
      this.wake();
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.openSockets,
        debug_info: { host: 'fake-slack', approximate_connection_time: 18060 },
        connection_info: { app_id: 'A0APP' },
      }),
    );
    this.wake();
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
    const url = req.url ?? '/';
    res.setHeader('content-type', 'application/json');
    if (url.startsWith('/upload/')) {
      // The second step of files.uploadV2: the file's bytes, to the address the first step gave.
      this.uploads.set(
        url.slice('/upload/'.length),
        await uploadedBytes(Buffer.concat(chunks), req.headers['content-type']),
      );
      res.end(JSON.stringify({ ok: true }));
      this.wake();
      return;
    }
    const body = parseBody(Buffer.concat(chunks).toString('utf8'), req.headers['content-type']);
    if (url.startsWith('/respond/')) {
      this.responses.push({ token: url.slice('/respond/'.length), body, seq: ++this.seq });
      res.end(JSON.stringify({ ok: true }));
    } else if (url.startsWith('/api/')) {
      const method = url.slice('/api/'.length).split('?')[0] as string;
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const token = bearer ?? (typeof body.token === 'string' ? body.token : undefined);
      this.calls.push({ method, args: body, ...(token === undefined ? {} : { token }) });
      res.end(JSON.stringify(this.answer(method, body, token)));
    } else {
      res.statusCode = 404;
      res.end(JSON.stringify({ ok: false, error: 'unknown_url' }));
    }
    this.wake();
  }

  private answer(method: string, args: Record<string, unknown>, token?: string): Record<string, unknown> {
    switch (method) {
      case 'apps.connections.open': {
        // Only the app-level token opens connections. (Slack says not_allowed_token_type to a bot
        // token, which the client retries for ever; invalid_auth makes it give up, so a test fails fast.)
        if (token !== APP_TOKEN) return { ok: false, error: 'invalid_auth' };
        const ticket = `t${this.connectionsOpened}-${Date.now().toString(36)}`;
        this.tickets.add(ticket);
        return { ok: true, url: `ws://127.0.0.1:${this.port}/link/?ticket=${ticket}&app_id=A0APP` };
      }
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
      case 'files.getUploadURLExternal': {
        const id = `F${++this.seq}`;
        return { ok: true, file_id: id, upload_url: `http://127.0.0.1:${this.port}/upload/${id}` };
      }
      case 'files.completeUploadExternal': {
        const files = (typeof args.files === 'string' ? JSON.parse(args.files) : args.files) as {
          id: string;
        }[];
        return { ok: true, files: files.map((file) => ({ id: file.id })) };
      }
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

/** A slash command's fields, as Slack posts them (form-encoded) or wraps them in an envelope. */
export function slashCommandPayload(
  fake: FakeSlack,
  command: string,
  text: string,
  userId: string,
  triggerId?: string,
): { payload: Record<string, string>; trigger: string } {
  triggers += 1;
  const trigger = triggerId ?? `${Date.now()}.${triggers}.abcdef`;
  const payload = {
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
  };
  return { payload, trigger };
}

/** A slash command as Slack posts it (form-encoded). */
export function slashCommandBody(
  fake: FakeSlack,
  command: string,
  text: string,
  userId: string,
  triggerId?: string,
): { body: string; trigger: string } {
  const { payload, trigger } = slashCommandPayload(fake, command, text, userId, triggerId);
  return { body: new URLSearchParams(payload).toString(), trigger };
}

/** An app_mention event callback, as Slack posts it (JSON) or wraps it in an envelope. */
export function mentionPayload(
  text: string,
  userId: string,
  eventId = `Ev${Date.now()}${++triggers}`,
): Record<string, unknown> {
  return {
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
  };
}

export function mentionBody(text: string, userId: string, eventId?: string): string {
  return JSON.stringify(mentionPayload(text, userId, eventId));
}

/** A block_actions interaction on a button, as Slack sends it (the `payload` field, or an envelope's). */
export function buttonPayload(
  fake: FakeSlack,
  actionId: string,
  userId: string,
  triggerId = `${Date.now()}.${++triggers}.btn`,
): Record<string, unknown> {
  return {
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
}

export function buttonBody(fake: FakeSlack, actionId: string, userId: string, triggerId?: string): string {
  return new URLSearchParams({
    payload: JSON.stringify(buttonPayload(fake, actionId, userId, triggerId)),
  }).toString();
}
