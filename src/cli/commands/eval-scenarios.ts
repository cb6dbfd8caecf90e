import { parseImportText } from '../../accounts/import-file.js';
import { HelpDesk } from '../../core/help-desk.js';
import { actorFromIdentity } from '../../core/identity.js';
import { formatLedgerProblem } from '../../core/rules/problems.js';
import { type Scenario, scenarioMismatches, scenarioSchema } from '../../eval/scenarios.js';
import { MemoryLedgerStore } from '../../store/memory/ledger-store.js';
import { parseIdentity, parseNow } from '../args.js';
import { EXIT_OK, type Io, UsageError, writeLine } from '../io.js';
import { readJsonLines, readTextFile } from '../jsonl.js';
import { loadRuntime } from '../runtime.js';
import { askJson } from './ask.js';

/**
 * `helpbot eval SCENARIOS.jsonl --accounts ACCOUNTS.json`: imports the accounts into a ledger in
 * memory (DATA_DIR is not touched), asks each scenario's question as its member at its time, and
 * checks the answer and the account facts.
 */
export async function evalScenarios(
  file: string,
  accountsFile: string,
  json: boolean,
  io: Io,
): Promise<number> {
  const scenarios: Scenario[] = readJsonLines('eval', file, scenarioSchema, 'scenarios');
  const parsed = parseImportText(readTextFile('eval', accountsFile));
  if (!parsed.ok) {
    throw new UsageError(`eval: ${accountsFile}: ${parsed.problems.map(formatLedgerProblem).join('; ')}`);
  }
  const runtime = await loadRuntime(io);
  const ledger = new MemoryLedgerStore(runtime.desk.policy);
  try {
    const imported = await ledger.importAccounts(parsed.accounts);
    if (!imported.ok) {
      throw new UsageError(`eval: ${accountsFile}: ${imported.problems.map(formatLedgerProblem).join('; ')}`);
    }
    const desk = new HelpDesk(runtime.kb, {
      ledger,
      ...(runtime.savedModel === undefined ? {} : { savedModel: runtime.savedModel }),
    });
    const failures: { line: number; text: string; as: string; wrong: string[] }[] = [];
    for (const [index, scenario] of scenarios.entries()) {
      const reply = await desk.handle({
        id: `scenario-${index + 1}`,
        actor: actorFromIdentity(parseIdentity(scenario.as)),
        body: { kind: 'question', text: scenario.text },
        now: parseNow(scenario.now),
      });
      const wrong = scenarioMismatches(scenario, askJson(reply));
      if (wrong.length > 0) failures.push({ line: index + 1, text: scenario.text, as: scenario.as, wrong });
    }
    const passed = scenarios.length - failures.length;
    if (json) writeLine(io.stdout, JSON.stringify({ scenarios: scenarios.length, passed, failures }));
    else {
      for (const failure of failures) {
        writeLine(
          io.stdout,
          `${file}:${failure.line} ${failure.as} "${failure.text}"\n  ${failure.wrong.join('\n  ')}`,
        );
      }
      writeLine(io.stdout, `scenarios: ${passed}/${scenarios.length} passed`);
    }
    return EXIT_OK;
  } finally {
    await ledger.close();
  }
}
