import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIApplicationCommandsJSONBody,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Parameter } from '../../core/commands/arguments.js';
import type { Command, CommandGroup } from '../../core/commands/command.js';
import { CONNECTS } from '../../core/commands/connects.js';
import { CONNECTS_MOD } from '../../core/commands/connects-mod.js';

// Discord's application commands, made from the core's command groups: each group a slash command,
// each command a subcommand, each parameter an option of its kind. `helpbot discord deploy-commands`
// sends this list; interactions find their command in the same groups.

/** The slash commands, by the name Discord sends back with each interaction. */
export const SLASH_GROUPS: readonly CommandGroup[] = [CONNECTS, CONNECTS_MOD];

/** The message menu: answers the chosen message in its channel. */
export const ASK_HELP_BOT = {
  name: 'Ask Help Bot',
  type: ApplicationCommandType.Message,
  contexts: [InteractionContextType.Guild],
} as const satisfies RESTPostAPIApplicationCommandsJSONBody;

export const COMMANDS: readonly RESTPostAPIApplicationCommandsJSONBody[] = [
  ...SLASH_GROUPS.map(slashCommandOf),
  ASK_HELP_BOT,
];

function slashCommandOf(group: CommandGroup): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    name: group.name,
    description: group.description,
    type: ApplicationCommandType.ChatInput,
    contexts: [InteractionContextType.Guild],
    // Hidden from members without Manage Messages; the core checks MODERATOR_ROLE_IDS regardless.
    ...(group.moderatorsOnly
      ? { default_member_permissions: PermissionFlagsBits.ManageMessages.toString() }
      : {}),
    options: group.commands.map(subcommandOf),
  };
}

function subcommandOf(command: Command): APIApplicationCommandSubcommandOption {
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: command.name,
    description: command.description,
    options: command.parameters.map(optionOf),
  };
}

function optionOf(parameter: Parameter): APIApplicationCommandBasicOption {
  const { name, description, required } = parameter;
  switch (parameter.kind) {
    case 'text':
      return {
        type: ApplicationCommandOptionType.String,
        name,
        description,
        required,
        max_length: parameter.maxLength,
      };
    case 'topic':
      // Autocompleted from the FAQ's titles as the member types (handlers/topic-autocomplete.ts).
      return { type: ApplicationCommandOptionType.String, name, description, required, autocomplete: true };
    case 'choice':
      return {
        type: ApplicationCommandOptionType.String,
        name,
        description,
        required,
        choices: parameter.choices.map((value) => ({ name: value, value })),
      };
    case 'integer':
      return {
        type: ApplicationCommandOptionType.Integer,
        name,
        description,
        required,
        min_value: parameter.min,
        max_value: parameter.max,
      };
    case 'member':
      return { type: ApplicationCommandOptionType.User, name, description, required };
    case 'channel':
      return { type: ApplicationCommandOptionType.Channel, name, description, required };
  }
}
