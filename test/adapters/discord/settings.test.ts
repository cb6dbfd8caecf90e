import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BOT_ID,
  HELP_CHANNEL_ID,
  interactionPayload,
  MOD_ROLE_ID,
  messagePayload,
  slashCommand,
  snowflake,
  UNLINKED_MEMBER_ID,
  userPayload,
} from '../../helpers/fake-discord.js';
import { type Harness, startHarness } from './harness.js';

const EPHEMERAL = 64;
const BOT = userPayload(BOT_ID, { username: 'helpbot', bot: true });
type Data = { content: string; flags?: number; components?: { components: { custom_id: string }[] }[] };
const dataOf = (body: unknown) => (body as { data: Data }).data;

describe('a member asking too often', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ cooldownMs: 60_000 });
  }, 20_000);
  afterAll(async () => h.stop());

  it('gets a polite private note instead of a second answer', async () => {
    const first = await h.fake.interact(
      slashCommand('ask', { question: 'do connects expire?' }, { userId: UNLINKED_MEMBER_ID }),
    );
    expect(dataOf(first.body).content).toContain('How long Connects stay valid');
    const second = await h.fake.interact(
      slashCommand('ask', { question: 'do connects expire?' }, { userId: UNLINKED_MEMBER_ID }),
    );
    expect(dataOf(second.body)).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringMatching(/^One moment please: you can ask again in \d+ s\.$/),
    });
  });

  it('in a help channel too, without pinging', async () => {
    const since = h.fake.calls.length;
    const ask = () =>
      h.fake.dispatch(
        'MESSAGE_CREATE',
        messagePayload({
          channelId: HELP_CHANNEL_ID,
          authorId: '200000000000000055',
          content: `<@${BOT_ID}> do connects expire?`,
          mentions: [BOT],
        }),
      );
    ask();
    await h.fake.waitForCall((call) => call.path === `/channels/${HELP_CHANNEL_ID}/messages`, since);
    ask();
    const note = await h.fake.waitForCall(
      (call) =>
        call.path === `/channels/${HELP_CHANNEL_ID}/messages` &&
        String(call.body?.content).startsWith('One moment'),
      since,
    );
    expect(note.body?.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });
});

describe('without MOD_CHANNEL_ID', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, { withoutModChannel: true });
  }, 20_000);
  afterAll(async () => h.stop());

  it('"ask a moderator" opens a thread on the answer and pings the moderator role there', async () => {
    const answer = await h.fake.interact(
      slashCommand('ask', { question: 'do connects expire?' }, { userId: UNLINKED_MEMBER_ID }),
    );
    const data = dataOf(answer.body);
    const modButton = (data.components ?? [])
      .flatMap((row) => row.components.map((c) => c.custom_id))
      .find((id) => id.startsWith('mod:')) as string;
    const message = messagePayload({ channelId: '100000000000000013', author: BOT, content: data.content });
    const since = h.fake.calls.length;
    await h.fake.interact(
      interactionPayload({
        type: 3,
        userId: UNLINKED_MEMBER_ID,
        data: { custom_id: modButton, component_type: 2 },
        message,
      }),
    );
    const thread = await h.fake.waitForCall(
      (call) => call.path === `/channels/100000000000000013/messages/${message.id}/threads`,
      since,
    );
    expect(String(thread.body?.name)).toBe('Moderator help: do connects expire?');
    const post = await h.fake.waitForCall(
      (call) =>
        call.method === 'POST' &&
        /^\/channels\/\d+\/messages$/.test(call.path) &&
        String(call.body?.content).includes('asked for a moderator'),
      since,
    );
    expect(post.body?.allowed_mentions).toEqual({ parse: [], roles: [MOD_ROLE_ID] });
  });
});

describe('when something breaks inside', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, { brokenLedger: true });
  }, 20_000);
  afterAll(async () => h.stop());

  it('logs the error and answers the member politely, privately', async () => {
    const call = await h.fake.interact(slashCommand('balance'));
    expect(dataOf(call.body)).toMatchObject({
      flags: EPHEMERAL,
      content: 'Sorry, something went wrong on my side. Please try again in a moment, or ask a moderator.',
    });
    expect(h.logs()).toContain('discord interaction failed');
  });

  it('keeps running afterwards', async () => {
    const call = await h.fake.interact(slashCommand('faq', { topic: 'connects.expiry' }));
    expect(dataOf(call.body).content).toContain('How long Connects stay valid');
  });
});

describe('work that takes longer than Discord waits', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, { slowLedgerMs: 2200 });
  }, 20_000);
  afterAll(async () => h.stop());

  it('is deferred privately in time, then the answer edits the deferred reply', async () => {
    const payload = slashCommand('ask', { question: 'how many connects do I have?' });
    const started = Date.now();
    const first = await h.fake.interact(payload);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(first.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const edit = await h.fake.waitForCall(
      (call) =>
        call.method === 'PATCH' &&
        call.path === `/webhooks/100000000000000003/${payload.token}/messages/@original`,
    );
    expect(String(edit.body?.content)).toContain('you have **180 Connects** now');
    expect(edit.body?.allowed_mentions).toEqual({ parse: [], replied_user: false });
  }, 10_000);

  it('a slow public answer goes to the channel, and the private placeholder says so', async () => {
    const payload = slashCommand('ask', { question: 'do connects expire?' }, { userId: UNLINKED_MEMBER_ID });
    const first = await h.fake.interact(payload);
    expect(first.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const webhook = `/webhooks/100000000000000003/${payload.token}`;
    const edit = await h.fake.waitForCall(
      (call) => call.method === 'PATCH' && call.path === `${webhook}/messages/@original`,
    );
    expect(edit.body?.content).toBe('I have answered in the channel, below.');
    const answer = await h.fake.waitForCall((call) => call.method === 'POST' && call.path === webhook);
    expect(String(answer.body?.content)).toContain('How long Connects stay valid');
    // No ephemeral flag: everyone in the channel sees the general answer.
    expect(Number(answer.body?.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(h.fake.calls.indexOf(edit)).toBeLessThan(h.fake.calls.indexOf(answer));
  }, 10_000);

  it('is deferred sooner when the event waited before the bot got to it', async () => {
    // Made 1.3 s ago (it sat behind other events): deferred about 0.2 s after it arrives, not 1.5 s.
    const payload = slashCommand('ask', { question: 'do connects expire?' }, { userId: UNLINKED_MEMBER_ID });
    const late = { ...payload, id: snowflake(Date.now() - 1300) };
    const started = Date.now();
    const first = await h.fake.interact(late);
    expect(first.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect(Date.now() - started).toBeLessThan(1000);
    await h.fake.waitForCall(
      (call) => call.method === 'POST' && call.path === `/webhooks/100000000000000003/${late.token}`,
    );
  }, 10_000);
});

describe("discord.js's sharding (SHARD_COUNT, SHARD_IDS)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ shards: { count: 2, ids: [1] } });
  }, 20_000);
  afterAll(async () => h.stop());

  it('identifies as the shard this process runs, out of the count', async () => {
    const identify = h.fake.gatewayOps.find((payload) => payload.op === 2)?.d as { shard?: number[] };
    expect(identify.shard).toEqual([1, 2]);
    const call = await h.fake.interact(slashCommand('faq', { topic: 'connects.expiry' }));
    expect(dataOf(call.body).content).toContain('How long Connects stay valid');
  });
});
