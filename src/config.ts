import { fileURLToPath } from 'node:url';
import { z } from 'zod';

// The environment, parsed once. Every problem is collected so one start-up message names them all.

const PACKAGE_KNOWLEDGE_DIR = fileURLToPath(new URL('../knowledge', import.meta.url));

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17-20 digits)');
const slackUserId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'must be a Slack user id such as U0123ABC');

/** Unset and empty are the same thing in a .env file. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean)
        : [],
    z.array(item),
  );

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const envSchema = z.object({
  DATA_DIR: optional(z.string()).default('./data'),
  KNOWLEDGE_DIR: optional(z.string()).default(PACKAGE_KNOWLEDGE_DIR),
  DISCORD_TOKEN: optional(z.string().min(20, 'looks too short to be a bot token')),
  DISCORD_APP_ID: optional(snowflake),
  DISCORD_API_BASE: optional(httpUrl).default('https://discord.com/api'),
  HELP_CHANNEL_IDS: list(snowflake),
  FORUM_CHANNEL_IDS: list(snowflake),
  MODERATOR_ROLE_IDS: list(snowflake),
  // A bot in very many servers splits its gateway into shards (discord.js's own sharding): how many
  // in all, and which this process runs. A single community needs neither.
  SHARD_COUNT: optional(z.coerce.number().int().min(1).max(10_000)),
  SHARD_IDS: list(z.coerce.number().int().min(0)),
  MOD_CHANNEL_ID: optional(snowflake),
  SLACK_BOT_TOKEN: optional(z.string().startsWith('xoxb-', 'must start with xoxb-')),
  SLACK_APP_TOKEN: optional(z.string().startsWith('xapp-', 'must start with xapp-')),
  SLACK_SIGNING_SECRET: optional(z.string().min(8, 'looks too short')),
  SLACK_PORT: optional(z.coerce.number().int().min(1).max(65535)).default(3000),
  // GET /healthz and /readyz for a supervisor or an orchestrator; off when unset.
  HEALTH_PORT: optional(z.coerce.number().int().min(1).max(65535)),
  // The moderators' web dashboard: off when unset. It listens on DASHBOARD_HOST (this machine only
  // unless changed); DASHBOARD_URL is the address moderators open, when a proxy serves it elsewhere.
  DASHBOARD_PORT: optional(z.coerce.number().int().min(1).max(65535)),
  DASHBOARD_HOST: optional(z.string().min(1)).default('127.0.0.1'),
  DASHBOARD_URL: optional(httpUrl),
  // Signs sign-in links and sessions; several instances behind one address must share it. Unset: a
  // random one is kept in DATA_DIR/dashboard-secret.
  DASHBOARD_SECRET: optional(z.string().min(32, 'must be at least 32 characters')),
  SLACK_API_URL: optional(httpUrl).default('https://slack.com/api/'),
  SLACK_MODERATOR_IDS: list(slackUserId),
  // How long `start` waits for Discord or Slack to accept the bot before it gives up with one line.
  CONNECT_TIMEOUT_SECONDS: optional(z.coerce.number().int().min(1).max(600)).default(30),
  SLACK_MOD_CHANNEL: optional(
    z.string().regex(/^[CG][A-Z0-9]{2,}$/, 'must be a Slack channel id such as C0123ABC'),
  ),
  OPENAI_API_KEY: optional(z.string()),
  OPENAI_BASE_URL: optional(httpUrl),
  OPENAI_MODEL: optional(z.string()).default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: optional(z.string()).default('text-embedding-3-small'),
  // How long one answer may wait for the model before the offline answer goes out.
  OPENAI_TIME_BUDGET_MS: optional(z.coerce.number().int().min(100).max(60_000)).default(2000),
  // Whether an answer holding a member's own figures may be sent to the model to be rephrased.
  OPENAI_SEND_ACCOUNT_DATA: optional(z.enum(['true', 'false']))
    .default('false')
    .transform((value) => value === 'true'),
  // Model calls one member may cause in an hour.
  OPENAI_CALLS_PER_MEMBER_HOUR: optional(z.coerce.number().int().min(1).max(10_000)).default(30),
  KEYV_URL: optional(
    z
      .string()
      .regex(/^(sqlite|redis|rediss):\/\//, 'must start with sqlite:// or redis://')
      // An empty path would be a temporary database: mutes, the audit log and taught examples
      // would vanish at exit without a word.
      .refine(
        (url) => url !== 'sqlite://' && url !== 'sqlite://:memory:',
        'sqlite:// needs a file path, e.g. sqlite:///var/lib/helpbot/state.sqlite (state must outlive the process)',
      ),
  ),
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://')),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])).default('info'),
});

type Env = Readonly<Record<string, string | undefined>>;

const isSet = (env: Env, name: string): boolean => (env[name] ?? '') !== '';

/** Rules between variables, checked on the raw environment so they are reported with the rest. */
function crossFieldProblems(env: Env): string[] {
  const problems: string[] = [];
  if (isSet(env, 'DISCORD_TOKEN') !== isSet(env, 'DISCORD_APP_ID')) {
    const missing = isSet(env, 'DISCORD_TOKEN') ? 'DISCORD_APP_ID' : 'DISCORD_TOKEN';
    problems.push(`${missing} is needed too: set both DISCORD_TOKEN and DISCORD_APP_ID`);
  }
  const slackMode = isSet(env, 'SLACK_APP_TOKEN') || isSet(env, 'SLACK_SIGNING_SECRET');
  if (isSet(env, 'SLACK_BOT_TOKEN') && !slackMode) {
    problems.push('SLACK_BOT_TOKEN needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)');
  }
  if (!isSet(env, 'SLACK_BOT_TOKEN') && slackMode)
    problems.push('SLACK_BOT_TOKEN is needed to run the Slack adapter');
  if (isSet(env, 'SHARD_IDS') && !isSet(env, 'SHARD_COUNT'))
    problems.push('SHARD_IDS needs SHARD_COUNT (how many shards there are in all)');
  const count = Number(env.SHARD_COUNT);
  const ids = (env.SHARD_IDS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
    .map(Number);
  if (isSet(env, 'SHARD_COUNT') && ids.some((id) => Number.isInteger(id) && id >= count))
    problems.push(`SHARD_IDS must each be below SHARD_COUNT (${env.SHARD_COUNT})`);
  return problems;
}

export type Config = z.output<typeof envSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Parses the environment; on failure one line names every bad or missing variable. */
export function parseConfig(env: Env): ConfigResult {
  const parsed = envSchema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`);
  problems.push(...crossFieldProblems(env));
  if (parsed.success && problems.length === 0) return { ok: true, config: parsed.data };
  return { ok: false, message: `invalid configuration: ${problems.join('; ')}` };
}

/** Discord runs when its token and application id are set; the type then says they are. */
export function discordConfigured(
  config: Config,
): config is Config & { readonly DISCORD_TOKEN: string; readonly DISCORD_APP_ID: string } {
  return config.DISCORD_TOKEN !== undefined && config.DISCORD_APP_ID !== undefined;
}

/** Slack runs when its bot token is set (and, checked at parse time, an app token or signing secret). */
export function slackConfigured(config: Config): config is Config & { readonly SLACK_BOT_TOKEN: string } {
  return config.SLACK_BOT_TOKEN !== undefined;
}

/** The language model layer is on when a key or a server (a local one needs no key) is given. */
export function languageModelConfigured(config: Config): boolean {
  return config.OPENAI_API_KEY !== undefined || config.OPENAI_BASE_URL !== undefined;
}

/** Who the core treats as a moderator on each platform. */
export function moderatorDirectory(config: Config): { discordRoleIds: string[]; slackUserIds: string[] } {
  return { discordRoleIds: config.MODERATOR_ROLE_IDS, slackUserIds: config.SLACK_MODERATOR_IDS };
}
