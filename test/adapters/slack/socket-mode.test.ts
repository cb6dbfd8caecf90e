import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Ack,
  APP_TOKEN,
  BOT_USER_ID,
  buttonPayload,
  type Envelope,
  mentionPayload,
  type Response,
  slashCommandPayload,
} from '../../helpers/fake-slack.js';
import { MOD_CHANNEL, MODERATOR, type SocketModeHarness, startSlack } from './harness.js';

// The real Bolt app in Socket Mode (SLACK_APP_TOKEN) against the fake: it asks apps.connections.open
// for a WebSocket URL, and Slack's envelopes come over that socket and are acknowledged on it by
// envelope_id. What the bot answers must be what it answers in HTTP mode (bot.test.ts).

const LINKED = 'U0DEV0001';
const UNLINKED = 'U0NOBODY';

let h: SocketModeHarness;
let stopped = false;
beforeAll(async () => {
  h = await startSlack({ socketMode: true });
}, 20_000);
afterAll(async () => {
  if (!stopped) await h?.stop();
});

type Body = {
  response_type?: string;
  text: string;
  blocks: { type: string; elements?: { action_id: string }[] }[];
  replace_original?: boolean;
};

interface Answered {
  readonly envelope: Envelope;
  readonly ack: Ack;
  readonly response: Response;
  readonly body: Body;
}

/** Pushes an envelope and waits for the ack of this delivery. */
async function deliver(envelope: Envelope): Promise<Ack> {
  const acked = h.fake.acksOf(envelope.envelope_id).length;
  h.fake.push(envelope);
  await h.fake.until(() => h.fake.acksOf(envelope.envelope_id).length > acked);
  return h.fake.acksOf(envelope.envelope_id)[acked] as Ack;
}

/** Waits for what was sent to a response_url. */
async function responseTo(token: string): Promise<Response> {
  await h.fake.until(() => h.fake.responses.some((response) => response.token === token));
  return h.fake.responses.find((response) => response.token === token) as Response;
}

/** A slash command over the socket: its ack, and what the bot sent to its response_url. */
async function command(name: string, text: string, user: string, trigger?: string): Promise<Answered> {
  const { payload, trigger: id } = slashCommandPayload(h.fake, name, text, user, trigger);
  const envelope = h.fake.envelope('slash_commands', payload);
  const ack = await deliver(envelope);
  const response = await responseTo(`r-${id}`);
  return { envelope, ack, response, body: response.body as Body };
}

/** A button click over the socket. */
async function click(actionId: string, user: string): Promise<Answered> {
  const payload = buttonPayload(h.fake, actionId, user);
  const envelope = h.fake.envelope('interactive', payload);
  const ack = await deliver(envelope);
  const response = await responseTo(`b-${String(payload.trigger_id)}`);
  return { envelope, ack, response, body: response.body as Body };
}

/** Time for work an envelope may have started to show (a duplicate's effect comes within ~150 ms). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

const actionIds = (body: Body) =>
  body.blocks.flatMap((block) => block.elements?.map((element) => element.action_id) ?? []);

/** The bot's replies posted since `before` in the thread of a mention (all mentions share one ts). */
const threadReplies = (before: number) =>
  h.fake.calls
    .slice(before)
    .filter((call) => call.method === 'chat.postMessage' && call.args.thread_ts === '1764244800.000100');

describe('connecting', () => {
  it('asks apps.connections.open with the app token, then opens the one URL it was given', () => {
    const opens = h.fake.calls.filter((call) => call.method === 'apps.connections.open');
    expect(opens).toHaveLength(1);
    expect(opens[0]?.token).toBe(APP_TOKEN);
    // The Web API itself is called with the bot token (auth.test at start).
    expect(h.fake.calls.find((call) => call.method === 'auth.test')?.token).toBe('xoxb-test-token');
    expect(h.fake.sockets).toHaveLength(1);
    expect(h.fake.openSockets).toBe(1);
    expect(h.logs()).toMatch(/"socketMode":true[^\n]*"msg":"slack ready"/);
  });
});

describe('/connects over the socket', () => {
  it('ask: acknowledged once, before the answer; the answer in the channel with the three buttons', async () => {
    const { envelope, ack, response, body } = await command(
      '/connects',
      'ask how do I buy more connects?',
      UNLINKED,
    );
    expect(ack).toMatchObject({ envelopeId: envelope.envelope_id, payload: {}, connection: 1 });
    expect(ack.seq).toBeLessThan(response.seq);
    expect(h.fake.acksOf(envelope.envelope_id)).toHaveLength(1);
    expect(body.response_type).toBe('in_channel');
    expect(body.text).toContain('*How to buy Connects and what is charged*');
    expect(actionIds(body)).toEqual([
      expect.stringMatching(/^fb:helpful:/),
      expect.stringMatching(/^fb:not-helpful:/),
      expect.stringMatching(/^mod:/),
    ]);
  });

  it('ask: the member’s own data only in an ephemeral response', async () => {
    const { envelope, body } = await command('/connects', 'ask how many connects do I have?', LINKED);
    expect(h.fake.acksOf(envelope.envelope_id)).toHaveLength(1);
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('you have *180 Connects* now');
  });
});

