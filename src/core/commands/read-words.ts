import { en } from '../messages/en.js';
import { type Parameter, type RawArgs, takesRestOfLine } from './arguments.js';
import type { Command, CommandGroup } from './command.js';

// A command typed as words (`grant slack:U1 10 goodwill`, `faq refund rules`), as Slack's command
// text and the terminal's lines give it: the command's name, then its parameters in declared order.

/** The command the words name and its values, or a one-line reason they are not one. */
export function readCommandWords(
  group: CommandGroup,
  words: readonly string[],
  usagePrefix: string,
): { readonly command: Command; readonly values: RawArgs } | string {
  const [name, ...rest] = words;
  const command = group.commands.find((candidate) => candidate.name === name);
  if (command === undefined)
    return en.unknownCommand(
      name ?? '',
      group.commands.map((candidate) => candidate.name),
    );
  const values = readParameters(command.parameters, rest);
  return values === null ? en.usage(usageOf(command, usagePrefix)) : { command, values };
}

/** The values in declared order; null when words are missing, extra or of the wrong kind. */
export function readParameters(parameters: readonly Parameter[], words: readonly string[]): RawArgs | null {
  const values: Record<string, string | number> = {};
  for (const [index, parameter] of parameters.entries()) {
    const word = takesRestOfLine(parameters, index) ? words.slice(index).join(' ').trim() : words[index];
    if (word === undefined || word === '') {
      if (parameter.required) return null;
      continue;
    }
    if (parameter.kind === 'integer') {
      if (!/^[+-]?\d+$/.test(word)) return null;
      values[parameter.name] = Number(word);
    } else if (parameter.kind === 'choice' && !parameter.choices.some((one) => one === word)) {
      return null;
    } else values[parameter.name] = word;
  }
  // A command that takes nothing ignores what follows it (`/connects balance please`), as it always
  // has; elsewhere a word no parameter takes is a mistake worth pointing out.
  if (parameters.length === 0) return values;
  const last = parameters.length - 1;
  const taken = takesRestOfLine(parameters, last) ? words.length : parameters.length;
  return words.length > taken ? null : values;
}

/** `/mod outcome IDENTITY PROPOSAL OUTCOME (open, hired, …)`: how to type the command; the prefix is `/mod ` there. */
export function usageOf(command: Command, prefix: string): string {
  const shapes = command.parameters.map((parameter, index) => {
    const rest = takesRestOfLine(command.parameters, index) ? '…' : '';
    const choices = parameter.kind === 'choice' ? ` (${parameter.choices.join(', ')})` : '';
    const shape = `${parameter.label}${rest}${choices}`;
    return parameter.required ? shape : `[${shape}]`;
  });
  return [`${prefix}${command.name}`, ...shapes].join(' ');
}
