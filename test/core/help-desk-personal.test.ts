import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseImportText } from '../../src/accounts/import-file.js';
import { HelpDesk } from '../../src/core/help-desk.js';
import type { Account } from '../../src/core/ledger/types.js';
import type { Reply } from '../../src/core/types.js';
import { MemoryLedgerStore } from '../../src/store/memory/ledger-store.js';
import { realKnowledge } from '../helpers/knowledge.js';
import { ACCOUNTS_FILE, agency, POLICY, purchase } from '../helpers/ledger.js';

const NOW = new Date('2026-11-28T12:00:00Z');
let ledger: MemoryLedgerStore;
let desk: HelpDesk;

beforeAll(async () => {
  ledger = new MemoryLedgerStore(POLICY);
  const parsed = parseImportText(readFileSync(ACCOUNTS_FILE, 'utf8'));
  if (!parsed.ok) throw new Error('eval/accounts.json does not parse');
  const plusAgency: Account = {
    ...agency([purchase('b', '2026-01-01', 5)], 'agency-plus'),
    id: 'acct-plus',
    identities: ['discord:300000000000000003'],
  };
  const result = await ledger.importAccounts([...parsed.accounts, plusAgency]);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  desk = new HelpDesk(realKnowledge(), { ledger });
});
afterAll(async () => ledger.close());

function ask(identity: string, text: string): Promise<Reply> {
  const [platform, id] = identity.split(':') as ['console' | 'discord' | 'slack', string];
  return desk.handle({
    id: 't',
    actor: { platform, id, roles: [] },
    body: { kind: 'question', text },
    now: NOW,
  });
}

describe('personal answers', () => {
  it('gives a linked member their balance, what expires soon and recent history, privately', async () => {
    const reply = await ask('console:rin', 'how many connects do I have?');
    expect(reply).toMatchObject({ intent: 'connects.balance', visibility: 'private', outcome: 'answered' });
    expect(reply.text).toContain('you have **180 Connects** now');
    expect(reply.text).toContain('Expiring soon: 30 on 1 December 2026, 10 on 8 December 2026.');
    expect(reply.text).toContain('Recent activity:');
    expect(reply.account?.balance).toBe(180);
  });

  it('lists each proposal with its verdict and reason, newest first', async () => {
    const reply = await ask('discord:200000000000000001', 'why didnt i get my connects back');
    expect(reply.intent).toBe('refunds');
    expect(reply.visibility).toBe('private');
    const lines = reply.text.split('\n').filter((line) => line.startsWith('• "'));
    expect(lines).toEqual([
      '• "Recipe ebook" (p-203, 4 Connects): the client hired someone on 22 November 2026, so they are not returned.',
      '• "Landing page copy" (p-202, 8 Connects): the client cancelled the job without hiring anyone on 20 November 2026, so 8 Connects came back to your balance as Connects (never as money).',
      '• "Podcast show notes" (p-201, 6 Connects): the job post expired on 15 November 2026, so they are not returned.',
    ]);
    expect(reply.cases.slice(0, 3)).toEqual(['refund.hired', 'refund.client-cancelled', 'refund.expired']);
  });

  it('still puts the case the question names first', async () => {
    const reply = await ask('console:rin', 'I withdrew my proposal, do I get the connects back?');
    expect(reply.intent).toBe('refunds');
    expect(reply.cases[0]).toBe('refund.withdrawn');
    expect(reply.citations[0]?.factId).toBe('refund.withdrawn');
  });

  it('tells a member whose monthly grant is missing, and hands over to a moderator', async () => {
    const reply = await ask('console:mara', 'my free monthly connects never came');
    expect(reply).toMatchObject({ intent: 'connects.monthly-free', escalate: true, visibility: 'private' });
    expect(reply.text).toContain('cycle that began on 15 November 2026, so that grant looks missing');
    expect(reply.text).toContain('The next 10 Connects are due on 15 December 2026.');
  });

  it('gives the next grant date when nothing is missing', async () => {
    const reply = await ask('console:rin', 'when will i get my free monthly connects?');
    expect(reply).toMatchObject({ intent: 'connects.monthly-free', escalate: false });
    expect(reply.text).toContain('renews on the 8th');
    expect(reply.text).toContain('due on 8 December 2026');
  });

  it('tells an agency why it gets no free Connects, that case first', async () => {
    const reply = await ask('discord:300000000000000003', 'when do our free connects arrive?');
    expect(reply.cases[0]).toBe('grant.monthly.agency');
    expect(reply.text).toContain('is an agency, and agencies receive no free Connects');
  });

  it('tells an agency below Agency Plus that it cannot buy', async () => {
    const reply = await ask('console:studio-north', 'how can my agency buy connects');
    expect(reply.text).toContain('is on Agency Basic');
    expect(reply.cases).toContain('agency.plus-required');
  });

  it('shows what expires when', async () => {
    const reply = await ask('console:rin', 'when do my connects expire');
    expect(reply.intent).toBe('connects.expiry');
    expect(reply.text).toContain(
      '• 30 Connects expire on 1 December 2026\n• 10 Connects expire on 8 December 2026',
    );
  });

  it('offers a moderator when a purchase is not in the ledger', async () => {
    const reply = await ask('console:emeka', 'I paid for connects but they are not showing');
    expect(reply.intent).toBe('connects.purchase-missing');
    expect(reply.escalate).toBe(true);
    expect(reply.text).toContain("I can't see a purchase of Connects in the last 30 days");
  });

  it('keeps answers without account data public, and never puts the balance in them', async () => {
    const reply = await ask('console:rin', 'what is the cost of connects per proposal, why different');
    expect(reply.visibility).toBe('public');
    expect(reply.text).not.toContain('180');
    expect(reply.account?.balance).toBe(180);
  });
});

