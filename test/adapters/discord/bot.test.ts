import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BOT_ID,
  FORUM_CHANNEL_ID,
  GUILD_ID,
  HELP_CHANNEL_ID,
  interactionPayload,
  MEMBER_ID,
  MOD_CHANNEL_ID,
  MOD_ROLE_ID,
  messagePayload,
  OTHER_CHANNEL_ID,
  type RestCall,
  slashCommand,
  snowflake,
  UNLINKED_MEMBER_ID,
  userPayload,
} from '../../helpers/fake-discord.js';
import { type Harness, MISSING_GRANT_MEMBER_ID, startHarness } from './harness.js';

const EPHEMERAL = 64;
const BOT_MENTION = userPayload(BOT_ID, { username: 'helpbot', bot: true });

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 20_000);
afterAll(async () => h.stop());

type Data = {
  content: string;
  flags?: number;
  allowed_mentions: unknown;
  components?: { components: { custom_id: string; label: string }[] }[];
};
const dataOf = (call: RestCall) => (call.body as { data: Data }).data;
const buttonIds = (data: { components?: Data['components'] }) =>
  (data.components ?? []).flatMap((row) => row.components.map((component) => component.custom_id));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends a message event and returns the REST calls the bot made for it (waiting `ms`). */
async function callsAfterMessage(message: Record<string, unknown>, ms = 300): Promise<RestCall[]> {
  const since = h.fake.calls.length;
  h.fake.dispatch('MESSAGE_CREATE', message);
  await sleep(ms);
  return h.fake.calls.slice(since);
}

describe('/connects ask', () => {
  it('answers a general question in public, with feedback buttons and no pings', async () => {
    const call = await h.fake.interact(
      slashCommand('ask', { question: 'how do I buy more connects?' }, { userId: UNLINKED_MEMBER_ID }),
    );
    expect(call.method).toBe('POST');
    const data = dataOf(call);
    expect((call.body as { type: number }).type).toBe(4);
    expect(data.flags ?? 0).toBe(0);
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(data.content).toContain('Membership & Connects');
    expect(buttonIds(data)).toEqual([
      expect.stringMatching(/^fb:helpful:/),
      expect.stringMatching(/^fb:not-helpful:/),
      expect.stringMatching(/^mod:/),
    ]);
  });

  it('answers privately when the answer holds the member’s own data', async () => {
    const call = await h.fake.interact(slashCommand('ask', { question: 'how many connects do I have?' }));
    const data = dataOf(call);
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toContain('you have **180 Connects** now');
  });

  it('offers close topics as buttons when unsure, and answers the one picked', async () => {
    const call = await h.fake.interact(slashCommand('ask', { question: 'buy connects or boost' }));
    const data = dataOf(call);
    expect(data.content).toContain("I'm not sure which of these you mean");
    const picks = buttonIds(data).filter((id) => id.startsWith('pick:'));
    expect(picks.length).toBeGreaterThanOrEqual(2);
    const balancePick = picks.find((id) => id.startsWith('pick:connects.balance:')) ?? picks[0];
    const answer = await h.fake.interact(
      interactionPayload({
        type: 3,
        data: { custom_id: balancePick, component_type: 2 },
        message: messagePayload({ channelId: OTHER_CHANNEL_ID, author: BOT_MENTION, content: data.content }),
      }),
    );
    expect(dataOf(answer).content).toMatch(/\*\*/);
    expect(dataOf(answer).allowed_mentions).toEqual({ parse: [], replied_user: false });
  });
});

