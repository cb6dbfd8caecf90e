import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HelpDesk } from '../../../src/core/help-desk.js';
import { en } from '../../../src/core/messages/en.js';
import { Moderation } from '../../../src/core/moderation/moderation.js';
import type { QuestionRecord } from '../../../src/core/state/store.js';
import type { Actor } from '../../../src/core/types.js';
import { type AskedQuestion, askQuestion } from '../../../src/core/use-cases/ask-question.js';
import { lookUp } from '../../../src/core/use-cases/look-up.js';
import { moderate } from '../../../src/core/use-cases/moderate.js';
import { pressButton } from '../../../src/core/use-cases/press-button.js';
import { BUTTON_LABEL_MAX, type HelpServices, type Shown } from '../../../src/core/use-cases/services.js';
import { MemoryLedgerStore } from '../../../src/store/memory/ledger-store.js';
import { MemoryStateStore } from '../../../src/store/memory/state-store.js';
import { realKnowledge } from '../../helpers/knowledge.js';
import { POLICY } from '../../helpers/ledger.js';
import { missingGrantAccount } from '../../helpers/missing-grant.js';

// The use cases every platform runs: what is shown, to whom, and when the moderators are told.

const NOW = new Date('2026-11-27T12:00:00Z');
const member: Actor = { platform: 'slack', id: 'U0MEMBER', roles: [] };
const missing: Actor = { platform: 'slack', id: 'U0MISSING', roles: [] };
const moderator: Actor = { platform: 'slack', id: 'U0MOD', roles: [] };

let ledger: MemoryLedgerStore;
let state: MemoryStateStore;
let services: HelpServices;
const logged: string[] = [];

beforeAll(async () => {
  ledger = new MemoryLedgerStore(POLICY);
  await ledger.importAccounts([missingGrantAccount('slack:U0MISSING')]);
  state = new MemoryStateStore();
  const desk = new HelpDesk(realKnowledge(), { ledger, state });
  services = {
    desk,
    state,
    moderation: new Moderation(desk, ledger, state, { discordRoleIds: [], slackUserIds: ['U0MOD'] }),
    log: { info: () => undefined, error: (_fields, message) => logged.push(message) },
    clock: () => NOW,
    cooldownMs: 0,
  };
});
afterAll(async () => {
  await state.close();
  await ledger.close();
});

/** An alert that records what it was handed and answers `reached`. */
function alerts(reached = true) {
  const sent: { question: QuestionRecord; why: string }[] = [];
  return {
    sent,
    alert: async (question: QuestionRecord, why: string) => {
      sent.push({ question, why });
      return reached;
    },
  };
}

let ids = 0;
function asked(text: string, extra: Partial<AskedQuestion> = {}): AskedQuestion {
  return {
    id: `q-${++ids}`,
    actor: member,
    channelId: 'C1',
    text,
    source: 'command',
    alert: alerts().alert,
    ...extra,
  };
}

function message(shown: Shown) {
  if (shown.kind !== 'message') throw new Error('nothing was shown');
  return shown;
}

describe('askQuestion', () => {
  it('answers a command privately only when the answer holds account data, a mention never', async () => {
    expect(message(await askQuestion(services, asked('do connects expire?')))).toMatchObject({
      private: false,
    });
    const own = message(
      await askQuestion(services, asked('how many connects do I have?', { actor: missing })),
    );
    expect(own.private).toBe(true);
    const mention = message(
      await askQuestion(
        services,
        asked('how many connects do I have?', { actor: missing, source: 'mention' }),
      ),
    );
    expect(mention.private).toBe(false);
    expect(mention.text).not.toContain('50 Connects');
  });

  it('flags to the moderators an answer that says so, after answering', async () => {
    const { sent, alert } = alerts();
    const question = asked("my monthly free connects didn't arrive", { actor: missing, alert });
    expect(message(await askQuestion(services, question)).text).toContain('so that grant looks missing');
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]).toMatchObject({ why: en.alertFlagged, question: { id: question.id } });
  });

  it('guards: a muted channel, an empty mention or message, a second question too soon', async () => {
    await state.saveChannelSettings('C-muted', { mutedUntil: 'forever' });
    expect(
      await askQuestion(services, asked('do connects expire?', { source: 'mention', mutedIn: 'C-muted' })),
    ).toEqual({
      kind: 'nothing',
    });
    expect(await askQuestion(services, asked('  ', { source: 'mention' }))).toMatchObject({
      text: en.emptyMention,
      private: false,
    });
    expect(await askQuestion(services, asked('', { source: 'message-menu' }))).toMatchObject({
      text: en.emptyMessage,
      private: true,
    });
    const patient = { ...services, cooldownMs: 60_000 };
    const someone: Actor = { platform: 'discord', id: '42', roles: [] };
    await askQuestion(patient, asked('do connects expire?', { actor: someone }));
    expect(message(await askQuestion(patient, asked('and refunds?', { actor: someone })))).toEqual({
      kind: 'message',
      text: en.cooldown(60),
      private: true,
      buttons: [],
      related: [],
    });
  });

  it('leaves a forum post it is not sure about to people', async () => {
    expect(
      await askQuestion(services, asked('my client left a bad review, what now?', { source: 'forum-post' })),
    ).toEqual({
      kind: 'nothing',
    });
  });
});

