import pg from 'pg';
import { type EntryColumns, entryFromColumns } from '../../core/ledger/entry-columns.js';
import { type AccountChange, ImportPlanner, type StoredView } from '../../core/ledger/import-plan.js';
import { ImportTally } from '../../core/ledger/import-tally.js';
import type { ImportItem, ImportResult, LedgerStore, WriteOptions } from '../../core/ledger/store.js';
import type { Account, AccountKind, Plan } from '../../core/ledger/types.js';
import type { RulesPolicy } from '../../core/rules/policy.js';
import { entryRow } from '../entry-row.js';
import { LEDGER_BUSY, whenLedgerFree } from '../ledger-turn.js';
import { LEDGER_LOCK, migrate } from './migrations.js';
import { inTransaction } from './transaction.js';

// The ledger on PostgreSQL (DATABASE_URL=postgres://…), for several bot instances sharing one: the
// same port and the same answers as the SQLite file. Reads are one round trip per account. An
// import is one transaction holding an advisory lock, so concurrent imports of one file leave one
// copy and a killed import leaves the ledger as it was; accounts are planned and written in
// batches (the stored side of a batch read in one query, its rows written with one statement each).

/** Accounts planned and written together: one read and a few writes per batch, not per account. */
const BATCH_ACCOUNTS = 500;

/** An account and all it holds, as one row: identities in the order linked, entries in the order recorded. */
const ACCOUNT_SELECT = `
  SELECT a.id, a.kind, a.plan, a.billing_day,
    coalesce((SELECT json_agg(i.identity ORDER BY i.linked) FROM identities i WHERE i.account_id = a.id), '[]') AS identities,
    coalesce((SELECT json_agg(json_build_array(e.id, e.at, e.type, e.amount, e.reason, e.proposal, e.job, e.boost, e.outcome) ORDER BY e.seq)
      FROM entries e WHERE e.account_id = a.id), '[]') AS entries
  FROM accounts a`;

interface AccountRow {
  id: string;
  kind: AccountKind;
  plan: Plan;
  billing_day: number;
  identities: string[];
  entries: [
    string,
    number,
    EntryColumns['type'],
    number | null,
    string | null,
    string | null,
    string | null,
    number | null,
    string | null,
  ][];
}

function accountOf(row: AccountRow): Account {
  return {
    id: row.id,
    kind: row.kind,
    plan: row.plan,
    billingDay: row.billing_day,
    identities: row.identities,
    ledger: row.entries.map(([id, at, type, amount, reason, proposal, job, boost, outcome]) =>
      entryFromColumns({ id, at: Number(at), type, amount, reason, proposal, job, boost, outcome }),
    ),
  };
}

export class PostgresLedgerStore implements LedgerStore {
  private readonly pool: pg.Pool;
  private ready: Promise<void> | undefined;
  private closed = false;

  constructor(
    connectionString: string,
    private readonly policy: RulesPolicy,
  ) {
    this.pool = new pg.Pool({
      connectionString,
      max: 10,
      connectionTimeoutMillis: 5000,
      // The account query's estimated cost (a subquery per row) crosses PostgreSQL's JIT threshold,
      // and compiling it costs a few hundred milliseconds a time: far more than running it.
      options: '-c jit=off',
    });
    // An idle connection the server dropped is replaced on the next query; nothing to do here.
    this.pool.on('error', () => undefined);
  }

