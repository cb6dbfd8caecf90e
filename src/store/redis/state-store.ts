import KeyvRedis, { type RedisClientType } from '@keyv/redis';
import Keyv from 'keyv';
import {
  dayFromCounts,
  dayIncrements,
  MAX_AUDIT,
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

// The state store on Redis, shared by every bot instance. Records read and written whole (questions,
// channel settings, audit entries) go through Keyv; what several instances change at once goes
// through Redis's own atomic commands on the same connection: SET NX PX for one-time claims,
// HINCRBY for the day's counters, list pushes, and short Lua scripts where a change reads before it
// writes (a member's vote replacing their earlier one, a cooldown, the unanswered queue, notices).
// Times to live are Redis's own, and each record also carries its end on the process clock, which
// reads check, so every store lets a record go at the same moment.

const PREFIX = 'helpbot:';
const key = (name: string) => `${PREFIX}${name}`;

/** Appends a member's feedback; a vote first removes that member's earlier vote (not a request for a moderator). */
const RECORD_FEEDBACK = `
if ARGV[2] == '1' then
  for _, item in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
    local record = cjson.decode(item).record
    if record.identity == ARGV[1] and record.verdict ~= 'moderator' then
      redis.call('LREM', KEYS[1], 0, item)
    end
  end
end
redis.call('RPUSH', KEYS[1], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;

/** Moves (or adds) a question to the front of the queue, which keeps the newest ARGV[2]. */
const MARK_UNANSWERED = `
local seq = redis.call('INCR', KEYS[2])
redis.call('ZADD', KEYS[1], seq, ARGV[1])
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[2]) + 1))
return seq`;

/** The milliseconds left of a running cooldown, or 0 after starting one. ARGV: now, ms, caller's end. */
const COOLDOWN = `
local untilAt = redis.call('GET', KEYS[1])
if untilAt and tonumber(untilAt) > tonumber(ARGV[1]) then
  return tonumber(untilAt) - tonumber(ARGV[1])
