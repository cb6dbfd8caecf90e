import { runTerminalChat } from '../../adapters/terminal/chat.js';
import { discordConfigured, slackConfigured } from '../../config.js';
import { formatLedgerProblem } from '../../core/rules/problems.js';
import { DEMO_ACCOUNT_ID, demoAccounts } from '../../demo/demo-ledger.js';
import { parseCommandArgs, parseIdentity, parseNow } from '../args.js';
import { consoleIdentity } from '../identity.js';
import { EXIT_OK, type Io, UsageError } from '../io.js';
import { loadRuntime, type Runtime, StartupError } from '../runtime.js';

export async function startCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('start', args, {
    as: { type: 'string' },
    now: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`start: unexpected argument "${positionals[0]}"`);
  const identity = values.as === undefined ? consoleIdentity(io.env) : parseIdentity(values.as);
  const fixedNow = values.now === undefined ? undefined : parseNow(values.now);
  const runtime = await loadRuntime(io, { ledger: true });
  const platforms = [
    discordConfigured(runtime.config) ? 'Discord (DISCORD_TOKEN)' : undefined,
    slackConfigured(runtime.config) ? 'Slack (SLACK_BOT_TOKEN)' : undefined,
  ].filter((name) => name !== undefined);
  if (platforms.length > 0) {
    throw new StartupError(
      `${platforms.join(' and ')} configured, but this version has no chat platform adapters yet; unset the variables to use the terminal chat`,
    );
  }
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
  }).finally(() => runtime.close());
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
