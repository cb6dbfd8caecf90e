import { describe, expect, it } from 'vitest';
import { HelpDesk } from '../../../src/core/help-desk.js';
import { AfterReply } from '../../../src/core/state/bookkeeping.js';
import type { QuestionRecord, StateStore } from '../../../src/core/state/store.js';
import { MemoryStateStore } from '../../../src/store/memory/state-store.js';
import { realKnowledge } from '../../helpers/knowledge.js';

// The running bot records a question after its reply: the member never waits on the write, what
// reads the question back waits for it, and a failed write is logged, not shown to the member.

/** A state store whose question writes take `ms`, or fail. */
function slowStore(ms: number, fail = false): StateStore {
  const store = new MemoryStateStore();
  const save = store.saveQuestion.bind(store);
  store.saveQuestion = async (question: QuestionRecord) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    if (fail) throw new Error('the disk is full');
    await save(question);
  };
  return store;
}

const ask = (desk: HelpDesk, id: string) =>
  desk.handle({
    id,
    actor: { platform: 'console', id: 'mara', roles: [] },
    body: { kind: 'question', text: 'do connects expire?' },
    now: new Date('2026-11-28T12:00:00Z'),
  });

describe('recording a question', () => {
  it('before the reply by default: what the caller reads next is there', async () => {
    const state = slowStore(150);
    const desk = new HelpDesk(realKnowledge(), { state });
    const started = Date.now();
    await ask(desk, 'q1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(await state.question('q1')).toMatchObject({ intent: 'connects.expiry' });
  });

  it('after the reply in the running bot: the reply does not wait, readers of the question do', async () => {
    const state = slowStore(300);
    const errors: unknown[] = [];
    const desk = new HelpDesk(realKnowledge(), { state, bookkeeping: new AfterReply((e) => errors.push(e)) });
    expect(desk.matcher).toBeDefined();
    const started = Date.now();
    const reply = await ask(desk, 'q1');
    expect(Date.now() - started).toBeLessThan(150);
    expect(reply.intent).toBe('connects.expiry');
    expect(await state.question('q1')).toBeUndefined();
    await desk.recorded('q1');
    expect(await state.question('q1')).toMatchObject({ intent: 'connects.expiry' });
    expect((await state.stats(['2026-11-28']))[0]?.answered).toBe(1);
    expect(errors).toEqual([]);
  });

  it('after the reply: the stores close only once every recording has ended', async () => {
    const state = slowStore(200);
    const desk = new HelpDesk(realKnowledge(), { state, bookkeeping: new AfterReply(() => undefined) });
    await Promise.all(['q1', 'q2', 'q3'].map((id) => ask(desk, id)));
    await desk.settled();
    for (const id of ['q1', 'q2', 'q3']) expect(await state.question(id)).toBeDefined();
  });

  it('after the reply: a failed write is reported, and the member has their answer', async () => {
    const errors: unknown[] = [];
    const desk = new HelpDesk(realKnowledge(), {
      state: slowStore(10, true),
      bookkeeping: new AfterReply((e) => errors.push(e)),
    });
    expect((await ask(desk, 'q1')).outcome).toBe('answered');
    await desk.settled();
    expect(String(errors[0])).toContain('the disk is full');
    // Inline, the same failure reaches the caller, as every store failure does.
    await expect(ask(new HelpDesk(realKnowledge(), { state: slowStore(10, true) }), 'q2')).rejects.toThrow(
      'the disk is full',
    );
  });
});
