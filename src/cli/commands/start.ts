import { runTerminalChat } from '../../adapters/terminal/chat.js';
import { discordConfigured, moderatorDirectory, slackConfigured } from '../../config.js';
import type { LedgerStore } from '../../core/ledger/store.js';
import { Moderation } from '../../core/moderation/moderation.js';
import { CONSOLE_MODERATOR_ROLE } from '../../core/moderation/permissions.js';
import { formatLedgerProblem } from '../../core/rules/problems.js';
import type { StateStore } from '../../core/state/store.js';
import { DEMO_ACCOUNT_ID, demoAccounts } from '../../demo/demo-ledger.js';
import { parseCommandArgs, parseIdentity, parseNow } from '../args.js';
import { consoleIdentity } from '../identity.js';
import { EXIT_OK, type Io, UsageError } from '../io.js';
import { loadRuntime, type Runtime, StartupError } from '../runtime.js';

export async function startCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('start', args, {
    as: { type: 'string' },
    now: { type: 'string' },
    moderator: { type: 'boolean', default: false },
  });
  if (positionals.length > 0) throw new UsageError(`start: unexpected argument "${positionals[0]}"`);
  const identity = values.as === undefined ? consoleIdentity(io.env) : parseIdentity(values.as);
  const fixedNow = values.now === undefined ? undefined : parseNow(values.now);
  const runtime = await loadRuntime(io, { ledger: true, state: true });
  if (slackConfigured(runtime.config)) {
    await runtime.close();
    throw new StartupError(
      'Slack (SLACK_BOT_TOKEN) configured, but this version has no Slack adapter yet; unset the SLACK_ variables',
    );
  }
  if (discordConfigured(runtime.config)) return runDiscord(runtime);
  const demo = await loadDemoOnFirstRun(runtime, consoleIdentity(io.env), fixedNow ?? new Date());
  runtime.log.debug({ identity, demo }, 'terminal chat starting');
  await runTerminalChat({
    desk: runtime.desk,
    input: io.stdin,
    output: io.stdout,
    identity,
    interactive: io.stdin.isTTY === true,
    ...(fixedNow === undefined ? {} : { clock: () => fixedNow }),
    ...(demo ? { greeting: DEMO_GREETING(consoleIdentity(io.env)) } : {}),
    roles: values.moderator ? [CONSOLE_MODERATOR_ROLE] : [],
    moderation: new Moderation(
      runtime.desk,
      runtime.ledger as LedgerStore,
      runtime.state as StateStore,
      moderatorDirectory(runtime.config),
    ),
  }).finally(() => runtime.close());
  return EXIT_OK;
}

/** The Discord adapter until SIGTERM or SIGINT, then a clean shutdown: gateway closed, stores closed. */
async function runDiscord(runtime: Runtime): Promise<number> {
  const { config, log } = runtime;
  const state = runtime.state as StateStore;
  const { DiscordBot } = await import('../../adapters/discord/bot.js');
  const { discordSettings } = await import('../../adapters/discord/settings.js');
  const bot = new DiscordBot({
    token: config.DISCORD_TOKEN as string,
    apiBase: config.DISCORD_API_BASE,
    desk: runtime.desk,
    state,
    moderation: new Moderation(
      runtime.desk,
      runtime.ledger as LedgerStore,
      state,
      moderatorDirectory(config),
    ),
    log,
    settings: discordSettings(config),
  });
  const stopping = new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  try {
    await bot.start().catch((error: unknown) => {
      throw new StartupError(
        `discord: could not connect: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    log.info({ signal: await stopping }, 'shutting down');
  } finally {
    await bot.stop();
    await runtime.close();
  }
  log.info('stopped');
  return EXIT_OK;
}

const DEMO_GREETING = (identity: string) =>
  `A demo account (${DEMO_ACCOUNT_ID}) is linked to ${identity}, so you can ask about "your" Connects: try "how many connects do I have?" or "why didn't I get a refund?".`;

/**
 * A newcomer's first start has an empty ledger: load the demo account so personal answers work at
 * once. Later starts, or a ledger someone imported into, are left alone.
 */
async function loadDemoOnFirstRun(runtime: Runtime, identity: string, now: Date): Promise<boolean> {
  const ledger = runtime.ledger;
  if (ledger === undefined || (await ledger.countAccounts()) > 0) return false;
  const result = await ledger.importAccounts(demoAccounts(identity, now));
  if (!result.ok)
    throw new Error(`demo ledger rejected: ${result.problems.map(formatLedgerProblem).join('; ')}`);
  return true;
}
