import { fileURLToPath } from 'node:url';
import { type NodeChild, spawnNode } from './child-process.js';
import { dataDirWithModel } from './knowledge.js';

// `helpbot start` as a separate process, the way an operator runs each instance of a deployment:
// the built CLI (npm test builds it first), its own data folder, logs at info on standard error.

const BIN = fileURLToPath(new URL('../../bin/helpbot.js', import.meta.url));

/** Starts `helpbot start` with this environment and resolves once its log has the ready line. */
export async function startHelpbot(env: Record<string, string>, readyLine: string): Promise<NodeChild> {
  const bot = spawnNode([BIN, 'start'], { DATA_DIR: dataDirWithModel(), LOG_LEVEL: 'info', ...env });
  const deadline = Date.now() + 20_000;
  while (!bot.output().stderr.includes(readyLine)) {
    if (bot.child.exitCode !== null) throw new Error(`helpbot start exited: ${bot.output().stderr}`);
    if (Date.now() > deadline) throw new Error(`never ready: ${bot.output().stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return bot;
}

/** Stops every instance still running, as a supervisor does (SIGTERM), and waits for each to exit. */
export async function stopHelpbots(bots: readonly NodeChild[]): Promise<void> {
  await Promise.all(
    bots.map((bot) => {
      if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGTERM');
      return bot.exited;
    }),
  );
}
