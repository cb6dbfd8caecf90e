import { runTerminalChat } from '../../adapters/terminal/chat.js';
import { discordConfigured, slackConfigured } from '../../config.js';
import { parseCommandArgs, parseIdentity, parseNow } from '../args.js';
import { consoleIdentity } from '../identity.js';
import { EXIT_OK, type Io, UsageError } from '../io.js';
import { loadRuntime, StartupError } from '../runtime.js';

export async function startCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('start', args, {
    as: { type: 'string' },
    now: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`start: unexpected argument "${positionals[0]}"`);
  const identity = values.as === undefined ? consoleIdentity(io.env) : parseIdentity(values.as);
  const fixedNow = values.now === undefined ? undefined : parseNow(values.now);
  const runtime = await loadRuntime(io);
  const platforms = [
    discordConfigured(runtime.config) ? 'Discord (DISCORD_TOKEN)' : undefined,
    slackConfigured(runtime.config) ? 'Slack (SLACK_BOT_TOKEN)' : undefined,
  ].filter((name) => name !== undefined);
  if (platforms.length > 0) {
    throw new StartupError(
      `${platforms.join(' and ')} configured, but this version has no chat platform adapters yet; unset the variables to use the terminal chat`,
    );
  }
  runtime.log.debug({ identity }, 'terminal chat starting');
  await runTerminalChat({
    desk: runtime.desk,
    input: io.stdin,
    output: io.stdout,
    identity,
    interactive: io.stdin.isTTY === true,
    ...(fixedNow === undefined ? {} : { clock: () => fixedNow }),
  });
  return EXIT_OK;
}
