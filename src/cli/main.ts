import { config as loadDotenv } from 'dotenv';
import { LedgerDamagedError } from '../core/ledger/store.js';
import { CommandFailure, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type Io, UsageError, writeLine } from './io.js';
import { StartupError } from './runtime.js';

type Command = (args: readonly string[], io: Io) => Promise<number>;

// Each command is imported when it runs: `ask` should not pay for the YAML parser `knowledge` needs.
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  ask: async () => (await import('./commands/ask.js')).askCommand,
  match: async () => (await import('./commands/match.js')).matchCommand,
  eval: async () => (await import('./commands/eval.js')).evalCommand,
  knowledge: async () => (await import('./commands/knowledge.js')).knowledgeCommand,
  start: async () => (await import('./commands/start.js')).startCommand,
  accounts: async () => (await import('./commands/accounts.js')).accountsCommand,
  balance: async () => (await import('./commands/balance.js')).balanceCommand,
  discord: async () => (await import('./commands/discord.js')).discordCommand,
  dashboard: async () => (await import('./commands/dashboard.js')).dashboardCommand,
};

export const USAGE = `usage: helpbot <command> [options]

  start [--as ID] [--now TIME] [--moderator]   Discord/Slack when configured, else a terminal chat
  ask [--as ID] [--now TIME] [--json] TEXT   answer one question
  match                                   questions on stdin -> one JSON object a line
  eval FILE.jsonl [--llm] [--json]        score a question file (--llm: also with the model)
  eval FILE.jsonl --accounts ACCOUNTS.json   score account scenarios
  accounts import FILE.json [--dry-run]   load accounts and ledger entries (all or nothing)
  balance ID [--now TIME] [--json]        one member's account facts
  discord deploy-commands [--guild ID]    register the slash commands with Discord
  dashboard [--port N] [--as ID]          the moderators' web dashboard alone, with a sign-in link
  knowledge check                         validate knowledge/
  knowledge calibrate                     refit the confidence model to knowledge/
  knowledge export [--out FILE]           taught examples and notices, as YAML for review

ID is platform:id (console:faraz, discord:123..., slack:U0123ABC); TIME is ISO 8601 (2026-11-27).`;

function defaultIo(): Io {
  loadDotenv({ quiet: true });
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** Runs one command; returns the exit status. Expected failures print one line; only bugs throw further. */
export async function main(argv: readonly string[], io: Io = defaultIo()): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    writeLine(name === undefined ? io.stderr : io.stdout, USAGE);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = COMMANDS[name];
  try {
    if (command === undefined) {
      throw new UsageError(
        `unknown command "${name}"; expected one of: ${Object.keys(COMMANDS).join(', ')} (see helpbot --help)`,
      );
    }
    return await (await command())(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      writeLine(io.stderr, `helpbot: ${error.message}`);
      return EXIT_USAGE;
    }
    if (
      error instanceof StartupError ||
      error instanceof CommandFailure ||
      error instanceof LedgerDamagedError
    ) {
      writeLine(io.stderr, `helpbot: ${error.message}`);
      return EXIT_FAILURE;
    }
    throw error;
  }
}
