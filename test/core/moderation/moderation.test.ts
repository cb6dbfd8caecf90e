import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseImportText } from '../../../src/accounts/import-file.js';
import { HelpDesk } from '../../../src/core/help-desk.js';
import { LedgerBusyError, type LedgerStore } from '../../../src/core/ledger/store.js';
import type { ModCommand } from '../../../src/core/moderation/action-list.js';
import { Moderation } from '../../../src/core/moderation/moderation.js';
import { CONSOLE_MODERATOR_ROLE, isModerator } from '../../../src/core/moderation/permissions.js';
import type { Actor } from '../../../src/core/types.js';
import { MemoryLedgerStore } from '../../../src/store/memory/ledger-store.js';
import { MemoryStateStore } from '../../../src/store/memory/state-store.js';
import { realKnowledge } from '../../helpers/knowledge.js';
import { ACCOUNTS_FILE, POLICY } from '../../helpers/ledger.js';

const NOW = new Date('2026-11-27T12:00:00Z');
const MOD_ROLE = '100000000000000020';
const moderator: Actor = { platform: 'discord', id: '900000000000000001', roles: [MOD_ROLE] };
const member: Actor = { platform: 'discord', id: '900000000000000002', roles: ['100000000000000099'] };
const directory = { discordRoleIds: [MOD_ROLE], slackUserIds: ['U0MOD'] };

let ledger: MemoryLedgerStore;
let state: MemoryStateStore;
let desk: HelpDesk;
let moderation: Moderation;
let counter = 0;

beforeEach(async () => {
  ledger = new MemoryLedgerStore(POLICY);
  const parsed = parseImportText(readFileSync(ACCOUNTS_FILE, 'utf8'));
  if (!parsed.ok) throw new Error('eval/accounts.json does not parse');
  await ledger.importAccounts(parsed.accounts);
  state = new MemoryStateStore();
  desk = new HelpDesk(realKnowledge(), { ledger, state });
  moderation = new Moderation(desk, ledger, state, directory);
});
afterEach(async () => {
  await ledger.close();
  await state.close();
});

function act(command: ModCommand, options: { actor?: Actor; id?: string; now?: Date } = {}) {
  counter += 1;
  return moderation.handle({
    id: options.id ?? `req-${counter}`,
    actor: options.actor ?? moderator,
    command,
    now: options.now ?? NOW,
  });
}

const balanceOf = async (identity: string) => {
  const { accountFacts } = await import('../../../src/core/rules/account-facts.js');
  const account = await ledger.accountForIdentity(identity);
  return account === null ? null : accountFacts(account, POLICY, NOW).balance;
};

function ask(text: string, now = NOW) {
  return desk.handle({ id: `q-${++counter}`, actor: member, body: { kind: 'question', text }, now });
}

describe('who is a moderator', () => {
  it('is decided by role on Discord, by user id on Slack, by --moderator in the terminal', () => {
    expect(isModerator(moderator, directory)).toBe(true);
    expect(isModerator(member, directory)).toBe(false);
    expect(isModerator({ platform: 'slack', id: 'U0MOD', roles: [] }, directory)).toBe(true);
    expect(isModerator({ platform: 'slack', id: 'U0OTHER', roles: [MOD_ROLE] }, directory)).toBe(false);
    expect(isModerator({ platform: 'console', id: 'me', roles: [CONSOLE_MODERATOR_ROLE] }, directory)).toBe(
      true,
    );
    expect(isModerator({ platform: 'console', id: 'me', roles: [] }, directory)).toBe(false);
    expect(isModerator({ ...moderator, isBot: true }, directory)).toBe(false);
  });
});

describe('a non-moderator', () => {
  it('is refused every action, and nothing changes', async () => {
    const commands: ModCommand[] = [
      { action: 'teach', question: 'what is going on with connects', intent: 'connects.about' },
      { action: 'notice', intent: 'connects.buy', text: 'Purchases are slow today', hours: 2 },
      { action: 'grant', user: 'console:rin', amount: 50, reason: 'gift' },
      { action: 'adjust', user: 'console:rin', amount: -5, reason: 'fix' },
      { action: 'outcome', user: 'console:studio-north', proposal: 'p-9', outcome: 'client_cancelled' },
      { action: 'lookup', user: 'console:rin' },
      { action: 'mute', channel: 'c1', hours: 2 },
      { action: 'unmute', channel: 'c1' },
      { action: 'unanswered' },
      { action: 'stats' },
      { action: 'audit' },
      { action: 'preview', intent: 'refunds' },
    ];
    for (const command of commands) {
      expect(await act(command, { actor: member }), command.action).toEqual({
        ok: false,
        code: 'MOD.FORBIDDEN',
        text: 'Only moderators can do that.',
      });
    }
    expect(await balanceOf('console:rin')).toBe(180);
    expect(await balanceOf('console:studio-north')).toBe(0);
    expect(await state.audit(10)).toEqual([]);
    expect(await state.taught()).toEqual([]);
    expect(await state.notices()).toEqual([]);
    expect(await state.channelSettings('c1')).toEqual({});
    expect((await ask('what is going on with connects')).outcome).not.toBe('answered');
  });
});

