import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SnowflakeUtil } from 'discord.js';
import { type WebSocket, WebSocketServer } from 'ws';

// A small Discord on 127.0.0.1 for the real discord.js client: REST under /api/v10 and a plain
// JSON gateway (no compression). It records every REST call the bot makes, so tests can assert the
// route, the flags, allowed_mentions and the content; and it dispatches gateway events on demand.

export const GUILD_ID = '100000000000000001';
export const BOT_ID = '100000000000000002';
export const APP_ID = '100000000000000003';
export const HELP_CHANNEL_ID = '100000000000000010';
export const FORUM_CHANNEL_ID = '100000000000000011';
export const MOD_CHANNEL_ID = '100000000000000012';
export const OTHER_CHANNEL_ID = '100000000000000013';
export const MOD_ROLE_ID = '100000000000000020';
export const MEMBER_ID = '200000000000000001';
export const UNLINKED_MEMBER_ID = '200000000000000009';

export interface RestCall {
  readonly method: string;
  /** Without /api/v10 and without the query string. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: Record<string, unknown> | null;
  /** Files sent with the request (multipart/form-data, as discord.js sends attachments). */
  readonly files: readonly SentFile[];
  /** When the request reached the fake (Date.now()). */
  readonly receivedAt: number;
}

export interface SentFile {
  readonly name: string;
  readonly type: string;
  readonly bytes: Buffer;
}

/** A request's JSON body, or a multipart one's payload_json and its files. */
async function readBody(
  raw: Buffer,
  contentType: string | undefined,
): Promise<[Record<string, unknown> | null, SentFile[]]> {
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const files: SentFile[] = [];
    for (const [, value] of form)
      if (typeof value !== 'string')
        files.push({ name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) });
    const payload = form.get('payload_json');
    return [typeof payload === 'string' ? (JSON.parse(payload) as Record<string, unknown>) : null, files];
  }
  const text = raw.toString('utf8');
  return [text === '' ? null : (JSON.parse(text) as Record<string, unknown>), []];
}

interface Waiter {
  readonly test: (call: RestCall) => boolean;
  readonly resolve: (call: RestCall) => void;
}

const now = () => new Date().toISOString();
/** Snowflake-looking ids, unique in a run. */
/** A fresh id, as Discord makes them: the time it was made, then a counter (discord.js reads the time back). */
export function snowflake(madeAt = Date.now()): string {
  return SnowflakeUtil.generate({ timestamp: madeAt }).toString();
}

export function userPayload(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    username: `user${id.slice(-4)}`,
    discriminator: '0',
    avatar: null,
    global_name: `User ${id.slice(-4)}`,
    ...extra,
  };
}

const BOT_USER = userPayload(BOT_ID, { username: 'helpbot', bot: true });

