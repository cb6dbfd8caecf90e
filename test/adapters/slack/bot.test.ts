import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BOT_USER_ID,
  buttonBody,
  mentionBody,
  sendSigned,
  slashCommandBody,
} from '../../helpers/fake-slack.js';
import { MISSING_GRANT_MEMBER, MOD_CHANNEL, MODERATOR, type SlackHarness, startSlack } from './harness.js';

const LINKED = 'U0DEV0001';
const UNLINKED = 'U0NOBODY';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlack();
}, 20_000);
afterAll(async () => h.stop());

type Body = {
  response_type?: string;
  text: string;
  blocks: { type: string; elements?: { action_id: string }[] }[];
  replace_original?: boolean;
};

/** Runs a slash command and returns what the bot sent to its response_url. */
async function command(name: string, text: string, user: string, trigger?: string): Promise<Body> {
  const { body, trigger: id } = slashCommandBody(h.fake, name, text, user, trigger);
  const before = h.fake.responses.length;
  const sent = await sendSigned(h.port, body);
  expect(sent.status).toBe(200);
  await h.fake.until(() => h.fake.responses.slice(before).some((response) => response.token === `r-${id}`));
  return h.fake.responses.find((response) => response.token === `r-${id}`)?.body as Body;
}

const actionIds = (body: Body) =>
  body.blocks.flatMap((block) => block.elements?.map((element) => element.action_id) ?? []);

describe('/connects', () => {
  it('ask: a general answer in the channel, with the three buttons', async () => {
    const body = await command('/connects', 'ask how do I buy more connects?', UNLINKED);
    expect(body.response_type).toBe('in_channel');
    expect(body.text).toContain('*How to buy Connects and what is charged*');
    expect(actionIds(body)).toEqual([
      expect.stringMatching(/^fb:helpful:/),
      expect.stringMatching(/^fb:not-helpful:/),
      expect.stringMatching(/^mod:/),
    ]);
  });

  it('ask: the member’s own data only in an ephemeral response', async () => {
    const body = await command('/connects', 'ask how many connects do I have?', LINKED);
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('you have *180 Connects* now');
  });

  it('balance and refunds are ephemeral; faq is in the channel; anything else gets the usage', async () => {
    expect(await command('/connects', 'balance', LINKED)).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('180 Connects'),
    });
    expect(await command('/connects', 'refunds', LINKED)).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('"Landing page copy" (p-202, 8 Connects)'),
    });
    expect(await command('/connects', 'faq connects.expiry', UNLINKED)).toMatchObject({
      response_type: 'in_channel',
      text: expect.stringMatching(/^\*How long Connects stay valid\*/),
    });
    expect(await command('/connects', '', UNLINKED)).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('/connects ask QUESTION'),
    });
  });

  it('a member without a linked account is told how to get one', async () => {
    const body = await command('/connects', 'balance', UNLINKED);
    expect(body).toMatchObject({ response_type: 'ephemeral' });
    expect(body.text).toContain(`I can't see a marketplace account linked to you (slack:${UNLINKED})`);
  });
});

describe('app_mention', () => {
  it('answers in the thread', async () => {
    const before = h.fake.calls.length;
    expect(
      (
        await sendSigned(h.port, mentionBody(`<@${BOT_USER_ID}> do connects expire?`, UNLINKED), {
          contentType: 'application/json',
        })
      ).status,
    ).toBe(200);
    await h.fake.until(() => h.fake.calls.slice(before).some((call) => call.method === 'chat.postMessage'));
    const post = h.fake.calls.slice(before).find((call) => call.method === 'chat.postMessage');
    expect(post?.args).toMatchObject({ channel: 'C0HELP', thread_ts: '1764244800.000100' });
    expect(String(post?.args.text)).toContain('How long Connects stay valid');
  });

  it('never posts <!channel>, even when the question contains it', async () => {
    const before = h.fake.calls.length;
    await sendSigned(
      h.port,
      mentionBody(`<!channel> <@${BOT_USER_ID}> <!here> when do free connects arrive <!everyone>`, UNLINKED),
      { contentType: 'application/json' },
    );
    await h.fake.until(() => h.fake.calls.slice(before).some((call) => call.method === 'chat.postMessage'));
    const post = h.fake.calls.slice(before).find((call) => call.method === 'chat.postMessage');
    expect(JSON.stringify(post?.args)).not.toMatch(/<!(channel|here|everyone)/);
    expect(String(post?.args.text)).toContain('monthly free Connects');
  });
});

