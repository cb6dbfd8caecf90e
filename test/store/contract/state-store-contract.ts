import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_UNANSWERED, QUESTION_TTL_MS, STATS_TTL_MS } from '../../../src/core/state/keeping.js';
import type { AuditEntry, Notice, QuestionRecord, StateStore } from '../../../src/core/state/store.js';

// What every StateStore does, whatever keeps the state (src/core/state/store.ts). Each
// implementation runs this suite (state-stores.test.ts); what only one of them has (a file that
// outlives the process, KEYV_URL, a Redis shared by two bots) is tested beside it.

export const question = (id: string): QuestionRecord => ({
  id,
  identity: 'discord:1',
  text: `question ${id}`,
  intent: null,
  outcome: 'abstained',
  confidence: 0.2,
  at: '2026-11-27T12:00:00.000Z',
});

const auditEntry = (id: string, action = 'grant'): AuditEntry => ({
  id,
  at: '2026-11-27T12:00:00.000Z',
  actor: 'discord:900',
  action,
  target: 'console:mara',
  before: { balance: 120 },
  after: { balance: 125 },
  reason: 'goodwill',
  result: 'done',
});

const notice = (intent: string, text: string): Notice => ({
  intent,
  text,
  until: '2026-11-28T00:00:00.000Z',
  by: 'discord:900',
  at: '2026-11-27T12:00:00.000Z',
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const DAY_MS = 24 * 3_600_000;

/**
 * `open` gives a store holding nothing yet; `sibling`, where a backend is shared (a file, a server),
 * a second store on the one `open` last gave, as a second bot instance would open it.
 */
export function stateStoreContract(
  name: string,
  openStore: () => Promise<StateStore>,
  options: { sibling?: () => Promise<StateStore> } = {},
): void {
  describe(`${name}: the StateStore contract`, () => {
    const opened: StateStore[] = [];
    async function open(): Promise<StateStore> {
      const store = await openStore();
      opened.push(store);
      return store;
    }
    async function sibling(first: StateStore): Promise<StateStore> {
      if (options.sibling === undefined) return first;
      const store = await options.sibling();
      opened.push(store);
      return store;
    }
    afterEach(async () => {
      vi.useRealTimers();
      for (const store of opened.splice(0)) await store.close();
    });

    it('keeps questions, feedback (one verdict per member) and the unanswered list, newest first', async () => {
      const state = await open();
      await state.saveQuestion(question('q1'));
      await state.saveQuestion(question('q2'));
      await state.recordFeedback({ questionId: 'q1', identity: 'discord:1', verdict: 'helpful', at: 't1' });
      await state.recordFeedback({
        questionId: 'q1',
        identity: 'discord:1',
        verdict: 'not-helpful',
        at: 't2',
      });
      await state.recordFeedback({ questionId: 'q1', identity: 'discord:2', verdict: 'helpful', at: 't3' });
      await state.markUnanswered('q1');
      await state.markUnanswered('q2');
      await state.markUnanswered('q1');
      expect(await state.question('q2')).toEqual(question('q2'));
      expect((await state.feedback('q1')).map((f) => `${f.identity}:${f.verdict}`)).toEqual([
        'discord:1:not-helpful',
        'discord:2:helpful',
      ]);
      expect((await state.unanswered(10)).map((q) => q.id)).toEqual(['q1', 'q2']);
      expect((await state.unanswered(1)).map((q) => q.id)).toEqual(['q1']);
    });

    it('finds nothing it was not given', async () => {
      const state = await open();
      expect(await state.question('nope')).toBeUndefined();
      expect(await state.feedback('nope')).toEqual([]);
      expect(await state.unanswered(10)).toEqual([]);
      expect(await state.audit(10)).toEqual([]);
      expect(await state.auditEntry('nope')).toBeUndefined();
      expect(await state.taught()).toEqual([]);
      expect(await state.notices()).toEqual([]);
      expect(await state.channelSettings('nope')).toEqual({});
    });

    it('replaces a question saved again under its id, keeping optional fields as given', async () => {
      const state = await open();
      await state.saveQuestion(question('q1'));
      const answered: QuestionRecord = {
        ...question('q1'),
        channelId: 'c1',
        link: 'https://example.invalid/q1',
        outcome: 'answered',
        intent: 'connects.expiry',
        answer: 'Connects expire after a year.',
      };
      await state.saveQuestion(answered);
      expect(await state.question('q1')).toEqual(answered);
    });

    it("keeps a member's request for a moderator beside their vote: it is not a vote", async () => {
      const state = await open();
      const feedback = (identity: string, verdict: 'helpful' | 'not-helpful' | 'moderator', at: string) =>
        state.recordFeedback({ questionId: 'q1', identity, verdict, at });
      await feedback('discord:1', 'not-helpful', 't1');
      await feedback('discord:1', 'moderator', 't2');
      await feedback('discord:2', 'helpful', 't3');
      await feedback('discord:1', 'helpful', 't4');
      await feedback('discord:1', 'moderator', 't5');
      expect((await state.feedback('q1')).map((f) => `${f.identity}:${f.verdict}:${f.at}`)).toEqual([
        'discord:1:moderator:t2',
        'discord:2:helpful:t3',
        'discord:1:helpful:t4',
        'discord:1:moderator:t5',
      ]);
      expect(await state.feedback('q2')).toEqual([]);
    });

    it('passes over unanswered questions it no longer has, without counting them', async () => {
      const state = await open();
      await state.saveQuestion(question('q1'));
      await state.saveQuestion(question('q3'));
      for (const id of ['q1', 'gone', 'q3']) await state.markUnanswered(id);
      expect((await state.unanswered(2)).map((q) => q.id)).toEqual(['q3', 'q1']);
      expect(await state.unanswered(0)).toEqual([]);
    });

    it('takes a question off the unanswered list, and says when it was not on it', async () => {
      const state = await open();
      for (const id of ['q1', 'q2', 'q3']) {
        await state.saveQuestion(question(id));
        await state.markUnanswered(id);
      }
      expect(await state.dismissUnanswered('q2')).toBe(true);
      expect(await state.dismissUnanswered('q2')).toBe(false);
      expect(await state.dismissUnanswered('never')).toBe(false);
      expect((await state.unanswered(10)).map((q) => q.id)).toEqual(['q3', 'q1']);
      // The question itself is kept (its feedback and links still refer to it).
      expect(await state.question('q2')).toEqual(question('q2'));
    });

    it(`keeps the newest ${MAX_UNANSWERED} unanswered questions`, async () => {
      const state = await open();
      await state.saveQuestion(question('q0'));
      await state.saveQuestion(question(`q${MAX_UNANSWERED}`));
      for (let n = 0; n <= MAX_UNANSWERED; n++) await state.markUnanswered(`q${n}`);
      // q0 was pushed off the end by the one after the limit.
      expect((await state.unanswered(MAX_UNANSWERED + 10)).map((q) => q.id)).toEqual([`q${MAX_UNANSWERED}`]);
    }, 60_000);

    it('runs cooldowns and one-time claims', async () => {
      const state = await open();
      const t0 = new Date('2026-11-27T12:00:00Z');
      expect(await state.cooldown('m', 5000, t0)).toBe(0);
      expect(await state.cooldown('m', 5000, new Date(t0.getTime() + 2000))).toBe(3000);
      expect(await state.cooldown('other', 5000, t0)).toBe(0);
      expect(await state.claimOnce('interaction:1', 60_000)).toBe(true);
      expect(await state.claimOnce('interaction:1', 60_000)).toBe(false);
      expect(await state.claimOnce('interaction:2', 60_000)).toBe(true);
      expect(await state.claimOnce('interaction:short', 1)).toBe(true);
      await pause(20);
      expect(await state.claimOnce('interaction:short', 1)).toBe(true);
    });

    it("starts a cooldown again once the caller's time has passed its end", async () => {
      const state = await open();
      const t0 = new Date('2026-11-27T12:00:00Z');
      const at = (ms: number) => new Date(t0.getTime() + ms);
      expect(await state.cooldown('m', 5000, t0)).toBe(0);
      expect(await state.cooldown('m', 5000, at(4999))).toBe(1);
      // Over at its very end; the asking starts the next one.
      expect(await state.cooldown('m', 5000, at(5000))).toBe(0);
      expect(await state.cooldown('m', 5000, at(6000))).toBe(4000);
    });

    it("lets a cooldown's key lapse by the clock even when the caller's time stands still", async () => {
      // Expiry is Keyv's time to live, on the process clock; the caller's `now` only measures what
      // is left. A stopped or wrong caller clock cannot hold a member off for good.
      const state = await open();
      const t0 = new Date('2026-11-27T12:00:00Z');
      expect(await state.cooldown('m', 1, t0)).toBe(0);
      await pause(20);
      expect(await state.cooldown('m', 1, t0)).toBe(0);
    });

    it('stores channel settings per channel, a new save replacing the old', async () => {
      const state = await open();
      expect(await state.channelSettings('c1')).toEqual({});
      await state.saveChannelSettings('c1', { mutedUntil: '2026-11-28T00:00:00.000Z' });
      expect(await state.channelSettings('c1')).toEqual({ mutedUntil: '2026-11-28T00:00:00.000Z' });
      expect(await state.channelSettings('c2')).toEqual({});
      await state.saveChannelSettings('c1', {});
      expect(await state.channelSettings('c1')).toEqual({});
    });

    it('keeps the audit log newest first, each entry found by its id', async () => {
      const state = await open();
      for (const id of ['a1', 'a2', 'a3']) await state.appendAudit(auditEntry(id));
      expect((await state.audit(10)).map((entry) => entry.id)).toEqual(['a3', 'a2', 'a1']);
      expect((await state.audit(2)).map((entry) => entry.id)).toEqual(['a3', 'a2']);
      expect(await state.auditEntry('a2')).toEqual(auditEntry('a2'));
      expect(await state.auditEntry('a4')).toBeUndefined();
    });

    it('keeps taught examples in the order taught', async () => {
      const state = await open();
      const example = (text: string) => ({ intent: 'connects.expiry', text, by: 'discord:900', at: 't' });
      await state.addTaught(example('do connects expire'));
      await state.addTaught(example('how long do connects last'));
      await state.addTaught(example('do connects expire'));
      expect((await state.taught()).map((taught) => taught.text)).toEqual([
        'do connects expire',
        'how long do connects last',
        'do connects expire',
      ]);
    });

    it('keeps one notice per entry, the newest last', async () => {
      const state = await open();
      await state.saveNotice(notice('a', 'first'));
      await state.saveNotice(notice('b', 'second'));
      await state.saveNotice(notice('a', 'third'));
      expect(await state.notices()).toEqual([notice('b', 'second'), notice('a', 'third')]);
    });

    it('counts what happened to questions each day, in the days asked for', async () => {
      const state = await open();
      const day = '2026-11-27';
      await state.countStats(day, { kind: 'question', outcome: 'answered', intent: 'connects.expiry' });
      await state.countStats(day, { kind: 'question', outcome: 'answered', intent: 'connects.expiry' });
      await state.countStats(day, { kind: 'question', outcome: 'answered', intent: null });
      await state.countStats(day, { kind: 'question', outcome: 'clarify', intent: 'refunds' });
      await state.countStats(day, { kind: 'question', outcome: 'abstained', intent: null });
      await state.countStats(day, { kind: 'question', outcome: 'refused', intent: null });
      await state.countStats(day, { kind: 'escalated' });
      await state.countStats(day, { kind: 'feedback', verdict: 'helpful' });
      await state.countStats(day, { kind: 'feedback', verdict: 'not-helpful' });
      await state.countStats(day, { kind: 'feedback', verdict: 'not-helpful' });
      await state.countStats('2026-11-26', { kind: 'escalated' });
      const [other, counted, empty] = await state.stats(['2026-11-26', day, '2026-11-28']);
      expect(counted).toEqual({
        day,
        questions: 5,
        answered: 3,
        clarified: 1,
        abstained: 1,
        escalated: 1,
        helpful: 1,
        notHelpful: 2,
        intents: { 'connects.expiry': 2 },
      });
      expect(other).toMatchObject({ day: '2026-11-26', questions: 0, escalated: 1 });
      expect(empty).toEqual({
        day: '2026-11-28',
        questions: 0,
        answered: 0,
        clarified: 0,
        abstained: 0,
        escalated: 0,
        helpful: 0,
        notHelpful: 0,
        intents: {},
      });
    });

    it('lets questions and their feedback go after their keeping time, and a day’s figures after theirs', async () => {
      // Only the clock is moved: the store's own timers and connections run as usual.
      vi.useFakeTimers({ toFake: ['Date'] });
      const start = Date.now();
      const state = await open();
      await state.saveQuestion(question('q1'));
      await state.recordFeedback({ questionId: 'q1', identity: 'discord:1', verdict: 'helpful', at: 't' });
      await state.markUnanswered('q1');
      await state.countStats('2026-11-27', { kind: 'escalated' });
      await state.appendAudit(auditEntry('a1'));
      await state.saveChannelSettings('c1', { mutedUntil: 'forever' });
      vi.setSystemTime(start + QUESTION_TTL_MS);
      expect(await state.question('q1')).toEqual(question('q1'));
      expect(await state.feedback('q1')).toHaveLength(1);
      vi.setSystemTime(start + QUESTION_TTL_MS + DAY_MS);
      expect(await state.question('q1')).toBeUndefined();
      expect(await state.feedback('q1')).toEqual([]);
      expect(await state.unanswered(10)).toEqual([]);
      expect((await state.stats(['2026-11-27']))[0]?.escalated).toBe(1);
      vi.setSystemTime(start + STATS_TTL_MS + DAY_MS);
      expect((await state.stats(['2026-11-27']))[0]?.escalated).toBe(0);
      // The moderators' records are kept for good.
      expect(await state.auditEntry('a1')).toEqual(auditEntry('a1'));
      expect(await state.channelSettings('c1')).toEqual({ mutedUntil: 'forever' });
    });

    it('counts several events of one day in one call exactly as one by one', async () => {
      const state = await open();
      const day = '2026-11-27';
      await state.countStats(day, { kind: 'escalated' });
      await state.countStats(day, [
        { kind: 'question', outcome: 'answered', intent: 'refunds' },
        { kind: 'question', outcome: 'answered', intent: 'refunds' },
        { kind: 'question', outcome: 'abstained', intent: null },
        { kind: 'question', outcome: 'refused', intent: null },
        { kind: 'feedback', verdict: 'helpful' },
        { kind: 'model-call', tokens: 120 },
        { kind: 'model-call', tokens: 80 },
      ]);
      await state.countStats(day, []);
      expect((await state.stats([day]))[0]).toEqual({
        day,
        questions: 3,
        answered: 2,
        clarified: 0,
        abstained: 1,
        escalated: 1,
        helpful: 1,
        notHelpful: 0,
        intents: { refunds: 2 },
        modelCalls: 2,
        modelTokens: 200,
      });
    });

    it('keeps every change made at once, by one store or two on one backend', async () => {
      const first = await open();
      const second = await sibling(first);
      const ids = Array.from({ length: 200 }, (_, n) => `q${n}`);
      for (const id of ids) await first.saveQuestion(question(id));
      const claims = await Promise.all(
        ids.flatMap((id, n) => {
          const state = n % 2 === 0 ? first : second;
          return [
            state.countStats('2026-11-27', { kind: 'question', outcome: 'answered', intent: 'refunds' }),
            state.markUnanswered(id),
            state.addTaught({ intent: 'refunds', text: `taught ${n}`, by: 'discord:900', at: 't' }),
            state.recordFeedback({ questionId: 'q0', identity: `discord:${n}`, verdict: 'helpful', at: 't' }),
            state.appendAudit(auditEntry(`a${n}`)),
            state.saveNotice(notice(`entry-${n % 20}`, `notice ${n}`)),
            state.claimOnce('the-same-event', 60_000),
          ];
        }),
      );
      expect(claims.filter((claimed) => claimed === true)).toHaveLength(1);
      const [day] = await first.stats(['2026-11-27']);
      expect(day).toMatchObject({ questions: 200, answered: 200, intents: { refunds: 200 } });
      expect(await second.unanswered(500)).toHaveLength(200);
      expect(await second.taught()).toHaveLength(200);
      expect(await second.feedback('q0')).toHaveLength(200);
      expect(await second.audit(500)).toHaveLength(200);
      expect(await second.notices()).toHaveLength(20);
    }, 30_000);

    it('hands out copies: changing a record read, or one saved, changes nothing stored', async () => {
      const state = await open();
      const saved = { ...question('q1') };
      await state.saveQuestion(saved);
      await state.appendAudit(auditEntry('a1'));
      (saved as { text: string }).text = 'changed after saving';
      const read = (await state.question('q1')) as { text: string };
      read.text = 'changed after reading';
      const entry = (await state.auditEntry('a1')) as { after: { balance: number } };
      entry.after.balance = 0;
      expect(await state.question('q1')).toEqual(question('q1'));
      expect(await state.auditEntry('a1')).toEqual(auditEntry('a1'));
    });
  });
}
