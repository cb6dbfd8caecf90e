import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticAccounts } from '../../src/bench/synthetic-ledger.js';
import { LEDGER_LOCK } from '../../src/store/postgres/migrations.js';
import { spawnNode } from '../helpers/child-process.js';
import { runCli } from '../helpers/io.js';
import { ACCOUNTS_FILE, tempDir } from '../helpers/ledger.js';
import { type PostgresServer, startPostgres } from '../helpers/postgres-server.js';

// The ledger on PostgreSQL through the commands a community runs: DATABASE_URL set, the same
// answers as the SQLite file, one line when the server cannot be used, and an import that is all
// or nothing however it ends: killed half-way, or run twice at once.

const BIN = fileURLToPath(new URL('../../bin/helpbot.js', import.meta.url));
const MEMBER = 'discord:200000000000000001';
const NOW = '2026-11-27T12:00:00Z';

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
}, 30_000);
afterAll(async () => server.stop());

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const counts = async (url: string) =>
  (
    await query<{ accounts: number; entries: number }>(
      url,
      'SELECT (SELECT count(*)::int FROM accounts) AS accounts, (SELECT count(*)::int FROM entries) AS entries',
    )
  )[0];

function importInChild(file: string, url: string) {
  return spawnNode([BIN, 'accounts', 'import', file], {
    DATABASE_URL: url,
    DATA_DIR: tempDir(),
    LOG_LEVEL: 'silent',
  });
}

function bigFile(accounts: number): string {
  const file = join(tempDir(), 'big.json');
  writeFileSync(file, JSON.stringify({ accounts: syntheticAccounts(accounts, 30, { seed: 11 }) }));
  return file;
}

describe('helpbot with DATABASE_URL=postgres://…', () => {
  it('imports, and answers from PostgreSQL exactly as from the SQLite file', async () => {
    const url = await server.database();
    const onPostgres = { DATABASE_URL: url };
    const onSqlite = { DATA_DIR: tempDir() };
    for (const env of [onPostgres, onSqlite]) {
      const run = await runCli(['accounts', 'import', '--json', ACCOUNTS_FILE], { env });
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ accounts: 4, entriesAdded: 48 });
    }
    for (const args of [
      ['balance', MEMBER, '--now', NOW, '--json'],
      ['ask', '--as', MEMBER, '--now', NOW, '--json', '--', 'why did my connects not come back?'],
    ]) {
      const postgres = await runCli(args, { env: onPostgres });
      const sqlite = await runCli(args, { env: onSqlite });
      expect(postgres.code).toBe(0);
      expect(postgres.stdout).toBe(sqlite.stdout);
    }
    const again = await runCli(['accounts', 'import', '--json', ACCOUNTS_FILE], { env: onPostgres });
    expect(JSON.parse(again.stdout)).toMatchObject({ entriesAdded: 0, identitiesLinked: 0 });
  });

  it('says in one line when the server or the database cannot be used', async () => {
    const refused = await runCli(['balance', MEMBER], {
      env: { DATABASE_URL: 'postgres://helpbot:secret@127.0.0.1:9/ledger' },
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^helpbot: ledger postgres:\/\/\*\*\*@127\.0\.0\.1:9\/ledger: cannot connect, or the server does not answer \(.+\); check DATABASE_URL and that PostgreSQL is running\n$/,
    );
    const missing = await runCli(['balance', MEMBER], {
      env: { DATABASE_URL: server.url.replace(/\/postgres$/, '/no_such_db') },
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /database "no_such_db" does not exist; create it \(createdb\) or fix DATABASE_URL\n$/,
    );
  });

  it('an import killed half-way leaves the ledger as it was, and the same import then succeeds', async () => {
    const url = await server.database();
    expect((await runCli(['accounts', 'import', ACCOUNTS_FILE], { env: { DATABASE_URL: url } })).code).toBe(
      0,
    );
    const before = await counts(url);
    const file = bigFile(4000);
    const run = importInChild(file, url);
    // Killed while it holds the ledger's lock with part of the file written in its transaction.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const held = await query<{ n: number }>(
        url,
        "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted",
        [LEDGER_LOCK],
      );
      const written = await query<{ n: number }>(
        url,
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'idle in transaction' OR query LIKE 'INSERT INTO entries%'",
      );
      if ((held[0]?.n ?? 0) > 0 && (written[0]?.n ?? 0) > 0) break;
      if (Date.now() > deadline) throw new Error(`the import never got under way: ${run.output().stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    run.child.kill('SIGKILL');
    expect((await run.exited).signal).toBe('SIGKILL');
    // The server notices the dropped connection and rolls its transaction back.
    let after = await counts(url);
    for (let tries = 0; JSON.stringify(after) !== JSON.stringify(before) && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await counts(url);
    }
    expect(after).toEqual(before);
    const again = await runCli(['accounts', 'import', '--json', file], { env: { DATABASE_URL: url } });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ accounts: 4000 });
  }, 60_000);

  it('two imports of one file at once leave one copy', async () => {
    const url = await server.database();
    const file = bigFile(600);
    const [first, second] = [importInChild(file, url), importInChild(file, url)];
    expect((await first.exited).code).toBe(0);
    expect((await second.exited).code).toBe(0);
    const summaries = [first.output().stdout, second.output().stdout].join('');
    // One of them wrote every entry; the other, coming after it, found nothing new.
    expect(summaries).toMatch(/18,000 entries added|18000 entries/);
    const total = await counts(url);
    expect(total?.accounts).toBe(600);
    expect(total?.entries).toBe(600 * 30);
  }, 60_000);
});
