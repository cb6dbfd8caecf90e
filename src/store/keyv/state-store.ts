import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import KeyvRedis from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import Keyv, { type KeyvStoreAdapter } from 'keyv';
import type {
  AuditEntry,
  ChannelSettings,
  DayStats,
  FeedbackRecord,
  Notice,
  QuestionRecord,
  StateStore,
  StatsEvent,
  TaughtExample,
} from '../../core/state/store.js';

/** How long questions and their feedback are kept: long enough for moderators' weekly review. */
const QUESTION_TTL_MS = 90 * 24 * 3_600_000;
const MAX_UNANSWERED = 500;

/** The state store on any Keyv backend; keys are prefixed by kind so one store holds them all. */
export class KeyvStateStore implements StateStore {
  constructor(private readonly keyv: Keyv) {}

  async saveQuestion(question: QuestionRecord): Promise<void> {
    await this.keyv.set(`question:${question.id}`, question, QUESTION_TTL_MS);
  }

  async question(id: string): Promise<QuestionRecord | undefined> {
    return (await this.keyv.get<QuestionRecord>(`question:${id}`)) ?? undefined;
  }

  async recordFeedback(feedback: FeedbackRecord): Promise<void> {
    const key = `feedback:${feedback.questionId}`;
    // A member has one vote (helpful or not) per question; asking for a moderator is not a vote.
    const isVote = (verdict: FeedbackRecord['verdict']) => verdict !== 'moderator';
    const others = (await this.feedback(feedback.questionId)).filter(
      (previous) =>
        !(isVote(feedback.verdict) && isVote(previous.verdict) && previous.identity === feedback.identity),
    );
    await this.keyv.set(key, [...others, feedback], QUESTION_TTL_MS);
  }

  async feedback(questionId: string): Promise<FeedbackRecord[]> {
    return (await this.keyv.get<FeedbackRecord[]>(`feedback:${questionId}`)) ?? [];
  }

  async markUnanswered(questionId: string): Promise<void> {
    const ids = (await this.keyv.get<string[]>('unanswered')) ?? [];
    const next = [questionId, ...ids.filter((id) => id !== questionId)].slice(0, MAX_UNANSWERED);
    await this.keyv.set('unanswered', next);
  }

  async unanswered(limit: number): Promise<QuestionRecord[]> {
    const ids = (await this.keyv.get<string[]>('unanswered')) ?? [];
    const records: QuestionRecord[] = [];
    for (const id of ids) {
      if (records.length >= limit) break;
      const record = await this.question(id);
      if (record !== undefined) records.push(record);
    }
    return records;
  }

  async cooldown(key: string, ms: number, now: Date): Promise<number> {
    const until = await this.keyv.get<number>(`cooldown:${key}`);
    if (until !== undefined && until > now.getTime()) return until - now.getTime();
    await this.keyv.set(`cooldown:${key}`, now.getTime() + ms, ms);
    return 0;
  }

  async claimOnce(key: string, ms: number): Promise<boolean> {
    const fullKey = `once:${key}`;
    // get, not has: get honours the TTL on every backend.
    if ((await this.keyv.get(fullKey)) !== undefined) return false;
    await this.keyv.set(fullKey, true, ms);
    return true;
  }

  async channelSettings(channelId: string): Promise<ChannelSettings> {
    return (await this.keyv.get<ChannelSettings>(`channel:${channelId}`)) ?? {};
  }

  async saveChannelSettings(channelId: string, settings: ChannelSettings): Promise<void> {
    await this.keyv.set(`channel:${channelId}`, settings);
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    await this.keyv.set(`audit:${entry.id}`, entry);
    const ids = (await this.keyv.get<string[]>('audit')) ?? [];
    await this.keyv.set('audit', [entry.id, ...ids].slice(0, MAX_AUDIT));
  }

  async audit(limit: number): Promise<AuditEntry[]> {
    const ids = ((await this.keyv.get<string[]>('audit')) ?? []).slice(0, limit);
    const entries = await Promise.all(ids.map((id) => this.auditEntry(id)));
    return entries.filter((entry): entry is AuditEntry => entry !== undefined);
  }

