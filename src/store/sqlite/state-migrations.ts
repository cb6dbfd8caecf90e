// The state store's schema, one step per version (as the ledger's, migrations.ts). Every list,
// counter and claim is rows, so each change is one statement or one transaction: two handlers, or
// two processes on one file, never lose each other's update. `expires` is milliseconds since the
// epoch on the process clock; rows past it (as Keyv reads a time to live) are not read, and are purged now and then.

export const STATE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE questions (
    id TEXT PRIMARY KEY,
    record TEXT NOT NULL,
    expires INTEGER NOT NULL
  ) STRICT;

  -- In the order given; a member's vote replaces their earlier vote (deleted, then inserted).
  CREATE TABLE feedback (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    question_id TEXT NOT NULL,
    identity TEXT NOT NULL,
    verdict TEXT NOT NULL,
    record TEXT NOT NULL,
    expires INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX feedback_by_question ON feedback (question_id, seq);

  -- Newest first by seq; marking a question again moves it to the front.
  CREATE TABLE unanswered (
    question_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX unanswered_by_seq ON unanswered (seq);

  -- Cooldowns ("cooldown:KEY", until = the caller's end of it) and one-time claims ("once:KEY").
  CREATE TABLE timers (
    key TEXT PRIMARY KEY,
    until INTEGER NOT NULL,
    expires INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE channels (
    id TEXT PRIMARY KEY,
    settings TEXT NOT NULL
  ) STRICT;

  -- Kept for good; newest first by seq.
  CREATE TABLE audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL,
    entry TEXT NOT NULL
  ) STRICT;
  CREATE INDEX audit_by_id ON audit (id, seq);

  CREATE TABLE taught (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    example TEXT NOT NULL
  ) STRICT;

  -- One per entry; the newest last by seq.
  CREATE TABLE notices (
    intent TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    notice TEXT NOT NULL
  ) STRICT;

  CREATE TABLE day_counts (
    day TEXT NOT NULL,
    counter TEXT NOT NULL,
    n INTEGER NOT NULL,
    expires INTEGER NOT NULL,
    PRIMARY KEY (day, counter)
  ) STRICT, WITHOUT ROWID;
  `,
];
