import type { Readable, Writable } from 'node:stream';

/** Where a command reads and writes; tests pass their own streams and environment. */
export interface Io {
  readonly stdin: Readable & { isTTY?: boolean };
  readonly stdout: Writable;
  /** A terminal (isTTY) gets progress lines redrawn in place; a file or a pipe only whole lines. */
  readonly stderr: Writable & { isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** A mistake in how the command was called: one line on standard error, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An expected failure while the command runs (a busy ledger): one line on standard error, exit status 1. */
export class CommandFailure extends Error {
  override readonly name = 'CommandFailure';
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export function writeLine(stream: Writable, line: string): void {
  stream.write(`${line}\n`);
}
