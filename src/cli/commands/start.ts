import { runTerminalChat } from '../../adapters/terminal/chat.js';
import { discordConfigured, slackConfigured } from '../../config.js';
import { en } from '../../core/messages/en.js';
import { CONSOLE_MODERATOR_ROLE } from '../../core/moderation/permissions.js';
import { formatLedgerProblem } from '../../core/rules/problems.js';
import { TIME_UP, within } from '../../core/time-limit.js';
import { helpServices } from '../../core/use-cases/services.js';
import { DEMO_ACCOUNT_ID, demoAccounts } from '../../demo/demo-ledger.js';
import { parseCommandArgs, parseIdentity, parseNow } from '../args.js';
import { dashboardSite, type RunningDashboard, startDashboard } from '../dashboard.js';
import { type Check, type HealthServer, startHealthServer } from '../health-server.js';
import { consoleIdentity } from '../identity.js';
import { EXIT_OK, type Io, UsageError } from '../io.js';
import { type BotRuntime, loadBotRuntime, StartupError } from '../runtime.js';
import { configuredPlatforms, helpParts, type Platform } from '../wiring.js';

export async function startCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('start', args, {
    as: { type: 'string' },
    now: { type: 'string' },
    moderator: { type: 'boolean', default: false },
  });
  if (positionals.length > 0) throw new UsageError(`start: unexpected argument "${positionals[0]}"`);
  const identity = values.as === undefined ? consoleIdentity(io.env) : parseIdentity(values.as);
  const fixedNow = values.now === undefined ? undefined : parseNow(values.now);
  const runtime = await loadBotRuntime(io);
  // A running bot readies its matcher before the first question (fitting it if knowledge/ changed),
  // so no member waits for that.
  void runtime.desk.matcher;
  if (discordConfigured(runtime.config) || slackConfigured(runtime.config)) return runPlatforms(runtime);
  let dashboard: RunningDashboard | undefined;
  try {
    const demo = await loadDemoOnFirstRun(runtime, consoleIdentity(io.env), fixedNow ?? new Date());
    runtime.log.debug({ identity, demo }, 'terminal chat starting');
    const site = runtime.config.DASHBOARD_PORT === undefined ? undefined : dashboardSite(runtime);
    const parts = helpParts(runtime, fixedNow === undefined ? undefined : () => fixedNow, site?.links);
    if (site !== undefined && runtime.config.DASHBOARD_PORT !== undefined)
      dashboard = await startDashboard(runtime, parts, site, runtime.config.DASHBOARD_PORT);
    await runTerminalChat({
      // One person at a terminal: no cooldown between their questions.
      services: helpServices(parts, 0),
      input: io.stdin,
      output: io.stdout,
      identity,
      interactive: io.stdin.isTTY === true,
      ...(demo ? { greeting: en.demoGreeting(DEMO_ACCOUNT_ID, consoleIdentity(io.env)) } : {}),
      roles: values.moderator ? [CONSOLE_MODERATOR_ROLE] : [],
    });
  } finally {
    await dashboard?.close();
    await runtime.close();
  }
  return EXIT_OK;
}

/**
 * Discord and/or Slack in one process until SIGTERM or SIGINT, then a clean shutdown: gateway and
 * HTTP server closed, stores closed.
 */
