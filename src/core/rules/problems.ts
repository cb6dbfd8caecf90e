/** One thing wrong with an account or an entry, named the way a moderator can find it in the file. */
export interface LedgerProblem {
  /** The account id, or its position in the file when it has no usable id. */
  readonly account: string;
  readonly entry?: string;
  readonly field?: string;
  readonly message: string;
}

/** The `account` of a problem with the file as a whole (not JSON, no accounts list). */
export const FILE_LEVEL = '(file)';

export function formatLedgerProblem(problem: LedgerProblem): string {
  if (problem.account === FILE_LEVEL) {
    return problem.field === undefined ? problem.message : `${problem.field}: ${problem.message}`;
  }
  const entry = problem.entry === undefined ? '' : ` entry ${problem.entry}`;
  const field = problem.field === undefined ? '' : ` ${problem.field}`;
  return `account ${problem.account}${entry}${field}: ${problem.message}`;
}