describe('ledger actions', () => {
  it('grant credits the account once per request, audited with before, after and reason', async () => {
    const first = await act(
      { action: 'grant', user: 'console:rin', amount: 25, reason: 'goodwill after outage' },
      { id: 'interaction-1' },
    );
    expect(first).toEqual({
      ok: true,
      replayed: false,
      text: 'console:rin (acct-rin): +25; balance 180 → 205.',
    });
    const replay = await act(
      { action: 'grant', user: 'console:rin', amount: 25, reason: 'goodwill after outage' },
      { id: 'interaction-1' },
    );
    expect(replay).toEqual({ ok: true, replayed: true, text: first.text });
    expect(await balanceOf('console:rin')).toBe(205);
    const [entry] = await state.audit(5);
    expect(entry).toMatchObject({
      id: 'interaction-1',
      actor: `discord:${moderator.id}`,
      action: 'grant',
      target: 'console:rin',
      before: { balance: 180 },
      after: { balance: 205, entry: 'mod-interaction-1' },
      reason: 'goodwill after outage',
    });
  });

  it('adjust debits, and refuses a debit beyond the balance without changing anything', async () => {
    expect(
      await act({ action: 'adjust', user: 'console:mara', amount: -10, reason: 'duplicate grant' }),
    ).toMatchObject({ ok: true, text: 'console:mara (acct-mara): -10; balance 120 → 110.' });
    const refused = await act({ action: 'adjust', user: 'console:mara', amount: -111, reason: 'too much' });
    expect(refused).toMatchObject({ ok: false, code: 'LEDGER.REFUSED' });
    expect(refused.text).toMatch(
      /^Refused: account acct-mara entry mod-req-\d+ amount: debits 111 Connects but the balance at .* is 110$/,
    );
    expect(await balanceOf('console:mara')).toBe(110);
    expect(await state.audit(10)).toHaveLength(1);
  });

  it('refuses a change while an import holds the ledger, with LEDGER.BUSY, changing and auditing nothing', async () => {
    const busy: LedgerStore = {
      accountForIdentity: (identity) => ledger.accountForIdentity(identity),
      accountById: (id) => ledger.accountById(id),
      countAccounts: () => ledger.countAccounts(),
      verify: () => ledger.verify(),
      close: async () => {},
      importAccounts: async () => {
        throw new LedgerBusyError(30_000);
      },
      importStream: async () => {
        throw new LedgerBusyError(30_000);
      },
    };
    const blocked = new Moderation(desk, busy, state, directory);
    const result = await blocked.handle({
      id: 'req-busy',
      actor: moderator,
      command: { action: 'grant', user: 'console:mara', amount: 5, reason: 'goodwill' },
      now: NOW,
    });
    expect(result).toMatchObject({ ok: false, code: 'LEDGER.BUSY' });
    expect(result.text).toBe(
      'The ledger is busy with an import and nothing was changed; try again in a minute.',
    );
    expect(await balanceOf('console:mara')).toBe(120);
    expect(await state.audit(10)).toHaveLength(0);
  });

  it('outcome records the job outcome, and an eligible one returns the Connects through the rules', async () => {
    const result = await act({
      action: 'outcome',
      user: 'console:studio-north',
      proposal: 'p-9',
      outcome: 'client_cancelled',
    });
    expect(result).toMatchObject({
      ok: true,
      text: 'console:studio-north (acct-studio): p-9 is now refunded; balance 0 → 12.',
    });
    // The same outcome again returns nothing more.
    const again = await act({
      action: 'outcome',
      user: 'console:studio-north',
      proposal: 'p-9',
      outcome: 'client_cancelled',
    });
    expect(again.text).toContain('balance 12 → 12');
    // A contradicting one is refused: the first final outcome stands, and the verdict stays.
    const contradicting = await act({
      action: 'outcome',
      user: 'console:studio-north',
      proposal: 'p-9',
      outcome: 'hired',
    });
    expect(contradicting).toMatchObject({ ok: false, code: 'LEDGER.REFUSED' });
    expect(contradicting.text).toMatch(
      /proposal "p-9" already ended as client_cancelled \(entry mod-req-\d+, .+\); a later hired contradicts it/,
    );
    expect(await balanceOf('console:studio-north')).toBe(12);
    expect(
      await act({ action: 'outcome', user: 'console:studio-north', proposal: 'p-999', outcome: 'hired' }),
    ).toMatchObject({ ok: false, code: 'MOD.UNKNOWN_PROPOSAL' });
  });

  it('refuses bad amounts and unknown members with a clear line', async () => {
    expect(await act({ action: 'grant', user: 'console:rin', amount: -5, reason: 'x' })).toMatchObject({
      ok: false,
      code: 'MOD.INVALID',
    });
    expect(await act({ action: 'grant', user: 'console:rin', amount: 5, reason: ' ' })).toMatchObject({
      ok: false,
      text: 'Give a reason; it goes in the audit log.',
    });
    expect(await act({ action: 'grant', user: 'console:nobody', amount: 5, reason: 'x' })).toEqual({
      ok: false,
      code: 'MOD.NO_ACCOUNT',
      text: 'No account is linked to console:nobody.',
    });
  });

  it('lookup shows another member’s facts to the moderator, and is audited', async () => {
    const result = await act({ action: 'lookup', user: 'console:mara' });
    expect(result.text).toContain('Balance: 120 Connects');
    expect(result.text).toContain('MISSING for the cycle from 15 November 2026');
    expect((await state.audit(1))[0]).toMatchObject({ action: 'lookup', target: 'console:mara' });
  });
});

