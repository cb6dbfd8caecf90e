import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BOT_ID,
  HELP_CHANNEL_ID,
  interactionPayload,
  MEMBER_ID,
  MOD_ROLE_ID,
  messagePayload,
  modCommand,
  type RestCall,
  slashCommand,
  UNLINKED_MEMBER_ID,
  userPayload,
} from '../../helpers/fake-discord.js';
import { type Harness, startHarness } from './harness.js';

const EPHEMERAL = 64;
const MODERATOR_ID = '200000000000000050';
const BOT = userPayload(BOT_ID, { username: 'helpbot', bot: true });
const asModerator = { userId: MODERATOR_ID, roles: [MOD_ROLE_ID] };
const asMember = { userId: UNLINKED_MEMBER_ID, roles: [] };
type Data = { content: string; flags?: number; allowed_mentions: unknown; attachments?: unknown[] };
const dataOf = (call: RestCall) => (call.body as { data: Data }).data;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 20_000);
afterAll(async () => h.stop());

/**
 * The answer to an interaction as the member finally sees it: the reply itself, or, when the work
 * ran past the adapter's defer threshold (teaching refits the classifier, a second or more on a
 * busy machine), the private deferral's flags with the content of the edit that followed.
 */
async function answered(payload: { id: string; token: string }): Promise<Data> {
  const since = h.fake.calls.length;
  const call = await h.fake.interact(payload);
  if ((call.body as { type: number }).type !== 5) return dataOf(call);
  const edit = await h.fake.waitForCall(
    (c) => c.method === 'PATCH' && c.path.endsWith(`/${payload.token}/messages/@original`),
    since,
  );
  return { ...(edit.body as Data), flags: dataOf(call).flags as number };
}

async function balance(): Promise<string> {
  return dataOf(await h.fake.interact(slashCommand('balance', {}, { userId: MEMBER_ID }))).content;
}

