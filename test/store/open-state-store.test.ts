import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCheckedStateStore, openStateStore, StateStoreError } from '../../src/store/open-state-store.js';
import { tempDir } from '../helpers/ledger.js';

// The checks at start-up: every way the state store can fail to open is one line naming the file or
// server (never its password) and what to do.

describe('openCheckedStateStore', () => {
  async function failure(options: { dataDir: string; url?: string }): Promise<string> {
    const error = await openCheckedStateStore(options).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(StateStoreError);
    return (error as Error).message;
  }

  it('names a state file that is not a database, and what to do', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'state.sqlite'), Buffer.alloc(8192, 0x5a));
    expect(await failure({ dataDir })).toBe(
      `${join(dataDir, 'state.sqlite')}: damaged or not a SQLite database; move it aside (the bot starts with empty state) or restore a backup`,
    );
  });

  it('names a state path that is a directory', async () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, 'state.sqlite'));
    expect(await failure({ dataDir })).toBe(
      `${join(dataDir, 'state.sqlite')}: cannot be opened (a directory, or a folder without write permission?)`,
    );
  });

  it('refuses a stored list of the wrong shape at start-up, naming it', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'state.sqlite');
    await (await openStateStore({ dataDir })).close();
    const raw = new Database(file);
    raw.prepare('INSERT INTO taught (example) VALUES (?)').run('"not an example"');
    raw.close();
    expect(await failure({ dataDir })).toBe(
      `${file}: the stored "taught" is not a list of taught examples; move the file aside (the bot starts with empty state) or restore a backup`,
    );
  });

  it('says a Redis server cannot be reached, without its password', async () => {
    const message = await failure({ dataDir: tempDir(), url: 'redis://user:secret@127.0.0.1:9' });
    expect(message).toMatch(
      /^redis:\/\/\*\*\*@127\.0\.0\.1:9: cannot connect, or the server does not answer \(.+\); check KEYV_URL and that Redis is running$/,
    );
    expect(message).not.toContain('secret');
  }, 20_000);

  it('opens a healthy store', async () => {
    const state = await openCheckedStateStore({ dataDir: tempDir() });
    expect(await state.taught()).toEqual([]);
    await state.close();
  });
});