export function messagePayload(fields: {
  id?: string;
  channelId: string;
  authorId?: string;
  author?: Record<string, unknown>;
  content: string;
  mentions?: Record<string, unknown>[];
  mentionEveryone?: boolean;
  flags?: number;
  components?: unknown[];
  roles?: string[];
}) {
  const author = fields.author ?? userPayload(fields.authorId ?? MEMBER_ID);
  return {
    id: fields.id ?? snowflake(),
    channel_id: fields.channelId,
    guild_id: GUILD_ID,
    author,
    member: { roles: fields.roles ?? [], joined_at: now(), deaf: false, mute: false, flags: 0 },
    content: fields.content,
    timestamp: now(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: fields.mentionEveryone ?? false,
    mentions: fields.mentions ?? [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
    flags: fields.flags ?? 0,
    components: fields.components ?? [],
  };
}

function channel(id: string, type: number, name: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    type,
    guild_id: GUILD_ID,
    name,
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    parent_id: null,
    ...extra,
  };
}

export class FakeDiscord {
  readonly calls: RestCall[] = [];
  readonly gatewayOps: { op: number; d: unknown }[] = [];
  private readonly server: Server;
  private readonly wss: WebSocketServer;
  /** Every bot connected to the gateway, each with its own sequence: events go to all of them. */
  private readonly sockets = new Map<WebSocket, { sequence: number }>();
  /** The latest connection (what dropConnection drops). */
  private socket: WebSocket | null = null;
  /** Interactions already answered: a second callback is refused, as Discord refuses it. */
  private readonly acknowledged = new Set<string>();
  private waiters: Waiter[] = [];
  private connectionWaiters: (() => void)[] = [];
  private closedWaiters: ((code: number) => void)[] = [];
  port = 0;

  constructor() {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    this.wss = new WebSocketServer({ server: this.server, path: '/gateway' });
    this.wss.on('connection', (socket) => this.onConnection(socket));
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Sends a dispatch event to every connected bot (several instances on one token all get it). */
  dispatch(type: string, data: unknown): void {
    for (const socket of this.sockets.keys()) this.dispatchTo(socket, type, data);
  }

  private dispatchTo(socket: WebSocket, type: string, data: unknown): void {
    const session = this.sockets.get(socket);
    if (session === undefined || socket.readyState !== socket.OPEN) return;
    session.sequence += 1;
    socket.send(JSON.stringify({ op: 0, t: type, s: session.sequence, d: data }));
  }

  /** How many bots are connected now. */
  get connections(): number {
    return this.sockets.size;
  }

  /** Closes the gateway connection the way a network drop or a Discord restart does. */
  dropConnection(code = 4000): Promise<void> {
    const reconnected = new Promise<void>((resolve) => this.connectionWaiters.push(resolve));
    this.socket?.close(code, 'test drop');
    return reconnected;
  }

  /** Resolves when the bot closes its gateway connection (shutdown). */
  whenClosed(): Promise<number> {
    return new Promise((resolve) => this.closedWaiters.push(resolve));
  }

  /** The first recorded call matching `test` from `since` on, waiting for it if need be. */
  waitForCall(test: (call: RestCall) => boolean, since = 0, timeoutMs = 5000): Promise<RestCall> {
    const found = this.calls.slice(since).find(test);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter.resolve !== done);
        reject(
          new Error(
            `no matching REST call within ${timeoutMs} ms; calls: ${this.calls.map((c) => `${c.method} ${c.path}`).join(', ')}`,
          ),
        );
      }, timeoutMs);
      const done = (call: RestCall) => {
        clearTimeout(timer);
        resolve(call);
      };
      this.waiters.push({ test, resolve: done });
    });
  }

  /** Dispatches an interaction and waits for its first callback. */
  async interact(data: Record<string, unknown>): Promise<RestCall> {
    const since = this.calls.length;
    this.dispatch('INTERACTION_CREATE', data);
    return this.waitForCall((call) => call.path === `/interactions/${data.id}/${data.token}/callback`, since);
  }

  private onConnection(socket: WebSocket): void {
    this.socket = socket;
    this.sockets.set(socket, { sequence: 0 });
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 } }));
    socket.on('message', (raw) => {
      const payload = JSON.parse(raw.toString()) as { op: number; d: unknown };
      this.gatewayOps.push(payload);
      if (payload.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (payload.op === 2) this.ready(socket);
      if (payload.op === 6) this.dispatchTo(socket, 'RESUMED', {});
      if (payload.op === 2 || payload.op === 6) {
        for (const resolve of this.connectionWaiters.splice(0)) resolve();
      }
    });
    socket.on('close', (code) => {
      this.sockets.delete(socket);
      for (const resolve of this.closedWaiters.splice(0)) resolve(code);
    });
  }

  private ready(socket: WebSocket): void {
    const session = this.sockets.get(socket);
    if (session !== undefined) session.sequence = 0;
    this.dispatchTo(socket, 'READY', {
      v: 10,
      user: BOT_USER,
      guilds: [{ id: GUILD_ID, unavailable: true }],
      session_id: 'session-1',
      resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
      application: { id: APP_ID, flags: 0 },
      shard: [0, 1],
    });
    this.dispatchTo(socket, 'GUILD_CREATE', {
      id: GUILD_ID,
      name: 'Connects community',
      icon: null,
      owner_id: MEMBER_ID,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        {
          id: GUILD_ID,
          name: '@everyone',
          permissions: '1071698660929',
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
        {
          id: MOD_ROLE_ID,
          name: 'Moderators',
          permissions: '8',
          position: 1,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: true,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: 'en-US',
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: now(),
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [{ user: BOT_USER, roles: [], joined_at: now(), deaf: false, mute: false, flags: 0 }],
      channels: [
        channel(HELP_CHANNEL_ID, 0, 'connects-help'),
        channel(FORUM_CHANNEL_ID, 15, 'questions', {
          available_tags: [],
          default_reaction_emoji: null,
          default_sort_order: null,
          default_forum_layout: 0,
        }),
        channel(MOD_CHANNEL_ID, 0, 'moderators'),
        channel(OTHER_CHANNEL_ID, 0, 'general'),
      ],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
    });
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${this.port}`);
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const [body, files] = await readBody(Buffer.concat(chunks), req.headers['content-type']);
    const call: RestCall = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      body,
      files,
      receivedAt,
    };
    this.calls.push(call);
    for (const waiter of [...this.waiters]) {
      if (waiter.test(call)) {
        this.waiters = this.waiters.filter((other) => other !== waiter);
        waiter.resolve(call);
      }
    }
    const [status, json] = this.route(call);
    if (json === undefined) {
      res.writeHead(status);
      res.end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(json));
  }

  private route(call: RestCall): [number, unknown] {
    const { method, path, body } = call;
    if (method === 'GET' && path === '/gateway/bot') {
      return [
        200,
        {
          url: `ws://127.0.0.1:${this.port}/gateway`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        },
      ];
    }
    const callback = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(path);
    if (method === 'POST' && callback) {
      const id = callback[1] as string;
      if (this.acknowledged.has(id))
        return [400, { message: 'Interaction has already been acknowledged.', code: 40060 }];
      this.acknowledged.add(id);
      return [204, undefined];
    }
    let match = /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.exec(path);
    if (match && method === 'PATCH') return [200, this.botMessage(OTHER_CHANNEL_ID, body)];
    match = /^\/webhooks\/\d+\/[^/]+$/.exec(path);
    if (match && method === 'POST') return [200, this.botMessage(OTHER_CHANNEL_ID, body)];
    match = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (match && method === 'POST') return [200, this.botMessage(match[1] as string, body)];
    match = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path);
    if (match && method === 'POST')
      return [201, this.thread(match[2] as string, match[1] as string, body, 11)];
    match = /^\/channels\/(\d+)\/threads$/.exec(path);
    if (match && method === 'POST')
      return [201, this.thread(snowflake(), match[1] as string, body, Number(body?.type ?? 11))];
    match = /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.exec(path);
    if (match && method === 'PUT') {
      const list = (body as unknown as Record<string, unknown>[]) ?? [];
      return [
        200,
        list.map((command) => ({ ...command, id: snowflake(), application_id: APP_ID, version: '1' })),
      ];
    }
    return [404, { message: 'Unknown route in the fake', code: 0 }];
  }

  private botMessage(channelId: string, body: Record<string, unknown> | null) {
    return messagePayload({
      channelId,
      author: BOT_USER,
      content: String(body?.content ?? ''),
      flags: Number(body?.flags ?? 0),
      components: (body?.components as unknown[]) ?? [],
    });
  }

  private thread(id: string, parentId: string, body: Record<string, unknown> | null, type: number) {
    return {
      ...channel(id, type, String(body?.name ?? 'thread'), { parent_id: parentId }),
      owner_id: BOT_ID,
      thread_metadata: {
        archived: false,
        auto_archive_duration: 1440,
        archive_timestamp: now(),
        locked: false,
      },
      message_count: 0,
      member_count: 1,
    };
  }
}

