import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ensureDir } from '../ensure-dir.js';

/** How long a writer waits for another's lock before giving up (milliseconds). */
export const BUSY_TIMEOUT_MS = 5000;
// Something to sleep on between retries.
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** The file could not be opened or is from a newer version: the caller turns it into a start-up error. */
export class DatabaseOpenError extends Error {
  override readonly name = 'DatabaseOpenError';
  /** SQLite's code for what went wrong (SQLITE_NOTADB, SQLITE_CANTOPEN…), when it gave one. */
  readonly code: string | undefined;

  constructor(message: string, code?: unknown) {
    super(message);
    this.code = typeof code === 'string' ? code : undefined;
  }
}

/**
 * Opens (creating if needed) a SQLite file in WAL mode and brings its schema up to date in one
 * transaction, so a crash mid-migration leaves the previous version intact.
 */
export function openDatabase(
  file: string,
  migrations: readonly string[],
  options: { readonly synchronous?: 'FULL' | 'NORMAL' } = {},
): Database.Database {
  let db: Database.Database;
  try {
    if (file !== ':memory:') ensureDir(dirname(file));
    db = new Database(file);
    // First: processes opening a new file together wait for each other from the very first pragma.
    // The bot and an import from the command line may write at the same moment.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    switchToWal(db);
    // FULL (the default): a committed change survives power loss, not only a killed process.
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    db.pragma('foreign_keys = ON');
    // 32 MB of page cache: a large import stays in memory until it commits instead of spilling.
    db.pragma('cache_size = -32768');
  } catch (error) {
    throw new DatabaseOpenError(
      `cannot open ${file}: ${error instanceof Error ? error.message : String(error)}`,
      (error as { code?: unknown }).code,
    );
  }
  try {
    if (schemaVersion(db, file, migrations) < migrations.length) {
      db.transaction(() => {
        // Read again under the write lock: a process that opened the same new file a moment earlier
        // may have migrated it since the first read (a bot and an import starting together).
        const version = schemaVersion(db, file, migrations);
        for (let step = version; step < migrations.length; step++) db.exec(migrations[step] as string);
        db.pragma(`user_version = ${migrations.length}`);
      }).immediate();
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Turns WAL on. On a file that another process is creating at the same moment, SQLite can refuse the
 * switch as busy without waiting (its busy handler is not consulted there), so it is retried for as
 * long as any other lock is waited for. Start-up only: the short sleeps block nothing else yet.
 */
function switchToWal(db: Database.Database): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw error;
      Atomics.wait(PAUSE, 0, 0, 10);
    }
  }
}

/** The file's schema version; refused when it is newer than this helpbot's. */
function schemaVersion(db: Database.Database, file: string, migrations: readonly string[]): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > migrations.length) {
    throw new DatabaseOpenError(
      `${file} has schema version ${version}, newer than this helpbot knows (${migrations.length}); upgrade helpbot`,
    );
  }
  return version;
}
