import { createInterface } from 'node:readline';
import { parseCommandArgs } from '../args.js';
import { EXIT_OK, type Io, UsageError, writeLine } from '../io.js';
import { loadRuntime } from '../runtime.js';

/** One question a line in, one JSON object a line out, in the same order (blank lines included). */
export async function matchCommand(args: readonly string[], io: Io): Promise<number> {
  const { positionals } = parseCommandArgs('match', args, {});
  if (positionals.length > 0)
    throw new UsageError('match: takes no arguments; it reads questions from standard input');
  const { desk } = await loadRuntime(io);
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const text of lines) {
    const reply = await desk.handle({
      id: 'match',
      actor: { platform: 'console', id: 'match', roles: [] },
      body: { kind: 'question', text },
      now: new Date(),
    });
    writeLine(
      io.stdout,
      JSON.stringify({ text, intent: reply.intent, confidence: reply.confidence, cases: reply.cases }),
    );
  }
  return EXIT_OK;
}
