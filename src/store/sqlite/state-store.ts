import type Database from 'better-sqlite3';
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
import { openDatabase } from './database.js';
import { importKeyvState } from './keyv-import.js';
import { STATE_MIGRATIONS } from './state-migrations.js';

/** Expired rows are deleted after this many writes (and at opening): reads skip them meanwhile. */
const PURGE_EVERY_WRITES = 1000;

/**
 * The state store in a SQLite file, through the driver the ledger uses (better-sqlite3). Each
 * operation is one statement or one transaction, so concurrent handlers and several processes on
 * one file keep every update; a claim or a cooldown is decided inside the write lock.
 */
export class SqliteStateStore implements CheckableStateStore {
  private readonly db: Database.Database;
  private writes = 0;

  constructor(file: string) {
    // NORMAL, not the ledger's FULL: in WAL mode a power cut may lose the last moments of
    // statistics and cooldowns, never the file; the ledger's money-like records get FULL.
    this.db = openDatabase(file, STATE_MIGRATIONS, { synchronous: 'NORMAL' });
    try {
      importKeyvState(this.db);
      this.purge();
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  async saveQuestion(question: QuestionRecord): Promise<void> {
    this.write(() =>
      this.db
        .prepare('INSERT OR REPLACE INTO questions (id, record, expires) VALUES (?, ?, ?)')
        .run(question.id, JSON.stringify(question), Date.now() + QUESTION_TTL_MS),
    );
  }

  async question(id: string): Promise<QuestionRecord | undefined> {
    const row = this.db
      .prepare('SELECT record FROM questions WHERE id = ? AND expires >= ?')
      .get(id, Date.now()) as { record: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.record) as QuestionRecord);
  }

  async recordFeedback(feedback: FeedbackRecord): Promise<void> {
    this.write(() =>
      this.db
        .transaction(() => {
          // A member has one vote (helpful or not) per question; asking for a moderator is not a vote.
          if (feedback.verdict !== 'moderator')
            this.db
              .prepare(
                "DELETE FROM feedback WHERE question_id = ? AND identity = ? AND verdict <> 'moderator'",
              )
              .run(feedback.questionId, feedback.identity);
          this.db
            .prepare(
              'INSERT INTO feedback (question_id, identity, verdict, record, expires) VALUES (?, ?, ?, ?, ?)',
            )
            .run(
              feedback.questionId,
              feedback.identity,
              feedback.verdict,
              JSON.stringify(feedback),
              Date.now() + QUESTION_TTL_MS,
            );
        })
        .immediate(),
    );
  }

  async feedback(questionId: string): Promise<FeedbackRecord[]> {
    const rows = this.db
      .prepare('SELECT record FROM feedback WHERE question_id = ? AND expires >= ? ORDER BY seq')
      .all(questionId, Date.now()) as { record: string }[];
    return rows.map((row) => JSON.parse(row.record) as FeedbackRecord);
  }

  async markUnanswered(questionId: string): Promise<void> {
    this.write(() =>
      this.db
        .transaction(() => {
          this.db
            .prepare(
              'INSERT OR REPLACE INTO unanswered (question_id, seq) VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM unanswered))',
            )
            .run(questionId);
          this.db
            .prepare(
              'DELETE FROM unanswered WHERE seq <= (SELECT seq FROM unanswered ORDER BY seq DESC LIMIT 1 OFFSET ?)',
            )
            .run(MAX_UNANSWERED);
        })
        .immediate(),
    );
  }

  async dismissUnanswered(questionId: string): Promise<boolean> {
    return this.write(
      () => this.db.prepare('DELETE FROM unanswered WHERE question_id = ?').run(questionId).changes > 0,
    );
  }

  async unanswered(limit: number): Promise<QuestionRecord[]> {
    // Questions that have lapsed are passed over, not counted.
    const rows = this.db
      .prepare(
        `SELECT q.record FROM unanswered u JOIN questions q ON q.id = u.question_id
         WHERE q.expires >= ? ORDER BY u.seq DESC LIMIT ?`,
      )
      .all(Date.now(), Math.max(0, limit)) as { record: string }[];
    return rows.map((row) => JSON.parse(row.record) as QuestionRecord);
  }

  async cooldown(key: string, ms: number, now: Date): Promise<number> {
    return this.write(() =>
      this.db
        .transaction(() => {
          // The caller's `now` measures what is left; the row itself lapses by the process clock.
          const row = this.db
            .prepare('SELECT until FROM timers WHERE key = ? AND expires > ?')
            .get(`cooldown:${key}`, Date.now()) as { until: number } | undefined;
          if (row !== undefined && row.until > now.getTime()) return row.until - now.getTime();
          this.db
            .prepare('INSERT OR REPLACE INTO timers (key, until, expires) VALUES (?, ?, ?)')
            .run(`cooldown:${key}`, now.getTime() + ms, Date.now() + ms);
          return 0;
        })
        .immediate(),
    );
  }

  async claimOnce(key: string, ms: number): Promise<boolean> {
    const now = Date.now();
    // One statement: the row is inserted, or taken over once lapsed, by exactly one claimant.
    const result = this.write(() =>
      this.db
        .prepare(
          `INSERT INTO timers (key, until, expires) VALUES (?, 0, ?)
           ON CONFLICT (key) DO UPDATE SET expires = excluded.expires WHERE timers.expires <= ?`,
        )
        .run(`once:${key}`, now + ms, now),
    );
    return result.changes === 1;
  }

  async channelSettings(channelId: string): Promise<ChannelSettings> {
    const row = this.db.prepare('SELECT settings FROM channels WHERE id = ?').get(channelId) as
      | { settings: string }
      | undefined;
    return row === undefined ? {} : (JSON.parse(row.settings) as ChannelSettings);
  }

  async saveChannelSettings(channelId: string, settings: ChannelSettings): Promise<void> {
    this.write(() =>
      this.db
        .prepare('INSERT OR REPLACE INTO channels (id, settings) VALUES (?, ?)')
        .run(channelId, JSON.stringify(settings)),
    );
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    this.write(() =>
      this.db.prepare('INSERT INTO audit (id, entry) VALUES (?, ?)').run(entry.id, JSON.stringify(entry)),
    );
  }

  async audit(limit: number): Promise<AuditEntry[]> {
    const rows = this.db
      .prepare('SELECT entry FROM audit ORDER BY seq DESC LIMIT ?')
      .all(Math.max(0, limit)) as { entry: string }[];
    return rows.map((row) => JSON.parse(row.entry) as AuditEntry);
  }

  async auditEntry(id: string): Promise<AuditEntry | undefined> {
    const row = this.db.prepare('SELECT entry FROM audit WHERE id = ? ORDER BY seq DESC LIMIT 1').get(id) as
      | { entry: string }
      | undefined;
    return row === undefined ? undefined : (JSON.parse(row.entry) as AuditEntry);
  }

  async addTaught(example: TaughtExample): Promise<void> {
    this.write(() => this.db.prepare('INSERT INTO taught (example) VALUES (?)').run(JSON.stringify(example)));
  }

  async taught(): Promise<TaughtExample[]> {
    const rows = this.db.prepare('SELECT example FROM taught ORDER BY seq').all() as { example: string }[];
    return rows.map((row) => shapedItem('taught', row.example));
  }

  async saveNotice(notice: Notice): Promise<void> {
    this.write(() =>
      this.db
        .prepare(
          'INSERT OR REPLACE INTO notices (intent, seq, notice) VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM notices), ?)',
        )
        .run(notice.intent, JSON.stringify(notice)),
    );
  }

  async notices(): Promise<Notice[]> {
    const rows = this.db.prepare('SELECT notice FROM notices ORDER BY seq').all() as { notice: string }[];
    return rows.map((row) => shapedItem('notices', row.notice));
  }

  async countStats(day: string, events: StatsEvents): Promise<void> {
    const increments = dayIncrements(events);
    if (increments.length === 0) return;
    const add = this.db.prepare(
      `INSERT INTO day_counts (day, counter, n, expires) VALUES (?, ?, ?, ?)
       ON CONFLICT (day, counter) DO UPDATE SET n = n + excluded.n`,
    );
    const expires = Date.now() + STATS_TTL_MS;
    this.write(() =>
      this.db.transaction(() => {
        for (const [counter, n] of increments) add.run(day, counter, n, expires);
      })(),
    );
  }

  async stats(days: readonly string[]): Promise<DayStats[]> {
    const read = this.db.prepare('SELECT counter, n FROM day_counts WHERE day = ? AND expires >= ?');
    const now = Date.now();
    return days.map((day) => {
      const rows = read.all(day, now) as { counter: string; n: number }[];
      return dayFromCounts(
        day,
        rows.map((row) => [row.counter, row.n] as const),
      );
    });
  }

  async verify(): Promise<void> {
    await Promise.all([this.taught(), this.notices(), this.audit(1), this.unanswered(1)]);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** A write, and now and then the purge of what has expired. */
  private write<T>(change: () => T): T {
    const result = change();
    this.writes += 1;
    if (this.writes % PURGE_EVERY_WRITES === 0) this.purge();
    return result;
  }

  private purge(): void {
    const now = Date.now();
    this.db.transaction(() => {
      for (const table of ['questions', 'feedback', 'timers', 'day_counts'])
        this.db.prepare(`DELETE FROM ${table} WHERE expires < ?`).run(now);
      this.db.prepare('DELETE FROM unanswered WHERE question_id NOT IN (SELECT id FROM questions)').run();
    })();
  }
}
