import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parseImportText } from '../../../src/accounts/import-file.js';
import { DiscordBot } from '../../../src/adapters/discord/bot.js';
import type { DiscordSettings } from '../../../src/adapters/discord/context.js';
import { HelpDesk } from '../../../src/core/help-desk.js';
import type { LedgerStore } from '../../../src/core/ledger/store.js';
import { Moderation } from '../../../src/core/moderation/moderation.js';
import { AfterReply } from '../../../src/core/state/bookkeeping.js';
import type { StateStore } from '../../../src/core/state/store.js';
import { createLogger } from '../../../src/log/logger.js';
import { openStateStore } from '../../../src/store/open-state-store.js';
import { SqliteLedgerStore } from '../../../src/store/sqlite/ledger-store.js';
import {
  FakeDiscord,
  FORUM_CHANNEL_ID,
  HELP_CHANNEL_ID,
  MOD_CHANNEL_ID,
  MOD_ROLE_ID,
} from '../../helpers/fake-discord.js';
import { realKnowledge } from '../../helpers/knowledge.js';
import { ACCOUNTS_FILE, POLICY, tempDir } from '../../helpers/ledger.js';
import { missingGrantAccount } from '../../helpers/missing-grant.js';

export const NOW = new Date('2026-11-27T12:00:00Z');
export const TOKEN = 'test-token-abcdefghijklmnopqrstuvwxyz';

/** A Discord member whose latest monthly grant is missing (billing day 29, nothing since September). */
export const MISSING_GRANT_MEMBER_ID = '200000000000000003';
const MISSING_GRANT_ACCOUNT = missingGrantAccount(`discord:${MISSING_GRANT_MEMBER_ID}`);

/** The same ledger, answering each lookup after `ms`: work that outlasts Discord's 3 seconds. */
function slow(ledger: LedgerStore, ms: number): LedgerStore {
  const wait = () => new Promise((resolve) => setTimeout(resolve, ms));
  return {
    accountForIdentity: async (identity) => {
      await wait();
      return ledger.accountForIdentity(identity);
    },
    accountById: (id) => ledger.accountById(id),
    importAccounts: (accounts, importOptions) => ledger.importAccounts(accounts, importOptions),
    importStream: (items, importOptions) => ledger.importStream(items, importOptions),
    countAccounts: () => ledger.countAccounts(),
    verify: () => ledger.verify(),
    close: () => ledger.close(),
  };
}

export interface Harness {
  readonly fake: FakeDiscord;
  readonly bot: DiscordBot;
  readonly state: StateStore;
  readonly logs: () => string;
  /** Moves the bot's clock (notices expiring, mutes ending). */
  setNow(date: Date): void;
  stop(): Promise<void>;
}

/** The real discord.js client against the fake, with the repository's accounts (eval/accounts.json) in the ledger. */
export async function startHarness(
  overrides: Partial<DiscordSettings> = {},
  options: {
    withoutModChannel?: boolean;
    brokenLedger?: boolean;
    slowLedgerMs?: number;
    /** As the running bot does: questions recorded after the reply. */
    recordAfterReply?: boolean;
  } = {},
): Promise<Harness> {
  const fake = new FakeDiscord();
  await fake.listen();
  // The production ledger, on a file: one adapter's end-to-end tests run on what members' answers do.
  const ledger = new SqliteLedgerStore(join(tempDir('helpbot-ledger-'), 'ledger.sqlite'), POLICY);
  const parsed = parseImportText(readFileSync(ACCOUNTS_FILE, 'utf8'));
  if (!parsed.ok) throw new Error('eval/accounts.json does not parse');
  await ledger.importAccounts([...parsed.accounts, MISSING_GRANT_ACCOUNT]);
  // A ledger that fails every lookup: what a bug or a lost disk looks like to the adapter.
  if (options.brokenLedger) await ledger.close();
  const state = await openStateStore({ dataDir: tempDir('helpbot-state-') });
  const logStream = new PassThrough();
  const logChunks: Buffer[] = [];
  logStream.on('data', (chunk: Buffer) => logChunks.push(chunk));
  const desk = new HelpDesk(realKnowledge(), {
    ledger: options.slowLedgerMs === undefined ? ledger : slow(ledger, options.slowLedgerMs),
    state,
    ...(options.recordAfterReply ? { bookkeeping: new AfterReply(() => undefined) } : {}),
  });
  let clock = NOW;
  const bot = new DiscordBot({
    token: TOKEN,
    apiBase: fake.apiBase,
    desk,
    moderation: new Moderation(desk, ledger, state, { discordRoleIds: [MOD_ROLE_ID], slackUserIds: [] }),
    state,
    log: createLogger('info', logStream),
    clock: () => clock,
    settings: {
      helpChannelIds: [HELP_CHANNEL_ID],
      forumChannelIds: [FORUM_CHANNEL_ID],
      moderatorRoleIds: [MOD_ROLE_ID],
      ...(options.withoutModChannel ? {} : { modChannelId: MOD_CHANNEL_ID }),
      cooldownMs: 0,
      ...overrides,
    },
  });
  await bot.start();
  return {
    fake,
    bot,
    state,
    logs: () => Buffer.concat(logChunks).toString('utf8'),
    setNow: (date) => {
      clock = date;
    },
    stop: async () => {
      await bot.stop();
      await desk.settled();
      await state.close();
      await ledger.close();
      await fake.close();
    },
  };
}
