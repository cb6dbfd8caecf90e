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
process.stdout.write(`${(process.resourceUsage().maxRSS / 1024).toFixed(1)}\n`);
process.exitCode = code;