describe('/connects-mod', () => {
  it('is registered hidden from members without Manage Messages', async () => {
    const { COMMANDS } = await import('../../../src/adapters/discord/commands.js');
    const mod = COMMANDS.find((command) => command.name === 'connects-mod') as {
      default_member_permissions?: string;
    };
    expect(mod.default_member_permissions).toBe('8192');
  });

  it('grant by a moderator credits the member, privately, once even when the interaction is replayed', async () => {
    const payload = modCommand(
      'grant',
      [
        { name: 'user', type: 6, value: MEMBER_ID },
        { name: 'amount', type: 4, value: 10 },
        { name: 'reason', type: 3, value: 'outage compensation' },
      ],
      { ...asModerator },
    );
    const data = dataOf(await h.fake.interact(payload));
    expect(data).toMatchObject({
      flags: EPHEMERAL,
      content: `discord:${MEMBER_ID} (acct-rin): +10; balance 180 → 190.`,
    });
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const since = h.fake.calls.length;
    h.fake.dispatch('INTERACTION_CREATE', payload);
    await sleep(300);
    expect(h.fake.calls.slice(since)).toEqual([]);
    expect(await balance()).toContain('you have **190 Connects** now');
    const [entry] = await h.state.audit(1);
    expect(entry).toMatchObject({
      id: payload.id,
      actor: `discord:${MODERATOR_ID}`,
      action: 'grant',
      reason: 'outage compensation',
    });
  });

  it('is refused for a member without the moderator role, and changes nothing', async () => {
    const data = dataOf(
      await h.fake.interact(
        modCommand(
          'grant',
          [
            { name: 'user', type: 6, value: UNLINKED_MEMBER_ID },
            { name: 'amount', type: 4, value: 500 },
            { name: 'reason', type: 3, value: 'please' },
          ],
          asMember,
        ),
      ),
    );
    expect(data).toMatchObject({ flags: EPHEMERAL, content: 'Only moderators can do that.' });
    const auditBefore = (await h.state.audit(50)).length;
    await h.fake.interact(
      modCommand('mute', [{ name: 'channel', type: 7, value: HELP_CHANNEL_ID }], asMember),
    );
    expect(await h.state.channelSettings(HELP_CHANNEL_ID)).toEqual({});
    expect((await h.state.audit(50)).length).toBe(auditBefore);
  });

  it('teach makes a question answer at once', async () => {
    const question = 'is the zorbl badge worth any connects';
    const before = dataOf(
      await h.fake.interact(slashCommand('ask', { question }, { userId: UNLINKED_MEMBER_ID })),
    );
    expect(before.content).not.toMatch(/^\*\*What Connects are/);
    const taught = await answered(
      modCommand(
        'teach',
        [
          { name: 'question', type: 3, value: question },
          { name: 'intent', type: 3, value: 'connects.about' },
        ],
        asModerator,
      ),
    );
    expect(taught.content).toMatch(/^Taught "is the zorbl badge worth any connects" as connects\.about\./);
    const after = dataOf(
      await h.fake.interact(slashCommand('ask', { question }, { userId: UNLINKED_MEMBER_ID })),
    );
    expect(after.content).toMatch(/^\*\*What Connects are and what they are for\*\*/);
  });

  it('notice shows with the entry’s answers', async () => {
    await h.fake.interact(
      modCommand(
        'notice',
        [
          { name: 'intent', type: 3, value: 'connects.buy' },
          { name: 'text', type: 3, value: 'Card payments are failing today; use your platform balance.' },
          { name: 'hours', type: 4, value: 4 },
        ],
        asModerator,
      ),
    );
    const answer = dataOf(
      await h.fake.interact(
        slashCommand('ask', { question: 'how do I buy more connects?' }, { userId: UNLINKED_MEMBER_ID }),
      ),
    );
    expect(answer.content).toContain(
      '📣 **Notice:** Card payments are failing today; use your platform balance.',
    );
  });

  it('mute stops automatic replies in a channel; unmute resumes them', async () => {
    const muted = dataOf(
      await h.fake.interact(
        modCommand(
          'mute',
          [
            { name: 'channel', type: 7, value: HELP_CHANNEL_ID },
            { name: 'hours', type: 4, value: 2 },
          ],
          asModerator,
        ),
      ),
    );
    expect(muted.content).toBe(`Automatic replies are off in ${HELP_CHANNEL_ID} until 2026-11-27 14:00 UTC.`);
    const mention = () =>
      messagePayload({
        channelId: HELP_CHANNEL_ID,
        authorId: UNLINKED_MEMBER_ID,
        content: `<@${BOT_ID}> do connects expire?`,
        mentions: [BOT],
      });
    let since = h.fake.calls.length;
    h.fake.dispatch('MESSAGE_CREATE', mention());
    await sleep(300);
    expect(h.fake.calls.slice(since)).toEqual([]);
    await h.fake.interact(
      modCommand('unmute', [{ name: 'channel', type: 7, value: HELP_CHANNEL_ID }], asModerator),
    );
    since = h.fake.calls.length;
    h.fake.dispatch('MESSAGE_CREATE', mention());
    await h.fake.waitForCall((call) => call.path === `/channels/${HELP_CHANNEL_ID}/messages`, since);
  });

  it('lookup, unanswered, stats and audit answer the moderator privately', async () => {
    const lookup = dataOf(
      await h.fake.interact(modCommand('lookup', [{ name: 'user', type: 6, value: MEMBER_ID }], asModerator)),
    );
    expect(lookup).toMatchObject({ flags: EPHEMERAL });
    expect(lookup.content).toContain(`Account facts for discord:${MEMBER_ID}:`);
    await h.fake.interact(
      slashCommand(
        'ask',
        { question: 'my cat ate the connects receipt, refund the kibble?' },
        { userId: UNLINKED_MEMBER_ID },
      ),
    );
    const unanswered = dataOf(await h.fake.interact(modCommand('unanswered', [], asModerator)));
    expect(unanswered.content).toMatch(/^(Unanswered, newest first:|Nothing unanswered\.)/);
    const statsCall = await h.fake.interact(modCommand('stats', [], asModerator));
    const stats = dataOf(statsCall);
    expect(stats.content).toMatch(/^Last 30 days: \d+ questions, \d+ answered/);
    // The 30-day chart goes with the figures, as a PNG only the moderator sees.
    expect(statsCall.files).toHaveLength(1);
    const [chart] = statsCall.files;
    expect(chart?.name).toBe('connects-questions-30-days.png');
    expect(chart?.bytes.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(chart?.bytes.length).toBeGreaterThan(5000);
    expect(stats.attachments).toEqual([
      expect.objectContaining({
        description: expect.stringMatching(/^Questions per day over the last 30 days: \d+ in all/),
      }),
    ]);
    const audit = dataOf(await h.fake.interact(modCommand('audit', [], asModerator)));
    expect(audit.content).toMatch(
      /^Recent moderator actions:\n• 2026-11-27 12:00 discord:200000000000000050 stats/,
    );
    for (const data of [lookup, unanswered, stats, audit]) expect(data.flags).toBe(EPHEMERAL);
  });
});

describe('the unanswered list', () => {
  it('offers one-click teaching, for moderators only', async () => {
    const question = 'are proposal credits and bids not the same connects';
    const asked = dataOf(
      await h.fake.interact(slashCommand('ask', { question }, { userId: UNLINKED_MEMBER_ID })),
    );
    const modButton = (
      (asked as unknown as { components: { components: { custom_id: string }[] }[] }).components ?? []
    )
      .flatMap((row) => row.components.map((c) => c.custom_id))
      .find((id) => id.startsWith('mod:'));
    if (modButton !== undefined) {
      const click = interactionPayload({
        type: 3,
        userId: UNLINKED_MEMBER_ID,
        data: { custom_id: modButton, component_type: 2 },
        message: messagePayload({ channelId: '100000000000000013', author: BOT, content: asked.content }),
      });
      await h.fake.interact(click);
      // The escalation finishes (and the member is told) after the deferral: wait for it.
      await h.fake.waitForCall((call) => call.method === 'PATCH' && call.path.includes(String(click.token)));
    }
    const list = (await h.fake.interact(modCommand('unanswered', [], asModerator))).body as {
      data: { content: string; components: { components: { custom_id: string; label: string }[] }[] };
    };
    const teach = list.data.components
      .flatMap((row) => row.components)
      .find(
        (button) =>
          button.label.endsWith(question.slice(0, 20)) || button.label.includes('are proposal credits'),
      );
    expect(teach?.custom_id).toMatch(/^teach:[a-z.-]+:\d+$/);
    const click = (extra: { userId: string; roles: string[] }) =>
      h.fake.interact(
        interactionPayload({
          type: 3,
          ...extra,
          data: { custom_id: teach?.custom_id, component_type: 2 },
          message: messagePayload({
            channelId: '100000000000000013',
            author: BOT,
            content: list.data.content,
          }),
        }),
      );
    expect(dataOf(await click(asMember))).toMatchObject({
      flags: EPHEMERAL,
      content: 'Only moderators can do that.',
    });
    expect(dataOf(await click(asModerator)).content).toMatch(
      /^Taught "are proposal credits and bids not the same connects" as /,
    );
  });
});

const actionOf = (payload: { data: Record<string, unknown> }) =>
  (payload.data.options as { name: string }[])[0]?.name;

describe('every action', () => {
  const everyAction = () => [
    modCommand(
      'teach',
      [
        { name: 'question', type: 3, value: 'where do connects come from' },
        { name: 'intent', type: 3, value: 'connects.about' },
      ],
      asModerator,
    ),
    modCommand(
      'notice',
      [
        { name: 'intent', type: 3, value: 'refunds' },
        { name: 'text', type: 3, value: 'Refunds take a day this week.' },
        { name: 'hours', type: 4, value: 1 },
      ],
      asModerator,
    ),
    modCommand(
      'grant',
      [
        { name: 'user', type: 6, value: MEMBER_ID },
        { name: 'amount', type: 4, value: 3 },
        { name: 'reason', type: 3, value: 'thanks' },
      ],
      asModerator,
    ),
    modCommand(
      'adjust',
      [
        { name: 'user', type: 6, value: MEMBER_ID },
        { name: 'amount', type: 4, value: -2 },
        { name: 'reason', type: 3, value: 'correction' },
      ],
      asModerator,
    ),
    modCommand(
      'outcome',
      [
        { name: 'user', type: 6, value: MEMBER_ID },
        { name: 'proposal', type: 3, value: 'p-203' },
        { name: 'outcome', type: 3, value: 'hired' },
      ],
      asModerator,
    ),
    modCommand('lookup', [{ name: 'user', type: 6, value: MEMBER_ID }], asModerator),
    modCommand('mute', [{ name: 'channel', type: 7, value: '100000000000000013' }], asModerator),
    modCommand('unmute', [{ name: 'channel', type: 7, value: '100000000000000013' }], asModerator),
    modCommand('unanswered', [], asModerator),
    modCommand('stats', [], asModerator),
    modCommand('audit', [], asModerator),
    modCommand('preview', [{ name: 'intent', type: 3, value: 'connects.expiry' }], asModerator),
  ];

  it('by a non-moderator is refused, and changes nothing', async () => {
    const auditBefore = (await h.state.audit(100)).length;
    const balanceBefore = await balance();
    for (const payload of everyAction()) {
      const asMemberPayload = { ...payload, member: { ...payload.member, roles: [] } };
      expect(dataOf(await h.fake.interact(asMemberPayload))).toMatchObject({
        flags: EPHEMERAL,
        content: 'Only moderators can do that.',
      });
    }
    expect((await h.state.audit(100)).length).toBe(auditBefore);
    expect(await balance()).toBe(balanceBefore);
  });

  it('by a moderator works and is audited', async () => {
    for (const payload of everyAction()) {
      const data = await answered(payload);
      expect(data.flags, actionOf(payload)).toBe(EPHEMERAL);
      expect(data.content).not.toBe('Only moderators can do that.');
      const [latest] = await h.state.audit(1);
      expect(latest?.id).toBe(payload.id);
      expect(latest?.action).toBe(actionOf(payload));
    }
  });

  it('a notice shows until it expires', async () => {
    await h.fake.interact(
      modCommand(
        'notice',
        [
          { name: 'intent', type: 3, value: 'connects.expiry' },
          { name: 'text', type: 3, value: 'Expiry dates are shown an hour late today.' },
          { name: 'hours', type: 4, value: 1 },
        ],
        asModerator,
      ),
    );
    const ask = async () =>
      dataOf(await h.fake.interact(slashCommand('faq', { topic: 'connects.expiry' }))).content;
    expect(await ask()).toContain('📣 **Notice:** Expiry dates are shown an hour late today.');
    h.setNow(new Date('2026-11-27T13:00:01Z'));
    try {
      expect(await ask()).not.toContain('Notice');
    } finally {
      h.setNow(new Date('2026-11-27T12:00:00Z'));
    }
  });
});
