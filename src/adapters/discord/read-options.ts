import type { ChatInputCommandInteraction } from 'discord.js';
import type { Parameter, RawArgs } from '../../core/commands/arguments.js';
import type { Command } from '../../core/commands/command.js';

type Options = ChatInputCommandInteraction['options'];

/** The interaction's option values for the command's parameters: a member as `discord:ID`, a channel as its id. */
export function valuesOf(command: Command, options: Options): RawArgs {
  const values: Record<string, string | number> = {};
  for (const parameter of command.parameters) {
    const value = optionValue(parameter, options);
    if (value !== null) values[parameter.name] = value;
  }
  return values;
}

function optionValue(parameter: Parameter, options: Options): string | number | null {
  switch (parameter.kind) {
    case 'integer':
      return options.getInteger(parameter.name);
    case 'member': {
      const user = options.getUser(parameter.name);
      return user === null ? null : `discord:${user.id}`;
    }
    case 'channel':
      return options.getChannel(parameter.name)?.id ?? null;
    default:
      return options.getString(parameter.name);
  }
}