describe('/connects balance and refunds', () => {
  it('shows the balance privately', async () => {
    const data = dataOf(await h.fake.interact(slashCommand('balance')));
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toContain('you have **180 Connects** now');
    expect(data.content).toContain('Your next 10 free Connects are due on 8 December 2026.');
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('lists the refund verdicts privately', async () => {
    const data = dataOf(await h.fake.interact(slashCommand('refunds')));
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toContain('"Landing page copy" (p-202, 8 Connects)');
    expect(data.content).toContain('the job post expired');
  });

  it('tells a member without a linked account how to get one', async () => {
    const data = dataOf(await h.fake.interact(slashCommand('balance', {}, { userId: UNLINKED_MEMBER_ID })));
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toContain(
      `I can't see a marketplace account linked to you (discord:${UNLINKED_MEMBER_ID})`,
    );
  });
});

describe('/connects faq', () => {
  it('suggests topics as the member types', async () => {
    const call = await h.fake.interact(slashCommand('faq', { topic: 'expir' }, { focused: 'topic' }));
    expect(call.body).toEqual({
      type: 8,
      data: { choices: [{ name: 'How long Connects stay valid', value: 'connects.expiry' }] },
    });
  });

  it('shows one topic in public, and an unknown one only to the member', async () => {
    const data = dataOf(await h.fake.interact(slashCommand('faq', { topic: 'connects.expiry' })));
    expect(data.flags ?? 0).toBe(0);
    expect(data.content).toMatch(/^\*\*How long Connects stay valid\*\*/);
    const unknown = dataOf(await h.fake.interact(slashCommand('faq', { topic: 'bitcoin' })));
    expect(unknown).toMatchObject({ flags: EPHEMERAL, content: 'I have no FAQ topic called "bitcoin".' });
  });
});

describe('message menu "Ask Help Bot"', () => {
  it('answers the chosen message in public with the general answer only', async () => {
    const target = messagePayload({
      channelId: OTHER_CHANNEL_ID,
      authorId: UNLINKED_MEMBER_ID,
      content: 'why did my connects not come back when the job expired?',
    });
    const call = await h.fake.interact(
      interactionPayload({
        type: 2,
        data: {
          id: '400000000000000002',
          name: 'Ask Help Bot',
          type: 3,
          target_id: target.id,
          resolved: { messages: { [target.id]: target } },
        },
      }),
    );
    const data = dataOf(call);
    expect(data.flags ?? 0).toBe(0);
    expect(data.content).toContain('Not returned');
    expect(data.content).not.toContain('p-101');
  });
});

describe('help-channel mentions', () => {
  it('replies in place without pinging anyone', async () => {
    const message = messagePayload({
      channelId: HELP_CHANNEL_ID,
      authorId: UNLINKED_MEMBER_ID,
      content: `<@${BOT_ID}> do connects expire?`,
      mentions: [BOT_MENTION],
    });
    const [call] = await callsAfterMessage(message);
    expect(call).toMatchObject({ method: 'POST', path: `/channels/${HELP_CHANNEL_ID}/messages` });
    expect(call?.body).toMatchObject({
      allowed_mentions: { parse: [], replied_user: false },
      message_reference: { message_id: message.id },
    });
    expect(String(call?.body?.content)).toContain('How long Connects stay valid');
  });

  it('never puts a linked member’s balance in a public reply', async () => {
    const message = messagePayload({
      channelId: HELP_CHANNEL_ID,
      authorId: MEMBER_ID,
      content: `<@${BOT_ID}> how many connects do I have?`,
      mentions: [BOT_MENTION],
    });
    const [call] = await callsAfterMessage(message);
    expect(String(call?.body?.content)).not.toContain('180');
    expect(String(call?.body?.content)).toContain('only you will see the answer');
  });

  it('does not echo @everyone or ping anyone when the question contains it', async () => {
    const message = messagePayload({
      channelId: HELP_CHANNEL_ID,
      authorId: UNLINKED_MEMBER_ID,
      content: `@everyone <@${BOT_ID}> when do free connects arrive`,
      mentions: [BOT_MENTION],
      mentionEveryone: true,
    });
    const [call] = await callsAfterMessage(message);
    expect(call?.body?.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(String(call?.body?.content)).not.toMatch(/@everyone|@here/);
  });

  it('ignores other bots, itself, unwatched channels and messages that do not mention it', async () => {
    const ignored = [
      messagePayload({
        channelId: HELP_CHANNEL_ID,
        author: userPayload('200000000000000077', { bot: true }),
        content: `<@${BOT_ID}> do connects expire?`,
        mentions: [BOT_MENTION],
      }),
      messagePayload({
        channelId: HELP_CHANNEL_ID,
        author: BOT_MENTION,
        content: `<@${BOT_ID}> do connects expire?`,
        mentions: [BOT_MENTION],
      }),
      messagePayload({
        channelId: OTHER_CHANNEL_ID,
        content: `<@${BOT_ID}> do connects expire?`,
        mentions: [BOT_MENTION],
      }),
      messagePayload({ channelId: HELP_CHANNEL_ID, content: 'do connects expire?' }),
    ];
    for (const message of ignored) expect(await callsAfterMessage(message, 150)).toEqual([]);
  });
});

describe('forum posts', () => {
  function post(title: string, content: string) {
    const threadId = snowflake();
    h.fake.dispatch('THREAD_CREATE', {
      id: threadId,
      type: 11,
      guild_id: GUILD_ID,
      parent_id: FORUM_CHANNEL_ID,
      name: title,
      owner_id: UNLINKED_MEMBER_ID,
      thread_metadata: {
        archived: false,
        auto_archive_duration: 1440,
        archive_timestamp: new Date().toISOString(),
        locked: false,
      },
      message_count: 0,
      member_count: 1,
      newly_created: true,
    });
    return {
      threadId,
      message: messagePayload({ id: threadId, channelId: threadId, authorId: UNLINKED_MEMBER_ID, content }),
    };
  }

  it('answers in the thread when confident', async () => {
    const { threadId, message } = post(
      'Refund after the job expired?',
      'The job post expired, will I get my connects back?',
    );
    const [call] = await callsAfterMessage(message);
    expect(call).toMatchObject({ method: 'POST', path: `/channels/${threadId}/messages` });
    expect(call?.body?.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(String(call?.body?.content)).toContain('When spent Connects come back');
  });

  it('stays silent when not confident', async () => {
    const { message } = post('Hello everyone', 'Anyone here from Lahore? Looking for a design partner');
    expect(await callsAfterMessage(message)).toEqual([]);
  });
});

describe('buttons', () => {
  async function answered(question: string) {
    const call = await h.fake.interact(slashCommand('ask', { question }, { userId: UNLINKED_MEMBER_ID }));
    const data = dataOf(call);
    const message = messagePayload({
      channelId: OTHER_CHANNEL_ID,
      author: BOT_MENTION,
      content: data.content,
      components: data.components ?? [],
    });
    const click = (customId: string) =>
      h.fake.interact(
        interactionPayload({
          type: 3,
          userId: UNLINKED_MEMBER_ID,
          data: { custom_id: customId, component_type: 2 },
          message,
        }),
      );
    return { ids: buttonIds(data), click };
  }

  it('records "helpful" and thanks the member privately', async () => {
    const { ids, click } = await answered('how do I buy more connects?');
    const helpful = ids.find((id) => id.startsWith('fb:helpful:')) as string;
    const data = dataOf(await click(helpful));
    expect(data).toMatchObject({ flags: EPHEMERAL, content: 'Thanks, glad it helped.' });
    const questionId = helpful.split(':')[2] as string;
    expect(await h.state.feedback(questionId)).toEqual([
      expect.objectContaining({ verdict: 'helpful', identity: `discord:${UNLINKED_MEMBER_ID}` }),
    ]);
  });

  it('records "not helpful" and puts the question on the unanswered list', async () => {
    const { ids, click } = await answered('can I pay for connects with paypal?');
    const notHelpful = ids.find((id) => id.startsWith('fb:not-helpful:')) as string;
    expect(dataOf(await click(notHelpful)).flags).toBe(EPHEMERAL);
    const questionId = notHelpful.split(':')[2] as string;
    expect((await h.state.unanswered(10)).map((question) => question.id)).toContain(questionId);
  });

  it('"ask a moderator" posts to the moderators, pinging only their role, and tells the member', async () => {
    const { ids, click } = await answered('do connects expire?');
    const since = h.fake.calls.length;
    const deferred = await click(ids.find((id) => id.startsWith('mod:')) as string);
    expect(deferred.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const post = await h.fake.waitForCall(
      (call) => call.path === `/channels/${MOD_CHANNEL_ID}/messages`,
      since,
    );
    expect(post.body?.allowed_mentions).toEqual({ parse: [], roles: [MOD_ROLE_ID] });
    expect(String(post.body?.content)).toMatch(
      new RegExp(`^<@&${MOD_ROLE_ID}> A member asked for a moderator\\.`),
    );
    expect(String(post.body?.content)).toContain('**Question:** do connects expire?');
    expect(String(post.body?.content)).toContain('**Answer:** **How long Connects stay valid**');
    const told = await h.fake.waitForCall(
      (call) => call.method === 'PATCH' && call.path.endsWith('/messages/@original'),
      since,
    );
    expect(told.body?.content).toBe(
      'Thanks, I have passed your question to the moderators. Someone will look at it soon.',
    );
  });
});

describe('the gateway', () => {
  it('resumes after a dropped connection and keeps answering', async () => {
    const before = h.fake.gatewayOps.filter((payload) => payload.op === 2).length;
    await h.fake.dropConnection(4000);
    expect(h.fake.gatewayOps.at(-1)?.op).toBe(6);
    expect(h.fake.gatewayOps.filter((payload) => payload.op === 2).length).toBe(before);
    await sleep(100);
    const data = dataOf(await h.fake.interact(slashCommand('faq', { topic: 'connects.expiry' })));
    expect(data.content).toContain('How long Connects stay valid');
  });
});

describe('the whole run', () => {
  it('logged no errors', () => {
    expect(h.logs()).not.toContain('"level":50');
  });
});

describe('an answer that finds a problem on the account', () => {
  it('tells the member privately and flags it to the moderators', async () => {
    const since = h.fake.calls.length;
    const call = await h.fake.interact(
      slashCommand(
        'ask',
        { question: "my monthly free connects didn't arrive" },
        { userId: MISSING_GRANT_MEMBER_ID },
      ),
    );
    const data = dataOf(call);
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toContain('so that grant looks missing');
    const post = await h.fake.waitForCall((c) => c.path === `/channels/${MOD_CHANNEL_ID}/messages`, since);
    expect(String(post.body?.content)).toContain('flagged something on this member’s account');
    expect(String(post.body?.content)).not.toContain('60 Connects');
    expect(post.body?.allowed_mentions).toEqual({ parse: [], roles: [MOD_ROLE_ID] });
  });

  it('flags a topic the member picked among those offered, as Slack does', async () => {
    const asked = dataOf(
      await h.fake.interact(
        slashCommand('ask', { question: 'connects' }, { userId: MISSING_GRANT_MEMBER_ID }),
      ),
    );
    const questionId = buttonIds(asked)[0]?.split(':').at(-1);
    const since = h.fake.calls.length;
    const call = await h.fake.interact(
      interactionPayload({
        type: 3,
        userId: MISSING_GRANT_MEMBER_ID,
        data: { custom_id: `pick:connects.monthly-free:${questionId}`, component_type: 2 },
        message: messagePayload({
          channelId: OTHER_CHANNEL_ID,
          author: BOT_MENTION,
          content: asked.content,
          components: asked.components ?? [],
        }),
      }),
    );
    const data = dataOf(call);
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toContain('so that grant looks missing');
    const post = await h.fake.waitForCall((c) => c.path === `/channels/${MOD_CHANNEL_ID}/messages`, since);
    expect(String(post.body?.content)).toContain('flagged something on this member’s account');
  });
});

describe('a muted channel', () => {
  it('gets no automatic replies until the mute ends', async () => {
    await h.state.saveChannelSettings(HELP_CHANNEL_ID, { mutedUntil: '2026-11-27T13:00:00.000Z' });
    const ask = () =>
      messagePayload({
        channelId: HELP_CHANNEL_ID,
        authorId: UNLINKED_MEMBER_ID,
        content: `<@${BOT_ID}> do connects expire?`,
        mentions: [BOT_MENTION],
      });
    expect(await callsAfterMessage(ask(), 150)).toEqual([]);
    await h.state.saveChannelSettings(HELP_CHANNEL_ID, { mutedUntil: '2026-11-27T11:00:00.000Z' });
    expect((await callsAfterMessage(ask())).map((call) => call.path)).toEqual([
      `/channels/${HELP_CHANNEL_ID}/messages`,
    ]);
  });
});
