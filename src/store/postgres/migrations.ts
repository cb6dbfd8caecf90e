import type pg from 'pg';
import { inTransaction } from './transaction.js';

// The PostgreSQL schema, one step per version, as for SQLite (../sqlite/migrations.ts): `helpbot_schema`
// records how far a database has come. Append new steps; never edit a step that has shipped. Each
// part of the bot (the ledger, the state) has its own list and its own row there.

/** Advisory lock keys (any 64-bit numbers, fixed): imports hold the first; migrations the second. */
export const LEDGER_LOCK = 7_301_001;
const MIGRATION_LOCK = 7_301_000;

export const LEDGER_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE accounts (
    id text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('freelancer', 'agency')),
    plan text NOT NULL CHECK (plan IN ('basic', 'plus', 'agency-basic', 'agency-plus')),
    billing_day int NOT NULL CHECK (billing_day BETWEEN 1 AND 31),
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL
  );

  -- No foreign keys: every row is written by an import whose plan checked its account, and a
  -- check per entry row would cost an import about a third of its time.
  CREATE TABLE identities (
    identity text PRIMARY KEY,
    account_id text NOT NULL,
    linked bigserial NOT NULL
  );
  CREATE INDEX identities_by_account ON identities (account_id);

  -- Append-only. seq keeps the order entries were recorded in, which breaks ties in time; an
  -- account's entries are found through the primary key's first column and sorted (tens of rows).
  CREATE TABLE entries (
    account_id text NOT NULL,
    id text NOT NULL,
    seq int NOT NULL,
    at bigint NOT NULL,
    type text NOT NULL CHECK (type IN ('grant', 'purchase', 'spend', 'job-outcome', 'adjustment')),
    amount int,
    reason text,
    proposal text,
    job text,
    boost int,
    outcome text,
    recorded_at bigint NOT NULL,
    PRIMARY KEY (account_id, id)
  );
  `,
];

/** A database whose schema is newer than this helpbot's: refused rather than guessed at. */
export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
}

/**
 * Brings one part's schema up to date in a transaction, under a lock: instances starting together
 * migrate once, and a failure leaves the previous version.
 */
export async function migrate(
  pool: pg.Pool,
  part = 'ledger',
  migrations: readonly string[] = LEDGER_MIGRATIONS,
): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS helpbot_schema (part text PRIMARY KEY, version int NOT NULL)',
    );
    const row = await client.query<{ version: number }>(
      'SELECT version FROM helpbot_schema WHERE part = $1',
      [part],
    );
    const version = row.rows[0]?.version ?? 0;
    if (version > migrations.length)
      throw new SchemaTooNewError(
        `the database's ${part} schema is version ${version}, newer than this helpbot knows (${migrations.length}); upgrade helpbot`,
      );
    for (let step = version; step < migrations.length; step++) await client.query(migrations[step] as string);
    await client.query(
      `INSERT INTO helpbot_schema (part, version) VALUES ($1, $2)
       ON CONFLICT (part) DO UPDATE SET version = excluded.version`,
      [part, migrations.length],
    );
  });
}
