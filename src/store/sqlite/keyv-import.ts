import type Database from 'better-sqlite3';
import { countsOf } from '../../core/state/keeping.js';
import type { DayStats } from '../../core/state/store.js';

// Before this version the state file was a Keyv key-value table (`keyv`, written by @keyv/sqlite).
// Its moderators' records (taught examples, notices, the audit log, channel settings) and the
// questions, feedback and figures still within their keeping time come over into the new tables
// once, in the migration's own transaction; the old table is then renamed `keyv_imported`, kept
// as it was for anyone who wants to look. Cooldowns and one-time claims last seconds: not copied.

const NAMESPACE = 'helpbot:';

interface KeyvRow {
  readonly key: string;
  readonly value: string;
}

/** Keyv's stored shape: the value, and when it expires (ms since the epoch) if it does. */
interface Stored {
  readonly value: unknown;
  readonly expires?: number;
}

/** Keyv escapes a string that starts with ":" by doubling it. */
const keyvUnescaped = (_key: string, value: unknown) =>
  typeof value === 'string' && value.startsWith('::') ? value.slice(1) : value;

export function importKeyvState(db: Database.Database): number {
  const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'keyv'").get();
  if (table === undefined) return 0;
  return db
    .transaction(() => {
      const rows = db.prepare('SELECT key, value FROM keyv').all() as KeyvRow[];
      const now = Date.now();
      const kept = new Map<string, Stored>();
      for (const row of rows) {
        if (!row.key.startsWith(NAMESPACE)) continue;
        try {
          const stored = JSON.parse(row.value, keyvUnescaped) as Stored;
          if (stored.expires === undefined || stored.expires > now)
            kept.set(row.key.slice(NAMESPACE.length), stored);
        } catch {
          // A value that is not Keyv's JSON is left behind in keyv_imported.
        }
      }
      const list = (key: string): unknown[] => {
        const value = kept.get(key)?.value;
        return Array.isArray(value) ? value : [];
      };
      const never = Number.MAX_SAFE_INTEGER;
      for (const [key, stored] of kept) {
        const [kind, ...rest] = key.split(':');
        const id = rest.join(':');
        const expires = stored.expires ?? never;
        if (kind === 'question' && id !== '')
          db.prepare('INSERT OR REPLACE INTO questions (id, record, expires) VALUES (?, ?, ?)').run(
            id,
            JSON.stringify(stored.value),
            expires,
          );
        else if (kind === 'feedback' && id !== '')
          for (const feedback of list(key) as { identity?: string; verdict?: string }[])
            db.prepare(
              'INSERT INTO feedback (question_id, identity, verdict, record, expires) VALUES (?, ?, ?, ?, ?)',
            ).run(id, String(feedback.identity), String(feedback.verdict), JSON.stringify(feedback), expires);
        else if (kind === 'channel' && id !== '')
          db.prepare('INSERT OR REPLACE INTO channels (id, settings) VALUES (?, ?)').run(
            id,
            JSON.stringify(stored.value),
          );
        else if (kind === 'stats' && id !== '')
          for (const [counter, n] of countsOf(stored.value as DayStats))
            db.prepare(
              'INSERT OR REPLACE INTO day_counts (day, counter, n, expires) VALUES (?, ?, ?, ?)',
            ).run(id, counter, n, expires);
      }
      // The lists were kept newest first (unanswered, audit) or in order (taught, notices).
      const unanswered = list('unanswered').map(String).reverse();
      for (const [index, id] of unanswered.entries())
        db.prepare('INSERT OR REPLACE INTO unanswered (question_id, seq) VALUES (?, ?)').run(id, index + 1);
      for (const id of list('audit').map(String).reverse()) {
        const entry = kept.get(`audit:${id}`)?.value;
        if (entry !== undefined)
          db.prepare('INSERT INTO audit (id, entry) VALUES (?, ?)').run(id, JSON.stringify(entry));
      }
      for (const example of list('taught'))
        db.prepare('INSERT INTO taught (example) VALUES (?)').run(JSON.stringify(example));
      for (const [index, notice] of (list('notices') as { intent?: string }[]).entries())
        db.prepare('INSERT OR REPLACE INTO notices (intent, seq, notice) VALUES (?, ?, ?)').run(
          String(notice.intent),
          index + 1,
          JSON.stringify(notice),
        );
      db.exec('ALTER TABLE keyv RENAME TO keyv_imported');
      return kept.size;
    })
    .immediate();
}
