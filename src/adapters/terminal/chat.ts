import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { CONNECTS } from '../../core/commands/connects.js';
import { CONNECTS_MOD } from '../../core/commands/connects-mod.js';
import { readCommandWords, usageOf } from '../../core/commands/read-words.js';
import { actorFromIdentity } from '../../core/identity.js';
import { en } from '../../core/messages/en.js';
import type { Actor } from '../../core/types.js';
import { askQuestion } from '../../core/use-cases/ask-question.js';
import { parseButtonId } from '../../core/use-cases/button-ids.js';
import { pressButton } from '../../core/use-cases/press-button.js';
import type { AlertModerators, HelpServices, Shown, ShownButton } from '../../core/use-cases/services.js';
import { renderShownForTerminal } from './render.js';

export interface TerminalChatOptions {
  readonly services: HelpServices;
  readonly input: Readable;
  readonly output: Writable;
  readonly identity: string;
  /** A person at a terminal: prompt and greet. Otherwise answer each line and stop at end of input. */
  readonly interactive: boolean;
  /** A line shown after the welcome at an interactive terminal (the demo account, say). */
  readonly greeting?: string;
  /** The user's roles (`moderator` with `--moderator`). */
  readonly roles?: readonly string[];
}

/** A terminal has no moderators to hand a question to; the answer says how to reach them. */
const NO_MODERATORS: AlertModerators = async () => false;

/** The terminal adapter: a line in becomes a use case's input, what it shows becomes text. */
export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { output, interactive } = options;
  const actor = actorFromIdentity(options.identity, options.roles ?? []);
  const lines = createInterface({
    input: options.input,
    output: interactive ? output : undefined,
    terminal: interactive,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const say = (text: string) => output.write(`${text}\n${interactive ? '' : '\n'}`);
  // The topics offered under the last answer, which a number picks.
  let offered: readonly ShownButton[] = [];
  let counter = 0;

  if (interactive) {
    say(en.terminal.welcome(options.identity));
    if (options.greeting !== undefined) say(options.greeting);
    lines.setPrompt('you> ');
    lines.prompt();
  }
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') break;
    if (line !== '') {
      const shown = await respond(line, {
        ...options,
        actor,
        offered,
        id: `console-${process.pid}-${++counter}`,
      });
      if (typeof shown === 'string') say(shown);
      else if (shown.kind === 'message') {
        offered = shown.buttons.flat().filter((button) => parseButtonId(button.id)?.kind === 'pick');
        say(renderShownForTerminal(shown, offered.length));
      }
    }
    if (interactive) lines.prompt();
  }
  lines.close();
}

interface Line extends TerminalChatOptions {
  readonly actor: Actor;
  readonly offered: readonly ShownButton[];
  readonly id: string;
}

/** What a line asks for: a question, a picked topic, a command, or the terminal's own help. */
async function respond(line: string, at: Line): Promise<Shown | string> {
  const { services, actor, id } = at;
  const event = { id, actor, channelId: null, alert: NO_MODERATORS };
  if (/^\d+$/.test(line) && at.offered.length > 0) {
    const picked = at.offered[Number(line) - 1];
    if (picked === undefined) return en.terminal.pickNumber(at.offered.length);
    return pressButton(services, { ...event, buttonId: picked.id });
  }
  if (!line.startsWith('/')) return askQuestion(services, { ...event, text: line, source: 'command' });
  const [head = '', ...rest] = line.split(/\s+/);
  if (head === '/help') return helpText();
  if (head === '/topics')
    return services.desk.kb.entries.map((entry) => `  ${entry.id.padEnd(28)} ${entry.title}`).join('\n');
  // `/mod grant …` is a moderator's command; `/balance`, `/faq TOPIC` a member's, by its own name.
  const read =
    head === MOD_LINE
      ? rest.length === 0
        ? modHelpText()
        : readCommandWords(CONNECTS_MOD, rest, `${MOD_LINE} `)
      : CONNECTS.commands.some((command) => `/${command.name}` === head)
        ? readCommandWords(CONNECTS, [head.slice(1), ...rest], '/')
        : en.terminal.unknownLine(head);
  return typeof read === 'string' ? read : read.command.run(services, read.values, event);
}

const MOD_LINE = '/mod';

function helpText(): string {
  const commands = CONNECTS.commands.map(
    (command) => `  ${usageOf(command, '/').padEnd(16)} ${command.description}`,
  );
  return [en.terminal.helpIntro, ...commands, en.terminal.helpOwnLines].join('\n');
}

function modHelpText(): string {
  const actions = CONNECTS_MOD.commands.map((command) => `  ${usageOf(command, `${MOD_LINE} `)}`);
  return [en.terminal.modHelpIntro, ...actions].join('\n');
}
