import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { syntheticAccounts } from '../../../src/bench/synthetic-ledger.js';
import { runCli } from '../../helpers/io.js';
import { ACCOUNTS_FILE, tempDir } from '../../helpers/ledger.js';

const BIN = fileURLToPath(new URL('../../../bin/helpbot.js', import.meta.url));

/** True while another connection holds the write lock: the import is inside its transaction. */
function writerActive(file: string): boolean {
  const probe = new Database(file, { timeout: 0 });
  try {
    probe.exec('BEGIN IMMEDIATE');
    probe.exec('ROLLBACK');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw error;
  } finally {
    probe.close();
  }
}

function counts(file: string): { accounts: number; entries: number; integrity: string } {
  const db = new Database(file, { readonly: true });
  try {
    return {
      accounts: db.prepare('SELECT count(*) FROM accounts').pluck().get() as number,
      entries: db.prepare('SELECT count(*) FROM entries').pluck().get() as number,
      integrity: db.pragma('integrity_check', { simple: true }) as string,
    };
  } finally {
    db.close();
  }
}

describe('an import killed half-way', () => {
  it('leaves the ledger exactly as it was, and the same import then succeeds', async () => {
    const dataDir = tempDir();
    const env = { DATA_DIR: dataDir };
    expect((await runCli(['accounts', 'import', ACCOUNTS_FILE], { env })).code).toBe(0);
    const ledgerFile = join(dataDir, 'ledger.sqlite');
    const before = counts(ledgerFile);
    expect(before).toEqual({ accounts: 4, entries: 48, integrity: 'ok' });

    const bigFile = join(dataDir, 'big.json');
    writeFileSync(bigFile, JSON.stringify({ accounts: syntheticAccounts(5000, 30, { seed: 7 }) }));
    const child = spawn(process.execPath, [BIN, 'accounts', 'import', bigFile], {
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );

    // Wait until the import holds the write lock, let it write for a while, then kill it outright.
    const deadline = Date.now() + 30_000;
    while (!writerActive(ledgerFile)) {
      if (Date.now() > deadline) throw new Error('the import never started writing');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(stdout).toBe('');

    expect(counts(ledgerFile)).toEqual(before);
    const again = await runCli(['accounts', 'import', bigFile], { env });
    expect(again.code).toBe(0);
    expect(counts(ledgerFile)).toEqual({ accounts: 5004, entries: 48 + 150_000, integrity: 'ok' });
  }, 60_000);
});
