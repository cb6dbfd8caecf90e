import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { actorFromIdentity } from '../../core/identity.js';
import { parseModWords } from '../../core/moderation/parse-words.js';
import type { Actor } from '../../core/types.js';
import { askQuestion } from '../../core/use-cases/ask-question.js';
import { parseButtonId } from '../../core/use-cases/button-ids.js';
import { lookUp } from '../../core/use-cases/look-up.js';
import { moderate } from '../../core/use-cases/moderate.js';
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

const MOD_HELP = `Moderator lines (start with --moderator):
  /mod teach INTENT QUESTION…            /mod notice INTENT HOURS TEXT…
  /mod grant IDENTITY AMOUNT REASON…     /mod adjust IDENTITY ±AMOUNT REASON…
  /mod outcome IDENTITY PROPOSAL OUTCOME /mod lookup IDENTITY
  /mod mute CHANNEL [HOURS]              /mod unmute CHANNEL
  /mod unanswered | stats | audit        /mod preview INTENT`;

const HELP = `Ask anything about Connects, in your own words. Other lines:
  /balance     your balance, what expires, your next free Connects
  /refunds     your proposals and whether their Connects come back
  /faq TOPIC   show one FAQ entry (id or title)     /topics   list the FAQ topics
  /mod …       moderator actions (/mod alone lists them)
  1, 2, 3      pick one of the topics I offered     /quit     leave`;

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
    say(`Connects help bot — you are ${options.identity}. Type /help for commands, /quit to leave.`);
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

/** What a line asks for: a question, a picked topic, an FAQ entry, an account view, a moderator's command, or a local answer. */
async function respond(line: string, at: Line): Promise<Shown | string> {
  const { services, actor, id } = at;
  const event = { id, actor, channelId: null, alert: NO_MODERATORS };
  if (/^\d+$/.test(line) && at.offered.length > 0) {
    const picked = at.offered[Number(line) - 1];
    if (picked === undefined) return `Pick a number from 1 to ${at.offered.length}.`;
    return pressButton(services, { ...event, buttonId: picked.id });
  }
  if (!line.startsWith('/')) return askQuestion(services, { ...event, text: line, source: 'command' });
  const [command, ...rest] = line.split(/\s+/);
  switch (command) {
    case '/help':
      return HELP;
    case '/topics':
      return services.desk.kb.entries.map((entry) => `  ${entry.id.padEnd(28)} ${entry.title}`).join('\n');
    case '/balance':
    case '/refunds':
      return lookUp(services, { ...event, what: { view: command === '/balance' ? 'balance' : 'refunds' } });
    case '/faq':
      return rest.length === 0
        ? 'Usage: /faq TOPIC (see /topics)'
        : lookUp(services, { ...event, what: { topic: rest.join(' ') } });
    case '/mod': {
      if (rest.length === 0) return MOD_HELP;
      const parsed = parseModWords(rest);
      return typeof parsed === 'string' ? parsed : moderate(services, { id, actor, command: parsed });
    }
    default:
      return `Unknown command ${command}; type /help for the list.`;
  }
}
