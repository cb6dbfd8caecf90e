import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PROBE = fileURLToPath(new URL('./peak-rss.js', import.meta.url));

/** Runs `helpbot ARGS…` in a process of its own and returns its peak resident memory (MB). */
export function peakRssMb(args: readonly string[], env: Record<string, string> = {}): string {
  const run = spawnSync(process.execPath, [PROBE, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
  });
  if (run.status !== 0) throw new Error(`helpbot ${args.join(' ')} failed: ${run.stderr.toString()}`);
  return run.stdout.toString().trim();
}
