import type Database from 'better-sqlite3';
import { type EntryColumns, entryFromColumns } from '../../core/ledger/entry-columns.js';
import {
  type AccountChange,
  ImportPlanner,
  planImport,
  type StoredView,
} from '../../core/ledger/import-plan.js';
import { ImportTally } from '../../core/ledger/import-tally.js';
import {
  type ImportItem,
  type ImportResult,
  LedgerDamagedError,
  type LedgerStore,
  type WriteOptions,
} from '../../core/ledger/store.js';
import type { Account, AccountKind, Plan } from '../../core/ledger/types.js';
import type { RulesPolicy } from '../../core/rules/policy.js';
import { entryRow } from '../entry-row.js';
import { LEDGER_BUSY, whenLedgerFree } from '../ledger-turn.js';
import { BUSY_TIMEOUT_MS, DatabaseOpenError, openDatabase } from './database.js';
import { LEDGER_MIGRATIONS } from './migrations.js';

const DAMAGE_CODES = new Set([
  'SQLITE_CORRUPT',
  'SQLITE_CORRUPT_INDEX',
  'SQLITE_CORRUPT_SEQUENCE',
  'SQLITE_NOTADB',
]);

function damaged(file: string, detail: string): LedgerDamagedError {
  return new LedgerDamagedError(
    `ledger ${file} is damaged (${detail}); restore it from a backup, or move it aside and import the last accounts file again (sqlite3 ${file} .recover may save entries added since)`,
  );
}

interface AccountRow {
  id: string;
  kind: AccountKind;
  plan: Plan;
  billing_day: number;
}

/** The embedded ledger: one SQLite file in DATA_DIR. better-sqlite3 is synchronous; the port is not. */
type Statements = ReturnType<typeof prepare>;

