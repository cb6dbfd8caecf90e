import { CONSOLE_MODERATOR_ROLE } from '../../core/moderation/permissions.js';
import { parseCommandArgs, parseIdentity } from '../args.js';
import { dashboardSite, startDashboard } from '../dashboard.js';
import { consoleIdentity } from '../identity.js';
import { EXIT_OK, type Io, UsageError, writeLine } from '../io.js';
import { loadBotRuntime } from '../runtime.js';
import { helpParts } from '../wiring.js';

// `helpbot dashboard [--port N] [--as ID]`: the moderators' dashboard alone, on the same stores as
// the bot, for a moderator who has a terminal and no chat. Whoever can run helpbot on the bot's
// data is trusted as a moderator here: the command prints a sign-in link for them.

const DEFAULT_PORT = 8080;

export async function dashboardCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('dashboard', args, {
    port: { type: 'string' },
    as: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`dashboard: unexpected argument "${positionals[0]}"`);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535))
    throw new UsageError(`dashboard: --port must be a port number (0-65535), not "${values.port}"`);
  const identity = values.as === undefined ? consoleIdentity(io.env) : parseIdentity(values.as);
  const [platform, ...id] = identity.split(':') as ['discord' | 'slack' | 'console', ...string[]];
  const stopping = new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  const runtime = await loadBotRuntime(io);
  try {
    const site = dashboardSite(runtime);
    const dashboard = await startDashboard(
      runtime,
      helpParts(runtime, undefined, site.links),
      site,
      port ?? runtime.config.DASHBOARD_PORT ?? DEFAULT_PORT,
    );
    try {
      const link = site.links.linkFor(
        { platform, id: id.join(':'), roles: [CONSOLE_MODERATOR_ROLE] },
        new Date(),
      );
      writeLine(io.stdout, `Dashboard: ${dashboard.url}`);
      writeLine(io.stdout, `Sign in as ${identity} (once, within 10 minutes): ${link.url}`);
      runtime.log.info({ signal: await stopping }, 'dashboard stopping');
    } finally {
      await dashboard.close();
    }
  } finally {
    await runtime.close();
  }
  return EXIT_OK;
}
