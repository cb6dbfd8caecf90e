import { parseCommandArgs } from '../args.js';
import { EXIT_OK, type Io, UsageError, writeLine } from '../io.js';
import { loadConfig, StartupError } from '../runtime.js';

const SNOWFLAKE = /^\d{17,20}$/;

/** `helpbot discord deploy-commands [--guild ID]`. */
export async function discordCommand(args: readonly string[], io: Io): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'deploy-commands') {
    throw new UsageError(
      action === undefined
        ? 'discord: missing the action, e.g. helpbot discord deploy-commands --guild 123456789012345678'
        : `discord: unknown action "${action}"; expected: deploy-commands`,
    );
  }
  const { values, positionals } = parseCommandArgs('discord deploy-commands', rest, {
    guild: { type: 'string' },
  });
  if (positionals.length > 0)
    throw new UsageError(`discord deploy-commands: unexpected argument "${positionals[0]}"`);
  if (values.guild !== undefined && !SNOWFLAKE.test(values.guild)) {
    throw new UsageError(
      `discord deploy-commands: --guild "${values.guild}" is not a Discord id (17-20 digits)`,
    );
  }
  const config = loadConfig(io);
  if (config.DISCORD_TOKEN === undefined || config.DISCORD_APP_ID === undefined) {
    throw new UsageError(
      'discord deploy-commands: set DISCORD_TOKEN and DISCORD_APP_ID first (see README, "Discord")',
    );
  }
  const { deployCommands } = await import('../../adapters/discord/deploy.js');
  let names: string[];
  try {
    names = await deployCommands({
      token: config.DISCORD_TOKEN,
      appId: config.DISCORD_APP_ID,
      apiBase: config.DISCORD_API_BASE,
      ...(values.guild === undefined ? {} : { guildId: values.guild }),
    });
  } catch (error) {
    throw new StartupError(
      `discord deploy-commands: Discord refused: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const where = values.guild === undefined ? 'globally' : `in guild ${values.guild}`;
  writeLine(io.stdout, `registered ${names.length} commands ${where}: ${names.join(', ')}`);
  return EXIT_OK;
}
