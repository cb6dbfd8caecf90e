import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { calibrate } from '../../core/match/calibrate.js';
import { Matcher } from '../../core/match/matcher.js';
import { matchingFingerprint } from '../../knowledge/fingerprint.js';
import { CALIBRATION_FILE, loadKnowledge } from '../../knowledge/load.js';
import { formatProblem } from '../../knowledge/problem.js';
import { parseCommandArgs } from '../args.js';
import { EXIT_FAILURE, EXIT_OK, type Io, UsageError, writeLine } from '../io.js';
import { loadConfig, openState } from '../runtime.js';

const SUBCOMMANDS = ['check', 'calibrate', 'export'] as const;

export async function knowledgeCommand(args: readonly string[], io: Io): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === 'export') return exportOverlays(rest, io);
  parseCommandArgs(`knowledge ${subcommand ?? ''}`.trim(), rest, {});
  if (rest.length > 0) throw new UsageError(`knowledge ${subcommand}: takes no arguments`);
  const dir = loadConfig(io).KNOWLEDGE_DIR;
  if (subcommand === 'check') return check(dir, io);
  if (subcommand === 'calibrate') return recalibrate(dir, io);
  throw new UsageError(
    `knowledge: unknown subcommand "${subcommand ?? ''}"; expected one of: ${SUBCOMMANDS.join(', ')}`,
  );
}

function check(dir: string, io: Io): number {
  const loaded = loadKnowledge(dir);
  const all = [...loaded.problems, ...loaded.warnings];
  for (const problem of all) writeLine(io.stderr, formatProblem(problem));
  if (all.length > 0) {
    writeLine(io.stderr, `knowledge check: ${all.length} problem${all.length === 1 ? '' : 's'} in ${dir}`);
    return EXIT_FAILURE;
  }
  const kb = loaded.kb;
  const examples = kb?.entries.reduce((sum, entry) => sum + entry.examples.length, 0) ?? 0;
  writeLine(
    io.stdout,
    `knowledge check: ok (${kb?.entries.length} entries, ${kb?.facts.size} facts, ${examples} examples, ${kb?.outOfScope.length} out-of-scope examples)`,
  );
  return EXIT_OK;
}

function recalibrate(dir: string, io: Io): number {
  const loaded = loadKnowledge(dir);
  if (loaded.kb === undefined) {
    for (const problem of loaded.problems) writeLine(io.stderr, formatProblem(problem));
    writeLine(io.stderr, 'knowledge calibrate: fix the problems above first');
    return EXIT_FAILURE;
  }
  const kb = { ...loaded.kb, calibration: null };
  const report = calibrate(new Matcher(kb), matchingFingerprint(kb));
  const header =
    '# Written by `helpbot knowledge calibrate`: the confidence model fitted to this knowledge base by\n' +
    '# leave-one-out over its examples. Do not edit by hand; run the command again after changing\n' +
    '# examples, keywords or synonyms (`helpbot knowledge check` says when it is stale).\n';
  const target = join(dir, CALIBRATION_FILE);
  const temporary = `${target}.tmp-${process.pid}`;
  writeFileSync(temporary, header + stringify({ ...report.calibration, measured: report.measured }));
  renameSync(temporary, target);
  writeLine(io.stdout, `knowledge calibrate: wrote ${target}`);
  for (const [name, value] of Object.entries(report.measured)) writeLine(io.stdout, `  ${name}: ${value}`);
  return EXIT_OK;
}

/**
 * `helpbot knowledge export [--out FILE]`: what moderators taught and the notices they posted, as
 * YAML for review; reviewed examples belong in knowledge/faq/ (then `knowledge calibrate`).
 */
async function exportOverlays(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('knowledge export', args, { out: { type: 'string' } });
  if (positionals.length > 0)
    throw new UsageError(`knowledge export: unexpected argument "${positionals[0]}"`);
  const config = loadConfig(io);
  const state = await openState(config);
  let yaml: string;
  try {
    const taught: Record<string, { text: string; by: string; at: string }[]> = {};
    for (const example of await state.taught()) {
      taught[example.intent] = [
        ...(taught[example.intent] ?? []),
        { text: example.text, by: example.by, at: example.at },
      ];
    }
    const notices = await state.notices();
    yaml = `# Overlays added by moderators at run time (helpbot knowledge export), for review.\n# Move reviewed examples into knowledge/faq/<intent>.yaml, then run helpbot knowledge calibrate.\n${stringify({ taught, notices })}`;
  } finally {
    await state.close();
  }
  if (values.out === undefined) {
    io.stdout.write(yaml);
    return EXIT_OK;
  }
  // Written beside the target, then renamed: a reader never sees half a file.
  const temporary = `${values.out}.tmp-${process.pid}`;
  writeFileSync(temporary, yaml);
  renameSync(temporary, values.out);
  writeLine(io.stdout, `knowledge export: wrote ${values.out}`);
  return EXIT_OK;
}