  /** The schema brought up to date once, by the first operation. */
  private migrated(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the ledger store is closed'));
    this.ready ??= migrate(this.pool).catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  async accountForIdentity(identity: string): Promise<Account | null> {
    await this.migrated();
    // Named: prepared once per connection, planned once, not at every member's question.
    const result = await this.pool.query<AccountRow>({
      name: 'account-for-identity',
      text: `${ACCOUNT_SELECT} WHERE a.id = (SELECT account_id FROM identities WHERE identity = $1)`,
      values: [identity],
    });
    const row = result.rows[0];
    return row === undefined ? null : accountOf(row);
  }

  async accountById(id: string): Promise<Account | null> {
    await this.migrated();
    const result = await this.pool.query<AccountRow>({
      name: 'account-by-id',
      text: `${ACCOUNT_SELECT} WHERE a.id = $1`,
      values: [id],
    });
    const row = result.rows[0];
    return row === undefined ? null : accountOf(row);
  }

  async countAccounts(): Promise<number> {
    await this.migrated();
    const result = await this.pool.query<{ count: number }>('SELECT count(*)::int AS count FROM accounts');
    return result.rows[0]?.count ?? 0;
  }

  /** The server answers and the schema is this version's (or older, and brought up to date). */
  async verify(): Promise<void> {
    await this.migrated();
    await this.pool.query('SELECT 1 FROM accounts LIMIT 1');
  }

  async importAccounts(accounts: readonly Account[], options: WriteOptions = {}): Promise<ImportResult> {
    async function* items(): AsyncGenerator<ImportItem> {
      for (const account of accounts) yield { account };
    }
    return this.importStream(items(), options);
  }

  async importStream(items: AsyncIterable<ImportItem>, options: WriteOptions = {}): Promise<ImportResult> {
    await this.migrated();
    return inTransaction(
      this.pool,
      async (client) => {
        await this.lockLedger(client, options);
        return this.planAndApply(client, items, options);
      },
      (result) => result.ok && !options.dryRun,
    );
  }

  /**
   * The ledger's write lock for this transaction: taken at once when free, otherwise retried without
   * holding up anything else, up to `options.maxWaitMs`. Released by the commit or the rollback.
   */
  private async lockLedger(client: pg.PoolClient, options: WriteOptions): Promise<void> {
    await whenLedgerFree(async () => {
      const result = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_xact_lock($1) AS locked',
        [LEDGER_LOCK],
      );
      return result.rows[0]?.locked === true ? true : LEDGER_BUSY;
    }, options);
  }

  /** Plans the accounts batch by batch and writes each batch while the file has had no problem. */
  private async planAndApply(
    client: pg.PoolClient,
    items: AsyncIterable<ImportItem>,
    options: WriteOptions,
  ): Promise<ImportResult> {
    const stored = new BatchView();
    const planner = new ImportPlanner(stored, this.policy);
    const tally = new ImportTally();
    const now = Date.now();
    let batch: Account[] = [];
    // A batch's writes run on the server while the next batch is read, checked and planned here.
    // The next batch's accounts are all others (an account twice in a file is a problem), and an
    // identity listed twice is caught by the planner, so planning them does not need this batch written.
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      if (batch.length === 0) return;
      // Read on another connection, while the transaction's connection writes the previous batch:
      // it sees what was committed before this import, which with the planner's memory of the file
      // is all a plan needs, and nothing else writes the ledger while this import holds its lock.
      await stored.load(this.pool, batch);
      const changes: AccountChange[] = [];
      for (const account of batch) {
        const change = planner.plan(account);
        // After a problem nothing more is written (it will all be rolled back); the rest of the
        // file is still checked, so that one run lists every problem.
        if (change !== undefined && planner.problems.length === 0) changes.push(change);
      }
      // The previous batch's writes (their failure, if any, stops the import here).
      await writing;
      if (planner.problems.length === 0) {
        if (!options.dryRun) {
          writing = applyChanges(client, changes, stored.entryCounts(), now);
          // Awaited at the next batch or at the end; until then its failure must not count as unhandled.
          writing.catch(() => undefined);
        }
        for (const change of changes) tally.add(change);
      }
      batch = [];
    };
    for await (const item of items) {
      if ('problems' in item) planner.refuse(item.problems);
      else batch.push(item.account);
      if (batch.length >= BATCH_ACCOUNTS) await flush();
    }
    await flush();
    await writing;
    return planner.problems.length > 0
      ? { ok: false, problems: planner.problems }
      : { ok: true, summary: tally.summary() };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/**
 * What the planner sees of the stored ledger: the accounts of the batch being planned and the owners
 * of their identities as committed before the import began, read in two queries before the batch
 * is planned (outside the import's transaction, which is busy writing the batch before).
 */
class BatchView implements StoredView {
  private accounts = new Map<string, Account>();
  private owners = new Map<string, string>();

