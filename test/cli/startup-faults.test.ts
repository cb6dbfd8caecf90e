import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseImportText } from '../../src/accounts/import-file.js';
import { openStateStore } from '../../src/store/open-state-store.js';
import { SqliteLedgerStore } from '../../src/store/sqlite/ledger-store.js';
import { spawnNode } from '../helpers/child-process.js';
import { FakeSlack, SIGNING_SECRET } from '../helpers/fake-slack.js';
import { freePort } from '../helpers/free-port.js';
import { dataDirWithModel } from '../helpers/knowledge.js';
import { ACCOUNTS_FILE, damagePages, POLICY } from '../helpers/ledger.js';

// Faults at start-up, run as a member of staff would meet them: a real `helpbot` process, its exit
// status, and the one line it prints. No stack trace, no process left hanging.

const BIN = fileURLToPath(new URL('../../bin/helpbot.js', import.meta.url));

interface Run {
  readonly code: number | null;
  /** The lines the CLI itself printed (`helpbot: …`); log lines are JSON and not counted. */
  readonly lines: readonly string[];
  readonly stderr: string;
  readonly stdout: string;
  readonly ms: number;
}

function helpbot(
  args: readonly string[],
  env: Record<string, string>,
  options: { signalAfterMs?: number; limitMs?: number } = {},
): Promise<Run> {
  const started = Date.now();
  const { child, output, exited } = spawnNode([BIN, ...args], { LOG_LEVEL: 'warn', ...env });
  if (options.signalAfterMs !== undefined) setTimeout(() => child.kill('SIGTERM'), options.signalAfterMs);
  const limit = setTimeout(() => child.kill('SIGKILL'), options.limitMs ?? 20_000);
  return exited.then(({ code }) => {
    clearTimeout(limit);
    const { stdout, stderr } = output();
    const lines = stderr.split('\n').filter((line) => line.startsWith('helpbot:'));
    return { code, lines, stderr, stdout, ms: Date.now() - started };
  });
}

/** Exit status 1 or 2 and exactly this one line, with no stack trace anywhere. */
function expectOneLine(run: Run, code: number, line: string | RegExp): void {
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.lines).toHaveLength(1);
  if (typeof line === 'string') expect(run.lines[0]).toBe(line);
  else expect(run.lines[0]).toMatch(line);
  expect(run.code).toBe(code);
}

async function ledgerIn(dataDir: string): Promise<string> {
  const file = join(dataDir, 'ledger.sqlite');
  const store = new SqliteLedgerStore(file, POLICY);
  const parsed = parseImportText(readFileSync(ACCOUNTS_FILE, 'utf8'));
  if (!parsed.ok) throw new Error('eval/accounts.json does not parse');
  await store.importAccounts(parsed.accounts);
  await store.close();
  return file;
}

