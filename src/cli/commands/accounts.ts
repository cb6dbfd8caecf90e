import { stat } from 'node:fs/promises';
import { readImportFile } from '../../accounts/import-file.js';
import { type ImportSummary, LedgerBusyError } from '../../core/ledger/store.js';
import { formatLedgerProblem, type LedgerProblem } from '../../core/rules/problems.js';
import { EncodingError } from '../../core/text/utf8.js';
import { parseCommandArgs } from '../args.js';
import { ImportProgress, PROGRESS_FROM_BYTES } from '../import-progress.js';
import { CommandFailure, EXIT_OK, EXIT_USAGE, type Io, UsageError, writeLine } from '../io.js';
import { loadRuntimeWithLedger } from '../runtime.js';

/** An import waits this long for another writer (another import) before it gives up. */
const IMPORT_WAIT_MS = 10 * 60_000;

export async function accountsCommand(args: readonly string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'import') return importCommand(rest, io);
  throw new UsageError(
    sub === undefined
      ? 'accounts: missing the action, e.g. helpbot accounts import FILE.json'
      : `accounts: unknown action "${sub}"; expected: import`,
  );
}

/** `helpbot accounts import FILE.json [--dry-run] [--json]`: all of the file, or none of it. */
async function importCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('accounts import', args, {
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  const [file, extra] = positionals;
  if (file === undefined)
    throw new UsageError('accounts import: missing the file, e.g. helpbot accounts import accounts.json');
  if (extra !== undefined) throw new UsageError(`accounts import: unexpected argument "${extra}"`);
  const size = await checkReadable(file);

  const runtime = await loadRuntimeWithLedger(io);
  try {
    const ledger = runtime.ledger;
    const progress =
      io.stderr.isTTY === true && size >= PROGRESS_FROM_BYTES
        ? new ImportProgress(file, size, (text) => io.stderr.write(text))
        : undefined;
    // Read as it is imported: memory follows the largest account, whatever the file's size.
    const items = readImportFile(file, (bytes) => progress?.read(bytes));
    const result = await ledger
      .importStream(progress === undefined ? items : progress.counting(items), {
        dryRun: values['dry-run'],
        maxWaitMs: IMPORT_WAIT_MS,
        onWait: () =>
          writeLine(
            io.stderr,
            `helpbot: accounts import: ${file}: another import is writing the ledger; waiting…`,
          ),
      })
      .catch((error: unknown) => {
        throw importFailure(file, error);
      })
      .finally(() => progress?.finish());
    if (!result.ok) return rejected(io, file, result.problems, values.json);
    runtime.log.debug({ file, ...result.summary, dryRun: values['dry-run'] }, 'accounts imported');
    writeLine(
      io.stdout,
      values.json
        ? JSON.stringify({ file, dryRun: values['dry-run'], ...result.summary })
        : summaryLine(file, result.summary, values['dry-run']),
    );
    // Imported all the same; what a moderator should review goes where people read.
    for (const notice of result.summary.notices ?? [])
      writeLine(io.stderr, `helpbot: accounts import: note: ${formatLedgerProblem(notice)}`);
    return EXIT_OK;
  } finally {
    await runtime.close();
  }
}

/** Refuses what cannot be read before the ledger is opened: no file, a folder, no permission. Its size. */
async function checkReadable(file: string): Promise<number> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new UsageError(`accounts import: ${file} is not a file`);
    return info.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw cannotRead(file, error);
  }
}

/** What stopped an import, as the one line a person reads; nothing was written in any case. */
function importFailure(file: string, error: unknown): unknown {
  if (error instanceof LedgerBusyError)
    return new CommandFailure(`accounts import: ${file}: ${error.message}`);
  if (error instanceof EncodingError) return new UsageError(`accounts import: ${file}: ${error.message}`);
  if (typeof (error as NodeJS.ErrnoException).syscall === 'string') return cannotRead(file, error);
  return error;
}

function cannotRead(file: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  return new UsageError(`accounts import: cannot read ${file}${code === undefined ? '' : ` (${code})`}`);
}

/** A person reads the first problems and fixes their cause; a program reads the --json output. */
const MAX_PROBLEM_LINES = 50;

/**
 * The whole file is refused: one line saying so, then each problem on its own line (the first
 * fifty, then how many more). With --json, also every problem as JSON on standard output.
 */
function rejected(io: Io, file: string, problems: readonly LedgerProblem[], json: boolean): number {
  const count = `${problems.length.toLocaleString('en-US')} problem${problems.length === 1 ? '' : 's'}`;
  writeLine(io.stderr, `helpbot: accounts import: ${file} rejected, nothing imported (${count}):`);
  for (const problem of problems.slice(0, MAX_PROBLEM_LINES))
    writeLine(io.stderr, `  ${formatLedgerProblem(problem)}`);
  const more = problems.length - MAX_PROBLEM_LINES;
  if (more > 0) writeLine(io.stderr, `  … and ${more.toLocaleString('en-US')} more`);
  if (json) writeLine(io.stdout, JSON.stringify({ file, rejected: true, problems }));
  return EXIT_USAGE;
}

function summaryLine(file: string, summary: ImportSummary, dryRun: boolean): string {
  const verb = dryRun ? 'checked (dry run, nothing written)' : 'imported';
  return (
    `${file} ${verb}: ${summary.accounts} accounts (${summary.accountsCreated} new, ${summary.accountsUpdated} updated), ` +
    `${summary.entries} entries (${summary.entriesAdded} new, ${summary.entries - summary.entriesAdded} already present), ` +
    `${summary.identitiesLinked} identities linked`
  );
}
