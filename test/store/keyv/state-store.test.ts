import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openCheckedStateStore,
  openStateStore,
  StateStoreError,
} from '../../../src/store/keyv/state-store.js';
import { tempDir } from '../../helpers/ledger.js';
import { type RedisServer, startRedis } from '../../helpers/redis-server.js';
import { question } from '../contract/state-store-contract.js';

// What only the Keyv store has: a file that outlives the process, KEYV_URL, a Redis shared by two
// bots, and the checks at start-up. What every state store does is in test/store/contract/.

describe('KeyvStateStore on SQLite', () => {
  it('keeps questions, feedback and the unanswered list across a restart', async () => {
    const dataDir = tempDir();
    const state = openStateStore({ dataDir });
    await state.saveQuestion(question('q1'));
    await state.saveQuestion(question('q2'));
    await state.recordFeedback({ questionId: 'q1', identity: 'discord:1', verdict: 'helpful', at: 't1' });
    await state.recordFeedback({ questionId: 'q1', identity: 'discord:1', verdict: 'not-helpful', at: 't2' });
    await state.recordFeedback({ questionId: 'q1', identity: 'discord:2', verdict: 'helpful', at: 't3' });
    await state.markUnanswered('q1');
    await state.markUnanswered('q2');
    await state.markUnanswered('q1');
    await state.close();

    const reopened = openStateStore({ dataDir });
    expect(await reopened.question('q2')).toEqual(question('q2'));
    expect((await reopened.feedback('q1')).map((f) => `${f.identity}:${f.verdict}`)).toEqual([
      'discord:1:not-helpful',
      'discord:2:helpful',
    ]);
    expect((await reopened.unanswered(10)).map((q) => q.id)).toEqual(['q1', 'q2']);
    expect((await reopened.unanswered(1)).map((q) => q.id)).toEqual(['q1']);
    await reopened.close();
  });

  it('honours KEYV_URL, creating the file where it says', async () => {
    const file = join(tempDir(), 'elsewhere', 'state.sqlite');
    const state = openStateStore({ dataDir: '/nonexistent', url: `sqlite://${file}` });
    expect(await state.channelSettings('c1')).toEqual({});
    await state.saveChannelSettings('c1', { mutedUntil: '2026-11-28T00:00:00.000Z' });
    expect(await state.channelSettings('c1')).toEqual({ mutedUntil: '2026-11-28T00:00:00.000Z' });
    await state.close();
    expect(existsSync(file)).toBe(true);
    const reopened = openStateStore({ dataDir: tempDir(), url: `sqlite://${file}` });
    expect(await reopened.channelSettings('c1')).toEqual({ mutedUntil: '2026-11-28T00:00:00.000Z' });
    await reopened.close();
    expect(() => openStateStore({ dataDir: tempDir(), url: 'memcache://127.0.0.1:11211' })).toThrow(
      'KEYV_URL memcache:// is not supported; use sqlite://PATH or redis://HOST:PORT',
    );
  });
});

describe('KeyvStateStore on Redis (KEYV_URL=redis://…)', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  }, 20_000);
  afterAll(async () => redis.stop());

  it('shares state between two bot instances', async () => {
    const first = openStateStore({ dataDir: tempDir(), url: redis.url });
    const second = openStateStore({ dataDir: tempDir(), url: redis.url });
    await first.saveQuestion(question('r1'));
    await first.markUnanswered('r1');
    expect(await second.question('r1')).toEqual(question('r1'));
    expect((await second.unanswered(5)).map((q) => q.id)).toEqual(['r1']);
    expect(await first.claimOnce('interaction:9', 60_000)).toBe(true);
    expect(await second.claimOnce('interaction:9', 60_000)).toBe(false);
    const t0 = new Date('2026-11-27T12:00:00Z');
    expect(await first.cooldown('m', 5000, t0)).toBe(0);
    expect(await second.cooldown('m', 5000, new Date(t0.getTime() + 1000))).toBe(4000);
    await first.close();
    await second.close();
  });

  it('fails an operation loudly when Redis is unreachable', async () => {
    const state = openStateStore({ dataDir: tempDir(), url: 'redis://127.0.0.1:9' });
    await expect(state.question('x')).rejects.toThrow();
  }, 20_000);
});

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
    const raw = new Keyv({ store: new KeyvSqlite({ uri: `sqlite://${file}` }), namespace: 'helpbot' });
    await raw.set('taught', 'not a list');
    await raw.disconnect();
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