  async load(reader: pg.Pool, batch: readonly Account[]): Promise<void> {
    const ids = batch.map((account) => account.id);
    const identities = [...new Set(batch.flatMap((account) => account.identities))];
    const [accounts, owners] = await Promise.all([
      reader.query<AccountRow>(`${ACCOUNT_SELECT} WHERE a.id = ANY($1::text[])`, [ids]),
      reader.query<{ identity: string; account_id: string }>(
        'SELECT identity, account_id FROM identities WHERE identity = ANY($1::text[])',
        [identities],
      ),
    ]);
    this.accounts = new Map(accounts.rows.map((row) => [row.id, accountOf(row)]));
    this.owners = new Map(owners.rows.map((row) => [row.identity, row.account_id]));
  }

  account(id: string): Account | null {
    return this.accounts.get(id) ?? null;
  }

  identityOwner(identity: string): string | null {
    return this.owners.get(identity) ?? null;
  }

  /** How many entries each account of the batch has stored: their new entries' seq numbers run on from there. */
  entryCounts(): ReadonlyMap<string, number> {
    return new Map([...this.accounts].map(([id, account]) => [id, account.ledger.length]));
  }
}

/** A batch's changes in one statement per table, each taking its rows as arrays (unnest). */
async function applyChanges(
  client: pg.PoolClient,
  changes: readonly AccountChange[],
  storedEntries: ReadonlyMap<string, number>,
  now: number,
): Promise<void> {
  const created = changes.filter((change) => change.isNew);
  const updated = changes.filter((change) => change.detailsChanged);
  const details = (list: readonly AccountChange[]) => [
    list.map((change) => change.account.id),
    list.map((change) => change.account.kind),
    list.map((change) => change.account.plan),
    list.map((change) => change.account.billingDay),
  ];
  if (created.length > 0)
    await client.query(
      `INSERT INTO accounts (id, kind, plan, billing_day, created_at, updated_at)
       SELECT id, kind, plan, billing_day, $5, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS t(id, kind, plan, billing_day)`,
      [...details(created), now],
    );
  if (updated.length > 0)
    await client.query(
      `UPDATE accounts a SET kind = t.kind, plan = t.plan, billing_day = t.billing_day, updated_at = $5
       FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS t(id, kind, plan, billing_day) WHERE a.id = t.id`,
      [...details(updated), now],
    );
  const links = changes.flatMap((change) =>
    change.newIdentities.map((identity) => [identity, change.account.id] as const),
  );
  if (links.length > 0)
    await client.query(
      'INSERT INTO identities (identity, account_id) SELECT * FROM unnest($1::text[], $2::text[])',
      [links.map(([identity]) => identity), links.map(([, account]) => account)],
    );
  const columns: unknown[][] = [[], [], [], [], [], [], [], [], [], [], []];
  for (const change of changes) {
    // seq numbers an account's entries in the order they were recorded, continuing after earlier imports.
    let seq = storedEntries.get(change.account.id) ?? 0;
    for (const entry of change.newEntries) {
      const values = entryRow(change.account.id, ++seq, entry);
      for (const [index, value] of values.entries()) columns[index]?.push(value);
    }
  }
  if ((columns[0]?.length ?? 0) > 0)
    await client.query(
      `INSERT INTO entries (account_id, id, seq, at, type, amount, reason, proposal, job, boost, outcome, recorded_at)
       SELECT *, $12::bigint FROM unnest($1::text[], $2::text[], $3::int[], $4::bigint[], $5::text[], $6::int[],
         $7::text[], $8::text[], $9::text[], $10::int[], $11::text[])`,
      [...columns, now],
    );
}