describe('teach', () => {
  it('fixes a question at once and after a restart', async () => {
    const question = 'what is going on with connects';
    expect((await ask(question)).outcome).not.toBe('answered');
    const result = await act({ action: 'teach', question, intent: 'connects.about' });
    expect(result.text).toMatch(
      /^Taught "what is going on with connects" as connects\.about\. Before: (clarify|abstain)/,
    );
    expect(await ask(question)).toMatchObject({ outcome: 'answered', intent: 'connects.about' });
    expect(await ask('are bids and connects the same thing')).toMatchObject({
      outcome: 'answered',
      intent: 'connects.about',
    });

    const restarted = new HelpDesk(realKnowledge(), { ledger, state });
    expect(await restarted.applyTaught()).toBe(1);
    const after = await restarted.handle({
      id: 'r',
      actor: member,
      body: { kind: 'question', text: question },
      now: NOW,
    });
    expect(after.intent).toBe('connects.about');
  });

  it('refuses an unknown entry', async () => {
    expect(await act({ action: 'teach', question: 'x y', intent: 'crypto' })).toEqual({
      ok: false,
      code: 'MOD.UNKNOWN_INTENT',
      text: 'There is no FAQ entry "crypto".',
    });
  });
});

describe('notice', () => {
  it('is shown with the entry’s answers until it expires', async () => {
    await act({
      action: 'notice',
      intent: 'connects.purchase-missing',
      text: 'Purchases are delayed by up to 2 hours today.',
      hours: 3,
    });
    const during = await ask(
      'I paid for connects but they are not showing',
      new Date('2026-11-27T14:00:00Z'),
    );
    expect(during.text).toContain('📣 **Notice:** Purchases are delayed by up to 2 hours today.');
    const after = await ask('I paid for connects but they are not showing', new Date('2026-11-27T15:00:01Z'));
    expect(after.text).not.toContain('Notice');
    expect((await ask('how do I buy connects', new Date('2026-11-27T14:00:00Z'))).text).not.toContain(
      'Notice',
    );
  });

  it('refuses hours outside 1..336', async () => {
    expect(await act({ action: 'notice', intent: 'connects.buy', text: 'x', hours: 1000 })).toMatchObject({
      ok: false,
      code: 'MOD.INVALID',
    });
  });
});

