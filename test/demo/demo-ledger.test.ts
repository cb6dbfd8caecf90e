import { describe, expect, it } from 'vitest';
import { accountFacts } from '../../src/core/rules/account-facts.js';
import { END_OF_TIME, replayLedger } from '../../src/core/rules/replay.js';
import { demoAccounts } from '../../src/demo/demo-ledger.js';
import { runCli } from '../helpers/io.js';
import { ACCOUNTS_FILE, POLICY, tempDir } from '../helpers/ledger.js';

describe('the demo ledger', () => {
  it('is valid and shows every kind of answer, whatever the date', () => {
    for (const now of [
      '2026-11-27T12:00:00Z',
      '2027-03-01T00:30:00Z',
      '2028-02-29T23:00:00Z',
      '2026-01-31T08:00:00Z',
    ]) {
      const [account] = demoAccounts('console:me', new Date(now));
      if (account === undefined) throw new Error('no demo account');
      expect(replayLedger(account, POLICY, END_OF_TIME).problems, now).toEqual([]);
      const facts = accountFacts(account, POLICY, new Date(now));
      expect(facts.balance, now).toBe(120);
      expect(facts.missingMonthlyGrant, now).toBe(false);
      expect(facts.expiring.length, now).toBe(1);
      expect(
        facts.proposals.map((p) => p.refund),
        now,
      ).toEqual(['refunded', 'not-eligible', 'not-yet']);
    }
  });
});

describe('helpbot start on a fresh DATA_DIR', () => {
  it('links the demo account to console: + the OS user once, so personal questions work at once', async () => {
    const env = { DATA_DIR: tempDir(), USER: 'newcomer' };
    const first = await runCli(['start'], { env, stdin: 'how many connects do I have?\n' });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Your account (acct-demo): you have 120 Connects now.');
    const second = await runCli(['start'], { env, stdin: 'how many connects do I have?\n' });
    expect(second.stdout).toContain('you have 120 Connects now');
    const balance = await runCli(['balance', 'console:newcomer', '--json'], { env });
    expect(JSON.parse(balance.stdout).id).toBe('acct-demo');
  });

  it('leaves a ledger that already has accounts alone', async () => {
    const env = { DATA_DIR: tempDir(), USER: 'newcomer' };
    await runCli(['accounts', 'import', ACCOUNTS_FILE], { env });
    const run = await runCli(['start'], { env, stdin: 'how many connects do I have?\n' });
    expect(run.stdout).toContain("I can't see a marketplace account linked to you (console:newcomer)");
  });
});
