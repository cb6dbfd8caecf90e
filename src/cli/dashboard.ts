import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDashboard } from '../adapters/dashboard/server.js';
import { DashboardSignIn } from '../core/dashboard/sign-in.js';
import type { DashboardLinks } from '../core/moderation/action.js';
import type { HelpParts } from '../core/use-cases/services.js';
import type { BotRuntime } from './runtime.js';
import { StartupError } from './runtime.js';

// The dashboard in a running helpbot (DASHBOARD_PORT) or alone (`helpbot dashboard`): its secret,
// the links `/connects-mod dashboard` hands out, and the server on the runtime's own parts.

const SECRET_FILE = 'dashboard-secret';

export interface RunningDashboard {
  /** Where moderators open it. */
  readonly url: string;
  close(): Promise<void>;
}

/** DASHBOARD_SECRET, or a random one made once and kept in DATA_DIR (readable by this user only). */
function dashboardSecret(runtime: BotRuntime): Buffer {
  const configured = runtime.config.DASHBOARD_SECRET;
  if (configured !== undefined) return Buffer.from(configured);
  const file = join(runtime.config.DATA_DIR, SECRET_FILE);
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return Buffer.from(kept);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new StartupError(`dashboard: cannot read ${file} (${(error as NodeJS.ErrnoException).code})`);
  }
  const made = randomBytes(32).toString('base64url');
  try {
    // 'wx': two instances starting together on one DATA_DIR keep the first one's secret.
    writeFileSync(file, `${made}\n`, { mode: 0o600, flag: 'wx' });
    return Buffer.from(made);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return dashboardSecret(runtime);
    throw new StartupError(`dashboard: cannot write ${file} (${(error as NodeJS.ErrnoException).code})`);
  }
}

/** The address moderators open: DASHBOARD_URL, or this machine's port. */
export function dashboardUrl(runtime: BotRuntime, port: number): string {
  const configured = runtime.config.DASHBOARD_URL;
  if (configured !== undefined) return configured.replace(/\/+$/, '');
  const host = runtime.config.DASHBOARD_HOST;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

/** What the dashboard needs before it listens: its sign-in, and the links chat hands out. */
export interface DashboardSite {
  readonly signIn: DashboardSignIn;
  readonly links: DashboardLinks;
  /** Known once the server listens (a port of 0 is chosen then). */
  url: string | undefined;
}

export function dashboardSite(runtime: BotRuntime): DashboardSite {
  const signIn = new DashboardSignIn(dashboardSecret(runtime), runtime.state);
  const site: DashboardSite = {
    signIn,
    url: undefined,
    links: {
      linkFor(actor, now) {
        const { token, expires } = signIn.issueLink(actor, now);
        return { url: `${site.url ?? ''}/signin?token=${token}`, expires };
      },
    },
  };
  return site;
}

/** Serves the dashboard on `port` (0: any free port) over the runtime's parts. */
export async function startDashboard(
  runtime: BotRuntime,
  parts: HelpParts,
  site: DashboardSite,
  port: number,
): Promise<RunningDashboard> {
  const app = await buildDashboard({
    desk: parts.desk,
    state: parts.state,
    moderation: parts.moderation,
    signIn: site.signIn,
    log: runtime.log,
    ...(parts.clock === undefined ? {} : { clock: parts.clock }),
    secureCookies: runtime.config.DASHBOARD_URL?.startsWith('https:') === true,
  });
  try {
    await app.listen({ port, host: runtime.config.DASHBOARD_HOST });
  } catch (error) {
    await app.close();
    throw new StartupError(
      `DASHBOARD_PORT ${port}: cannot listen on ${runtime.config.DASHBOARD_HOST} (${(error as { code?: string }).code ?? String(error)}); choose a free port`,
    );
  }
  const address = app.server.address();
  const listening = typeof address === 'object' && address !== null ? address.port : port;
  const url = dashboardUrl(runtime, listening);
  site.url = url;
  runtime.log.info({ port: listening, url }, 'dashboard listening');
  return { url, close: () => app.close() };
}
