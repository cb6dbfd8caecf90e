import { join } from 'node:path';
import { stringify } from 'yaml';
import { Matcher } from '../../core/match/matcher.js';
import { previewEntry, previewText } from '../../core/moderation/preview.js';
import { crossValidationReport } from '../../eval/cross-validation.js';
import { formatReport } from '../../eval/format.js';
import { writeFileAtomic } from '../../knowledge-files/atomic-write.js';
import { loadKnowledge } from '../../knowledge-files/load.js';
import { writeCachedModel } from '../../knowledge-files/model-file.js';
import { formatProblem } from '../../knowledge-files/problem.js';
import { parseCommandArgs } from '../args.js';
import { EXIT_FAILURE, EXIT_OK, type Io, UsageError, writeLine } from '../io.js';
import { loadConfig, loadRuntime, openState, StartupError } from '../runtime.js';

const SUBCOMMANDS = ['check', 'calibrate', 'preview', 'export'] as const;

export async function knowledgeCommand(args: readonly string[], io: Io): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === 'export') return exportOverlays(rest, io);
  if (subcommand === 'preview') return preview(rest, io);
  parseCommandArgs(`knowledge ${subcommand ?? ''}`.trim(), rest, {});
  if (rest.length > 0) throw new UsageError(`knowledge ${subcommand}: takes no arguments`);
  const dir = loadConfig(io).KNOWLEDGE_DIR;
  if (subcommand === 'check') return check(dir, io);
  if (subcommand === 'calibrate') return recalibrate(io);
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

/**
 * `helpbot knowledge calibrate`: fits the matcher to knowledge/ now (the classifier and, by grouped
 * cross-validation, its confidence), saves it in DATA_DIR/cache for every later start, and prints
 * how it did on the examples it had not seen.
 */
function recalibrate(io: Io): number {
  const config = loadConfig(io);
  const loaded = loadKnowledge(config.KNOWLEDGE_DIR);
  if (loaded.kb === undefined) {
    for (const problem of loaded.problems) writeLine(io.stderr, formatProblem(problem));
    writeLine(io.stderr, 'knowledge calibrate: fix the problems above first');
    return EXIT_FAILURE;
  }
  const start = Date.now();
  const matcher = new Matcher(loaded.kb);
  const cacheDir = join(config.DATA_DIR, 'cache');
  if (!writeCachedModel(cacheDir, matcher.save())) {
    throw new StartupError(`knowledge calibrate: cannot write ${join(cacheDir, 'model.json')}`);
  }
  writeLine(
    io.stdout,
    `knowledge calibrate: fitted in ${Date.now() - start} ms, saved in ${join(cacheDir, 'model.json')}`,
  );
  writeLine(io.stdout, formatReport(crossValidationReport(matcher), { confusions: false }));
  return EXIT_OK;
}

/** `helpbot knowledge preview TOPIC`: the entry as members see it, and every example's held-out score. */
async function preview(args: readonly string[], io: Io): Promise<number> {
  const { positionals } = parseCommandArgs('knowledge preview', args, {});
  const topic = positionals.join(' ').trim();
  if (topic === '')
    throw new UsageError('knowledge preview: name the entry, e.g. helpbot knowledge preview refunds');
  const runtime = await loadRuntime(io);
  const found = await previewEntry(runtime.desk, topic, new Date());
  if (found === null) {
    const ids = runtime.kb.entries.map((entry) => entry.id).join(', ');
    throw new UsageError(`knowledge preview: no FAQ entry "${topic}"; one of: ${ids}`);
  }
  writeLine(io.stdout, previewText(found));
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
  writeFileAtomic(values.out, yaml);
  writeLine(io.stdout, `knowledge export: wrote ${values.out}`);
  return EXIT_OK;
}
