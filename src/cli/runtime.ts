import { join } from 'node:path';
import { type Config, parseConfig } from '../config.js';
import { HelpDesk } from '../core/help-desk.js';
import type { KnowledgeBase } from '../core/knowledge-base.js';
import type { LedgerStore } from '../core/ledger/store.js';
import { matchingFingerprint } from '../core/match/fingerprint.js';
import type { SavedModel } from '../core/match/model.js';
import { type RulesPolicy, rulesPolicyFrom } from '../core/rules/policy.js';
import { withBatchedCounts } from '../core/state/batched-counts.js';
import { AfterReply } from '../core/state/bookkeeping.js';
import type { StateStore } from '../core/state/store.js';
import { knowledgeSourceKey, readCachedKnowledge, writeCachedKnowledge } from '../knowledge-files/cache.js';
import type { KnowledgeLoad } from '../knowledge-files/load.js';
import { readCachedModel, writeCachedModel } from '../knowledge-files/model-file.js';
import { formatProblem } from '../knowledge-files/problem.js';
import { createLogger, type Logger } from '../log/logger.js';
import { DirectoryError, ensureDir } from '../store/ensure-dir.js';
import { withoutPassword } from '../store/redact-url.js';
import { type Io, UsageError } from './io.js';
import { type LanguageModelLayer, modelReaderFrom } from './language-model.js';

/** A failure of the bot's own files or set-up (not of how it was called): exit status 1. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

/**
 * What a command runs on. Its type says which stores are open: `ledger` and `state` are undefined
 * unless the command opened them (loadRuntimeWithLedger, loadBotRuntime). Close it before exiting.
 */
export interface Runtime<
  L extends LedgerStore | undefined = LedgerStore | undefined,
  S extends StateStore | undefined = StateStore | undefined,
> {
  readonly config: Config;
  readonly log: Logger;
  readonly kb: KnowledgeBase;
  readonly desk: HelpDesk;
  /** The matcher's model from the cache, when it fits this knowledge base (for a second desk). */
  readonly savedModel: SavedModel | undefined;
  /** The members' ledger: answers then speak about the asker's own account. */
  readonly ledger: L;
  /** The state store: questions recorded, notices shown, taught examples applied. */
  readonly state: S;
  /** The optional language model, when configured and asked for (RuntimeOptions). */
  readonly languageModel: LanguageModelLayer | undefined;
  close(): Promise<void>;
}

/** The running bot's: the ledger checked page by page first (damage is found once, at start-up), and the state. */
export type BotRuntime = Runtime<LedgerStore, StateStore>;

/** Configuration, the knowledge base and the help desk; no store. */
/**
 * Whether the help desk may ask the optional language model (when one is configured): the commands
 * that answer members do; an evaluation only when asked to (`eval --llm`), so its figures stay offline.
 */
export interface RuntimeOptions {
  readonly languageModel?: boolean;
  /**
   * Embed the knowledge examples when they are not cached (the nearest-examples signal): worth it
   * for a running bot or an evaluation, not for one `ask`, which uses them only when cached.
   */
  readonly embedExamples?: boolean;
  /** Record questions and feedback after the reply, not before it: a running bot's members never wait on a write. */
  readonly recordAfterReply?: boolean;
}

export function loadRuntime(io: Io, options: RuntimeOptions = {}): Promise<Runtime<undefined, undefined>> {
  return assemble(io, { ledger: async () => undefined, state: async () => undefined }, options);
}

/** The same, with the ledger open. */
export function loadRuntimeWithLedger(
  io: Io,
  options: RuntimeOptions = {},
): Promise<Runtime<LedgerStore, undefined>> {
  return assemble(io, { ledger: openLedger, state: async () => undefined }, options);
}

export function loadBotRuntime(io: Io): Promise<BotRuntime> {
  return assemble(
    io,
    { ledger: openVerifiedLedger, state: openState },
    { languageModel: true, embedExamples: true, recordAfterReply: true },
  );
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
  const { loadKnowledge } = await import('../knowledge-files/load.js');
  const loaded = loadKnowledge(config.KNOWLEDGE_DIR);
  if (key !== undefined) writeCachedKnowledge(cacheDir, key, loaded);
  return loaded;
}

