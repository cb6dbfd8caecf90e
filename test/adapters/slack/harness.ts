import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { parseImportText } from '../../../src/accounts/import-file.js';
import { SlackBot } from '../../../src/adapters/slack/bot.js';
import { HelpDesk } from '../../../src/core/help-desk.js';
import { Moderation } from '../../../src/core/moderation/moderation.js';
import type { StateStore } from '../../../src/core/state/store.js';
import { createLogger } from '../../../src/log/logger.js';
import { MemoryLedgerStore } from '../../../src/store/memory/ledger-store.js';
import { openStateStore } from '../../../src/store/open-state-store.js';
import { APP_TOKEN, FakeSlack, SIGNING_SECRET } from '../../helpers/fake-slack.js';
import { realKnowledge } from '../../helpers/knowledge.js';
import { ACCOUNTS_FILE, POLICY, tempDir } from '../../helpers/ledger.js';
import { missingGrantAccount } from '../../helpers/missing-grant.js';

export const NOW = new Date('2026-11-27T12:00:00Z');
export const MODERATOR = 'U0MOD';
export const MOD_CHANNEL = 'C0MODS';
/** A Slack member whose latest monthly grant is missing (test/helpers/missing-grant.ts). */
export const MISSING_GRANT_MEMBER = 'U0MISSING';

interface Harness {
  readonly fake: FakeSlack;
  readonly bot: SlackBot;
  readonly state: StateStore;
  readonly logs: () => string;
  stop(): Promise<void>;
}

/** HTTP mode: Slack posts signed requests to the bot's port. */
export interface SlackHarness extends Harness {
  readonly port: number;
}

/** Socket Mode: the bot connects to the fake's WebSocket; it listens on no port. */
export type SocketModeHarness = Harness;

export interface SlackOptions {
  readonly withoutModChannel?: boolean;
}

/**
 * The real Bolt app, its Web API and response_url on the fake: in HTTP mode on port 0 (signing
 * secret), or with `socketMode` over the fake's WebSocket (app token, no signing secret).
 */
export async function startSlack(
  options?: SlackOptions & { readonly socketMode?: false },
): Promise<SlackHarness>;
export async function startSlack(
  options: SlackOptions & { readonly socketMode: true },
): Promise<SocketModeHarness>;
export async function startSlack(
  options: SlackOptions & { readonly socketMode?: boolean } = {},
): Promise<SlackHarness | SocketModeHarness> {
  const fake = new FakeSlack();
  await fake.listen();
  const ledger = new MemoryLedgerStore(POLICY);
  const parsed = parseImportText(readFileSync(ACCOUNTS_FILE, 'utf8'));
  if (!parsed.ok) throw new Error('eval/accounts.json does not parse');
  await ledger.importAccounts([...parsed.accounts, missingGrantAccount(`slack:${MISSING_GRANT_MEMBER}`)]);
  const state = await openStateStore({ dataDir: tempDir('helpbot-slack-') });
  const desk = new HelpDesk(realKnowledge(), { ledger, state });
  const logStream = new PassThrough();
  const chunks: Buffer[] = [];
  logStream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const bot = new SlackBot({
    token: 'xoxb-test-token',
    ...(options.socketMode ? { appToken: APP_TOKEN } : { signingSecret: SIGNING_SECRET }),
    port: 0,
    apiUrl: fake.apiUrl,
    desk,
    moderation: new Moderation(desk, ledger, state, { discordRoleIds: [], slackUserIds: [MODERATOR] }),
    state,
    log: createLogger('info', logStream),
    settings: {
      moderatorIds: [MODERATOR],
      cooldownMs: 0,
      ...(options.withoutModChannel ? {} : { modChannel: MOD_CHANNEL }),
    },
    clock: () => NOW,
  });
  // HTTP mode resolves with the port; Socket Mode once the fake has said hello.
  const port = await bot.start();
  const harness: Harness = {
    fake,
    bot,
    state,
    logs: () => Buffer.concat(chunks).toString('utf8'),
    stop: async () => {
      await bot.stop();
      // Socket Mode: the client closes its socket; let the close handshake finish first.
      await fake.until(() => fake.openSockets === 0, 2000).catch(() => undefined);
      await state.close();
      await ledger.close();
      await fake.close();
    },
  };
  if (options.socketMode) return harness;
  if (port === undefined) throw new Error('the Slack bot did not report its HTTP port');
  return { ...harness, port };
}
