import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { KNOWLEDGE_DIR } from './knowledge.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString('utf8');
}

let dataDir: string | undefined;
function scratchDataDir(): string {
  dataDir ??= mkdtempSync(join(tmpdir(), 'helpbot-data-'));
  return dataDir;
}

/** Runs the CLI in process with piped standard input and a clean environment. */
export async function runCli(
  argv: readonly string[],
  options: { stdin?: string; env?: Record<string, string>; stderrIsTTY?: boolean } = {},
): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr: PassThrough & { isTTY?: boolean } = new PassThrough();
  if (options.stderrIsTTY === true) stderr.isTTY = true;
  const readOut = collect(stdout);
  const readErr = collect(stderr);
  const io: Io = {
    stdin: Readable.from([options.stdin ?? '']),
    stdout,
    stderr,
    env: { USER: 'tester', KNOWLEDGE_DIR, DATA_DIR: scratchDataDir(), LOG_LEVEL: 'warn', ...options.env },
  };
  const code = await main(argv, io);
  stdout.end();
  stderr.end();
  return { code, stdout: readOut(), stderr: readErr() };
}
