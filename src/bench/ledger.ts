import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseImportText } from '../accounts/import-file.js';
import { HelpDesk } from '../core/help-desk.js';
import type { KnowledgeBase } from '../core/knowledge-base.js';
import { rulesPolicyFrom } from '../core/rules/policy.js';
import { SqliteLedgerStore } from '../store/sqlite/ledger-store.js';
import { timedLookups } from './lookups.js';
import { peakRssMb } from './peak-rss-probe.js';
import { fixed, summarise } from './stats.js';
import { syntheticAccounts, syntheticIdentity } from './synthetic-ledger.js';

// The ledger half of `npm run bench`: import throughput (in process and through the CLI) and the
// balance lookup a personal answer costs, over 100,000 accounts of 30 entries each.

const ACCOUNTS = 100_000;
const ENTRIES_PER_ACCOUNT = 30;
const CHUNK = 10_000;
const CLI_ACCOUNTS = 10_000;
const LOOKUPS = 20_000;
const BIN = fileURLToPath(new URL('../../bin/helpbot.js', import.meta.url));
const NOW = new Date('2026-11-27T12:00:00Z');

/** An import file of `count` generated accounts, written account by account. */
function writeSyntheticFile(file: string, count: number, seed: number): void {
  const out = openSync(file, 'w');
  try {
    writeSync(out, '{"accounts": [');
    for (let first = 0; first < count; first += CHUNK) {
      const accounts = syntheticAccounts(Math.min(CHUNK, count - first), ENTRIES_PER_ACCOUNT, {
        seed: seed + first,
        firstIndex: first,
        end: NOW,
      });
      writeSync(
        out,
        `${first === 0 ? '' : ','}${accounts.map((account) => JSON.stringify(account)).join(',')}`,
      );
    }
    writeSync(out, ']}');
  } finally {
    closeSync(out);
  }
}

function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function benchLedger(kb: KnowledgeBase): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'helpbot-bench-ledger-'));
  const policy = rulesPolicyFrom(kb);
  try {
    // 1. Import in process, file text to committed rows, in chunks the size of a real export.
    const store = new SqliteLedgerStore(join(dir, 'ledger.sqlite'), policy);
    let importMs = 0;
    for (let first = 0; first < ACCOUNTS; first += CHUNK) {
      const text = JSON.stringify({
        accounts: syntheticAccounts(CHUNK, ENTRIES_PER_ACCOUNT, {
          seed: first + 1,
          firstIndex: first,
          end: NOW,
        }),
      });
      const start = process.hrtime.bigint();
      const parsed = parseImportText(text);
      if (!parsed.ok) throw new Error(`synthetic ledger rejected: ${JSON.stringify(parsed.problems[0])}`);
      const result = await store.importAccounts(parsed.accounts);
      if (!result.ok) throw new Error(`synthetic ledger rejected: ${JSON.stringify(result.problems[0])}`);
      importMs += elapsedMs(start);
    }
    const entries = ACCOUNTS * ENTRIES_PER_ACCOUNT;
    console.log(
      `import in process, ${ACCOUNTS.toLocaleString('en-US')} accounts x ${ENTRIES_PER_ACCOUNT} entries (parse, validate, write): ${fixed(importMs / 1000, 1)} s, ${Math.round(entries / (importMs / 1000)).toLocaleString('en-US')} entries/s`,
    );
    console.log(`ledger file: ${fixed(statSync(join(dir, 'ledger.sqlite')).size / 1048576, 0)} MB`);
    // What `helpbot start` adds to its start-up: every page of that file checked once.
    const checkStart = process.hrtime.bigint();
    await store.verify();
    console.log(
      `ledger check at start-up (quick_check of every page): ${fixed(elapsedMs(checkStart), 0)} ms`,
    );

    // 2. Balance lookups: identity -> account -> rules, for random members, after a warm-up.
    const pick = (i: number) => syntheticIdentity((i * 7919 + 13) % ACCOUNTS);
    const lookup = await timedLookups(store, policy, { accounts: ACCOUNTS, count: LOOKUPS, now: NOW });
    console.log(
      `balance lookup with rules, ${LOOKUPS.toLocaleString('en-US')} random members (ms): p50 ${fixed(lookup.p50)}  p90 ${fixed(lookup.p90)}  p99 ${fixed(lookup.p99)}  max ${fixed(lookup.max)}`,
    );

    // 3. The whole personal answer: matching, lookup, rules and wording.
    const desk = new HelpDesk(kb, { ledger: store });
    const answers: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const start = process.hrtime.bigint();
      await desk.handle({
        id: 'bench',
        actor: { platform: 'discord', id: pick(i).slice('discord:'.length), roles: [] },
        body: {
          kind: 'question',
          text: i % 2 === 0 ? 'how many connects do I have?' : 'why no refund on my proposals',
        },
        now: NOW,
      });
      answers.push(elapsedMs(start));
    }
    const answer = summarise(answers);
    console.log(
      `personal answer (HelpDesk.handle with the ledger), 5,000 questions (ms): p50 ${fixed(answer.p50)}  p90 ${fixed(answer.p90)}  p99 ${fixed(answer.p99)}`,
    );
    await store.close();

    // 4. `helpbot accounts import` end to end: process start, file read, validation, commit.
    const file = join(dir, 'import.json');
    writeSyntheticFile(file, CLI_ACCOUNTS, 99);
    const cliDir = join(dir, 'cli');
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [BIN, 'accounts', 'import', file], {
      env: { ...process.env, DATA_DIR: cliDir, LOG_LEVEL: 'warn' },
    });
    const cliMs = elapsedMs(start);
    if (run.status !== 0) throw new Error(`helpbot accounts import failed: ${run.stderr.toString()}`);
    const cliEntries = CLI_ACCOUNTS * ENTRIES_PER_ACCOUNT;
    console.log(
      `helpbot accounts import, ${cliEntries.toLocaleString('en-US')} entries (${fixed(statSync(file).size / 1048576, 0)} MB file), end to end: ${fixed(cliMs / 1000, 2)} s, ${Math.round(cliEntries / (cliMs / 1000)).toLocaleString('en-US')} entries/s`,
    );
    const again = process.hrtime.bigint();
    spawnSync(process.execPath, [BIN, 'accounts', 'import', file], {
      env: { ...process.env, DATA_DIR: cliDir, LOG_LEVEL: 'warn' },
    });
    console.log(
      `the same file again (nothing new, every entry compared): ${fixed(elapsedMs(again) / 1000, 2)} s`,
    );

    // 5. Memory of an import, for a file and one three times its size: the file is read as it is
    // imported, so the peak should not follow the file's size.
    const small = peakRssMb(['accounts', 'import', file], { DATA_DIR: join(dir, 'rss-small') });
    const largeFile = join(dir, 'import-large.json');
    writeSyntheticFile(largeFile, CLI_ACCOUNTS * 3, 7);
    const large = peakRssMb(['accounts', 'import', largeFile], { DATA_DIR: join(dir, 'rss-large') });
    console.log(
      `helpbot accounts import peak RSS: ${small} MB for the ${fixed(statSync(file).size / 1048576, 0)} MB file, ${large} MB for ${fixed(statSync(largeFile).size / 1048576, 0)} MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
