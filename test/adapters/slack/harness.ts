import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { parseImportText } from '../../../src/accounts/import-file.js';
import { SlackBot } from '../../../src/adapters/slack/bot.js';
import { HelpDesk } from '../../../src/core/help-desk.js';
import { Moderation } from '../../../src/core/moderation/moderation.js';
import { createLogger } from '../../../src/log/logger.js';
import { type KeyvStateStore, openStateStore } from '../../../src/store/keyv/state-store.js';
import { SqliteLedgerStore } from '../../../src/store/sqlite/ledger-store.js';
import { FakeSlack, SIGNING_SECRET } from '../../helpers/fake-slack.js';
import { realKnowledge } from '../../helpers/knowledge.js';
import { ACCOUNTS_FILE, POLICY, tempDir } from '../../helpers/ledger.js';
import { missingGrantAccount } from '../../helpers/missing-grant.js';

export const NOW = new Date('2026-11-27T12:00:00Z');
export const MODERATOR = 'U0MOD';
export const MOD_CHANNEL = 'C0MODS';
/** A Slack member whose latest monthly grant is missing (test/helpers/missing-grant.ts). */
export const MISSING_GRANT_MEMBER = 'U0MISSING';

export interface SlackHarness {
  readonly fake: FakeSlack;
  readonly bot: SlackBot;
  readonly port: number;
  readonly state: KeyvStateStore;
  readonly logs: () => string;
  stop(): Promise<void>;
}

/** The real Bolt app in HTTP mode on port 0, its Web API and response_url on the fake. */
export async function startSlack(options: { withoutModChannel?: boolean } = {}): Promise<SlackHarness> {
  const fake = new FakeSlack();
  await fake.listen();
  const ledger = new SqliteLedgerStore(':memory:', POLICY);
  const parsed = parseImportText(readFileSync(ACCOUNTS_FILE, 'utf8'));
  if (!parsed.ok) throw new Error('eval/accounts.json does not parse');
  await ledger.importAccounts([...parsed.accounts, missingGrantAccount(`slack:${MISSING_GRANT_MEMBER}`)]);
  const state = openStateStore({ dataDir: tempDir('helpbot-slack-') });
  const desk = new HelpDesk(realKnowledge(), { ledger, state });
  const logStream = new PassThrough();
  const chunks: Buffer[] = [];
  logStream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const bot = new SlackBot({
    token: 'xoxb-test-token',
    signingSecret: SIGNING_SECRET,
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
  const port = (await bot.start()) as number;
  return {
    fake,
    bot,
    port,
    state,
    logs: () => Buffer.concat(chunks).toString('utf8'),
    stop: async () => {
      await bot.stop();
      await state.close();
      await ledger.close();
      await fake.close();
    },
  };
}
