import { join } from 'node:path';
import { type Config, parseConfig } from '../config.js';
import { HelpDesk } from '../core/help-desk.js';
import type { KnowledgeBase } from '../core/knowledge.js';
import { knowledgeSourceKey, readCachedKnowledge, writeCachedKnowledge } from '../knowledge/cache.js';
import type { KnowledgeLoad } from '../knowledge/load.js';
import { formatProblem } from '../knowledge/problem.js';
import { createLogger, type Logger } from '../log/logger.js';
import { type Io, UsageError } from './io.js';

/** A failure of the bot's own files or set-up (not of how it was called): exit status 1. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

export interface Runtime {
  readonly config: Config;
  readonly log: Logger;
  readonly kb: KnowledgeBase;
  readonly desk: HelpDesk;
}

export function loadConfig(io: Io): Config {
  const parsed = parseConfig(io.env);
  if (!parsed.ok) throw new UsageError(parsed.message);
  return parsed.config;
}

/** The validated knowledge base, from the cache when knowledge/ has not changed since it was saved. */
async function loadKnowledgeFast(config: Config): Promise<KnowledgeLoad> {
  const cacheDir = join(config.DATA_DIR, 'cache');
  const key = knowledgeSourceKey(config.KNOWLEDGE_DIR);
  const cached = key === undefined ? undefined : readCachedKnowledge(cacheDir, key);
  if (cached !== undefined) return cached;
  // Imported only here: the YAML parser and the checks are the slow part of a cold start.
  const { loadKnowledge } = await import('../knowledge/load.js');
  const loaded = loadKnowledge(config.KNOWLEDGE_DIR);
  if (key !== undefined) writeCachedKnowledge(cacheDir, key, loaded);
  return loaded;
}

/** Configuration, then the knowledge base, then the help desk: the order a start-up fails in. */
export async function loadRuntime(io: Io): Promise<Runtime> {
  const config = loadConfig(io);
  const log = createLogger(config.LOG_LEVEL, io.stderr);
  const loaded = await loadKnowledgeFast(config);
  if (loaded.kb === undefined) {
    const first = loaded.problems[0];
    const more =
      loaded.problems.length > 1
        ? ` (and ${loaded.problems.length - 1} more; run \`helpbot knowledge check\`)`
        : '';
    throw new StartupError(
      `knowledge base is invalid: ${first === undefined ? 'unknown problem' : formatProblem(first)}${more}`,
    );
  }
  for (const warning of loaded.warnings)
    log.warn({ knowledge: formatProblem(warning) }, 'knowledge base warning');
  return { config, log, kb: loaded.kb, desk: new HelpDesk(loaded.kb) };
}