describe('lookUp', () => {
  it("shows the member's own account privately; a public FAQ entry, but a mistyped topic privately", async () => {
    const { sent, alert } = alerts();
    const shown = message(
      await lookUp(services, {
        id: 'b-1',
        actor: missing,
        channelId: 'C1',
        what: { view: 'balance' },
        alert,
      }),
    );
    expect(shown.private).toBe(true);
    expect(shown.text).toContain('No monthly free Connects are recorded for the cycle');
    // The balance view informs; it is no verdict on a question, so nobody is alerted.
    expect(sent).toEqual([]);
    const entry = message(
      await lookUp(services, {
        id: 'f-0',
        actor: member,
        channelId: 'C1',
        what: { topic: 'connects.expiry' },
        alert,
      }),
    );
    expect(entry.private).toBe(false);
    const faq = message(
      await lookUp(services, {
        id: 'f-1',
        actor: member,
        channelId: 'C1',
        what: { topic: 'no.such.topic' },
        alert,
      }),
    );
    expect(faq.private).toBe(true);
  });
});

describe('pressButton', () => {
  const press = (buttonId: string, alert = alerts().alert, actor = member) =>
    pressButton(services, { id: `click-${++ids}`, buttonId, actor, channelId: 'C1', alert });

  it('thanks, records the verdict, and hands over to the moderators when asked', async () => {
    const question = asked('do connects expire?');
    await askQuestion(services, question);
    expect(message(await press(`fb:helpful:${question.id}`)).text).toBe(en.thanksHelpful);
    const { sent, alert } = alerts();
    expect(message(await press(`mod:${question.id}`, alert)).text).toBe(en.passedToModerators);
    expect(sent).toMatchObject([{ why: en.alertAsked, question: { id: question.id } }]);
    expect(message(await press(`mod:${question.id}`, alerts(false).alert)).text).toBe(
      en.moderatorsUnreachable,
    );
    expect((await state.feedback(question.id)).map((entry) => entry.verdict)).toEqual([
      'helpful',
      'moderator',
      'moderator',
    ]);
  });

  it('answers a picked topic as the question would have been, flag included', async () => {
    const question = asked('connects', { actor: missing });
    await askQuestion(services, question);
    const { sent, alert } = alerts();
    const shown = message(await press(`pick:connects.monthly-free:${question.id}`, alert, missing));
    expect(shown).toMatchObject({ private: true });
    expect(shown.text).toContain('so that grant looks missing');
    await expect.poll(() => sent.length).toBe(1);
  });

  it('says so for a retired button or a forgotten question', async () => {
    expect(message(await press('zz:1'))).toMatchObject({ text: en.buttonRetired, private: true });
    expect(message(await press('fb:helpful:never-asked'))).toMatchObject({ text: en.questionExpired });
  });
});

describe('moderate', () => {
  it('offers up to five teach buttons, labels within both platforms’ limit, to moderators only', async () => {
    for (let i = 0; i < 7; i++)
      await askQuestion(
        services,
        asked(`a long question about something the bot cannot place at all number ${i} ${'x'.repeat(80)}`),
      );
    const shown = message(
      await moderate(services, { id: 'm-1', actor: moderator, command: { action: 'unanswered' } }),
    );
    expect(shown.private).toBe(true);
    const row = shown.buttons[0] ?? [];
    expect(row.length).toBeGreaterThan(0);
    expect(row.length).toBeLessThanOrEqual(5);
    for (const button of row) {
      expect(button.label.length).toBeLessThanOrEqual(BUTTON_LABEL_MAX);
      expect(button.id).toMatch(/^teach:/);
    }
    const refused = message(
      await moderate(services, { id: 'm-2', actor: member, command: { action: 'unanswered' } }),
    );
    expect(refused.buttons).toEqual([]);
  });
});