describe('the ledger decides when the words fit several topics', () => {
  it.each([
    ['console:emeka', 'connects.expiry', '40 of your Connects expired on 21 November 2026'],
    ['console:rin', 'refunds', 'for your proposal to "Recipe ebook"'],
    [
      'console:mara',
      'connects.monthly-free',
      'no monthly free Connects are recorded for the cycle that began on 15 November 2026',
    ],
  ])(
    '%s: "some of my connects disappeared" is %s, and the answer says why',
    async (identity, intent, why) => {
      const reply = await ask(identity, 'some of my connects disappeared');
      expect(reply).toMatchObject({
        intent,
        decidedBy: 'ledger',
        visibility: 'private',
        outcome: 'answered',
      });
      expect(reply.text).toContain(`I looked at your account to see which topic you mean: ${why}`);
    },
  );

  it('leaves a clear question to the words', async () => {
    const reply = await ask('console:emeka', 'when do my free monthly connects come?');
    expect(reply).toMatchObject({ intent: 'connects.monthly-free', decidedBy: 'words' });
    expect(reply.text).not.toContain('I looked at your account to see which topic');
  });

  it('does not look at the ledger for members with no linked account, or in public', async () => {
    const unlinked = await ask('console:nobody', 'some of my connects disappeared');
    expect(unlinked.decidedBy).not.toBe('ledger');
    const inPublic = await desk.handle({
      id: 'p',
      actor: { platform: 'console', id: 'emeka', roles: [] },
      body: { kind: 'question', text: 'some of my connects disappeared' },
      now: NOW,
      privateReply: false,
    });
    expect(inPublic.decidedBy).not.toBe('ledger');
    expect(inPublic.text).not.toContain('21 November 2026');
  });
});

describe('members without a linked account', () => {
  it('get the general answer and how to link', async () => {
    const reply = await ask('console:nobody', 'check my balance');
    expect(reply).toMatchObject({ intent: 'connects.balance', visibility: 'public', account: null });
    expect(reply.text).toContain("I can't see a marketplace account linked to you (console:nobody)");
  });

  it('are not told about linking when the question is not about their account', async () => {
    const reply = await ask('console:nobody', 'how do I buy more connects');
    expect(reply.intent).toBe('connects.buy');
    expect(reply.text).not.toContain('linked');
  });

  it('are not told about linking when the bot has no ledger at all', async () => {
    const general = new HelpDesk(realKnowledge());
    const reply = await general.handle({
      id: 't',
      actor: { platform: 'console', id: 'x', roles: [] },
      body: { kind: 'question', text: 'check my balance' },
      now: NOW,
    });
    expect(reply.text).not.toContain('linked to you');
  });
});

describe('account views (/connects balance, /connects refunds)', () => {
  const view = (identity: string, which: 'balance' | 'refunds') => {
    const [platform, id] = identity.split(':') as ['console', string];
    return desk.handle({
      id: 'v',
      actor: { platform, id, roles: [] },
      body: { kind: 'account', view: which },
      now: NOW,
    });
  };

  it('shows only the member’s own facts, privately, with the policy they rest on', async () => {
    const balance = await view('console:rin', 'balance');
    expect(balance).toMatchObject({ intent: 'connects.balance', visibility: 'private', outcome: 'answered' });
    expect(balance.text).toMatch(/^\*\*Your account\*\* \(acct-rin\): you have \*\*180 Connects\*\* now\./);
    expect(balance.text).not.toContain('In general');
    expect(balance.cases).toEqual(['expiry.one-year', 'grant.monthly']);
    const refunds = await view('console:rin', 'refunds');
    expect(refunds.cases).toEqual(['refund.hired', 'refund.client-cancelled', 'refund.expired']);
    expect(refunds.citations.map((citation) => citation.factId)).toEqual(refunds.cases);
  });

  it('tells a member with no linked account how to get one, without any account data', async () => {
    const reply = await view('console:nobody', 'refunds');
    expect(reply).toMatchObject({ visibility: 'public', account: null, intent: 'refunds' });
    expect(reply.text).toContain('Ask a moderator to link your account');
  });
});

describe('replies others can read', () => {
  it('never carry account data: a linked member is pointed to a private answer', async () => {
    const reply = await desk.handle({
      id: 'p',
      actor: { platform: 'console', id: 'rin', roles: [] },
      body: { kind: 'question', text: 'how many connects do I have?' },
      now: NOW,
      privateReply: false,
    });
    expect(reply).toMatchObject({ intent: 'connects.balance', visibility: 'public', account: null });
    expect(reply.text).not.toContain('180');
    expect(reply.text).toContain('only you will see the answer');
  });

  it('a topic picked from the offered ones is answered with the member’s own data', async () => {
    const reply = await desk.handle({
      id: 'p',
      actor: { platform: 'console', id: 'mara', roles: [] },
      body: { kind: 'faq', topic: 'connects.balance', picked: true },
      now: NOW,
    });
    expect(reply.visibility).toBe('private');
    expect(reply.text).toContain('you have **120 Connects** now');
  });
});
