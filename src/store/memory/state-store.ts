import {
  addToDay,
  emptyDay,
  QUESTION_TTL_MS,
  STATS_TTL_MS,
  withAudit,
  withFeedback,
  withNotice,
  withUnanswered,
} from '../../core/state/keeping.js';
import type {
  AuditEntry,
  ChannelSettings,
  DayStats,
  FeedbackRecord,
  Notice,
  QuestionRecord,
  StateStore,
  StatsEvents,
  TaughtExample,
} from '../../core/state/store.js';
import { ExpiringMap } from './expiring-map.js';

/**
 * The state store in this process's memory, for tests and one-off runs: the Keyv store's keys, times
 * to live and rules (src/core/state/keeping.ts), so that it behaves as that store does, and gone
 * when the process ends. Nothing here awaits, so each operation runs to its end before another
 * starts: two updates of one list never lose one another's change.
 */
export class MemoryStateStore implements StateStore {
  private readonly kept = new ExpiringMap();
  private closed = false;

  async saveQuestion(question: QuestionRecord): Promise<void> {
    this.open().set(`question:${question.id}`, question, QUESTION_TTL_MS);
  }

  async question(id: string): Promise<QuestionRecord | undefined> {
    return this.open().get<QuestionRecord>(`question:${id}`);
  }

  async recordFeedback(feedback: FeedbackRecord): Promise<void> {
    const key = `feedback:${feedback.questionId}`;
    this.open().set(key, withFeedback(this.list<FeedbackRecord>(key), feedback), QUESTION_TTL_MS);
  }

  async feedback(questionId: string): Promise<FeedbackRecord[]> {
    return this.list<FeedbackRecord>(`feedback:${questionId}`);
  }

  async markUnanswered(questionId: string): Promise<void> {
    this.open().set('unanswered', withUnanswered(this.list<string>('unanswered'), questionId));
  }

  async dismissUnanswered(questionId: string): Promise<boolean> {
    const ids = this.list<string>('unanswered');
    if (!ids.includes(questionId)) return false;
    this.open().set(
      'unanswered',
      ids.filter((id) => id !== questionId),
    );
    return true;
  }

  async unanswered(limit: number): Promise<QuestionRecord[]> {
    const kept = this.open();
    const records: QuestionRecord[] = [];
    // As the Keyv store reads it: questions that have lapsed are passed over, not counted.
    for (const id of this.list<string>('unanswered')) {
      if (records.length >= limit) break;
      const record = kept.get<QuestionRecord>(`question:${id}`);
      if (record !== undefined) records.push(record);
    }
    return records;
  }

  async cooldown(key: string, ms: number, now: Date): Promise<number> {
    const kept = this.open();
    // The caller's `now` measures what is left; the key itself lapses by the process clock (Keyv's TTL).
    const until = kept.get<number>(`cooldown:${key}`);
    if (until !== undefined && until > now.getTime()) return until - now.getTime();
    kept.set(`cooldown:${key}`, now.getTime() + ms, ms);
    return 0;
  }

  async claimOnce(key: string, ms: number): Promise<boolean> {
    const kept = this.open();
    if (kept.get(`once:${key}`) !== undefined) return false;
    kept.set(`once:${key}`, true, ms);
    return true;
  }

  async channelSettings(channelId: string): Promise<ChannelSettings> {
    return this.open().get<ChannelSettings>(`channel:${channelId}`) ?? {};
  }

  async saveChannelSettings(channelId: string, settings: ChannelSettings): Promise<void> {
    this.open().set(`channel:${channelId}`, settings);
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    const kept = this.open();
    kept.set(`audit:${entry.id}`, entry);
    kept.set('audit', withAudit(this.list<string>('audit'), entry.id));
  }

  async audit(limit: number): Promise<AuditEntry[]> {
    const entries = this.list<string>('audit')
      .slice(0, limit)
      .map((id) => this.open().get<AuditEntry>(`audit:${id}`));
    return entries.filter((entry): entry is AuditEntry => entry !== undefined);
  }

  async auditEntry(id: string): Promise<AuditEntry | undefined> {
    return this.open().get<AuditEntry>(`audit:${id}`);
  }

  async addTaught(example: TaughtExample): Promise<void> {
    this.open().set('taught', [...this.list<TaughtExample>('taught'), example]);
  }

  async taught(): Promise<TaughtExample[]> {
    return this.list<TaughtExample>('taught');
  }

  async saveNotice(notice: Notice): Promise<void> {
    this.open().set('notices', withNotice(this.list<Notice>('notices'), notice));
  }

  async notices(): Promise<Notice[]> {
    return this.list<Notice>('notices');
  }

  async countStats(day: string, events: StatsEvents): Promise<void> {
    const kept = this.open();
    const current = kept.get<DayStats>(`stats:${day}`) ?? emptyDay(day);
    kept.set(`stats:${day}`, addToDay(current, events), STATS_TTL_MS);
  }

  async stats(days: readonly string[]): Promise<DayStats[]> {
    const kept = this.open();
    return days.map((day) => kept.get<DayStats>(`stats:${day}`) ?? emptyDay(day));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.kept.clear();
  }

  /** A list only this store wrote: no shape to check, unlike a file another version may have left. */
  private list<T>(key: string): T[] {
    return this.open().get<T[]>(key) ?? [];
  }

  /** Use after close is a mistake in the caller, as it is on a disconnected Keyv store. */
  private open(): ExpiringMap {
    if (this.closed) throw new Error('the state store is closed');
    return this.kept;
  }
}
