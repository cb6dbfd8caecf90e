// The state's PostgreSQL schema (the SQLite one's tables, ../sqlite/state-migrations.ts, in
// PostgreSQL's types), one step per version; `helpbot_schema` records it as the "state" part.
// Records are JSON as text: jsonb would refuse a member's text holding a NUL character.

export const STATE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE state_questions (
    id text PRIMARY KEY,
    record text NOT NULL,
    expires bigint NOT NULL
  );

  CREATE TABLE state_feedback (
    seq bigserial PRIMARY KEY,
    question_id text NOT NULL,
    identity text NOT NULL,
    verdict text NOT NULL,
    record text NOT NULL,
    expires bigint NOT NULL
  );
  CREATE INDEX state_feedback_by_question ON state_feedback (question_id, seq);

  CREATE SEQUENCE state_unanswered_seq;
  CREATE TABLE state_unanswered (
    question_id text PRIMARY KEY,
    seq bigint NOT NULL
  );
  CREATE INDEX state_unanswered_by_seq ON state_unanswered (seq);

  CREATE TABLE state_timers (
    key text PRIMARY KEY,
    until bigint NOT NULL,
    expires bigint NOT NULL
  );

  CREATE TABLE state_channels (
    id text PRIMARY KEY,
    settings text NOT NULL
  );

  CREATE TABLE state_audit (
    seq bigserial PRIMARY KEY,
    id text NOT NULL,
    entry text NOT NULL
  );
  CREATE INDEX state_audit_by_id ON state_audit (id, seq);

  CREATE TABLE state_taught (
    seq bigserial PRIMARY KEY,
    example text NOT NULL
  );

  CREATE SEQUENCE state_notices_seq;
  CREATE TABLE state_notices (
    intent text PRIMARY KEY,
    seq bigint NOT NULL,
    notice text NOT NULL
  );

  CREATE TABLE state_day_counts (
    day text NOT NULL,
    counter text NOT NULL,
    n bigint NOT NULL,
    expires bigint NOT NULL,
    PRIMARY KEY (day, counter)
  );
  `,
];
