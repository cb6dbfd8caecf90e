import { MAX_QUESTION_CHARS } from '../limits.js';
import { en } from '../messages/en.js';
import { askQuestion } from '../use-cases/ask-question.js';
import { lookUp } from '../use-cases/look-up.js';
import { text, topic } from './arguments.js';
import { type CommandGroup, command } from './command.js';

/**
 * `/connects`: what members do. Each platform offers these (Discord as subcommands, Slack as the
 * command's first word, the terminal as `/balance`, `/faq TOPIC`); a new one is an entry here and
 * its use case.
 */
export const CONNECTS: CommandGroup = {
  name: 'connects',
  description: en.commands.connects,
  moderatorsOnly: false,
  commands: [
    command({
      name: 'ask',
      description: en.commands.ask,
      parameters: [
        text('question', {
          description: en.commands.question,
          label: 'QUESTION',
          maxLength: MAX_QUESTION_CHARS,
        }),
      ],
      run: (services, { question }, event) =>
        askQuestion(services, { ...event, text: question, source: 'command' }),
    }),
    command({
      name: 'balance',
      description: en.commands.balance,
      parameters: [],
      run: (services, _args, event) => lookUp(services, { ...event, what: { view: 'balance' } }),
    }),
    command({
      name: 'refunds',
      description: en.commands.refunds,
      parameters: [],
      run: (services, _args, event) => lookUp(services, { ...event, what: { view: 'refunds' } }),
    }),
    command({
      name: 'faq',
      description: en.commands.faq,
      parameters: [topic('topic', { description: en.commands.topic, label: 'TOPIC' })],
      run: (services, args, event) => lookUp(services, { ...event, what: { topic: args.topic } }),
    }),
  ],
};