export class SqliteLedgerStore implements LedgerStore {
  private readonly db: Database.Database;
  private readonly statements: Statements;
  constructor(
    private readonly file: string,
    private readonly policy: RulesPolicy,
  ) {
    // A streamed import writes on a connection of its own while the bot reads on this one; an
    // in-memory database would be a different, empty one on each. MemoryLedgerStore is the ledger in memory.
    if (file === ':memory:' || file === '')
      throw new Error(
        'SqliteLedgerStore keeps the ledger in a file; use MemoryLedgerStore for one in memory',
      );
    this.db = openDatabase(file, LEDGER_MIGRATIONS);
    try {
      this.statements = prepare(this.db);
    } catch (error) {
      this.db.close();
      // A file whose version number matches but whose tables do not: refuse it rather than guess.
      throw new DatabaseOpenError(
        `${file} does not have the tables this version expects: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  async accountForIdentity(identity: string): Promise<Account | null> {
    return this.guarded(() => {
      const owner = this.statements.owner.get(identity);
      return owner === undefined ? null : readAccount(this.statements, owner.account_id);
    });
  }

  async accountById(id: string): Promise<Account | null> {
    return this.guarded(() => readAccount(this.statements, id));
  }

  async countAccounts(): Promise<number> {
    return this.guarded(() => this.statements.count.get() as number);
  }

  /**
   * A full check of the file's pages and indexes (SQLite's quick_check): a damaged page is found
   * at start-up rather than by a member whose account happens to live on it.
   */
  async verify(): Promise<void> {
    // One problem is enough to refuse the file; SQLite would list every damaged cell.
    const rows = this.guarded(
      () => this.db.pragma('quick_check(1)', { simple: false }) as { quick_check: string }[],
    );
    const report = rows[0]?.quick_check ?? 'ok';
    if (report === 'ok') return;
    const problem = report
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '' && !line.startsWith('***'));
    throw damaged(this.file, problem ?? report);
  }

  /** Damage SQLite reports while reading or writing becomes one LedgerDamagedError naming the file. */
  private guarded<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      const code = String((error as { code?: unknown }).code ?? '');
      if (DAMAGE_CODES.has(code)) throw damaged(this.file, (error as Error).message);
      throw error;
    }
  }

  async importAccounts(accounts: readonly Account[], options: WriteOptions = {}): Promise<ImportResult> {
    // IMMEDIATE: the check and the writes see the same ledger, whoever else is writing.
    const run = this.db.transaction((): ImportResult => {
      const plan = planImport(accounts, storedView(this.statements), this.policy);
      if (!plan.ok) return plan;
      const tally = new ImportTally();
      const now = Date.now();
      for (const change of plan.changes) {
        if (!options.dryRun) applyChange(this.statements, change, now);
        tally.add(change);
      }
      return { ok: true, summary: tally.summary() };
    });
    return this.whenFree(this.db, () => run.immediate(), options);
  }

  async importStream(items: AsyncIterable<ImportItem>, options: WriteOptions = {}): Promise<ImportResult> {
    // A connection of its own, so that while a long import runs, this store's readers (the bot
    // answering members) keep reading the committed ledger.
    const db = openDatabase(this.file, LEDGER_MIGRATIONS);
    try {
      await this.whenFree(db, () => db.exec('BEGIN IMMEDIATE'), options);
      try {
        const result = await this.planAndApply(items, prepare(db), options);
        this.guarded(() => db.exec(result.ok && !options.dryRun ? 'COMMIT' : 'ROLLBACK'));
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      db.close();
    }
  }

  /** Plans each account as it is read and writes it while the file has had no problem. */
  private async planAndApply(
    items: AsyncIterable<ImportItem>,
    statements: Statements,
    options: WriteOptions,
  ): Promise<ImportResult> {
    const planner = new ImportPlanner(storedView(statements), this.policy);
    const tally = new ImportTally();
    const now = Date.now();
    for await (const item of items) {
      if ('problems' in item) {
        planner.refuse(item.problems);
        continue;
      }
      const change = this.guarded(() => planner.plan(item.account));
      // After a problem nothing more is written (it will all be rolled back); the rest of the
      // file is still checked, so that one run lists every problem.
      if (change === undefined || planner.problems.length > 0) continue;
      if (!options.dryRun) this.guarded(() => applyChange(statements, change, now));
      tally.add(change);
    }
    return planner.problems.length > 0
      ? { ok: false, problems: planner.problems }
      : { ok: true, summary: tally.summary() };
  }

  /**
   * Runs `write` (which starts a write transaction) once no other process holds the ledger's write
   * lock, retrying without blocking the event loop, up to `options.maxWaitMs`.
   */
  private async whenFree<T>(db: Database.Database, write: () => T, options: WriteOptions): Promise<T> {
    return whenLedgerFree(() => this.guarded(() => withoutWaiting(db, write)), options);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function prepare(db: Database.Database) {
  return {
    owner: db.prepare<[string], { account_id: string }>(
      'SELECT account_id FROM identities WHERE identity = ?',
    ),
    account: db.prepare<[string], AccountRow>(
      'SELECT id, kind, plan, billing_day FROM accounts WHERE id = ?',
    ),
    identities: db
      .prepare<[string], string>('SELECT identity FROM identities WHERE account_id = ? ORDER BY rowid')
      .pluck(),
    entries: db.prepare<[string], EntryColumns>(
      'SELECT id, at, type, amount, reason, proposal, job, boost, outcome FROM entries WHERE account_id = ? ORDER BY seq',
    ),
    count: db.prepare<[], number>('SELECT count(*) FROM accounts').pluck(),
    lastSeq: db
      .prepare<[string], number>('SELECT coalesce(max(seq), 0) FROM entries WHERE account_id = ?')
      .pluck(),
    insertAccount: db.prepare(
      'INSERT INTO accounts (id, kind, plan, billing_day, created_at, updated_at) VALUES (@id, @kind, @plan, @billingDay, @now, @now)',
    ),
    updateAccount: db.prepare(
      'UPDATE accounts SET kind = @kind, plan = @plan, billing_day = @billingDay, updated_at = @now WHERE id = @id',
    ),
    insertIdentity: db.prepare('INSERT INTO identities (identity, account_id) VALUES (?, ?)'),
    insertEntry: db.prepare(
      `INSERT INTO entries (account_id, id, seq, at, type, amount, reason, proposal, job, boost, outcome, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}

function storedView(statements: Statements): StoredView {
  return {
    account: (id) => readAccount(statements, id),
    identityOwner: (identity) => statements.owner.get(identity)?.account_id ?? null,
  };
}

function readAccount(s: Statements, id: string): Account | null {
  const row = s.account.get(id);
  if (row === undefined) return null;
  return {
    id: row.id,
    kind: row.kind,
    plan: row.plan,
    billingDay: row.billing_day,
    identities: s.identities.all(id),
    ledger: s.entries.all(id).map(entryFromColumns),
  };
}

function applyChange(s: Statements, change: AccountChange, now: number): void {
  const { account } = change;
  const details = {
    id: account.id,
    kind: account.kind,
    plan: account.plan,
    billingDay: account.billingDay,
    now,
  };
  if (change.isNew) s.insertAccount.run(details);
  else if (change.detailsChanged) s.updateAccount.run(details);
  for (const identity of change.newIdentities) s.insertIdentity.run(identity, account.id);
  // seq numbers an account's entries in the order they were recorded, continuing after earlier imports.
  let seq = change.isNew ? 0 : (s.lastSeq.get(account.id) as number);
  for (const entry of change.newEntries) s.insertEntry.run(...entryRow(account.id, ++seq, entry), now);
}

/**
 * Runs a write transaction that gives up at once if another process holds the write lock:
 * better-sqlite3 is synchronous, and SQLite's own wait would freeze every reply the bot is making.
 */
function withoutWaiting<T>(db: Database.Database, write: () => T): T | typeof LEDGER_BUSY {
  db.pragma('busy_timeout = 0');
  try {
    return write();
  } catch (error) {
    if (String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY')) return LEDGER_BUSY;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}