  async auditEntry(id: string): Promise<AuditEntry | undefined> {
    return (await this.keyv.get<AuditEntry>(`audit:${id}`)) ?? undefined;
  }

  async addTaught(example: TaughtExample): Promise<void> {
    await this.keyv.set('taught', [...(await this.taught()), example]);
  }

  async taught(): Promise<TaughtExample[]> {
    return (await this.keyv.get<TaughtExample[]>('taught')) ?? [];
  }

  async saveNotice(notice: Notice): Promise<void> {
    const others = (await this.notices()).filter((previous) => previous.intent !== notice.intent);
    await this.keyv.set('notices', [...others, notice]);
  }

  async notices(): Promise<Notice[]> {
    return (await this.keyv.get<Notice[]>('notices')) ?? [];
  }

  async countStats(day: string, event: StatsEvent): Promise<void> {
    const key = `stats:${day}`;
    const current = (await this.keyv.get<DayStats>(key)) ?? emptyDay(day);
    await this.keyv.set(key, addToDay(current, event), STATS_TTL_MS);
  }

  async stats(days: readonly string[]): Promise<DayStats[]> {
    return Promise.all(
      days.map(async (day) => (await this.keyv.get<DayStats>(`stats:${day}`)) ?? emptyDay(day)),
    );
  }

  async close(): Promise<void> {
    await this.keyv.disconnect();
  }
}

const MAX_AUDIT = 1000;
const STATS_TTL_MS = 400 * 24 * 3_600_000;

function emptyDay(day: string): DayStats {
  return {
    day,
    questions: 0,
    answered: 0,
    clarified: 0,
    abstained: 0,
    escalated: 0,
    helpful: 0,
    notHelpful: 0,
    intents: {},
  };
}

function addToDay(day: DayStats, event: StatsEvent): DayStats {
  switch (event.kind) {
    case 'question': {
      if (event.outcome === 'refused') return day;
      const intents =
        event.intent === null || event.outcome !== 'answered'
          ? day.intents
          : { ...day.intents, [event.intent]: (day.intents[event.intent] ?? 0) + 1 };
      return {
        ...day,
        questions: day.questions + 1,
        answered: day.answered + (event.outcome === 'answered' ? 1 : 0),
        clarified: day.clarified + (event.outcome === 'clarify' ? 1 : 0),
        abstained: day.abstained + (event.outcome === 'abstained' ? 1 : 0),
        intents,
      };
    }
    case 'escalated':
      return { ...day, escalated: day.escalated + 1 };
    case 'feedback':
      return event.verdict === 'helpful'
        ? { ...day, helpful: day.helpful + 1 }
        : { ...day, notHelpful: day.notHelpful + 1 };
  }
}

/** KEYV_URL (`sqlite://PATH` or `redis://…`), or SQLite in DATA_DIR. */
export function openStateStore(options: { dataDir: string; url?: string | undefined }): KeyvStateStore {
  const url = options.url ?? `sqlite://${join(options.dataDir, 'state.sqlite')}`;
  let store: KeyvStoreAdapter | KeyvSqlite;
  if (url.startsWith('sqlite://')) {
    const path = url.slice('sqlite://'.length);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    store = new KeyvSqlite({ uri: url, busyTimeout: 5000 });
  } else if (url.startsWith('redis://') || url.startsWith('rediss://')) {
    // Several bot instances share one Redis; a failed connection fails the operation, not silently.
    store = new KeyvRedis(url, { throwOnConnectError: true, throwOnErrors: true, connectionTimeout: 5000 });
  } else {
    throw new Error(
      `KEYV_URL ${url.split(':')[0]}:// is not supported; use sqlite://PATH or redis://HOST:PORT`,
    );
  }
  // Errors surface in the operation that hit them (and so in the adapter's error boundary).
  const keyv = new Keyv({ store, namespace: 'helpbot', throwOnErrors: true });
  keyv.on('error', () => undefined);
  return new KeyvStateStore(keyv);
}
