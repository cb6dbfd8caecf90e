import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteLedgerStore } from '../../src/store/sqlite/ledger-store.js';
import { runCli } from '../helpers/io.js';
import {
  ACCOUNTS_FILE,
  freelancer,
  POLICY,
  purchase,
  SCENARIOS_FILE,
  scenarios,
  tempDir,
} from '../helpers/ledger.js';

const NOW = '2026-11-28T12:00:00Z';

async function ledgerWithAccounts(): Promise<Record<string, string>> {
  const env = { DATA_DIR: tempDir() };
  const run = await runCli(['accounts', 'import', ACCOUNTS_FILE], { env });
  expect(run.code).toBe(0);
  return env;
}

function writeJson(value: unknown): string {
  const file = join(tempDir('helpbot-import-'), 'accounts.json');
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 1));
  return file;
}

describe('helpbot accounts import', () => {
  it("imports entries dated before a moderator's debit and prints what to review", async () => {
    const env = { DATA_DIR: tempDir() };
    const store = new SqliteLedgerStore(join(env.DATA_DIR, 'ledger.sqlite'), POLICY);
    await store.importAccounts([freelancer([purchase('b', '2026-01-01', 10)])]);
    await store.importAccounts([
      freelancer([
        { id: 'mod-7', at: new Date('2026-01-10T00:00:00Z'), type: 'adjustment', amount: -8, reason: 'dup' },
      ]),
    ]);
    await store.close();
    const file = writeJson({
      accounts: [
        {
          id: 'acct-t',
          kind: 'freelancer',
          plan: 'basic',
          billingDay: 12,
          ledger: [
            { id: 's', at: '2026-01-05T00:00:00Z', type: 'spend', amount: 5, proposal: 'p-1', job: 'Logo' },
          ],
        },
      ],
    });
    const run = await runCli(['accounts', 'import', file], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 entries (1 new, 0 already present)');
    expect(run.stderr).toBe(
      "helpbot: accounts import: note: account acct-t entry mod-7: a moderator's debit of 8 Connects (2026-01-10T00:00:00.000Z) now finds 5 after entries dated before it; 5 taken, review the account (/mod lookup)\n",
    );
  });

  it('names an encoding problem and its line, and accepts a UTF-8 byte order mark', async () => {
    const env = { DATA_DIR: tempDir() };
    const text = JSON.stringify(
      { accounts: [{ id: 'acct-cafe', kind: 'freelancer', plan: 'basic', billingDay: 2, ledger: [] }] },
      null,
      1,
    );
    const latin1 = writeJson('');
    writeFileSync(latin1, Buffer.from(text.replace('acct-cafe', 'acct-cafe", "note": "Caf\u00e9'), 'latin1'));
    const refused = await runCli(['accounts', 'import', latin1], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `helpbot: accounts import: ${latin1}: line 4, column 35: byte 0xE9 is not UTF-8 (a Latin-1 or Windows-1252 file?); save it as UTF-8\n`,
    );
    const withBom = writeJson('');
    writeFileSync(withBom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const imported = await runCli(['accounts', 'import', withBom], { env });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('imported: 1 accounts (1 new, 0 updated)');
  });

  it('waits for another import holding the ledger, saying so, instead of failing', async () => {
    const env = await ledgerWithAccounts();
    const other = new Database(join(env.DATA_DIR as string, 'ledger.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    setTimeout(() => {
      other.exec('COMMIT');
      other.close();
    }, 300);
    const file = writeJson({
      accounts: [{ id: 'acct-late', kind: 'freelancer', plan: 'basic', billingDay: 2, ledger: [] }],
    });
    const run = await runCli(['accounts', 'import', file], { env });
    expect(run.stderr).toBe(
      `helpbot: accounts import: ${file}: another import is writing the ledger; waiting…\n`,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('imported: 1 accounts (1 new, 0 updated)');
  });

  it('imports a file and changes nothing the second time', async () => {
    const env = { DATA_DIR: tempDir() };
    const first = await runCli(['accounts', 'import', ACCOUNTS_FILE], { env });
    expect(first.stdout).toContain(
      'imported: 4 accounts (4 new, 0 updated), 48 entries (48 new, 0 already present), 6 identities linked',
    );
    const second = await runCli(['accounts', 'import', '--json', ACCOUNTS_FILE], { env });
    expect(JSON.parse(second.stdout)).toMatchObject({
      accounts: 4,
      accountsCreated: 0,
      entriesAdded: 0,
      identitiesLinked: 0,
    });
  });

  it('rejects a file with problems whole, naming account, entry and field for each', async () => {
    const env = await ledgerWithAccounts();
    const file = writeJson({
      accounts: [
        {
          id: 'acct-new',
          kind: 'freelancer',
          plan: 'basic',
          billingDay: 5,
          identities: ['console:new'],
          ledger: [{ id: 'b', at: '2026-01-01T00:00:00Z', type: 'purchase', amount: 10 }],
        },
        {
          id: 'acct-bad',
          kind: 'freelancer',
          plan: 'basic',
          billingDay: 40,
          identities: ['console:bad'],
          ledger: [
            { id: 'g', at: '2026-01-01T00:00:00Z', type: 'grant', reason: 'bonus', amount: 10 },
            { id: 's', at: 'yesterday', type: 'spend', amount: 3, proposal: 'p-1', job: 'Logo' },
          ],
        },
      ],
    });
    const run = await runCli(['accounts', 'import', file], { env });
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toBe(`helpbot: accounts import: ${file} rejected, nothing imported (3 problems):`);
    expect(lines.slice(1)).toEqual([
      '  account acct-bad billingDay: must be 1-31',
      '  account acct-bad entry g reason: must be one of: signup, monthly, rising-talent, interview, certification, moderator',
      '  account acct-bad entry s at: "yesterday" is not an ISO 8601 date or date-time with a zone',
    ]);
    const balance = await runCli(['balance', 'console:new', '--json'], { env });
    expect(balance.stdout.trim()).toBe('null');
  });

  it('rejects a spend beyond the balance at its time, and leaves the ledger as it was', async () => {
    const env = await ledgerWithAccounts();
    const before = await runCli(['balance', 'console:mara', '--now', NOW, '--json'], { env });
    const file = writeJson({
      accounts: [
        {
          id: 'acct-mara',
          kind: 'freelancer',
          plan: 'basic',
          billingDay: 15,
          identities: ['console:mara'],
          ledger: [
            {
              id: 'big',
              at: '2026-11-01T00:00:00Z',
              type: 'spend',
              amount: 121,
              proposal: 'p-9',
              job: 'Big job',
            },
          ],
        },
      ],
    });
    const run = await runCli(['accounts', 'import', file], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'account acct-mara entry big amount: spends 121 Connects but the balance at 2026-11-01T00:00:00.000Z is 120',
    );
    expect((await runCli(['balance', 'console:mara', '--now', NOW, '--json'], { env })).stdout).toBe(
      before.stdout,
    );
  });

  it('says where a file is not JSON', async () => {
    const run = await runCli(['accounts', 'import', writeJson('{\n  "accounts": [\n    {"id": }\n  ]\n}')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/rejected, nothing imported \(1 problem\):\n {2}not valid JSON/);
    expect(run.stderr.trim().split('\n')).toHaveLength(2);
  });

  it('checks without writing on --dry-run', async () => {
    const env = { DATA_DIR: tempDir() };
    const run = await runCli(['accounts', 'import', '--dry-run', ACCOUNTS_FILE], { env });
    expect(run.stdout).toContain('checked (dry run, nothing written): 4 accounts (4 new');
    expect((await runCli(['balance', 'console:rin', '--json'], { env })).stdout.trim()).toBe('null');
  });

  it('gives one-line errors for a missing file, a missing argument and an unknown action', async () => {
    const missing = await runCli(['accounts', 'import', '/nonexistent/accounts.json']);
    expect(missing).toMatchObject({
      code: 2,
      stderr: 'helpbot: accounts import: cannot read /nonexistent/accounts.json (ENOENT)\n',
    });
    expect((await runCli(['accounts', 'import'])).stderr).toMatch(
      /^helpbot: accounts import: missing the file/,
    );
    expect(await runCli(['accounts', 'export'])).toMatchObject({
      code: 2,
      stderr: 'helpbot: accounts: unknown action "export"; expected: import\n',
    });
  });

  it('lists the first fifty problems of a large rejected file with a count of the rest, and all of them with --json', async () => {
    const accounts = Array.from({ length: 120 }, (_, i) => ({
      id: `acct-${i}`,
      kind: 'freelancer',
      plan: 'basic',
      billingDay: 40,
    }));
    const file = writeJson({ accounts });
    const run = await runCli(['accounts', 'import', '--json', file], { env: { DATA_DIR: tempDir() } });
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`helpbot: accounts import: ${file} rejected, nothing imported (120 problems):`);
    expect(lines).toHaveLength(52);
    expect(lines[51]).toBe('  … and 70 more');
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ file, rejected: true });
    expect(json.problems).toHaveLength(120);
    expect(json.problems[119]).toEqual({ account: 'acct-119', field: 'billingDay', message: 'must be 1-31' });
  });
});

describe('helpbot balance', () => {
  it('prints the contract account object with --json', async () => {
    const env = await ledgerWithAccounts();
    const run = await runCli(['balance', 'discord:200000000000000001', '--now', NOW, '--json'], { env });
    const account = JSON.parse(run.stdout);
    expect(account).toMatchObject({
      id: 'acct-rin',
      balance: 180,
      nextMonthlyGrant: '2026-12-08',
      missingMonthlyGrant: false,
      expiring: [
        { amount: 30, on: '2026-12-01' },
        { amount: 10, on: '2026-12-08' },
      ],
    });
    expect(account.proposals[1]).toEqual({
      proposal: 'p-202',
      job: 'Landing page copy',
      spent: 8,
      outcome: 'client_cancelled',
      refund: 'refunded',
      case: 'refund.client-cancelled',
      boost: 0,
      returned: 8,
      entries: ['sp-202', 'out-202'],
    });
    expect(Object.keys(account).slice(0, 6)).toEqual([
      'id',
      'balance',
      'nextMonthlyGrant',
      'missingMonthlyGrant',
      'expiring',
      'proposals',
    ]);
  });

  it('prints the facts for a moderator as text', async () => {
    const env = await ledgerWithAccounts();
    const run = await runCli(['balance', 'console:mara', '--now', NOW], { env });
    expect(run.stdout).toContain('Balance: 120 Connects');
    expect(run.stdout).toContain(
      'Next monthly grant: 15 December 2026; MISSING for the cycle from 15 November 2026',
    );
    const rin = await runCli(['balance', 'console:rin', '--now', NOW], { env });
    expect(rin.stdout).toContain('30 Connects on 1 December 2026');
    const agency = await runCli(['balance', 'console:studio-north', '--now', NOW], { env });
    expect(agency.stdout).toContain('Monthly grant: none (agencies get no free Connects)');
  });

  it('says when no account is linked, and refuses a malformed identity', async () => {
    const env = await ledgerWithAccounts();
    expect((await runCli(['balance', 'console:nobody'], { env })).stdout).toBe(
      'No account is linked to console:nobody.\n',
    );
    const bad = await runCli(['balance', 'rin'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^helpbot: invalid identity "rin"/);
  });
});

describe('account scenarios (eval/scenarios.jsonl)', async () => {
  const env = await ledgerWithAccounts();
  for (const scenario of scenarios()) {
    it(`${scenario.as}: ${scenario.text}`, async () => {
      const run = await runCli(
        ['ask', '--json', '--as', String(scenario.as), '--now', String(scenario.now), String(scenario.text)],
        { env },
      );
      expect(run.code).toBe(0);
      const json = JSON.parse(run.stdout);
      const { scenarioMismatches, scenarioSchema } = await import('../../src/eval/scenarios.js');
      expect(scenarioMismatches(scenarioSchema.parse(scenario), json)).toEqual([]);
    });
  }

  it('are all scored by helpbot eval --accounts', async () => {
    const run = await runCli(['eval', SCENARIOS_FILE, '--accounts', ACCOUNTS_FILE, '--json']);
    expect(JSON.parse(run.stdout)).toEqual({ scenarios: 8, passed: 8, failures: [] });
  });
});
