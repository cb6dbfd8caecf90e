import type { Actor } from '../types.js';
import { type AlertModerators, type HelpServices, privateText, type Shown } from '../use-cases/services.js';
import { type ArgsOf, argsFrom, type Parameter, type RawArgs } from './arguments.js';

/** Who acts, where, and how their platform reaches its moderators: what every command is run with. */
export interface CommandEvent {
  /** Unique per delivery of the platform event: the same id twice has one effect. */
  readonly id: string;
  readonly actor: Actor;
  readonly channelId: string | null;
  readonly alert: AlertModerators;
}

/**
 * One command as every platform offers it: its name, what it takes, and the use case it runs.
 * Discord makes a subcommand of it, Slack and the terminal read its parameters from words.
 */
export interface Command {
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly Parameter[];
  /** Checks what the platform read against the parameters, then runs the use case. */
  run(services: HelpServices, values: RawArgs, event: CommandEvent): Promise<Shown>;
}

/** A command whose use case receives its arguments typed as its parameters declare them. */
export function command<const Ps extends readonly Parameter[]>(definition: {
  readonly name: string;
  readonly description: string;
  readonly parameters: Ps;
  run(services: HelpServices, args: ArgsOf<Ps>, event: CommandEvent): Promise<Shown>;
}): Command {
  return {
    name: definition.name,
    description: definition.description,
    parameters: definition.parameters,
    run: async (services, values, event) => {
      const args = argsFrom(definition.parameters, values);
      return typeof args === 'string' ? privateText(args) : definition.run(services, args, event);
    },
  };
}

/** Commands under one name (`/connects`, `/connects-mod`): a slash command with subcommands. */
export interface CommandGroup {
  readonly name: string;
  readonly description: string;
  /** Hidden by platforms that can hide commands (Discord) from members who cannot moderate. */
  readonly moderatorsOnly: boolean;
  readonly commands: readonly Command[];
}
