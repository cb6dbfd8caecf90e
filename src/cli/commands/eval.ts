import type { HelpDesk } from '../../core/help-desk.js';
import { crossValidationReport } from '../../eval/cross-validation.js';
import { formatReport, headline } from '../../eval/format.js';
import { type EvalLine, type EvalReport, evalLineSchema, predictionOf, scoreEval } from '../../eval/score.js';
import { parseCommandArgs } from '../args.js';
import { EXIT_OK, type Io, UsageError, writeLine } from '../io.js';
import { readJsonLines } from '../jsonl.js';
import { loadRuntime } from '../runtime.js';

/**
 * `helpbot eval FILE.jsonl… [--cross-validation] [--json]`: scores question files as members would
 * be answered, and with --cross-validation the knowledge base's own examples held out by groups.
 * `helpbot eval SCENARIOS.jsonl --accounts ACCOUNTS.json`: account scenarios.
 */
export async function evalCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('eval', args, {
    json: { type: 'boolean', default: false },
    accounts: { type: 'string' },
    'cross-validation': { type: 'boolean', default: false },
  });
  if (values.accounts !== undefined) {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0)
      throw new UsageError(
        'eval: --accounts takes one scenario file, e.g. helpbot eval scenarios.jsonl --accounts accounts.json',
      );
    const { evalScenarios } = await import('./eval-scenarios.js');
    return evalScenarios(file, values.accounts, values.json, io);
  }
  if (positionals.length === 0 && !values['cross-validation'])
    throw new UsageError(
      'eval: expected a question file, e.g. helpbot eval questions.jsonl (or --cross-validation)',
    );
  // Every file is read and checked before anything is scored: a bad line stops the run at once.
  const files = positionals.map((file) => ({
    file,
    lines: readJsonLines('eval', file, evalLineSchema, 'questions') as EvalLine[],
  }));
  const { desk } = await loadRuntime(io);
  const reports: { name: string; report: EvalReport }[] = [];
  if (values['cross-validation']) {
    reports.push({
      name: 'cross-validation over knowledge/ (grouped folds)',
      report: crossValidationReport(desk.matcher),
    });
  }
  for (const { file, lines } of files) reports.push({ name: file, report: await scoreFile(desk, lines) });
  if (values.json) {
    const only = reports.length === 1 && positionals.length === 1 ? reports[0]?.report : undefined;
    writeLine(
      io.stdout,
      JSON.stringify(only ?? Object.fromEntries(reports.map(({ name, report }) => [name, report]))),
    );
    return EXIT_OK;
  }
  const sections = reports.map(({ name, report }) =>
    reports.length === 1
      ? formatReport(report)
      : `== ${name}\n${formatReport(report, { confusions: false })}`,
  );
  // Several reports end with one line each, so the headline figures are where a reader looks last.
  const summary = reports.map(({ name, report }) => `${name}: ${headline(report)}`);
  writeLine(io.stdout, [...sections, `== summary\n${summary.join('\n')}`].join('\n\n'));
  return EXIT_OK;
}

/** Each line asked as a member with no linked account would ask it. */
async function scoreFile(desk: HelpDesk, lines: readonly EvalLine[]): Promise<EvalReport> {
  const predictions = [];
  for (const line of lines) {
    const reply = await desk.handle({
      id: 'eval',
      actor: { platform: 'console', id: 'eval', roles: [] },
      body: { kind: 'question', text: line.text },
      now: new Date(),
    });
    // The cases the post itself names, as the matcher read them (the reply lists the others after).
    const named = reply.intent === null ? [] : desk.matcher.answerAs(reply.intent, line.text).signalled;
    predictions.push({
      ...predictionOf({ ...reply, decision: reply.outcome }),
      signalled: named,
      also: reply.also.map((topic) => topic.intent),
    });
  }
  return scoreEval(lines, predictions);
}