/** An interaction in the guild, as Discord sends it. */
export function interactionPayload(fields: {
  type: number;
  data: Record<string, unknown>;
  userId?: string;
  roles?: string[];
  channelId?: string;
  message?: Record<string, unknown>;
}) {
  const channelId = fields.channelId ?? OTHER_CHANNEL_ID;
  return {
    id: snowflake(),
    application_id: APP_ID,
    type: fields.type,
    token: `token-${snowflake()}`,
    version: 1,
    guild_id: GUILD_ID,
    channel_id: channelId,
    channel: channel(channelId, 0, 'general'),
    member: {
      user: userPayload(fields.userId ?? MEMBER_ID),
      roles: fields.roles ?? [],
      permissions: '1071698660929',
      joined_at: now(),
      deaf: false,
      mute: false,
      flags: 0,
      nick: null,
      avatar: null,
      pending: false,
      premium_since: null,
      communication_disabled_until: null,
    },
    data: fields.data,
    locale: 'en-US',
    guild_locale: 'en-US',
    app_permissions: '1071698660929',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD_ID },
    context: 0,
    ...(fields.message === undefined ? {} : { message: fields.message }),
  };
}

export function slashCommand(
  subcommand: string,
  options: Record<string, string> = {},
  extra: { userId?: string; roles?: string[]; focused?: string } = {},
) {
  return interactionPayload({
    type: extra.focused === undefined ? 2 : 4,
    ...(extra.userId === undefined ? {} : { userId: extra.userId }),
    ...(extra.roles === undefined ? {} : { roles: extra.roles }),
    data: {
      id: '400000000000000001',
      name: 'connects',
      type: 1,
      guild_id: GUILD_ID,
      options: [
        {
          type: 1,
          name: subcommand,
          options: Object.entries(options).map(([name, value]) => ({
            type: 3,
            name,
            value,
            ...(name === extra.focused ? { focused: true } : {}),
          })),
        },
      ],
    },
  });
}

type ModOption = { name: string; type: 3 | 4 | 6 | 7; value: string | number };

/** A `/connects-mod` interaction; user and channel options come with their resolved objects. */
export function modCommand(
  subcommand: string,
  options: ModOption[] = [],
  extra: { userId?: string; roles?: string[]; id?: string } = {},
) {
  const users: Record<string, unknown> = {};
  const members: Record<string, unknown> = {};
  const channels: Record<string, unknown> = {};
  for (const option of options) {
    if (option.type === 6) {
      users[String(option.value)] = userPayload(String(option.value));
      members[String(option.value)] = { roles: [], joined_at: now(), permissions: '0', flags: 0 };
    }
    if (option.type === 7)
      channels[String(option.value)] = {
        id: String(option.value),
        type: 0,
        name: 'channel',
        permissions: '0',
      };
  }
  const payload = interactionPayload({
    type: 2,
    ...(extra.userId === undefined ? {} : { userId: extra.userId }),
    ...(extra.roles === undefined ? {} : { roles: extra.roles }),
    data: {
      id: '400000000000000003',
      name: 'connects-mod',
      type: 1,
      guild_id: GUILD_ID,
      options: [{ type: 1, name: subcommand, options }],
      resolved: { users, members, channels },
    },
  });
  return extra.id === undefined ? payload : { ...payload, id: extra.id };
}
