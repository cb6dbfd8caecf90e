import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parseImportText } from '../../../src/accounts/import-file.js';
import { buildDashboard } from '../../../src/adapters/dashboard/server.js';
import { lastDays } from '../../../src/core/dashboard/overview.js';
import { DashboardSignIn } from '../../../src/core/dashboard/sign-in.js';
import { HelpDesk } from '../../../src/core/help-desk.js';
import { Moderation } from '../../../src/core/moderation/moderation.js';
import type { QuestionRecord, StateStore, StatsEvent } from '../../../src/core/state/store.js';
import type { Actor } from '../../../src/core/types.js';
import { createLogger } from '../../../src/log/logger.js';
import { openStateStore } from '../../../src/store/open-state-store.js';
import { SqliteLedgerStore } from '../../../src/store/sqlite/ledger-store.js';
import { realKnowledge } from '../../helpers/knowledge.js';
import { ACCOUNTS_FILE, POLICY, tempDir } from '../../helpers/ledger.js';

// The dashboard on the same parts as the running bot (the help desk, the SQLite ledger and state
// store, the moderation module), listening on a free port of 127.0.0.1, with 30 days of recorded
// questions and a few unanswered ones, as a community that has run the bot a while has.

export const MOD_ROLE = '300000000000000001';
export const MODERATOR: Actor = {
  platform: 'discord',
  id: '200000000000000050',
  roles: [MOD_ROLE],
  displayName: 'Mia (mod)',
};
export const MEMBER: Actor = { platform: 'discord', id: '200000000000000077', roles: [] };
export const NOW = new Date('2026-11-27T12:00:00Z');

/** A question the bot is unsure of today: a moderator teaches it in the browser test. */
export const UNSURE_QUESTION = 'why does the bidding token bundle price differ in my country';
/** A member's post that tries to run script on a moderator's page. */
export const HOSTILE_QUESTION =
  'help <script>window.__pwned = true</script><img src=x onerror="window.__pwned = true"> my connects';

export interface DashboardHarness {
  readonly app: FastifyInstance;
  readonly url: string;
  readonly desk: HelpDesk;
  readonly state: StateStore;
  readonly moderation: Moderation;
  readonly signIn: DashboardSignIn;
  /** The dashboard's clock: tests move it to expire links and sessions. */
  now: Date;
  /** What `/connects-mod dashboard` answers this actor, as chat shows it. */
  linkFor(actor: Actor): Promise<{ ok: boolean; text: string; url: string | undefined }>;
  close(): Promise<void>;
}

let requests = 0;

export async function startDashboardHarness(): Promise<DashboardHarness> {
  const ledger = new SqliteLedgerStore(join(tempDir('helpbot-dash-ledger-'), 'ledger.sqlite'), POLICY);
  const parsed = parseImportText(readFileSync(ACCOUNTS_FILE, 'utf8'));
  if (!parsed.ok) throw new Error('eval/accounts.json does not parse');
  await ledger.importAccounts(parsed.accounts);
  const state = await openStateStore({ dataDir: tempDir('helpbot-dash-state-') });
  await seed(state);
  const desk = new HelpDesk(realKnowledge(), { ledger, state });
  const signIn = new DashboardSignIn(randomBytes(32), state);
  let base = '';
  const links = {
    linkFor(actor: Actor, now: Date) {
      const { token, expires } = signIn.issueLink(actor, now);
      return { url: `${base}/signin?token=${token}`, expires };
    },
  };
  const moderation = new Moderation(
    desk,
    ledger,
    state,
    { discordRoleIds: [MOD_ROLE], slackUserIds: [] },
    { dashboard: links },
  );
  const harness = {
    now: NOW,
  } as DashboardHarness;
  const app = await buildDashboard({
    desk,
    state,
    moderation,
    signIn,
    log: createLogger('silent'),
    clock: () => harness.now,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  return Object.assign(harness, {
    app,
    url: base,
    desk,
    state,
    moderation,
    signIn,
    async linkFor(actor: Actor) {
      const result = await moderation.handle({
        id: `chat-${++requests}`,
        actor,
        now: harness.now,
        command: { action: 'dashboard' },
      });
      return { ok: result.ok, text: result.text, url: /https?:\/\/\S+/.exec(result.text)?.[0] };
    },
    async close() {
      await app.close();
      await ledger.close();
      await state.close();
    },
  });
}

const question = (
  id: string,
  text: string,
  outcome: QuestionRecord['outcome'],
  at: string,
): QuestionRecord => ({
  id,
  identity: `discord:20000000000000010${id.length % 10}`,
  text,
  intent: null,
  outcome,
  confidence: 0.31,
  at,
});

/** 30 days of figures, rising, with some votes; three unanswered questions, one of them hostile. */
async function seed(state: StateStore): Promise<void> {
  const days = lastDays(NOW, 30);
  const topics = ['refunds', 'connects.expiry', 'connects.buy', 'connects.monthly-free', 'agency.connects'];
  for (const [index, day] of days.entries()) {
    const events: StatsEvent[] = [];
    for (let n = 0; n < 8 + index; n++)
      events.push({
        kind: 'question',
        outcome: 'answered',
        intent: topics[(n + index) % topics.length] ?? null,
      });
    for (let n = 0; n < 2 + (index % 4); n++)
      events.push({ kind: 'question', outcome: 'abstained', intent: null });
    for (let n = 0; n < 1 + (index % 3); n++)
      events.push({ kind: 'question', outcome: 'clarify', intent: null });
    for (let n = 0; n < index % 3; n++) events.push({ kind: 'escalated' });
    for (let n = 0; n < 3 + (index % 5); n++) events.push({ kind: 'feedback', verdict: 'helpful' });
    events.push({ kind: 'feedback', verdict: 'not-helpful' });
    await state.countStats(day, events);
  }
  const unanswered = [
    question('q-unsure', UNSURE_QUESTION, 'clarify', '2026-11-27T09:12:00.000Z'),
    question('q-hostile', HOSTILE_QUESTION, 'abstained', '2026-11-27T10:40:00.000Z'),
    question('q-spam', 'buy cheap followers at my site', 'abstained', '2026-11-27T11:05:00.000Z'),
  ];
  for (const record of unanswered) {
    await state.saveQuestion(record);
    await state.markUnanswered(record.id);
  }
}