describe('start-up faults, as real processes', () => {
  describe('the state store (item 4)', () => {
    it('a state file that is not a database', async () => {
      const dataDir = dataDirWithModel();
      writeFileSync(join(dataDir, 'state.sqlite'), Buffer.alloc(8192, 0x5a));
      expectOneLine(
        await helpbot(['start'], { DATA_DIR: dataDir }),
        1,
        `helpbot: state store ${join(dataDir, 'state.sqlite')}: damaged or not a SQLite database; move it aside (the bot starts with empty state) or restore a backup`,
      );
    });

    it('a state path that is a directory', async () => {
      const dataDir = dataDirWithModel();
      mkdirSync(join(dataDir, 'state.sqlite'));
      expectOneLine(
        await helpbot(['start'], { DATA_DIR: dataDir }),
        1,
        `helpbot: state store ${join(dataDir, 'state.sqlite')}: cannot be opened (a directory, or a folder without write permission?)`,
      );
    });

    it('a stored value of the wrong shape', async () => {
      const dataDir = dataDirWithModel();
      await (await openStateStore({ dataDir })).close();
      const raw = new Database(join(dataDir, 'state.sqlite'));
      raw
        .prepare('INSERT INTO notices (intent, seq, notice) VALUES (?, ?, ?)')
        .run('refunds', 1, '{"not":"a notice"}');
      raw.close();
      expectOneLine(
        await helpbot(['start'], { DATA_DIR: dataDir }),
        1,
        /^helpbot: state store .*state\.sqlite: the stored "notices" is not a list of notices; move the file aside/,
      );
    });

    it('a Redis server that is not there', async () => {
      const run = await helpbot(['start'], { DATA_DIR: dataDirWithModel(), KEYV_URL: 'redis://127.0.0.1:9' });
      expectOneLine(
        run,
        1,
        /^helpbot: state store redis:\/\/127\.0\.0\.1:9: cannot connect, or the server does not answer \(.+\); check KEYV_URL and that Redis is running$/,
      );
    });
  });

  describe('a ledger with damaged pages and a valid header (item 5)', () => {
    for (const args of [
      ['start'],
      ['ask', '--as', 'console:rin', 'how many connects do i have'],
      ['balance', 'console:rin'],
      ['accounts', 'import', ACCOUNTS_FILE],
    ]) {
      it(`helpbot ${args[0]}`, async () => {
        const dataDir = dataDirWithModel();
        const file = await ledgerIn(dataDir);
        damagePages(file);
        expectOneLine(
          await helpbot(args, { DATA_DIR: dataDir }),
          1,
          new RegExp(
            `^helpbot: ledger ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is damaged \\(.+\\); restore it from a backup, or move it aside and import the last accounts file again`,
          ),
        );
      });
    }
  });

  describe('Slack in HTTP mode (item 6)', () => {
    let slack: FakeSlack;
    let occupied: Server;
    let occupiedPort: number;
    beforeAll(async () => {
      slack = new FakeSlack();
      await slack.listen();
      occupied = createServer();
      await new Promise<void>((resolve) => occupied.listen(0, '127.0.0.1', resolve));
      occupiedPort = (occupied.address() as { port: number }).port;
    });
    afterAll(async () => {
      await slack.close();
      await new Promise((resolve) => occupied.close(resolve));
    });
    const slackEnv = (apiUrl: string, port: number) => ({
      DATA_DIR: dataDirWithModel(),
      SLACK_BOT_TOKEN: 'xoxb-test-token-0000',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: apiUrl,
      SLACK_PORT: String(port),
    });

    it('with the Web API unreachable, gives up after CONNECT_TIMEOUT_SECONDS with one line', async () => {
      const run = await helpbot(['start'], {
        ...slackEnv('http://127.0.0.1:9/api/', await freePort()),
        CONNECT_TIMEOUT_SECONDS: '2',
      });
      expectOneLine(
        run,
        1,
        'helpbot: slack: could not connect within 2 s (CONNECT_TIMEOUT_SECONDS); check the network, the API address and the token',
      );
      expect(run.ms).toBeLessThan(12_000);
    }, 20_000);

    it('honours SIGTERM while it is still trying to connect', async () => {
      const run = await helpbot(['start'], slackEnv('http://127.0.0.1:9/api/', await freePort()), {
        signalAfterMs: 2500,
      });
      expect(run.code).toBe(0);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      // Signalled at 2.5 s: out within a few seconds, not after Bolt's twenty minutes of retries.
      expect(run.ms).toBeLessThan(9000);
    }, 20_000);

    it('with its port taken, says so and exits', async () => {
      const run = await helpbot(['start'], slackEnv(slack.apiUrl, occupiedPort));
      expectOneLine(run, 1, /^helpbot: slack: could not connect: .*EADDRINUSE/);
      expect(run.ms).toBeLessThan(12_000);
    }, 20_000);
  });

  describe('configuration and caches (items 7 and 8)', () => {
    it('KEYV_URL sqlite:// without a file is a configuration error', async () => {
      expectOneLine(
        await helpbot(['start'], { DATA_DIR: dataDirWithModel(), KEYV_URL: 'sqlite://' }),
        2,
        /^helpbot: invalid configuration: KEYV_URL sqlite:\/\/ needs a file path/,
      );
    });

    it('DATA_DIR under /proc fails at once instead of hanging', async () => {
      const run = await helpbot(['ask', 'do connects expire'], { DATA_DIR: '/proc/helpbot-test/data' });
      expectOneLine(run, 2, 'helpbot: DATA_DIR: cannot create /proc/helpbot-test (ENOENT)');
      expect(run.ms).toBeLessThan(5000);
    });

    it('a knowledge cache of the right key but the wrong shape is rebuilt', async () => {
      const dataDir = dataDirWithModel();
      const first = await helpbot(['ask', 'do connects expire'], { DATA_DIR: dataDir });
      expect(first.code).toBe(0);
      const cache = join(dataDir, 'cache', 'knowledge.json');
      const saved = JSON.parse(readFileSync(cache, 'utf8'));
      writeFileSync(cache, JSON.stringify({ ...saved, kb: { ...saved.kb, entries: { broken: true } } }));
      const again = await helpbot(['ask', 'do connects expire'], { DATA_DIR: dataDir });
      expect(again.stderr).toBe('');
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('How long Connects stay valid');
      expect(JSON.parse(readFileSync(cache, 'utf8')).kb.entries).toBeInstanceOf(Array);
    });
  });
});
