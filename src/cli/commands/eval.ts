import { type EvalLine, type EvalReport, evalLineSchema, scoreEval } from '../../eval/score.js';
import { parseCommandArgs } from '../args.js';
import { EXIT_OK, type Io, UsageError, writeLine } from '../io.js';
import { readJsonLines } from '../jsonl.js';
import { loadRuntime } from '../runtime.js';

export async function evalCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('eval', args, {
    json: { type: 'boolean', default: false },
    accounts: { type: 'string' },
  });
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0)
    throw new UsageError('eval: expected one file, e.g. helpbot eval questions.jsonl');
  if (values.accounts !== undefined) {
    const { evalScenarios } = await import('./eval-scenarios.js');
    return evalScenarios(file, values.accounts, values.json, io);
  }
  const lines: EvalLine[] = readJsonLines('eval', file, evalLineSchema, 'questions');
  const { desk } = await loadRuntime(io);
  const predictions = [];
  for (const line of lines) {
    const reply = await desk.handle({
      id: 'eval',
      actor: { platform: 'console', id: 'eval', roles: [] },
      body: { kind: 'question', text: line.text },
      now: new Date(),
    });
    predictions.push({
      intent: reply.intent,
      cases: reply.cases,
      confidence: reply.confidence,
      clarified: reply.outcome === 'clarify',
    });
  }
  const report = scoreEval(lines, predictions);
  writeLine(io.stdout, values.json ? JSON.stringify(report) : formatReport(report));
  return EXIT_OK;
}

function formatReport(report: EvalReport): string {
  const out: string[] = [];
  if (report.confusions.length > 0) {
    out.push('Confusions (expected -> got, confidence):');
    for (const confusion of report.confusions) {
      out.push(
        `  ${confusion.expected} -> ${confusion.got} (${confusion.confidence.toFixed(2)}): ${confusion.text}`,
      );
    }
    out.push('');
  }
  out.push(`questions: ${report.questions}`);
  out.push(
    `in-scope accuracy: ${report.inScope.accuracy.toFixed(3)} (${report.inScope.correct}/${report.inScope.total}; ${report.inScope.clarified} offered choices)`,
  );
  out.push(
    `out-of-scope abstention: ${report.outOfScope.abstention.toFixed(3)} (${report.outOfScope.abstained}/${report.outOfScope.total})`,
  );
  out.push(
    `refund case accuracy: ${report.cases.accuracy.toFixed(3)} (${report.cases.correct}/${report.cases.total})`,
  );
  return out.join('\n');
}