end
redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[2])
return 0`;

/** One notice per entry, the newest last: a hash of notices, each with its place in the order. */
const SAVE_NOTICE = `
local seq = redis.call('INCR', KEYS[2])
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode({ seq = seq, notice = ARGV[2] }))
return seq`;

/** The day's counters carry their end here, beside the counts. */
const EXPIRES_FIELD = '_expires';

interface Expiring<T> {
  readonly record: T;
  readonly expires: number;
}

export class RedisStateStore implements CheckableStateStore {
  private readonly keyv: Keyv;

  constructor(private readonly adapter: KeyvRedis<unknown>) {
    // Errors surface in the operation that hit them (and so in the adapter's error boundary).
    this.keyv = new Keyv({ store: adapter, namespace: 'helpbot', throwOnErrors: true });
    this.keyv.on('error', () => undefined);
  }

  async saveQuestion(question: QuestionRecord): Promise<void> {
    await this.keyv.set(`question:${question.id}`, question, QUESTION_TTL_MS);
  }

  async question(id: string): Promise<QuestionRecord | undefined> {
    return (await this.keyv.get<QuestionRecord>(`question:${id}`)) ?? undefined;
  }

  async recordFeedback(feedback: FeedbackRecord): Promise<void> {
    const item: Expiring<FeedbackRecord> = { record: feedback, expires: Date.now() + QUESTION_TTL_MS };
    await (await this.client()).eval(RECORD_FEEDBACK, {
      keys: [key(`feedback:${feedback.questionId}`)],
      arguments: [
        feedback.identity,
        feedback.verdict === 'moderator' ? '0' : '1',
        JSON.stringify(item),
        String(QUESTION_TTL_MS),
      ],
    });
  }

  async feedback(questionId: string): Promise<FeedbackRecord[]> {
    const items = await (await this.client()).lRange(key(`feedback:${questionId}`), 0, -1);
    return unexpired(items.map((item) => JSON.parse(item) as Expiring<FeedbackRecord>));
  }

  async markUnanswered(questionId: string): Promise<void> {
    await (await this.client()).eval(MARK_UNANSWERED, {
      keys: [key('unanswered'), key('unanswered:seq')],
      arguments: [questionId, String(MAX_UNANSWERED)],
    });
  }

  async dismissUnanswered(questionId: string): Promise<boolean> {
    return (await (await this.client()).zRem(key('unanswered'), questionId)) > 0;
  }

  async unanswered(limit: number): Promise<QuestionRecord[]> {
    if (limit <= 0) return [];
    const ids = await (await this.client()).zRange(key('unanswered'), 0, -1, { REV: true });
    const records: QuestionRecord[] = [];
    // Questions that have lapsed are passed over, not counted.
    for (const id of ids) {
      if (records.length >= limit) break;
      const record = await this.question(id);
      if (record !== undefined) records.push(record);
    }
    return records;
  }

  async cooldown(name: string, ms: number, now: Date): Promise<number> {
    const left = await (await this.client()).eval(COOLDOWN, {
      keys: [key(`cooldown:${name}`)],
      arguments: [String(now.getTime()), String(ms), String(now.getTime() + ms)],
    });
    return Number(left);
  }

  async claimOnce(name: string, ms: number): Promise<boolean> {
    const set = await (await this.client()).set(key(`once:${name}`), '1', {
      condition: 'NX',
      expiration: { type: 'PX', value: ms },
    });
    return set === 'OK';
  }

  async channelSettings(channelId: string): Promise<ChannelSettings> {
    return (await this.keyv.get<ChannelSettings>(`channel:${channelId}`)) ?? {};
  }

  async saveChannelSettings(channelId: string, settings: ChannelSettings): Promise<void> {
    await this.keyv.set(`channel:${channelId}`, settings);
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    await this.keyv.set(`audit:${entry.id}`, entry);
    await (await this.client())
      .multi()
      .lPush(key('audit'), entry.id)
      .lTrim(key('audit'), 0, MAX_AUDIT - 1)
      .exec();
  }

  async audit(limit: number): Promise<AuditEntry[]> {
    if (limit <= 0) return [];
    const ids = await (await this.client()).lRange(key('audit'), 0, limit - 1);
    const entries = await Promise.all(ids.map((id) => this.auditEntry(id)));
    return entries.filter((entry): entry is AuditEntry => entry !== undefined);
  }

  async auditEntry(id: string): Promise<AuditEntry | undefined> {
    return (await this.keyv.get<AuditEntry>(`audit:${id}`)) ?? undefined;
  }

  async addTaught(example: TaughtExample): Promise<void> {
    await (await this.client()).rPush(key('taught'), JSON.stringify(example));
  }

  async taught(): Promise<TaughtExample[]> {
    const items = await (await this.client()).lRange(key('taught'), 0, -1);
    return items.map((item) => shapedItem('taught', item));
  }

  async saveNotice(notice: Notice): Promise<void> {
    await (await this.client()).eval(SAVE_NOTICE, {
      keys: [key('notices'), key('notices:seq')],
      arguments: [notice.intent, JSON.stringify(notice)],
    });
  }

  async notices(): Promise<Notice[]> {
    const byIntent = await (await this.client()).hGetAll(key('notices'));
    return Object.values(byIntent)
      .map((stored) => JSON.parse(stored) as { seq: number; notice: string })
      .sort((a, b) => a.seq - b.seq)
      .map((stored) => shapedItem('notices', stored.notice));
  }

  async countStats(day: string, events: StatsEvents): Promise<void> {
    const increments = dayIncrements(events);
    if (increments.length === 0) return;
    const name = key(`stats:${day}`);
    const batch = (await this.client()).multi();
    for (const [counter, n] of increments) batch.hIncrBy(name, counter, n);
    // The first count of the day sets its end; later ones leave it.
    batch.hSetNX(name, EXPIRES_FIELD, String(Date.now() + STATS_TTL_MS));
    batch.pExpire(name, STATS_TTL_MS, 'NX');
    await batch.exec();
  }

  async stats(days: readonly string[]): Promise<DayStats[]> {
    const client = await this.client();
    const now = Date.now();
    return Promise.all(
      days.map(async (day) => {
        const { [EXPIRES_FIELD]: expires, ...counts } = await client.hGetAll(key(`stats:${day}`));
        if (expires !== undefined && Number(expires) < now) return dayFromCounts(day, []);
        return dayFromCounts(
          day,
          Object.entries(counts).map(([counter, n]) => [counter, Number(n)] as const),
        );
      }),
    );
  }

  async verify(): Promise<void> {
    await Promise.all([this.taught(), this.notices(), this.audit(1), this.unanswered(1)]);
  }

  async close(): Promise<void> {
    await this.keyv.disconnect();
  }

  /** The adapter's connection, connected on first use (a failure rejects the operation). */
  private async client(): Promise<RedisClientType> {
    return (await this.adapter.getClient()) as RedisClientType;
  }
}

/** The records whose end on the process clock has not passed. */
function unexpired<T>(items: readonly Expiring<T>[]): T[] {
  const now = Date.now();
  return items.filter((item) => item.expires >= now).map((item) => item.record);
}

/** KEYV_URL=redis://… (or rediss://): several bot instances share it. */
export function openRedisStateStore(url: string): RedisStateStore {
  // A failed connection fails the operation, not silently.
  const adapter = new KeyvRedis(url, {
    throwOnConnectError: true,
    throwOnErrors: true,
    connectionTimeout: 5000,
  });
  return new RedisStateStore(adapter);
}
