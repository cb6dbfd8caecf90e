import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** The file could not be opened or is from a newer version: the caller turns it into a start-up error. */
export class DatabaseOpenError extends Error {
  override readonly name = 'DatabaseOpenError';
}

/**
 * Opens (creating if needed) a SQLite file in WAL mode and brings its schema up to date in one
 * transaction, so a crash mid-migration leaves the previous version intact.
 */
export function openDatabase(file: string, migrations: readonly string[]): Database.Database {
  let db: Database.Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    // FULL: a committed ledger change survives power loss, not only a killed process.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // The bot and an import from the command line may write at the same moment.
    db.pragma('busy_timeout = 5000');
    // 32 MB of page cache: a large import stays in memory until it commits instead of spilling.
    db.pragma('cache_size = -32768');
  } catch (error) {
    throw new DatabaseOpenError(
      `cannot open ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > migrations.length) {
    db.close();
    throw new DatabaseOpenError(
      `${file} has schema version ${version}, newer than this helpbot knows (${migrations.length}); upgrade helpbot`,
    );
  }
  if (version < migrations.length) {
    db.transaction(() => {
      for (let step = version; step < migrations.length; step++) db.exec(migrations[step] as string);
      db.pragma(`user_version = ${migrations.length}`);
    }).immediate();
  }
  return db;
}
