import pg from 'pg';
import {
  dayFromCounts,
  dayIncrements,
  MAX_UNANSWERED,
  QUESTION_TTL_MS,
  STATS_TTL_MS,
} from '../../core/state/keeping.js';
import type {
  AuditEntry,
  ChannelSettings,
  DayStats,
  FeedbackRecord,
  Notice,
  QuestionRecord,
  StatsEvents,
  TaughtExample,
} from '../../core/state/store.js';
import { type CheckableStateStore, shapedItem } from '../state-errors.js';
import { migrate } from './migrations.js';
import { STATE_MIGRATIONS } from './state-migrations.js';
import { inTransaction } from './transaction.js';

// The state on PostgreSQL, when DATABASE_URL is set and KEYV_URL is not: one server for the ledger
// and the state. The SQLite state store's rows and rules (../sqlite/state-store.ts), each change
// one statement (an upsert, an increment, a claim taken only while lapsed) or one transaction, so
// that every instance on the server keeps every update.

const parse = <T>(rows: readonly { record: string }[]): T[] => rows.map((row) => JSON.parse(row.record) as T);

export class PostgresStateStore implements CheckableStateStore {
  private readonly pool: pg.Pool;
  private ready: Promise<void> | undefined;
  private closed = false;

  constructor(connectionString: string) {
    this.pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 5000 });
    this.pool.on('error', () => undefined);
  }

  /** The schema brought up to date once, by the first operation. */
  private async migrated(): Promise<void> {
    if (this.closed) throw new Error('the state store is closed');
    this.ready ??= migrate(this.pool, 'state', STATE_MIGRATIONS).catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    await this.ready;
  }

  /** A statement, once the schema is up to date. */
  private async query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
    await this.migrated();
    return this.pool.query<R>(text, values);
  }

  async saveQuestion(question: QuestionRecord): Promise<void> {
    await this.query(
      `INSERT INTO state_questions (id, record, expires) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET record = excluded.record, expires = excluded.expires`,
      [question.id, JSON.stringify(question), Date.now() + QUESTION_TTL_MS],
    );
  }

  async question(id: string): Promise<QuestionRecord | undefined> {
    const result = await this.query<{ record: string }>(
      'SELECT record FROM state_questions WHERE id = $1 AND expires >= $2',
      [id, Date.now()],
    );
    return parse<QuestionRecord>(result.rows)[0];
  }

  async recordFeedback(feedback: FeedbackRecord): Promise<void> {
    await this.migrated();
    await inTransaction(this.pool, async (client) => {
      // Locked on the member and the question first; the statements after it then see any vote
      // committed meanwhile, so two clicks at once leave one vote.
      await client.query("SELECT pg_advisory_xact_lock(hashtext($1 || ' ' || $2))", [
        feedback.questionId,
        feedback.identity,
      ]);
      // A member has one vote (helpful or not) per question; asking for a moderator is not a vote.
      if (feedback.verdict !== 'moderator')
        await client.query(
          "DELETE FROM state_feedback WHERE question_id = $1 AND identity = $2 AND verdict <> 'moderator'",
          [feedback.questionId, feedback.identity],
        );
      await client.query(
        'INSERT INTO state_feedback (question_id, identity, verdict, record, expires) VALUES ($1, $2, $3, $4, $5)',
        [
          feedback.questionId,
          feedback.identity,
          feedback.verdict,
          JSON.stringify(feedback),
          Date.now() + QUESTION_TTL_MS,
        ],
      );
    });
  }

  async feedback(questionId: string): Promise<FeedbackRecord[]> {
    const result = await this.query<{ record: string }>(
      'SELECT record FROM state_feedback WHERE question_id = $1 AND expires >= $2 ORDER BY seq',
      [questionId, Date.now()],
    );
    return parse<FeedbackRecord>(result.rows);
  }

  async markUnanswered(questionId: string): Promise<void> {
    await this.query(
      `INSERT INTO state_unanswered (question_id, seq) VALUES ($1, nextval('state_unanswered_seq'))
       ON CONFLICT (question_id) DO UPDATE SET seq = excluded.seq`,
      [questionId],
    );
    await this.query(
      `DELETE FROM state_unanswered WHERE seq <= (SELECT seq FROM state_unanswered ORDER BY seq DESC OFFSET $1 LIMIT 1)`,
      [MAX_UNANSWERED],
    );
  }

  async dismissUnanswered(questionId: string): Promise<boolean> {
    const result = await this.query('DELETE FROM state_unanswered WHERE question_id = $1', [questionId]);
    return (result.rowCount ?? 0) > 0;
  }

  async unanswered(limit: number): Promise<QuestionRecord[]> {
    // Questions that have lapsed are passed over, not counted.
    const result = await this.query<{ record: string }>(
      `SELECT q.record FROM state_unanswered u JOIN state_questions q ON q.id = u.question_id
       WHERE q.expires >= $1 ORDER BY u.seq DESC LIMIT $2`,
      [Date.now(), Math.max(0, limit)],
    );
    return parse<QuestionRecord>(result.rows);
  }

  async cooldown(key: string, ms: number, now: Date): Promise<number> {
    // One statement: started (0) when none runs, or what is left of the one that does. The caller's
    // `now` measures what is left; the row itself lapses by the process clock.
    const result = await this.query<{ remaining: string }>(
      `WITH started AS (
         INSERT INTO state_timers AS t (key, until, expires) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET until = excluded.until, expires = excluded.expires
           WHERE t.expires <= $4 OR t.until <= $5
         RETURNING 0::bigint AS remaining
       )
       SELECT remaining FROM started
       UNION ALL
       SELECT until - $5 FROM state_timers WHERE key = $1 AND NOT EXISTS (SELECT 1 FROM started)`,
      [`cooldown:${key}`, now.getTime() + ms, Date.now() + ms, Date.now(), now.getTime()],
    );
    return Number(result.rows[0]?.remaining ?? 0);
  }

  async claimOnce(key: string, ms: number): Promise<boolean> {
    const now = Date.now();
    // The row is inserted, or taken over once lapsed, by exactly one claimant.
    const result = await this.query(
      `INSERT INTO state_timers AS t (key, until, expires) VALUES ($1, 0, $2)
       ON CONFLICT (key) DO UPDATE SET expires = excluded.expires WHERE t.expires <= $3`,
      [`once:${key}`, now + ms, now],
    );
    return result.rowCount === 1;
  }

  async channelSettings(channelId: string): Promise<ChannelSettings> {
    const result = await this.query<{ record: string }>(
      'SELECT settings AS record FROM state_channels WHERE id = $1',
      [channelId],
    );
    return parse<ChannelSettings>(result.rows)[0] ?? {};
  }

  async saveChannelSettings(channelId: string, settings: ChannelSettings): Promise<void> {
    await this.query(
      `INSERT INTO state_channels (id, settings) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET settings = excluded.settings`,
      [channelId, JSON.stringify(settings)],
    );
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    await this.query('INSERT INTO state_audit (id, entry) VALUES ($1, $2)', [
      entry.id,
      JSON.stringify(entry),
    ]);
  }

  async audit(limit: number): Promise<AuditEntry[]> {
    const result = await this.query<{ record: string }>(
      'SELECT entry AS record FROM state_audit ORDER BY seq DESC LIMIT $1',
      [Math.max(0, limit)],
    );
    return parse<AuditEntry>(result.rows);
  }

  async auditEntry(id: string): Promise<AuditEntry | undefined> {
    const result = await this.query<{ record: string }>(
      'SELECT entry AS record FROM state_audit WHERE id = $1 ORDER BY seq DESC LIMIT 1',
      [id],
    );
    return parse<AuditEntry>(result.rows)[0];
  }

  async addTaught(example: TaughtExample): Promise<void> {
    await this.query('INSERT INTO state_taught (example) VALUES ($1)', [JSON.stringify(example)]);
  }

  async taught(): Promise<TaughtExample[]> {
    const result = await this.query<{ example: string }>('SELECT example FROM state_taught ORDER BY seq');
    return result.rows.map((row) => shapedItem('taught', row.example));
  }

  async saveNotice(notice: Notice): Promise<void> {
    await this.query(
      `INSERT INTO state_notices (intent, seq, notice) VALUES ($1, nextval('state_notices_seq'), $2)
       ON CONFLICT (intent) DO UPDATE SET seq = excluded.seq, notice = excluded.notice`,
      [notice.intent, JSON.stringify(notice)],
    );
  }

  async notices(): Promise<Notice[]> {
    const result = await this.query<{ notice: string }>('SELECT notice FROM state_notices ORDER BY seq');
    return result.rows.map((row) => shapedItem('notices', row.notice));
  }

  async countStats(day: string, events: StatsEvents): Promise<void> {
    const increments = dayIncrements(events);
    if (increments.length === 0) return;
    await this.query(
      `INSERT INTO state_day_counts (day, counter, n, expires)
       SELECT $1, counter, n, $4 FROM unnest($2::text[], $3::bigint[]) AS t (counter, n)
       ON CONFLICT (day, counter) DO UPDATE SET n = state_day_counts.n + excluded.n`,
      [day, increments.map(([counter]) => counter), increments.map(([, n]) => n), Date.now() + STATS_TTL_MS],
    );
  }

  async stats(days: readonly string[]): Promise<DayStats[]> {
    const result = await this.query<{ day: string; counter: string; n: string }>(
      'SELECT day, counter, n FROM state_day_counts WHERE day = ANY($1::text[]) AND expires >= $2',
      [[...days], Date.now()],
    );
    return days.map((day) =>
      dayFromCounts(
        day,
        result.rows.filter((row) => row.day === day).map((row) => [row.counter, Number(row.n)] as const),
      ),
    );
  }

  async verify(): Promise<void> {
    await Promise.all([this.taught(), this.notices(), this.audit(1), this.unanswered(1)]);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
