import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseImportText } from '../../../src/accounts/import-file.js';
import { LedgerDamagedError } from '../../../src/core/ledger/store.js';
import { SqliteLedgerStore } from '../../../src/store/sqlite/ledger-store.js';
import { ACCOUNTS_FILE, damagePages, POLICY, tempDir } from '../../helpers/ledger.js';

const opened: SqliteLedgerStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

async function damagedLedger(): Promise<{ file: string; store: SqliteLedgerStore }> {
  const file = join(tempDir(), 'ledger.sqlite');
  const first = new SqliteLedgerStore(file, POLICY);
  const parsed = parseImportText(readFileSync(ACCOUNTS_FILE, 'utf8'));
  if (!parsed.ok) throw new Error('eval/accounts.json does not parse');
  await first.importAccounts(parsed.accounts);
  await first.close();
  damagePages(file);
  const store = new SqliteLedgerStore(file, POLICY);
  opened.push(store);
  return { file, store };
}

const advice = (file: string) =>
  `; restore it from a backup, or move it aside and import the last accounts file again (sqlite3 ${file} .recover may save entries added since)`;

describe('SqliteLedgerStore on a damaged file', () => {
  it('finds the damage when checked, naming the file, the first problem and how to recover', async () => {
    const { file, store } = await damagedLedger();
    const check = store.verify();
    await expect(check).rejects.toThrow(LedgerDamagedError);
    const message = await check.then(
      () => '',
      (error: Error) => error.message,
    );
    expect(message.startsWith(`ledger ${file} is damaged (Tree `)).toBe(true);
    expect(message.endsWith(advice(file))).toBe(true);
    expect(message).not.toContain('\n');
  });

  it('turns damage met while reading into the same one-line error', async () => {
    const { file, store } = await damagedLedger();
    await expect(store.accountForIdentity('console:rin')).rejects.toThrow(
      `ledger ${file} is damaged (database disk image is malformed)${advice(file)}`,
    );
  });

  it('passes a healthy file', async () => {
    const store = new SqliteLedgerStore(join(tempDir(), 'ledger.sqlite'), POLICY);
    opened.push(store);
    await expect(store.verify()).resolves.toBeUndefined();
  });
});
