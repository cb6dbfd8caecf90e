import { join } from 'node:path';
import { type Config, parseConfig } from '../config.js';
import { HelpDesk } from '../core/help-desk.js';
import type { KnowledgeBase } from '../core/knowledge.js';
import type { LedgerStore } from '../core/ledger/store.js';
import { matchingFingerprint } from '../core/match/fingerprint.js';
import type { SavedModel } from '../core/match/model.js';
import { type RulesPolicy, rulesPolicyFrom } from '../core/rules/policy.js';
import type { StateStore } from '../core/state/store.js';
import { knowledgeSourceKey, readCachedKnowledge, writeCachedKnowledge } from '../knowledge/cache.js';
import type { KnowledgeLoad } from '../knowledge/load.js';
import { readCachedModel, writeCachedModel } from '../knowledge/model-file.js';
import { formatProblem } from '../knowledge/problem.js';
import { createLogger, type Logger } from '../log/logger.js';
import { DirectoryError, ensureDir } from '../store/ensure-dir.js';
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
  /** The matcher's model from the cache, when it fits this knowledge base (for a second desk). */
  readonly savedModel: SavedModel | undefined;
  /** Open when the command asked for it; close it before exiting. */
  readonly ledger: LedgerStore | undefined;
  /** Open when the command asked for it (the bot itself): questions are then remembered. */
  readonly state: StateStore | undefined;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Open the members' ledger: answers then speak about the asker's own account. */
  readonly ledger?: boolean;
  /** Check every page of the ledger first: a long-running bot finds damage once, at start-up. */
  readonly verifyLedger?: boolean;
  /** Open the state store: questions recorded, notices shown, taught examples applied. */
  readonly state?: boolean;
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

/** Configuration, then the knowledge base, then the ledger and the help desk: the order a start-up fails in. */
export async function loadRuntime(io: Io, options: RuntimeOptions = {}): Promise<Runtime> {
  const config = loadConfig(io);
  try {
    ensureDir(config.DATA_DIR);
  } catch (error) {
    if (!(error instanceof DirectoryError)) throw error;
    throw new UsageError(`DATA_DIR: ${error.message}`);
  }
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
  const ledger = options.ledger ? await openLedger(config, rulesPolicyFrom(loaded.kb)) : undefined;
  if (ledger !== undefined && options.verifyLedger) await ledger.verify().catch(closing(ledger));
  const state = options.state ? await openState(config) : undefined;
  const cacheDir = join(config.DATA_DIR, 'cache');
  const savedModel = readCachedModel(cacheDir, matchingFingerprint(loaded.kb));
  const desk = new HelpDesk(loaded.kb, {
    ...(ledger === undefined ? {} : { ledger }),
    ...(state === undefined ? {} : { state }),
    ...(savedModel === undefined ? {} : { savedModel }),
    // The knowledge base changed (or the cache is new): the matcher was fitted to it just now.
    onMatcherFitted: (matcher, ms) => {
      const cached = writeCachedModel(cacheDir, matcher.save());
      log.info({ ms, cached }, 'matcher fitted to the knowledge base');
    },
  });
  const taught = await desk.applyTaught();
  if (taught > 0) log.debug({ taught }, 'taught examples applied');
  return {
    config,
    log,
    kb: loaded.kb,
    desk,
    savedModel,
    ledger,
    state,
    close: async () => {
      await ledger?.close();
      await state?.close();
    },
  };
}

/** Closes what was opened before rethrowing what went wrong with it. */
function closing(store: { close(): Promise<void> }): (error: unknown) => Promise<never> {
  return async (error) => {
    await store.close().catch(() => undefined);
    throw error;
  };
}

/** The ledger file in DATA_DIR; better-sqlite3 is loaded only by the commands that need it. */
export async function openLedger(config: Config, policy: RulesPolicy): Promise<LedgerStore> {
  if (config.DATABASE_URL !== undefined) {
    // A configuration error, like every other one: exit status 2.
    throw new UsageError(
      'DATABASE_URL is set, but this version keeps the ledger in SQLite only; unset it to use DATA_DIR/ledger.sqlite',
    );
  }
  const { SqliteLedgerStore } = await import('../store/sqlite/ledger-store.js');
  const { DatabaseOpenError } = await import('../store/sqlite/database.js');
  try {
    return new SqliteLedgerStore(ledgerFile(config), policy);
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw new StartupError(`ledger: ${error.message}`);
    throw error;
  }
}

/** The state store (feedback, cooldowns, …): KEYV_URL, or SQLite in DATA_DIR. */
export async function openState(config: Config): Promise<StateStore> {
  const { openCheckedStateStore } = await import('../store/keyv/state-store.js');
  try {
    return await openCheckedStateStore({ dataDir: config.DATA_DIR, url: config.KEYV_URL });
  } catch (error) {
    throw new StartupError(`state store ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function ledgerFile(config: Config): string {
  return join(config.DATA_DIR, 'ledger.sqlite');
}
