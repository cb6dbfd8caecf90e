import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readImportFile } from '../accounts/import-file.js';
import type { KnowledgeBase } from '../core/knowledge-base.js';
import { accountFacts } from '../core/rules/account-facts.js';
import { rulesPolicyFrom } from '../core/rules/policy.js';
import { PostgresLedgerStore } from '../store/postgres/ledger-store.js';
import { timedLookups } from './lookups.js';
import { fixed, summarise } from './stats.js';
import { syntheticAccounts, syntheticIdentity } from './synthetic-ledger.js';

// The ledger on PostgreSQL in `npm run bench`, when BENCH_DATABASE_URL names an empty database to
// fill (it is left filled): import throughput (one streamed import of 100,000 accounts x 30
// entries, as `helpbot accounts import` runs it) and the balance lookup with rules over them.

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const ENTRIES_PER_ACCOUNT = 30;
const CHUNK = 10_000;
const LOOKUPS = 20_000;
const NOW = new Date('2026-11-27T12:00:00Z');

function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The export, written before the clock starts: the file a community would import. */
function writeExport(file: string): void {
  writeFileSync(file, '{"accounts":[');
  for (let first = 0; first < ACCOUNTS; first += CHUNK) {
    const accounts = syntheticAccounts(Math.min(CHUNK, ACCOUNTS - first), ENTRIES_PER_ACCOUNT, {
      seed: first + 1,
      firstIndex: first,
      end: NOW,
    });
    const text = JSON.stringify(accounts).slice(1, -1);
    appendFileSync(file, first === 0 ? text : `,${text}`);
  }
  appendFileSync(file, ']}');
}

export async function benchPostgresLedger(kb: KnowledgeBase, url: string): Promise<void> {
  const policy = rulesPolicyFrom(kb);
  const store = new PostgresLedgerStore(url, policy);
  try {
    if ((await store.countAccounts()) > 0)
      throw new Error('BENCH_DATABASE_URL must name an empty database (this bench fills it)');
    const dir = mkdtempSync(join(tmpdir(), 'helpbot-bench-'));
    const file = join(dir, 'accounts.json');
    writeExport(file);
    const start = process.hrtime.bigint();
    // Streamed through the import file's reader and checks, as `helpbot accounts import` reads it.
    const result = await store.importStream(readImportFile(file));
    const importMs = elapsedMs(start);
    rmSync(dir, { recursive: true, force: true });
    if (!result.ok) throw new Error(`synthetic ledger rejected: ${JSON.stringify(result.problems[0])}`);
    const entries = ACCOUNTS * ENTRIES_PER_ACCOUNT;
    console.log(
      `PostgreSQL import, ${ACCOUNTS.toLocaleString('en-US')} accounts x ${ENTRIES_PER_ACCOUNT} entries in one transaction from a file (read, validate, plan, write): ${fixed(importMs / 1000, 1)} s, ${Math.round(entries / (importMs / 1000)).toLocaleString('en-US')} entries/s`,
    );
    const pick = (i: number) => syntheticIdentity((i * 7919 + 13) % ACCOUNTS);
    const lookup = await timedLookups(store, policy, { accounts: ACCOUNTS, count: LOOKUPS, now: NOW });
    console.log(
      `PostgreSQL balance lookup with rules, ${LOOKUPS.toLocaleString('en-US')} random members (ms): p50 ${fixed(lookup.p50)}  p90 ${fixed(lookup.p90)}  p99 ${fixed(lookup.p99)}  max ${fixed(lookup.max)}`,
    );
    // Ten at a time, as a busy bot asks: the pool's connections in use together.
    const concurrent: number[] = [];
    for (let i = 0; i < LOOKUPS; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, async (_, j) => {
          const begun = process.hrtime.bigint();
          const account = await store.accountForIdentity(pick(i + j + 30_000));
          if (account !== null) accountFacts(account, policy, NOW);
          concurrent.push(elapsedMs(begun));
        }),
      );
    }
    const together = summarise(concurrent);
    console.log(
      `PostgreSQL balance lookup with rules, 10 at a time (ms): p50 ${fixed(together.p50)}  p90 ${fixed(together.p90)}  p99 ${fixed(together.p99)}`,
    );
  } finally {
    await store.close();
  }
}
