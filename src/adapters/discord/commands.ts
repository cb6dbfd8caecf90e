import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { MAX_QUESTION_CHARS } from '../../core/limits.js';

// Every application command the bot has, declared once. `helpbot discord deploy-commands` sends
// this list; the handlers look commands up by these names.

export const CONNECTS = 'connects';
export const CONNECTS_MOD = 'connects-mod';
export const ASK_HELP_BOT = 'Ask Help Bot';

export const COMMANDS: readonly RESTPostAPIApplicationCommandsJSONBody[] = [
  {
    name: CONNECTS,
    description: 'Questions about Connects: answers, your balance, your refunds',
    type: ApplicationCommandType.ChatInput,
    contexts: [InteractionContextType.Guild],
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'ask',
        description: 'Ask a question about Connects in your own words',
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'question',
            description: 'Your question',
            required: true,
            max_length: MAX_QUESTION_CHARS,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'balance',
        description: 'Your balance, what expires soon and your next free Connects (only you see it)',
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'refunds',
        description: 'Your proposals and whether their Connects come back (only you see it)',
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'faq',
        description: 'Show one FAQ topic',
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'topic',
            description: 'Start typing to pick a topic',
            required: true,
            autocomplete: true,
          },
        ],
      },
    ],
  },
  {
    name: ASK_HELP_BOT,
    type: ApplicationCommandType.Message,
    contexts: [InteractionContextType.Guild],
  },
];
