import { readFileSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { main } from '../cli/main.js';

// Runs a `helpbot` command (its arguments are this script's) in this process, discards what it
// prints, and prints the process's peak resident memory (MB), which a parent process cannot read
// of its child portably.
const sink = new PassThrough();
sink.resume();
const code = await main(process.argv.slice(2), {
  stdin: Readable.from(['']),
  stdout: sink,
  stderr: process.stderr,
  env: process.env,
});
process.stdout.write(`${(peakResidentKb() / 1024).toFixed(1)}\n`);
process.exitCode = code;

/**
 * This process's own peak resident memory (kB). On Linux, `maxRSS` also counts the parent's memory
 * at the moment this process was forked from it (exec keeps the forked copy's high-water mark), so
 * a probe spawned by a bench that had grown to 600 MB reported 609 MB for an import that peaks at
 * about 200. The new image's own high-water mark, VmHWM, does not.
 */
function peakResidentKb(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match !== null) return Number(match[1]);
  } catch {
    // Not Linux: the portable figure, with its caveat.
  }
  return process.resourceUsage().maxRSS;
}
