import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase } from '../../../src/store/sqlite/database.js';
import { LEDGER_MIGRATIONS } from '../../../src/store/sqlite/migrations.js';
import { tempDir } from '../../helpers/ledger.js';

// Another process migrating the same new file, played by a worker thread: it takes the write lock,
// creates the schema, and commits a moment later, while this thread opens the file in between.
const MIGRATING_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.exec('BEGIN IMMEDIATE');
for (const step of workerData.migrations) db.exec(step);
db.pragma('user_version = ' + workerData.migrations.length);
parentPort.postMessage('migrating');
setTimeout(() => { db.exec('COMMIT'); db.close(); }, 300);
`;

function migratingElsewhere(file: string): Promise<Worker> {
  const worker = new Worker(MIGRATING_WORKER, {
    eval: true,
    workerData: {
      file,
      migrations: LEDGER_MIGRATIONS,
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
    },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve(worker));
    worker.once('error', reject);
  });
}

describe('openDatabase', () => {
  it('waits for a migration another process started on the same new file instead of repeating it', async () => {
    const file = join(tempDir(), 'ledger.sqlite');
    const worker = await migratingElsewhere(file);
    // The first read of the schema version sees the new, empty file; the migration must look again
    // once it holds the lock, or it creates the tables a second time.
    const db = openDatabase(file, LEDGER_MIGRATIONS);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LEDGER_MIGRATIONS.length);
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .pluck()
        .all();
      expect(tables).toEqual(['accounts', 'entries', 'identities']);
    } finally {
      db.close();
      await worker.terminate();
    }
  });

  it('refuses a file from a newer version, naming the file and the versions', () => {
    const file = join(tempDir(), 'ledger.sqlite');
    openDatabase(file, LEDGER_MIGRATIONS).close();
    expect(() => openDatabase(file, [])).toThrow(DatabaseOpenError);
    expect(() => openDatabase(file, [])).toThrow(
      `${file} has schema version 1, newer than this helpbot knows (0)`,
    );
  });
});
