import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStateStore } from '../../../src/store/open-state-store.js';
import { tempDir } from '../../helpers/ledger.js';
import { question } from '../contract/state-store-contract.js';

// What only the SQLite state store has: a file that outlives the process, KEYV_URL naming it, and
// the state an older version kept in a Keyv table. What every state store does is in test/store/contract/.

describe('SqliteStateStore', () => {
  it('keeps questions, feedback and the unanswered list across a restart', async () => {
    const dataDir = tempDir();
    const state = await openStateStore({ dataDir });
    await state.saveQuestion(question('q1'));
    await state.saveQuestion(question('q2'));
    await state.recordFeedback({ questionId: 'q1', identity: 'discord:1', verdict: 'helpful', at: 't1' });
    await state.recordFeedback({ questionId: 'q1', identity: 'discord:1', verdict: 'not-helpful', at: 't2' });
    await state.markUnanswered('q1');
    await state.markUnanswered('q2');
    await state.markUnanswered('q1');
    await state.countStats('2026-11-27', { kind: 'escalated' });
    await state.close();

    const reopened = await openStateStore({ dataDir });
    expect(await reopened.question('q2')).toEqual(question('q2'));
    expect((await reopened.feedback('q1')).map((f) => `${f.identity}:${f.verdict}`)).toEqual([
      'discord:1:not-helpful',
    ]);
    expect((await reopened.unanswered(10)).map((q) => q.id)).toEqual(['q1', 'q2']);
    expect((await reopened.stats(['2026-11-27']))[0]?.escalated).toBe(1);
    await reopened.close();
  });

  it('honours KEYV_URL, creating the file where it says', async () => {
    const file = join(tempDir(), 'elsewhere', 'state.sqlite');
    const state = await openStateStore({ dataDir: '/nonexistent', url: `sqlite://${file}` });
    await state.saveChannelSettings('c1', { mutedUntil: '2026-11-28T00:00:00.000Z' });
    await state.close();
    expect(existsSync(file)).toBe(true);
    const reopened = await openStateStore({ dataDir: tempDir(), url: `sqlite://${file}` });
    expect(await reopened.channelSettings('c1')).toEqual({ mutedUntil: '2026-11-28T00:00:00.000Z' });
    await reopened.close();
    await expect(openStateStore({ dataDir: tempDir(), url: 'memcache://127.0.0.1:11211' })).rejects.toThrow(
      'KEYV_URL memcache:// is not supported; use sqlite://PATH or redis://HOST:PORT',
    );
  });

  it('brings over the state an older version kept in a Keyv table, once', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'state.sqlite');
    // What @keyv/sqlite wrote (namespace "helpbot"): each value as Keyv's JSON, strings starting
    // with ":" escaped by doubling it, `expires` on the entries that lapse.
    const later = Date.now() + 86_400_000;
    const old = new Database(file);
    old.exec('CREATE TABLE keyv(key VARCHAR(255) PRIMARY KEY, value TEXT)');
    const put = old.prepare('INSERT INTO keyv (key, value) VALUES (?, ?)');
    const keyv = (value: unknown, expires?: number) =>
      JSON.stringify({ value, ...(expires ? { expires } : {}) });
    put.run('helpbot:question:q1', keyv({ ...question('q1'), text: '::starts with a colon' }, later));
    put.run('helpbot:question:q0', keyv(question('q0'), Date.now() - 1000));
    put.run(
      'helpbot:feedback:q1',
      keyv([{ questionId: 'q1', identity: 'discord:1', verdict: 'helpful', at: 't1' }], later),
    );
    put.run('helpbot:unanswered', keyv(['q1', 'q0']));
    put.run('helpbot:cooldown:m', keyv(later, later));
    put.run('helpbot:channel:c1', keyv({ mutedUntil: 'forever' }));
    const entry = (id: string) => ({
      id,
      at: 't',
      actor: 'discord:9',
      action: 'grant',
      target: 'x',
      before: null,
      after: { balance: 5 },
      reason: '',
      result: 'ok',
    });
    put.run('helpbot:audit:a1', keyv(entry('a1')));
    put.run('helpbot:audit:a2', keyv(entry('a2')));
    put.run('helpbot:audit', keyv(['a2', 'a1']));
    put.run('helpbot:taught', keyv([{ intent: 'refunds', text: 'teach me', by: 'discord:9', at: 't' }]));
    put.run(
      'helpbot:notices',
      keyv([
        { intent: 'a', text: 'first', until: '2027-01-01T00:00:00.000Z', by: 'x', at: 't' },
        { intent: 'b', text: 'second', until: '2027-01-01T00:00:00.000Z', by: 'x', at: 't' },
      ]),
    );
    put.run(
      'helpbot:stats:2026-11-27',
      keyv(
        {
          day: '2026-11-27',
          questions: 3,
          answered: 2,
          clarified: 0,
          abstained: 1,
          escalated: 1,
          helpful: 0,
          notHelpful: 0,
          intents: { refunds: 2 },
        },
        later,
      ),
    );
    old.close();

    const state = await openStateStore({ dataDir });
    expect(await state.question('q1')).toEqual({ ...question('q1'), text: ':starts with a colon' });
    // Lapsed before the upgrade: not brought over, and so not in the queue either.
    expect(await state.question('q0')).toBeUndefined();
    expect((await state.unanswered(10)).map((q) => q.id)).toEqual(['q1']);
    expect(await state.feedback('q1')).toEqual([
      { questionId: 'q1', identity: 'discord:1', verdict: 'helpful', at: 't1' },
    ]);
    expect(await state.channelSettings('c1')).toEqual({ mutedUntil: 'forever' });
    expect((await state.audit(10)).map((audit) => audit.id)).toEqual(['a2', 'a1']);
    expect(await state.auditEntry('a1')).toEqual(entry('a1'));
    expect((await state.taught()).map((taught) => taught.text)).toEqual(['teach me']);
    expect((await state.notices()).map((notice) => notice.text)).toEqual(['first', 'second']);
    expect((await state.stats(['2026-11-27']))[0]).toMatchObject({
      questions: 3,
      answered: 2,
      abstained: 1,
      escalated: 1,
      intents: { refunds: 2 },
    });
    // Cooldowns last seconds: not brought over.
    expect(await state.cooldown('m', 5000, new Date())).toBe(0);
    await state.addTaught({ intent: 'refunds', text: 'taught after', by: 'discord:9', at: 't' });
    await state.close();

    // Once: the old table is kept aside, and a restart does not bring it over again.
    const again = await openStateStore({ dataDir });
    expect((await again.taught()).map((taught) => taught.text)).toEqual(['teach me', 'taught after']);
    await again.close();
    const tables = new Database(file, { readonly: true });
    const names = tables.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    tables.close();
    expect(names).toContain('keyv_imported');
    expect(names).not.toContain('keyv');
  });
});
