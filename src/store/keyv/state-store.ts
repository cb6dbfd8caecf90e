import { dirname, join } from 'node:path';
import KeyvRedis from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import Keyv, { type KeyvStoreAdapter } from 'keyv';
import { z } from 'zod';
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
  StatsEvent,
  TaughtExample,
} from '../../core/state/store.js';
import { TIME_UP, within } from '../../core/time-limit.js';
import { ensureDir } from '../ensure-dir.js';

/** A value in the store is not what this version wrote there (damage, or another program's data). */
export class StateShapeError extends Error {
  override readonly name = 'StateShapeError';
}

/** The store cannot be used: unreachable, damaged, or holding values of the wrong shape. One line. */
export class StateStoreError extends Error {
  override readonly name = 'StateStoreError';
}

const text = z.string();
const taughtList = z.array(z.object({ intent: text, text, by: text, at: text }));
const noticeList = z.array(z.object({ intent: text, text, until: text, by: text, at: text }));
const idList = z.array(text);

/** The value under `key`, or `fallback` when there is none; refused when it has the wrong shape. */
function shaped<T>(key: string, value: unknown, schema: z.ZodType<T>, what: string, fallback: T): T {
  if (value === undefined || value === null) return fallback;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StateShapeError(`the stored "${key}" is not ${what}`);
  return parsed.data;
}

/** How long a start-up waits for the store's first answer. */
const VERIFY_TIMEOUT_MS = 10_000;

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
    await this.keyv.set(
      key,
      withFeedback(await this.feedback(feedback.questionId), feedback),
      QUESTION_TTL_MS,
    );
  }

  async feedback(questionId: string): Promise<FeedbackRecord[]> {
    return (await this.keyv.get<FeedbackRecord[]>(`feedback:${questionId}`)) ?? [];
  }

  async markUnanswered(questionId: string): Promise<void> {
    await this.keyv.set('unanswered', withUnanswered(await this.unansweredIds(), questionId));
  }

  private async unansweredIds(): Promise<string[]> {
    return shaped('unanswered', await this.keyv.get('unanswered'), idList, 'a list of question ids', []);
  }

  async unanswered(limit: number): Promise<QuestionRecord[]> {
    const ids = await this.unansweredIds();
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
    await this.keyv.set('audit', withAudit(await this.auditIds(), entry.id));
  }

  async audit(limit: number): Promise<AuditEntry[]> {
    const ids = (await this.auditIds()).slice(0, limit);
    const entries = await Promise.all(ids.map((id) => this.auditEntry(id)));
    return entries.filter((entry): entry is AuditEntry => entry !== undefined);
  }

  private async auditIds(): Promise<string[]> {
    return shaped('audit', await this.keyv.get('audit'), idList, 'a list of audit entry ids', []);
  }

  async auditEntry(id: string): Promise<AuditEntry | undefined> {
    return (await this.keyv.get<AuditEntry>(`audit:${id}`)) ?? undefined;
  }

  async addTaught(example: TaughtExample): Promise<void> {
    await this.keyv.set('taught', [...(await this.taught()), example]);
  }

  async taught(): Promise<TaughtExample[]> {
    return shaped('taught', await this.keyv.get('taught'), taughtList, 'a list of taught examples', []);
  }

  async saveNotice(notice: Notice): Promise<void> {
    await this.keyv.set('notices', withNotice(await this.notices(), notice));
  }

  async notices(): Promise<Notice[]> {
    return shaped('notices', await this.keyv.get('notices'), noticeList, 'a list of notices', []);
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

  /**
   * Reads every list a running bot relies on, so that a store it cannot reach, a damaged file or a
   * value of the wrong shape is found at start-up, not by the first member's question.
   */
  async verify(timeoutMs = VERIFY_TIMEOUT_MS): Promise<void> {
    const read = Promise.all([this.taught(), this.notices(), this.auditIds(), this.unansweredIds()]);
    if ((await within(read, timeoutMs)) === TIME_UP)
      throw new Error(`no answer within ${timeoutMs / 1000} s`);
  }

  async close(): Promise<void> {
    await this.keyv.disconnect();
  }
}

/**
 * The state store, checked: every way it can fail at start-up becomes one StateStoreError line that
 * names the file or server (without its password) and what to do.
 */
export async function openCheckedStateStore(options: {
  dataDir: string;
  url?: string | undefined;
}): Promise<KeyvStateStore> {
  const url = options.url ?? `sqlite://${join(options.dataDir, 'state.sqlite')}`;
  const where = url.startsWith('sqlite://') ? url.slice('sqlite://'.length) : withoutPassword(url);
  let store: KeyvStateStore | undefined;
  try {
    store = openStateStore({ ...options, url });
    await store.verify();
    return store;
  } catch (error) {
    // A client still trying to connect would keep the process alive after the error is reported.
    if (store !== undefined)
      await within(
        store.close().catch(() => undefined),
        1000,
      );
    throw new StateStoreError(`${where}: ${whyUnusable(error, !url.startsWith('sqlite://'))}`);
  }
}

function withoutPassword(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

function whyUnusable(error: unknown, isServer: boolean): string {
  const code = String((error as { code?: unknown }).code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof StateShapeError)
    return `${message}; move the file aside (the bot starts with empty state) or restore a backup`;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /SQLITE_(NOTADB|CORRUPT)/.test(message))
    return 'damaged or not a SQLite database; move it aside (the bot starts with empty state) or restore a backup';
  if (code === 'SQLITE_CANTOPEN' || /SQLITE_CANTOPEN/.test(message))
    return 'cannot be opened (a directory, or a folder without write permission?)';
  const first = message.split('\n')[0] as string;
  // The Redis client reports a refused or silent server in several ways ("Disconnects client",
  // "Connection timeout", "not connected"): to a person they are all the same fault.
  if (isServer)
    return `cannot connect, or the server does not answer (${first}); check KEYV_URL and that Redis is running`;
  return first;
}

/** KEYV_URL (`sqlite://PATH` or `redis://…`), or SQLite in DATA_DIR. */
export function openStateStore(options: { dataDir: string; url?: string | undefined }): KeyvStateStore {
  const url = options.url ?? `sqlite://${join(options.dataDir, 'state.sqlite')}`;
  let store: KeyvStoreAdapter | KeyvSqlite;
  if (url.startsWith('sqlite://')) {
    const path = url.slice('sqlite://'.length);
    if (path !== ':memory:') ensureDir(dirname(path));
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
