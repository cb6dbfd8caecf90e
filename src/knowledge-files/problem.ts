/** One thing wrong with the knowledge base, located as precisely as we can. */
export interface Problem {
  readonly file: string;
  readonly line?: number;
  readonly entry?: string;
  readonly message: string;
}

export function formatProblem(problem: Problem): string {
  const place = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const entry = problem.entry === undefined ? '' : ` [${problem.entry}]`;
  return `${place}${entry}: ${problem.message}`;
}

export type Loaded<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: Problem[] };
