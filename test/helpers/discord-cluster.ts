import { TOKEN } from '../adapters/discord/harness.js';
import type { NodeChild } from './child-process.js';
import { APP_ID, FakeDiscord, HELP_CHANNEL_ID, MOD_ROLE_ID } from './fake-discord.js';
import { startHelpbot, stopHelpbots } from './helpbot-process.js';
import { runCli } from './io.js';
import { ACCOUNTS_FILE } from './ledger.js';
import { type PostgresServer, startPostgres } from './postgres-server.js';
import { type RedisServer, startRedis } from './redis-server.js';

// A deployment of several `helpbot start` processes on one bot token: one PostgreSQL (the ledger,
// the repository's accounts imported), one Redis (the state) and the local fake Discord, which
// delivers every gateway event to every instance, as Discord does to two connections of one bot.

export interface DiscordCluster {
  readonly fake: FakeDiscord;
  readonly databaseUrl: string;
  readonly bots: readonly NodeChild[];
  /** One more instance, resolved once it is connected. */
  startBot(): Promise<NodeChild>;
  stop(): Promise<void>;
}

export async function startDiscordCluster(): Promise<DiscordCluster> {
  const [postgres, redis]: [PostgresServer, RedisServer] = await Promise.all([startPostgres(), startRedis()]);
  const databaseUrl = await postgres.database();
  const imported = await runCli(['accounts', 'import', ACCOUNTS_FILE], {
    env: { DATABASE_URL: databaseUrl },
  });
  if (imported.code !== 0) throw new Error(imported.stderr);
  const fake = new FakeDiscord();
  await fake.listen();
  const bots: NodeChild[] = [];
  return {
    fake,
    databaseUrl,
    bots,
    async startBot() {
      const env = {
        DISCORD_TOKEN: TOKEN,
        DISCORD_APP_ID: APP_ID,
        DISCORD_API_BASE: fake.apiBase,
        HELP_CHANNEL_IDS: HELP_CHANNEL_ID,
        MODERATOR_ROLE_IDS: MOD_ROLE_ID,
        DATABASE_URL: databaseUrl,
        KEYV_URL: redis.url,
      };
      const bot = await startHelpbot(env, 'discord ready');
      bots.push(bot);
      return bot;
    },
    async stop() {
      await stopHelpbots(bots);
      await fake.close();
      await redis.stop();
      await postgres.stop();
    },
  };
}
