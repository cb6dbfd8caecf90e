import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonBody, sendSigned, slashCommandBody } from '../../helpers/fake-slack.js';
import { MODERATOR, type SlackHarness, startSlack } from './harness.js';

const MEMBER = 'U0NOBODY';
type Body = {
  response_type?: string;
  text: string;
  blocks: { type: string; elements?: { action_id: string }[] }[];
};

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlack({ withoutModChannel: true });
}, 20_000);
afterAll(async () => h.stop());

async function command(name: string, text: string, user: string): Promise<Body> {
  const { body, trigger } = slashCommandBody(h.fake, name, text, user);
  await sendSigned(h.port, body);
  await h.fake.until(() => h.fake.responses.some((response) => response.token === `r-${trigger}`));
  return h.fake.responses.find((response) => response.token === `r-${trigger}`)?.body as Body;
}

async function click(actionId: string, user: string): Promise<Body> {
  const before = h.fake.responses.length;
  await sendSigned(h.port, buttonBody(h.fake, actionId, user));
  await h.fake.until(() => h.fake.responses.length > before);
  return h.fake.responses.at(-1)?.body as Body;
}

const ids = (body: Body) =>
  body.blocks.flatMap((block) => block.elements?.map((element) => element.action_id) ?? []);

describe('without SLACK_MOD_CHANNEL', () => {
  it('"ask a moderator" messages each moderator directly', async () => {
    const answer = await command('/connects', 'ask do connects expire?', MEMBER);
    const moderatorButton = ids(answer).find((id) => id.startsWith('mod:')) as string;
    const before = h.fake.calls.length;
    expect((await click(moderatorButton, MEMBER)).text).toContain('passed your question to the moderators');
    const calls = h.fake.calls.slice(before);
    expect(calls.find((call) => call.method === 'conversations.open')?.args.users).toBe(MODERATOR);
    expect(calls.find((call) => call.method === 'chat.postMessage')?.args.channel).toBe(`D${MODERATOR}`);
  });
});

describe('the unanswered list on Slack', () => {
  it('offers one-click teaching that only a moderator can use', async () => {
    const question = 'are proposal credits and bids not the same connects';
    const answer = await command('/connects', `ask ${question}`, MEMBER);
    const moderatorButton = ids(answer).find((id) => id.startsWith('mod:'));
    if (moderatorButton !== undefined) await click(moderatorButton, MEMBER);
    const list = await command('/connects-mod', 'unanswered', MODERATOR);
    expect(list.response_type).toBe('ephemeral');
    const teach = ids(list).find((id) => id.startsWith('teach:')) as string;
    expect(teach).toMatch(/^teach:[a-z.-]+:/);
    expect((await click(teach, MEMBER)).text).toBe('Only moderators can do that.');
    expect((await click(teach, MODERATOR)).text).toMatch(/^Taught "/);
  });

  it('other moderator actions answer privately too', async () => {
    expect((await command('/connects-mod', 'lookup <@U0DEV0001|faraz>', MODERATOR)).text).toContain(
      'Account facts for slack:U0DEV0001:',
    );
    expect((await command('/connects-mod', 'mute <#C0HELP|connects-help> 2', MODERATOR)).text).toBe(
      'Automatic replies are off in C0HELP until 2026-11-27 14:00 UTC.',
    );
    expect((await command('/connects-mod', 'audit', MODERATOR)).text).toMatch(/^Recent moderator actions:/);
    expect((await command('/connects-mod', 'preview connects.expiry', MODERATOR)).text).toMatch(
      /^Preview of connects\.expiry as members see it:/,
    );
    expect((await command('/connects-mod', 'preview connects.expiry', MEMBER)).text).toBe(
      'Only moderators can do that.',
    );
  });
});
