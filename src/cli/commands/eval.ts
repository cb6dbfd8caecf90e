import { languageModelConfigured } from '../../config.js';
import type { HelpDesk } from '../../core/help-desk.js';
import { crossValidationReport } from '../../eval/cross-validation.js';
import { formatReport, headline } from '../../eval/format.js';
import { type EvalLine, type EvalReport, evalLineSchema, predictionOf, scoreEval } from '../../eval/score.js';
import { parseCommandArgs } from '../args.js';
import { EXIT_OK, type Io, UsageError, writeLine } from '../io.js';
import { readJsonLines } from '../jsonl.js';
import { loadRuntime } from '../runtime.js';

/**
 * `helpbot eval FILE.jsonl… [--cross-validation] [--llm] [--json]`: scores question files as members
 * would be answered, with --llm also through the configured language model, and with
 * --cross-validation the knowledge base's own examples held out by groups.
 * `helpbot eval SCENARIOS.jsonl --accounts ACCOUNTS.json`: account scenarios.
 */
export async function evalCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('eval', args, {
    json: { type: 'boolean', default: false },
    accounts: { type: 'string' },
    'cross-validation': { type: 'boolean', default: false },
    llm: { type: 'boolean', default: false },
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
  const { desk, config } = await loadRuntime(io);
  if (values.llm && !languageModelConfigured(config))
    throw new UsageError('eval: --llm needs a language model: set OPENAI_API_KEY or OPENAI_BASE_URL');
  // With --llm, each file is scored twice: offline, then with the model, so the two can be compared.
  const withModel = values.llm
    ? await loadRuntime(io, { languageModel: true, embedExamples: true })
    : undefined;
  await withModel?.languageModel?.examplesReady;
  const reports: { name: string; report: EvalReport }[] = [];
  if (values['cross-validation']) {
    reports.push({
      name: 'cross-validation over knowledge/ (grouped folds)',
      report: crossValidationReport(desk.matcher),
    });
  }
  for (const { file, lines } of files) {
    reports.push({ name: file, report: await scoreFile(desk, lines) });
    if (withModel !== undefined)
      reports.push({
        name: `${file} (with the language model)`,
        report: await scoreFile(withModel.desk, lines),
      });
  }
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
  for (const [index, line] of lines.entries()) {
    const reply = await desk.handle({
      id: 'eval',
      // One member per line: a model's per-member limit must not skew the figures.
      actor: { platform: 'console', id: `eval-${index + 1}`, roles: [] },
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