/** Configuration, then the knowledge base, then the ledger and the help desk: the order a start-up fails in. */
async function assemble<L extends LedgerStore | undefined, S extends StateStore | undefined>(
  io: Io,
  open: {
    readonly ledger: (config: Config, policy: RulesPolicy) => Promise<L>;
    readonly state: (config: Config) => Promise<S>;
  },
  options: RuntimeOptions,
): Promise<Runtime<L, S>> {
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
  const ledger = await open.ledger(config, rulesPolicyFrom(loaded.kb));
  let state: S | undefined;
  try {
    state = await open.state(config);
    return await deskRuntime(config, log, loaded.kb, ledger, state, options);
  } catch (error) {
    // Nothing stays open after a failed start; a store that fails to close must not hide why.
    await ledger?.close().catch(() => undefined);
    await state?.close().catch(() => undefined);
    throw error;
  }
}

/** The help desk on the opened stores, the model from the cache, the taught examples applied. */
async function deskRuntime<L extends LedgerStore | undefined, S extends StateStore | undefined>(
  config: Config,
  log: Logger,
  kb: KnowledgeBase,
  ledger: L,
  opened: S,
  options: RuntimeOptions,
): Promise<Runtime<L, S>> {
  // The running bot counts a burst's figures in a few writes; commands count inline, so that what
  // they print next is already there.
  const state = (
    opened !== undefined && options.recordAfterReply === true ? withBatchedCounts(opened) : opened
  ) as S;
  const cacheDir = join(config.DATA_DIR, 'cache');
  const savedModel = readCachedModel(cacheDir, matchingFingerprint(kb));
  const model = options.languageModel
    ? await modelReaderFrom(config, kb, log, state, { embedExamples: options.embedExamples === true })
    : undefined;
  const desk = new HelpDesk(kb, {
    ...(options.recordAfterReply === true
      ? { bookkeeping: new AfterReply((error) => log.error({ err: error }, 'could not record an event')) }
      : {}),
    ...(model === undefined ? {} : { modelReader: model.reader }),
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
    kb,
    languageModel: model,
    desk,
    savedModel,
    ledger,
    state,
    close: async () => {
      // What was answered is recorded before the stores close.
      await desk.settled();
      await ledger?.close();
      await state?.close();
    },
  };
}

/** The ledger, every page checked: a long-running bot finds damage once, at start-up. */
async function openVerifiedLedger(config: Config, policy: RulesPolicy): Promise<LedgerStore> {
  const ledger = await openLedger(config, policy);
  await ledger.verify().catch(closing(ledger));
  return ledger;
}

/** Closes what was opened before rethrowing what went wrong with it. */
function closing(store: { close(): Promise<void> }): (error: unknown) => Promise<never> {
  return async (error) => {
    await store.close().catch(() => undefined);
    throw error;
  };
}

/**
 * The ledger: on PostgreSQL when DATABASE_URL names one (checked now: one line if it cannot be
 * used), else the file in DATA_DIR. Each driver is loaded only by the commands that need it.
 */
export async function openLedger(config: Config, policy: RulesPolicy): Promise<LedgerStore> {
  if (config.DATABASE_URL !== undefined) return openPostgresLedger(config.DATABASE_URL, policy);
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
  const { openCheckedStateStore } = await import('../store/open-state-store.js');
  try {
    return await openCheckedStateStore({
      dataDir: config.DATA_DIR,
      url: config.KEYV_URL,
      databaseUrl: config.DATABASE_URL,
    });
  } catch (error) {
    throw new StartupError(`state store ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function openPostgresLedger(url: string, policy: RulesPolicy): Promise<LedgerStore> {
  const { PostgresLedgerStore } = await import('../store/postgres/ledger-store.js');
  const ledger = new PostgresLedgerStore(url, policy);
  try {
    await ledger.verify();
    return ledger;
  } catch (error) {
    await ledger.close().catch(() => undefined);
    throw new StartupError(`ledger ${withoutPassword(url)}: ${whyPostgresUnusable(error)}`);
  }
}

/** What a person should know about a PostgreSQL server the ledger cannot use. */
function whyPostgresUnusable(error: unknown): string {
  const code = String((error as { code?: unknown }).code ?? '');
  const first = (error instanceof Error ? error.message : String(error)).split('\n')[0] as string;
  if (code === '28P01' || code === '28000') return `${first}; check the user and password in DATABASE_URL`;
  if (code === '3D000') return `${first}; create it (createdb) or fix DATABASE_URL`;
  if (error instanceof Error && error.name === 'SchemaTooNewError') return first;
  return `cannot connect, or the server does not answer (${first}); check DATABASE_URL and that PostgreSQL is running`;
}

export function ledgerFile(config: Config): string {
  return join(config.DATA_DIR, 'ledger.sqlite');
}
