import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { overviewPng } from '../adapters/charts/overview-png.js';
import { buildDashboard } from '../adapters/dashboard/server.js';
import { lastDays, overviewOf } from '../core/dashboard/overview.js';
import { DashboardSignIn } from '../core/dashboard/sign-in.js';
import { HelpDesk } from '../core/help-desk.js';
import type { KnowledgeBase } from '../core/knowledge-base.js';
import { Moderation } from '../core/moderation/moderation.js';
import { rulesPolicyFrom } from '../core/rules/policy.js';
import type { StatsEvent } from '../core/state/store.js';
import type { Outcome } from '../core/types.js';
import { createLogger } from '../log/logger.js';
import { MemoryLedgerStore } from '../store/memory/ledger-store.js';
import { openStateStore } from '../store/open-state-store.js';
import { fixed, summarise } from './stats.js';

// The dashboard's pages, timed on the server (Fastify's inject: routing, the stores, rendering;
// no network), over a SQLite state store holding 100,000 recorded questions from 30 days, their
// day counts, a full unanswered list and a full audit log. And the PNG chart `/connects-mod stats`
// attaches.

const QUESTIONS = 100_000;
const REQUESTS_PER_PAGE = 300;
const PNGS = 50;
const NOW = new Date();
const OUTCOMES: readonly Outcome[] = ['answered', 'answered', 'answered', 'answered', 'clarify', 'abstained'];

export async function benchDashboard(kb: KnowledgeBase): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'helpbot-bench-dashboard-'));
  const state = await openStateStore({ dataDir: dir });
  const ledger = new MemoryLedgerStore(rulesPolicyFrom(kb));
  try {
    const days = lastDays(NOW, 30);
    const intents = kb.entries.map((entry) => entry.id);
    const counts = new Map<string, StatsEvent[]>();
    for (let n = 0; n < QUESTIONS; n++) {
      const day = days[n % days.length] as string;
      const outcome = OUTCOMES[n % OUTCOMES.length] as Outcome;
      const intent = outcome === 'answered' ? (intents[n % intents.length] ?? null) : null;
      await state.saveQuestion({
        id: `bench-${n}`,
        identity: `discord:${100000000000000000n + BigInt(n % 5000)}`,
        text: `question ${n} about connects, with a few words of backstory as members write`,
        intent,
        outcome,
        confidence: outcome === 'answered' ? 0.9 : 0.3,
        at: `${day}T12:00:00.000Z`,
      });
      if (outcome !== 'answered') await state.markUnanswered(`bench-${n}`);
      const events = counts.get(day) ?? [];
      events.push({ kind: 'question', outcome, intent });
      counts.set(day, events);
    }
    for (const [day, events] of counts) await state.countStats(day, events);
    const desk = new HelpDesk(kb, { ledger, state });
    void desk.matcher;
    const moderator = { platform: 'discord' as const, id: '200000000000000050', roles: ['1'] };
    const moderation = new Moderation(desk, ledger, state, { discordRoleIds: ['1'], slackUserIds: [] });
    for (let n = 0; n < 1000; n++)
      await moderation.handle({
        id: `bench-audit-${n}`,
        actor: moderator,
        now: NOW,
        command: { action: 'stats' },
      });
    const signIn = new DashboardSignIn(randomBytes(32), state);
    const app = await buildDashboard({ desk, state, moderation, signIn, log: createLogger('silent') });
    const session = await signIn.redeem(signIn.issueLink(moderator, NOW).token, NOW);
    if (typeof session === 'string') throw new Error(`bench sign-in refused: ${session}`);
    const cookies = { helpbot_dashboard: signIn.cookieFor(session) };
    const pages = {
      overview: '/',
      unanswered: '/unanswered',
      knowledge: '/knowledge',
      'knowledge, an entry and a tried question': `/knowledge?entry=refunds&try=${encodeURIComponent('the client closed the job, where are my connects')}`,
      notices: '/notices',
      audit: '/audit',
    };
    for (const [name, url] of Object.entries(pages)) {
      const times: number[] = [];
      for (let n = 0; n < REQUESTS_PER_PAGE + 20; n++) {
        const start = process.hrtime.bigint();
        const response = await app.inject({ url, cookies });
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode}`);
        // The first few warm the JIT and the statements' caches.
        if (n >= 20) times.push(ms);
      }
      const s = summarise(times);
      console.log(
        `dashboard ${name} page, ${QUESTIONS.toLocaleString('en-US')} questions recorded, server side (ms): p50 ${fixed(s.p50, 2)}  p99 ${fixed(s.p99, 2)}  max ${fixed(s.max, 2)}`,
      );
    }
    const overview = overviewOf(await state.stats(days), kb);
    const pngTimes: number[] = [];
    for (let n = 0; n < PNGS; n++) {
      const start = process.hrtime.bigint();
      overviewPng(overview);
      pngTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const png = summarise(pngTimes.slice(5));
    console.log(
      `stats chart PNG (${overviewPng(overview).length.toLocaleString('en-US')} bytes) drawn in (ms): p50 ${fixed(png.p50, 1)}  p99 ${fixed(png.p99, 1)}`,
    );
    await app.close();
  } finally {
    await state.close();
    await ledger.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