async function runPlatforms(runtime: BotRuntime): Promise<number> {
  const { config, log } = runtime;
  // Listening for a signal first: loading an SDK takes a moment on a busy machine, and a SIGTERM
  // meanwhile must still shut down cleanly rather than kill the process.
  const stopping = new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  const site = config.DASHBOARD_PORT === undefined ? undefined : dashboardSite(runtime);
  const parts = helpParts(runtime, undefined, site?.links);
  const platforms = await configuredPlatforms(runtime, parts).catch(async (error: unknown) => {
    await runtime.close();
    throw error;
  });
  const health = await startHealth(runtime, platforms).catch(async (error: unknown) => {
    await runtime.close();
    throw error;
  });
  const dashboard =
    site === undefined || config.DASHBOARD_PORT === undefined
      ? undefined
      : await startDashboard(runtime, parts, site, config.DASHBOARD_PORT).catch(async (error: unknown) => {
          await health?.close();
          await runtime.close();
          throw error;
        });
  const started: Platform[] = [];
  try {
    for (const platform of platforms) {
      const starting = platform.start().then(() => 'started' as const);
      // Given up on (a signal, the time limit), its late failure must not surface as unhandled.
      starting.catch(() => undefined);
      // A signal or the time limit ends the wait for a platform that does not answer.
      const outcome = await within(
        Promise.race([starting, stopping]),
        config.CONNECT_TIMEOUT_SECONDS * 1000,
      ).catch((error: unknown) => {
        throw new StartupError(
          `${platform.name}: could not connect: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
      if (outcome === TIME_UP) {
        throw new StartupError(
          `${platform.name}: could not connect within ${config.CONNECT_TIMEOUT_SECONDS} s (CONNECT_TIMEOUT_SECONDS); check the network, the API address and the token`,
        );
      }
      if (outcome !== 'started') {
        log.info({ signal: outcome }, 'shutting down before every platform started');
        return EXIT_OK;
      }
      started.push(platform);
    }
    log.info({ signal: await stopping }, 'shutting down');
  } finally {
    // Not ready from the first moment of the shutdown: a balancer stops sending work here.
    health?.shuttingDown();
    // Every platform, started or not: one that failed half-way may hold a gateway or a port.
    for (const platform of [...started.reverse(), ...platforms.filter((p) => !started.includes(p))]) {
      await stopWithin(platform, STOP_TIMEOUT_MS).catch((error: unknown) => {
        if (started.includes(platform)) log.error({ err: error }, `${platform.name} did not stop cleanly`);
      });
    }
    await health?.close();
    await dashboard?.close();
    await runtime.close();
  }
  log.info('stopped');
  return EXIT_OK;
}

/**
 * GET /healthz and /readyz on HEALTH_PORT (when set), from before the platforms connect: live at
 * once, ready when every platform is connected and the stores and the knowledge answer.
 */
async function startHealth(
  runtime: BotRuntime,
  platforms: readonly Platform[],
): Promise<HealthServer | undefined> {
  const port = runtime.config.HEALTH_PORT;
  if (port === undefined) return undefined;
  const checks: Record<string, Check> = {
    knowledge: () => runtime.desk.matcherReady,
    // One read each: the store answers (a lost disk or server rejects, a stuck one times out).
    ledger: async () => {
      await runtime.ledger.accountForIdentity('readyz:probe');
      return true;
    },
    state: async () => {
      await runtime.state.channelSettings('readyz:probe');
      return true;
    },
  };
  for (const platform of platforms) checks[platform.name] = () => platform.connected();
  try {
    const server = await startHealthServer(port, checks);
    runtime.log.info({ port: server.port }, 'health endpoints listening');
    return server;
  } catch (error) {
    throw new StartupError(
      `HEALTH_PORT ${port}: cannot listen (${(error as { code?: string }).code ?? String(error)}); choose a free port`,
    );
  }
}

/** How long one platform gets to close its connections at shutdown. */
const STOP_TIMEOUT_MS = 5000;

async function stopWithin(platform: Platform, ms: number): Promise<void> {
  if ((await within(platform.stop(), ms)) === TIME_UP)
    throw new Error(`${platform.name} did not stop within ${ms / 1000} s`);
}

/**
 * A newcomer's first start has an empty ledger: load the demo account so personal answers work at
 * once. Later starts, or a ledger someone imported into, are left alone.
 */
async function loadDemoOnFirstRun(runtime: BotRuntime, identity: string, now: Date): Promise<boolean> {
  const ledger = runtime.ledger;
  if ((await ledger.countAccounts()) > 0) return false;
  const result = await ledger.importAccounts(demoAccounts(identity, now));
  if (!result.ok)
    throw new Error(`demo ledger rejected: ${result.problems.map(formatLedgerProblem).join('; ')}`);
  return true;
}
