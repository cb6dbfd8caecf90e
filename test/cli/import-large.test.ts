import { spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { syntheticAccounts } from '../../src/bench/synthetic-ledger.js';
import { SqliteLedgerStore } from '../../src/store/sqlite/ledger-store.js';
import { POLICY, tempDir } from '../helpers/ledger.js';

// An export far larger than the memory the process is allowed: read as it is imported, it fits.
// (Read whole, a file this size needs several times its size in JavaScript objects.)

const BIN = fileURLToPath(new URL('../../bin/helpbot.js', import.meta.url));
const HEAP_MB = 24;

describe('helpbot accounts import of a large file', () => {
  it(`imports a file of more than half its ${HEAP_MB} MB heap, all of it, and the same again adds nothing`, async () => {
    const dir = tempDir('helpbot-large-');
    const file = join(dir, 'accounts.json');
    const accounts = syntheticAccounts(4000, 30, { seed: 5, end: new Date('2026-11-27T12:00:00Z') });
    writeFileSync(file, JSON.stringify({ accounts }, null, 1));
    expect(statSync(file).size).toBeGreaterThan(HEAP_MB * 0.5 * 1048576);
    const dataDir = join(dir, 'data');
    const run = () =>
      spawnSync(
        process.execPath,
        [`--max-old-space-size=${HEAP_MB}`, BIN, 'accounts', 'import', '--json', file],
        {
          env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
          encoding: 'utf8',
        },
      );

    const first = run();
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      accounts: 4000,
      accountsCreated: 4000,
      entriesAdded: 120_000,
    });
    const again = run();
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ accounts: 4000, accountsCreated: 0, entriesAdded: 0 });

    const store = new SqliteLedgerStore(join(dataDir, 'ledger.sqlite'), POLICY);
    expect(await store.countAccounts()).toBe(4000);
    const last = accounts.at(-1);
    expect((await store.accountById(last?.id ?? ''))?.ledger).toHaveLength(last?.ledger.length ?? -1);
    await store.close();
  }, 60_000);
});
