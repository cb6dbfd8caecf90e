import { afterAll, beforeAll, describe, it } from 'vitest';
import { summarise } from '../../src/bench/stats.js';
import { type Harness, startHarness } from '../adapters/discord/harness.js';
import { slashCommand, snowflake } from '../helpers/fake-discord.js';
import { QUESTIONS } from './questions.js';

// `npm run bench:load`: many members asking `/connects ask` at the same moment, through the real
// discord.js client against the local fake Discord. Figures, not assertions: from the event's
// dispatch to its first callback (the answer, or a deferral), per burst size, as the running bot
// records (after the reply) and as it used to (before it).

async function burst(h: Harness, size: number, report = true): Promise<void> {
  const since = h.fake.calls.length;
  const sent = new Map<string, number>();
  const firsts = new Map<string, number>();
  const payloads = Array.from({ length: size }, (_, n) => {
    const payload = slashCommand(
      'ask',
      { question: QUESTIONS[n % QUESTIONS.length] as string },
      { userId: String(500000000000000000n + BigInt(n)) },
    );
    return { ...payload, id: snowflake() };
  });
  const done = new Promise<void>((resolve) => {
    const check = setInterval(() => {
      for (const call of h.fake.calls.slice(since)) {
        const match = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(call.path);
        if (match && !firsts.has(match[1] as string)) firsts.set(match[1] as string, call.receivedAt);
      }
      if (firsts.size >= size) {
        clearInterval(check);
        resolve();
      }
    }, 20);
  });
  for (const payload of payloads) {
    sent.set(payload.id, Date.now());
    h.fake.dispatch('INTERACTION_CREATE', payload);
  }
  await done;
  const times = payloads.map(
    (payload) => (firsts.get(payload.id) as number) - (sent.get(payload.id) as number),
  );
  const deferred = h.fake.calls
    .slice(since)
    .filter((call) => call.path.endsWith('/callback') && (call.body as { type?: number })?.type === 5).length;
  const s = summarise(times);
  if (report)
    console.log(
      `  ${size} at once: event to first callback p50 ${s.p50} ms, p99 ${s.p99} ms, max ${s.max} ms; ${deferred} deferred`,
    );
}

for (const recordAfterReply of [true, false]) {
  describe(`a burst of /connects ask, questions recorded ${recordAfterReply ? 'after' : 'before'} the reply`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness({}, { recordAfterReply });
      // Warm, as a bot that has run a while is: the JIT has seen these paths, the connections are open.
      await burst(h, 200, false);
    }, 30_000);
    afterAll(async () => h.stop());

    it('200 and 1,000 members', async () => {
      console.log(`questions recorded ${recordAfterReply ? 'after' : 'before'} the reply:`);
      await burst(h, 200);
      await burst(h, 1000);
    }, 120_000);
  });
}
