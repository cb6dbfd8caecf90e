import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { HelpDesk } from '../../core/help-desk.js';
import { actorFromIdentity } from '../../core/identity.js';
import type { Moderation } from '../../core/moderation/moderation.js';
import { parseModWords } from '../../core/moderation/parse-words.js';
import type { Actor, Reply, RequestBody, Topic } from '../../core/types.js';
import { renderReplyForTerminal } from './render.js';

export interface TerminalChatOptions {
  readonly desk: HelpDesk;
  readonly input: Readable;
  readonly output: Writable;
  readonly identity: string;
  /** A person at a terminal: prompt and greet. Otherwise answer each line and stop at end of input. */
  readonly interactive: boolean;
  readonly clock?: () => Date;
  /** A line shown after the welcome at an interactive terminal (the demo account, say). */
  readonly greeting?: string;
  /** Moderator actions for `/mod` lines; whether this user may run them is the core's call. */
  readonly moderation?: Moderation;
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

/** The terminal adapter: a line in becomes a Request, the Reply becomes text. */
export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { desk, output, interactive } = options;
  const clock = options.clock ?? (() => new Date());
  const actor = actorFromIdentity(options.identity, options.roles ?? []);
  const lines = createInterface({
    input: options.input,
    output: interactive ? output : undefined,
    terminal: interactive,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const say = (text: string) => output.write(`${text}\n${interactive ? '' : '\n'}`);
  let offered: readonly Topic[] = [];
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
      const body = line.startsWith('/mod')
        ? await moderate(line, options, actor, clock, ++counter)
        : bodyFor(line, offered, desk);
      if (typeof body === 'string') {
        say(body);
      } else {
        const reply: Reply = await desk.handle({ id: `console-${++counter}`, actor, body, now: clock() });
        offered = reply.choices;
        say(renderReplyForTerminal(reply) + choicesHint(reply));
      }
    }
    if (interactive) lines.prompt();
  }
  lines.close();
}

/** A `/mod …` line: the core decides whether this user may, and what it does. */
async function moderate(
  line: string,
  options: TerminalChatOptions,
  actor: Actor,
  clock: () => Date,
  counter: number,
): Promise<string> {
  const words = line.split(/\s+/).slice(1);
  if (words.length === 0) return MOD_HELP;
  if (options.moderation === undefined)
    return 'Moderator actions need the ledger and the state store (helpbot start).';
  const command = parseModWords(words);
  if (typeof command === 'string') return command;
  const result = await options.moderation.handle({
    id: `console-mod-${process.pid}-${counter}-${Date.now()}`,
    actor,
    command,
    now: clock(),
  });
  return result.text;
}

/** What a line asks for: a question, an FAQ entry, or a local answer (help, topics, bad command). */
function bodyFor(line: string, offered: readonly Topic[], desk: HelpDesk): RequestBody | string {
  if (/^\d+$/.test(line) && offered.length > 0) {
    const picked = offered[Number(line) - 1];
    return picked === undefined
      ? `Pick a number from 1 to ${offered.length}.`
      : { kind: 'faq', topic: picked.intent };
  }
  if (!line.startsWith('/')) return { kind: 'question', text: line };
  const [command, ...rest] = line.split(/\s+/);
  switch (command) {
    case '/help':
      return HELP;
    case '/topics':
      return desk.kb.entries.map((entry) => `  ${entry.id.padEnd(28)} ${entry.title}`).join('\n');
    case '/balance':
      return { kind: 'account', view: 'balance' };
    case '/refunds':
      return { kind: 'account', view: 'refunds' };
    case '/faq':
      return rest.length === 0 ? 'Usage: /faq TOPIC (see /topics)' : { kind: 'faq', topic: rest.join(' ') };
    default:
      return `Unknown command ${command}; type /help for the list.`;
  }
}

function choicesHint(reply: Reply): string {
  return reply.choices.length > 0 ? `\n(type 1-${reply.choices.length} to pick)` : '';
}
