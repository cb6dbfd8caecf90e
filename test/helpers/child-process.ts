import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

/** A Node process the test started, what it has written so far, and how it ended. */
export interface NodeChild {
  readonly child: ChildProcessWithoutNullStreams;
  output(): { readonly stdout: string; readonly stderr: string };
  readonly exited: Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null }>;
}

/** `node ARGS…` with this environment added to the test's own, its output collected as it comes. */
export function spawnNode(args: readonly string[], env: Record<string, string>): NodeChild {
  const child = spawn(process.execPath, [...args], { env: { ...process.env, ...env }, stdio: 'pipe' });
  child.stdin.end();
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => ({ stdout, stderr }), exited };
}
