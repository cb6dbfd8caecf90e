// The ledger's schema, one step per version; `PRAGMA user_version` records how far a file has come.
// Append new steps; never edit a step that has shipped.

export const LEDGER_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('freelancer', 'agency')),
    plan TEXT NOT NULL CHECK (plan IN ('basic', 'plus', 'agency-basic', 'agency-plus')),
    billing_day INTEGER NOT NULL CHECK (billing_day BETWEEN 1 AND 31),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE identities (
    identity TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id)
  ) STRICT;
  CREATE INDEX identities_by_account ON identities (account_id);

  -- Append-only, clustered by account so one account's entries are read in one sweep. seq keeps
  -- the order entries were recorded in, which breaks ties in time.
  CREATE TABLE entries (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('grant', 'purchase', 'spend', 'job-outcome', 'adjustment')),
    amount INTEGER,
    reason TEXT,
    proposal TEXT,
    job TEXT,
    boost INTEGER,
    outcome TEXT,
    recorded_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, id)
  ) STRICT, WITHOUT ROWID;
  `,
];