describe('mute, unanswered, stats, audit', () => {
  it('mute and unmute a channel, with hours or until unmuted', async () => {
    expect((await act({ action: 'mute', channel: 'c1', hours: 2 })).text).toBe(
      'Automatic replies are off in c1 until 2026-11-27 14:00 UTC.',
    );
    expect(await state.channelSettings('c1')).toEqual({ mutedUntil: '2026-11-27T14:00:00.000Z' });
    expect((await act({ action: 'mute', channel: 'c2' })).text).toBe(
      'Automatic replies are off in c2 until unmuted.',
    );
    expect((await act({ action: 'unmute', channel: 'c1' })).text).toBe(
      'Automatic replies are back on in c1.',
    );
    expect(await state.channelSettings('c1')).toEqual({});
  });

  it('list what went unanswered with a one-step teach, the figures, and the audit log', async () => {
    await ask('what is going on with connects');
    await ask('how do I buy more connects?');
    await ask('tell me a joke');
    await state.countStats('2026-11-27', { kind: 'feedback', verdict: 'helpful' });
    const unanswered = await act({ action: 'unanswered' });
    expect(unanswered.text).toMatch(
      /^Unanswered, newest first:\n• 2026-11-27 12:00 discord:900000000000000002 \[(abstained|clarify)\] "what is going on with connects"\n {2}teach: intent connects\.\S+ question "what is going on with connects"/,
    );
    const stats = await act({ action: 'stats' });
    expect(stats.text).toMatch(
      /^Last 30 days: 3 questions, 1 answered, \d abstained, 0 escalated; helpful: 100% of 1 votes\./,
    );
    expect(stats.text).toContain('Top topics: How to buy Connects and what is charged (1)');
    const audit = await act({ action: 'audit' });
    expect(audit.text).toMatch(
      /^Recent moderator actions:\n• 2026-11-27 12:00 discord:900000000000000001 stats -: Last 30 days/,
    );
  });
});

describe('preview', () => {
  it('shows a moderator the entry and its weakest examples, audited as a read', async () => {
    const result = await act({ action: 'preview', intent: 'connects.expiry' });
    expect(result).toMatchObject({ ok: true });
    expect(result.text).toMatch(/^Preview of connects\.expiry as members see it:/);
    expect(result.text).toMatch(/…and \d+ more/);
    expect((await state.audit(1))[0]).toMatchObject({ action: 'preview', target: 'connects.expiry' });
  });

  it('refuses an unknown entry', async () => {
    expect(await act({ action: 'preview', intent: 'crypto' })).toEqual({
      ok: false,
      code: 'MOD.UNKNOWN_INTENT',
      text: 'There is no FAQ entry "crypto".',
    });
  });
});

describe('dismiss, unnotice and dashboard', () => {
  it('dismiss takes an unanswered question off the list, once, audited', async () => {
    await state.saveQuestion({
      id: 'q-cat',
      identity: 'discord:1',
      text: 'my cat walked on the keyboard and bought a hat, connects?',
      intent: null,
      outcome: 'abstained',
      confidence: 0.2,
      at: NOW.toISOString(),
    });
    await state.markUnanswered('q-cat');
    const [question] = await state.unanswered(1);
    expect(question).toBeDefined();
    const dismissed = await act({ action: 'dismiss', id: question?.id ?? '' });
    expect(dismissed).toMatchObject({
      ok: true,
      text: `Taken off the unanswered list: "${question?.text}".`,
    });
    expect(await state.unanswered(5)).toEqual([]);
    expect(await act({ action: 'dismiss', id: question?.id ?? '' })).toMatchObject({
      ok: false,
      code: 'MOD.INVALID',
    });
    expect((await state.audit(5)).map((entry) => entry.action)).toEqual(['dismiss']);
  });

  it('unnotice ends a notice at once; ending none is refused', async () => {
    await act({ action: 'notice', intent: 'connects.buy', hours: 5, text: 'Card payments are slow today' });
    expect((await ask('how do I buy connects')).text).toContain('Card payments are slow today');
    expect(await act({ action: 'unnotice', intent: 'connects.buy' })).toMatchObject({
      ok: true,
      text: 'The notice on connects.buy has ended.',
    });
    expect((await ask('how do I buy connects')).text).not.toContain('Card payments are slow today');
    expect(await act({ action: 'unnotice', intent: 'connects.buy' })).toMatchObject({
      ok: false,
      text: 'There is no notice on connects.buy.',
    });
  });

  it('dashboard says how to turn it on when no dashboard is served', async () => {
    expect(await act({ action: 'dashboard' })).toEqual({
      ok: false,
      code: 'MOD.INVALID',
      text: 'The dashboard is not served here: set DASHBOARD_PORT (see the README).',
    });
  });
});
