import { describe, expect, it } from 'vitest';
import { HelpDesk } from '../../../src/core/help-desk.js';
import type { Account } from '../../../src/core/ledger/types.js';
import { Moderation } from '../../../src/core/moderation/moderation.js';
import { renderAccountFacts } from '../../../src/core/personal/account-summary.js';
import { accountFacts } from '../../../src/core/rules/account-facts.js';
import { displayText } from '../../../src/core/text/display.js';
import { MemoryLedgerStore } from '../../../src/store/memory/ledger-store.js';
import { MemoryStateStore } from '../../../src/store/memory/state-store.js';
import { realKnowledge } from '../../helpers/knowledge.js';
import { outcome, POLICY, purchase, spend } from '../../helpers/ledger.js';

// What a hostile job title can hold: a terminal title change, a colour, a carriage return that
// overwrites the line, a NUL, and a right-to-left override.
const HOSTILE = 'Logo \u001b]0;pwned\u0007 \u001b[31mred\r\u0000 \u202etxt.exe';
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('displayText', () => {
  it('shows controls and bidirectional overrides as U+FFFD, keeping line feeds and tabs', () => {
    expect(displayText('a\u001b[31mb')).toBe('a\ufffd[31mb');
    expect(displayText('x\u202etxt.exe\u2066y\u2069')).toBe('x\ufffdtxt.exe\ufffdy\ufffd');
    expect(displayText('one\ntwo\tthree\r')).toBe('one\ntwo\tthree\ufffd');
    expect(displayText('\u0085\u009b\u007f')).toBe('\ufffd\ufffd\ufffd');
    expect(displayText('plain, emoji 🎨 and accents é')).toBe('plain, emoji 🎨 and accents é');
  });
});

describe('a hostile job title on every way out', () => {
  const NOW = new Date('2026-03-01T12:00:00Z');
  const account: Account = {
    id: 'acct-h',
    kind: 'freelancer',
    plan: 'basic',
    billingDay: 3,
    identities: ['console:h', 'discord:300000000000000001'],
    ledger: [
      purchase('b', '2026-01-01', 40),
      { ...spend('s', '2026-02-01', 6, 'p-9'), job: HOSTILE } as ReturnType<typeof spend>,
      outcome('o', '2026-02-10', 'p-9', 'client_cancelled'),
    ],
  };

  it('is shown as data in the balance summary, a member answer and a moderator lookup', async () => {
    expect(renderAccountFacts(accountFacts(account, POLICY, NOW))).not.toMatch(UNSAFE);

    const ledger = new MemoryLedgerStore(POLICY);
    const state = new MemoryStateStore();
    await ledger.importAccounts([account]);
    const desk = new HelpDesk(realKnowledge(), { ledger, state });
    const reply = await desk.handle({
      id: 'q-1',
      actor: { platform: 'console', id: 'h', roles: [] },
      body: { kind: 'question', text: 'why did i get my connects back for the logo job?' },
      now: NOW,
    });
    expect(reply.text).toContain('Logo');
    expect(reply.text).not.toMatch(UNSAFE);

    const moderation = new Moderation(desk, ledger, state, {
      discordRoleIds: ['100000000000000020'],
      slackUserIds: [],
    });
    const lookup = await moderation.handle({
      id: 'm-1',
      actor: { platform: 'discord', id: '900000000000000001', roles: ['100000000000000020'] },
      command: { action: 'lookup', user: 'console:h' },
      now: NOW,
    });
    expect(lookup.text).toContain('Logo');
    expect(lookup.text).not.toMatch(UNSAFE);
    await ledger.close();
    await state.close();
  });
});
