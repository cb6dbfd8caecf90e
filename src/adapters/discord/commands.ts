import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { JOB_OUTCOMES } from '../../core/ledger/types.js';
import { MAX_QUESTION_CHARS } from '../../core/limits.js';
import { MAX_LEDGER_AMOUNT, MAX_MUTE_HOURS, MAX_NOTICE_HOURS } from '../../core/moderation/commands.js';

// Every application command the bot has, declared once. `helpbot discord deploy-commands` sends
// this list; the handlers look commands up by these names.

export const CONNECTS = 'connects';
export const CONNECTS_MOD = 'connects-mod';
export const ASK_HELP_BOT = 'Ask Help Bot';

type Option = APIApplicationCommandBasicOption;

const sub = (
  name: string,
  description: string,
  options: Option[],
): APIApplicationCommandSubcommandOption => ({
  type: ApplicationCommandOptionType.Subcommand,
  name,
  description,
  options,
});
const text = (name: string, description: string, required: boolean, maxLength: number): Option => ({
  type: ApplicationCommandOptionType.String,
  name,
  description,
  required,
  max_length: maxLength,
});
const intent = (name: string, description: string): Option => ({
  type: ApplicationCommandOptionType.String,
  name,
  description,
  required: true,
  autocomplete: true,
});
const integer = (name: string, description: string, required: boolean, min: number, max: number): Option => ({
  type: ApplicationCommandOptionType.Integer,
  name,
  description,
  required,
  min_value: min,
  max_value: max,
});
const user = (): Option => ({
  type: ApplicationCommandOptionType.User,
  name: 'user',
  description: 'The member',
  required: true,
});
const channel = (): Option => ({
  type: ApplicationCommandOptionType.Channel,
  name: 'channel',
  description: 'The channel',
  required: true,
});

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
    name: CONNECTS_MOD,
    description: 'Moderator tools for the Connects help bot',
    type: ApplicationCommandType.ChatInput,
    contexts: [InteractionContextType.Guild],
    // Hidden from members without Manage Messages; the core checks MODERATOR_ROLE_IDS regardless.
    default_member_permissions: PermissionFlagsBits.ManageMessages.toString(),
    options: [
      sub('teach', 'Make a question an example of an FAQ entry', [
        text('question', 'The question as members ask it', true, MAX_QUESTION_CHARS),
        intent('intent', 'The FAQ entry it belongs to'),
      ]),
      sub('notice', "Show a notice with an entry's answers for a while", [
        intent('intent', 'The FAQ entry'),
        text('text', 'The notice', true, 500),
        integer('hours', 'How long it shows (1-336)', true, 1, MAX_NOTICE_HOURS),
      ]),
      sub('grant', "Credit a member's Connects", [
        user(),
        integer('amount', 'Connects to credit', true, 1, MAX_LEDGER_AMOUNT),
        text('reason', 'Why (kept in the audit log)', true, 500),
      ]),
      sub('adjust', "Correct a member's balance (negative to debit)", [
        user(),
        integer('amount', 'Connects, negative to debit', true, -MAX_LEDGER_AMOUNT, MAX_LEDGER_AMOUNT),
        text('reason', 'Why (kept in the audit log)', true, 500),
      ]),
      sub('outcome', "Record a job's outcome for a member's proposal", [
        user(),
        text('proposal', 'The proposal id, e.g. p-102', true, 100),
        {
          type: ApplicationCommandOptionType.String,
          name: 'outcome',
          description: 'What happened to the job',
          required: true,
          choices: JOB_OUTCOMES.map((outcome) => ({ name: outcome, value: outcome })),
        },
      ]),
      sub('lookup', "A member's account facts, shown only to you", [user()]),
      sub('mute', 'Stop automatic replies in a channel', [
        channel(),
        integer('hours', 'For how long (default: until unmuted)', false, 1, MAX_MUTE_HOURS),
      ]),
      sub('unmute', 'Resume automatic replies in a channel', [channel()]),
      sub('unanswered', 'Recent abstentions, "not helpful" answers and escalations', []),
      sub('stats', 'Questions, answers and feedback over the last 7 days', []),
      sub('audit', 'Recent moderator actions', []),
      sub('preview', 'An FAQ entry as members see it, and how well its examples are recognised', [
        intent('intent', 'The FAQ entry'),
      ]),
    ],
  },
  {
    name: ASK_HELP_BOT,
    type: ApplicationCommandType.Message,
    contexts: [InteractionContextType.Guild],
  },
];
