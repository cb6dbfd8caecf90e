import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HelpDesk } from '../core/help-desk.js';
import { loadKnowledge } from '../knowledge-files/load.js';
import { benchDashboard } from './dashboard.js';
import { benchLanguageModel } from './language-model.js';
import { benchLedger } from './ledger.js';
import { peakRssMb } from './peak-rss-probe.js';
import { benchmarkLongPosts, benchmarkQuestions } from './questions.js';
import { benchState } from './state.js';
import { fixed, summarise } from './stats.js';

// `npm run bench`: figures for the README and the issue notes. Not a test: it asserts nothing,
// it measures. Matching latency in process, `helpbot ask` cold start, peak memory, then the
// language model layer's own cost, then the ledger: import throughput and balance lookups over
// 100,000 accounts.

const QUESTIONS = 10_000;
const LONG_POSTS = 2_000;
const COLD_STARTS = 15;
const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/helpbot.js', import.meta.url));

/** Milliseconds each call took, one after the other. */
async function timeEach<T>(items: readonly T[], work: (item: T) => unknown): Promise<number[]> {
  const times: number[] = [];
  for (const item of items) {
    const start = process.hrtime.bigint();
    const result = work(item);
    // Only real promises are awaited: a microtask turn would be counted in a synchronous match.
    if (result instanceof Promise) await result;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

async function main(): Promise<void> {
  const loaded = loadKnowledge(KNOWLEDGE_DIR);
  if (loaded.kb === undefined) throw new Error('knowledge/ does not load; run helpbot knowledge check');
  // Measured as a running bot reads: its model restored from the cache, not fitted in this process.
  const fitted = new HelpDesk(loaded.kb);
  const desk = new HelpDesk(loaded.kb, { savedModel: JSON.parse(JSON.stringify(fitted.matcher.save())) });
  const questions = benchmarkQuestions(loaded.kb, QUESTIONS);

  // Warm-up so the JIT has seen the code paths, as it has in a long-running bot.
  for (const question of questions.slice(0, 500)) desk.matcher.match(question);

  const matchTimes = await timeEach(questions, (question) => desk.matcher.match(question));
  const handleTimes = await timeEach(questions, (question) =>
    desk.handle({
      id: 'bench',
      actor: { platform: 'console', id: 'bench', roles: [] },
      body: { kind: 'question', text: question },
      now: new Date(),
    }),
  );
  const longPosts = benchmarkLongPosts(loaded.kb, LONG_POSTS);
  // The first reading of each post, then a second one: a bot that has run a while has met most words.
  const firstReading = summarise(await timeEach(longPosts, (post) => desk.matcher.match(post)));
  const long = summarise(await timeEach(longPosts, (post) => desk.matcher.match(post)));
  const lengths = longPosts.map((post) => post.length);
  const match = summarise(matchTimes);
  const handle = summarise(handleTimes);
  console.log(
    `matching, ${QUESTIONS} questions in process (ms): p50 ${fixed(match.p50)}  p90 ${fixed(match.p90)}  p99 ${fixed(match.p99)}  max ${fixed(match.max)}`,
  );
  console.log(
    `matching, ${LONG_POSTS} posts of ${Math.min(...lengths)}-${Math.max(...lengths)} characters, first reading (ms): p50 ${fixed(firstReading.p50)}  p90 ${fixed(firstReading.p90)}  p99 ${fixed(firstReading.p99)}  max ${fixed(firstReading.max)}`,
  );
  console.log(
    `matching, the same posts again (ms): p50 ${fixed(long.p50)}  p90 ${fixed(long.p90)}  p99 ${fixed(long.p99)}  max ${fixed(long.max)}`,
  );
  console.log(
    `HelpDesk.handle, same questions (ms):            p50 ${fixed(handle.p50)}  p90 ${fixed(handle.p90)}  p99 ${fixed(handle.p99)}  max ${fixed(handle.max)}`,
  );
  console.log(`bench process peak RSS after matching: ${fixed(process.resourceUsage().maxRSS / 1024, 1)} MB`);

  const coldTimes: number[] = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [BIN, 'ask', 'when do my free connects arrive'], {
      env: { ...process.env, LOG_LEVEL: 'warn' },
    });
    coldTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (run.status !== 0) throw new Error(`helpbot ask failed: ${run.stderr.toString()}`);
  }
  const cold = summarise(coldTimes);
  console.log(
    `helpbot ask cold start, ${COLD_STARTS} runs (ms): p50 ${fixed(cold.p50, 0)}  p90 ${fixed(cold.p90, 0)}  max ${fixed(cold.max, 0)}`,
  );

  console.log(`helpbot ask peak RSS: ${peakRssMb(['ask', 'when do my free connects arrive'])} MB`);

  await benchDashboard(loaded.kb);
  await benchLanguageModel(loaded.kb);
  await benchState();
  await benchLedger(loaded.kb);
  const postgres = process.env.BENCH_DATABASE_URL;
  if (postgres === undefined || postgres === '')
    console.log('PostgreSQL ledger: not measured (set BENCH_DATABASE_URL=postgres://… to an empty database)');
  else await (await import('./postgres-ledger.js')).benchPostgresLedger(loaded.kb, postgres);
}

await main();