describe('signatures', () => {
  it('refuses a bad or stale signature and does nothing', async () => {
    const before = { calls: h.fake.calls.length, responses: h.fake.responses.length };
    const { body } = slashCommandBody(h.fake, '/connects', 'balance', LINKED);
    expect((await sendSigned(h.port, body, { secret: 'not-the-secret' })).status).toBe(401);
    expect((await sendSigned(h.port, body, { timestamp: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(
      401,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.fake.calls.length).toBe(before.calls);
    expect(h.fake.responses.length).toBe(before.responses);
  });
});

describe('/connects-mod', () => {
  it('grant by a moderator credits once even when the request is replayed; a non-moderator is refused', async () => {
    const first = await command(
      '/connects-mod',
      `grant <@${LINKED}|faraz> 10 outage compensation`,
      MODERATOR,
      'replayed.trigger.1',
    );
    expect(first).toMatchObject({
      response_type: 'ephemeral',
      text: `slack:${LINKED} (acct-rin): +10; balance 180 → 190.`,
    });
    const { body } = slashCommandBody(
      h.fake,
      '/connects-mod',
      `grant <@${LINKED}|faraz> 10 outage compensation`,
      MODERATOR,
      'replayed.trigger.1',
    );
    const responses = h.fake.responses.length;
    expect((await sendSigned(h.port, body)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.responses.length).toBe(responses);
    const refused = await command('/connects-mod', `grant <@${UNLINKED}> 500 please`, UNLINKED);
    expect(refused).toMatchObject({ response_type: 'ephemeral', text: 'Only moderators can do that.' });
    expect((await command('/connects', 'balance', LINKED)).text).toContain('190 Connects');
  });

  it('stats answers with the figures and sends the 30-day chart to the moderator privately', async () => {
    const before = h.fake.calls.length;
    const answer = await command('/connects-mod', 'stats', MODERATOR);
    expect(answer.response_type).toBe('ephemeral');
    expect(String(answer.text)).toMatch(/^Last 30 days: \d+ questions, \d+ answered/);
    expect(String(answer.text)).toContain(
      'The chart of these figures is in your direct messages with the bot.',
    );
    await h.fake.until(() =>
      h.fake.calls.slice(before).some((call) => call.method === 'files.completeUploadExternal'),
    );
    const calls = h.fake.calls.slice(before);
    expect(calls.find((call) => call.method === 'conversations.open')?.args.users).toBe(MODERATOR);
    const asked = calls.find((call) => call.method === 'files.getUploadURLExternal');
    expect(asked?.args).toMatchObject({ filename: 'connects-questions-30-days.png' });
    const completed = calls.find((call) => call.method === 'files.completeUploadExternal');
    expect(completed?.args.channel_id).toBe(`D${MODERATOR}`);
    const [upload] = [...h.fake.uploads.values()].slice(-1);
    expect(upload?.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(Number(asked?.args.length)).toBe(upload?.length);
  });

  it('explains a malformed line', async () => {
    expect((await command('/connects-mod', 'grant someone', MODERATOR)).text).toBe(
      'Usage: /connects-mod grant IDENTITY AMOUNT REASON…',
    );
  });
});

describe('buttons', () => {
  async function click(actionId: string, user: string): Promise<Body> {
    const before = h.fake.responses.length;
    expect((await sendSigned(h.port, buttonBody(h.fake, actionId, user))).status).toBe(200);
    await h.fake.until(() => h.fake.responses.length > before);
    return h.fake.responses[h.fake.responses.length - 1]?.body as Body;
  }

  it('helpful, not helpful and ask a moderator', async () => {
    const answer = await command('/connects', 'ask do connects expire?', UNLINKED);
    const [helpful, notHelpful, moderator] = actionIds(answer) as [string, string, string];
    expect(await click(helpful, UNLINKED)).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'Thanks, glad it helped.',
    });
    expect((await click(notHelpful, UNLINKED)).text).toContain('A moderator will see it');
    const before = h.fake.calls.length;
    expect((await click(moderator, UNLINKED)).text).toBe(
      'Thanks, I have passed your question to the moderators. Someone will look at it soon.',
    );
    const post = h.fake.calls.slice(before).find((call) => call.method === 'chat.postMessage');
    expect(post?.args.channel).toBe(MOD_CHANNEL);
    expect(String(post?.args.text)).toContain('*Question:* do connects expire?');
    const questionId = helpful.split(':')[2] as string;
    expect((await h.state.feedback(questionId)).map((f) => f.verdict)).toEqual(['not-helpful', 'moderator']);
  });

  it('a picked topic is answered', async () => {
    const unsure = await command('/connects', 'ask I have a question about connects', UNLINKED);
    const pick = actionIds(unsure).find((id) => id.startsWith('pick:')) as string;
    expect(pick).toBeDefined();
    const answer = await click(pick, UNLINKED);
    expect(answer.text).toMatch(/^\*/);
  });
});

describe('the whole run', () => {
  it('logged no errors', () => {
    expect(h.logs()).not.toContain('"level":50');
  });
});

describe('an answer that finds a problem on the account', () => {
  /** The moderators' channel post made since `before`, once it has arrived. */
  async function modPost(before: number) {
    const isModPost = (call: { method: string; args: Record<string, unknown> }) =>
      call.method === 'chat.postMessage' && call.args.channel === MOD_CHANNEL;
    await h.fake.until(() => h.fake.calls.slice(before).some(isModPost));
    return h.fake.calls.slice(before).find(isModPost);
  }

  it('tells the member privately and flags it to the moderators', async () => {
    const before = h.fake.calls.length;
    const body = await command(
      '/connects',
      "ask my monthly free connects didn't arrive",
      MISSING_GRANT_MEMBER,
    );
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('so that grant looks missing');
    const post = await modPost(before);
    expect(String(post?.args.text)).toContain('flagged something on this member’s account');
    expect(String(post?.args.text)).toContain(`slack:${MISSING_GRANT_MEMBER}`);
  });

  it('flags a topic the member picked among those offered, as Discord does', async () => {
    const question = await command('/connects', 'ask connects', MISSING_GRANT_MEMBER);
    const [, questionId] = actionIds(question)[0]?.match(/:([^:]+)$/) ?? [];
    const before = h.fake.calls.length;
    const responses = h.fake.responses.length;
    const pick = `pick:connects.monthly-free:${questionId}`;
    expect((await sendSigned(h.port, buttonBody(h.fake, pick, MISSING_GRANT_MEMBER))).status).toBe(200);
    await h.fake.until(() => h.fake.responses.length > responses);
    const answer = h.fake.responses.at(-1)?.body as Body;
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain('so that grant looks missing');
    expect(String((await modPost(before))?.args.text)).toContain(
      'flagged something on this member’s account',
    );
  });
});