describe('app_mention over the socket', () => {
  it('is acknowledged once and answered in the thread', async () => {
    const before = h.fake.calls.length;
    const envelope = h.fake.envelope(
      'events_api',
      mentionPayload(`<@${BOT_USER_ID}> do connects expire?`, UNLINKED),
    );
    expect(await deliver(envelope)).toMatchObject({ envelopeId: envelope.envelope_id, connection: 1 });
    await h.fake.until(() => threadReplies(before).length > 0);
    const [post] = threadReplies(before);
    expect(post?.args).toMatchObject({ channel: 'C0HELP', thread_ts: '1764244800.000100' });
    expect(String(post?.args.text)).toContain('How long Connects stay valid');
    expect(h.fake.acksOf(envelope.envelope_id)).toHaveLength(1);
  });
});

describe('buttons over the socket', () => {
  it('helpful and ask a moderator are acknowledged and handled', async () => {
    const answer = await command('/connects', 'ask do connects expire?', UNLINKED);
    const [helpful, , moderator] = actionIds(answer.body) as [string, string, string];

    const thanks = await click(helpful, UNLINKED);
    expect(thanks.ack).toMatchObject({ envelopeId: thanks.envelope.envelope_id, payload: {} });
    expect(thanks.ack.seq).toBeLessThan(thanks.response.seq);
    expect(thanks.body).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'Thanks, glad it helped.',
    });

    const before = h.fake.calls.length;
    const passed = await click(moderator, UNLINKED);
    expect(h.fake.acksOf(passed.envelope.envelope_id)).toHaveLength(1);
    expect(passed.body.text).toBe(
      'Thanks, I have passed your question to the moderators. Someone will look at it soon.',
    );
    const post = h.fake.calls.slice(before).find((call) => call.method === 'chat.postMessage');
    expect(post?.args.channel).toBe(MOD_CHANNEL);
    expect(String(post?.args.text)).toContain('*Question:* do connects expire?');
    const questionId = helpful.split(':')[2] as string;
    expect((await h.state.feedback(questionId)).map((f) => f.verdict)).toEqual(['helpful', 'moderator']);
  });
});

describe('delivered twice', () => {
  it('a moderator grant redelivered: each delivery acknowledged, credited once', async () => {
    const grant = `grant <@${LINKED}|faraz> 10 outage compensation`;
    const first = await command('/connects-mod', grant, MODERATOR, 'socket.replayed.1');
    expect(first.body).toMatchObject({
      response_type: 'ephemeral',
      text: `slack:${LINKED} (acct-rin): +10; balance 180 → 190.`,
    });
    const responses = h.fake.responses.length;
    await deliver(first.envelope);
    expect(h.fake.acksOf(first.envelope.envelope_id)).toHaveLength(2);
    // A second grant would answer within ~150 ms; nothing comes.
    await settle();
    expect(h.fake.responses.length).toBe(responses);
    expect((await command('/connects', 'balance', LINKED)).body.text).toContain('190 Connects');
  });

  it('an event Slack retries (a new envelope, the same event_id) is acknowledged and answered once', async () => {
    const before = h.fake.calls.length;
    const question = `<@${BOT_USER_ID}> when do free connects arrive`;
    const event = mentionPayload(question, UNLINKED);
    const first = h.fake.envelope('events_api', event);
    await deliver(first);
    await h.fake.until(() => threadReplies(before).length > 0);
    const retry = h.fake.envelope('events_api', event, { attempt: 1, reason: 'timeout' });
    await deliver(retry);
    await settle();
    expect(h.fake.acksOf(first.envelope_id)).toHaveLength(1);
    expect(h.fake.acksOf(retry.envelope_id)).toHaveLength(1);
    expect(threadReplies(before)).toHaveLength(1);
    // The same words in another event (another event_id) are answered again.
    await deliver(h.fake.envelope('events_api', mentionPayload(question, UNLINKED)));
    await h.fake.until(() => threadReplies(before).length > 1);
    const replies = threadReplies(before).map((call) => String(call.args.text));
    expect(replies).toEqual([
      expect.stringContaining('monthly free Connects'),
      expect.stringContaining('monthly free Connects'),
    ]);
  });
});

describe('Slack asks the bot to reconnect', () => {
  it('after "disconnect" it asks for a new URL, opens a new socket and answers on it', async () => {
    expect(h.fake.connectionsOpened).toBe(1);
    expect(h.bot.connected()).toBe(true);
    h.fake.sendDisconnect('refresh_requested');
    await h.fake.until(() => h.fake.sockets[0]?.closeCode !== undefined, 2000);
    // Between the drop and the new socket, /readyz says it is not ready.
    expect(h.bot.connected()).toBe(false);
    // The client closes the old socket itself, normally.
    expect(h.fake.sockets[0]?.closeCode).toBe(1000);
    // socket-mode waits clientPingTimeout (5 s by default) before reconnecting.
    await h.fake.until(() => h.fake.openSockets === 1, 8000);
    expect(h.fake.connectionsOpened).toBe(2);
    expect(h.fake.calls.filter((call) => call.method === 'apps.connections.open').at(-1)?.token).toBe(
      APP_TOKEN,
    );
    expect(h.fake.sockets).toHaveLength(2);
    await h.fake.until(() => h.bot.connected(), 2000);

    const { ack, body } = await command('/connects', 'faq connects.expiry', UNLINKED);
    expect(ack.connection).toBe(2);
    expect(body).toMatchObject({
      response_type: 'in_channel',
      text: expect.stringMatching(/^\*How long Connects stay valid\*/),
    });
  }, 15_000);
});

describe('the whole run', () => {
  it('logged no errors', () => {
    expect(h.logs()).not.toContain('"level":50');
  });

  it('stop closes the socket normally', async () => {
    stopped = true;
    await h.stop();
    expect(h.fake.sockets.map((entry) => entry.closeCode)).toEqual([1000, 1000]);
  });
});
