import { renderReplyForTerminal } from '../../adapters/terminal/render.js';
import { actorFromIdentity } from '../../core/identity.js';
import type { Reply, Request } from '../../core/types.js';
import { accountJson } from '../account-json.js';
import { parseCommandArgs, parseIdentity, parseNow } from '../args.js';
import { consoleIdentity } from '../identity.js';
import { EXIT_OK, type Io, UsageError, writeLine } from '../io.js';
import { loadRuntimeWithLedger } from '../runtime.js';

export async function askCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('ask', args, {
    as: { type: 'string' },
    now: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const text = positionals.join(' ');
  if (text.trim() === '')
    throw new UsageError('ask: missing the question, e.g. helpbot ask "do connects expire?"');
  const identity = values.as === undefined ? consoleIdentity(io.env) : parseIdentity(values.as);
  const now = parseNow(values.now);
  const runtime = await loadRuntimeWithLedger(io, { languageModel: true });
  const request: Request = {
    id: `cli-${now.getTime()}-${process.pid}`,
    actor: actorFromIdentity(identity),
    body: { kind: 'question', text },
    now,
  };
  const reply = await runtime.desk.handle(request).finally(() => runtime.close());
  writeLine(io.stdout, values.json ? JSON.stringify(askJson(reply)) : renderReplyForTerminal(reply));
  return EXIT_OK;
}

/** docs/contract.md section 3: `ask --json`. Fields beyond the contract's are additions, never renames. */
export function askJson(reply: Reply) {
  return {
    intent: reply.intent,
    confidence: reply.confidence,
    cases: reply.cases,
    answer: reply.text,
    escalate: reply.escalate,
    account: accountJson(reply.account),
    outcome: reply.outcome,
    visibility: reply.visibility,
    choices: reply.choices.map((choice) => choice.intent),
    citations: reply.citations.map((citation) => citation.factId),
    decidedBy: reply.decidedBy,
    ...(reply.language === undefined ? {} : { language: reply.language }),
    also: reply.also.map((topic) => ({ intent: topic.intent, answered: topic.answered })),
  };
}
