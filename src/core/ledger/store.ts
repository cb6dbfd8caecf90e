import type { LedgerProblem } from '../rules/problems.js';
import type { Account } from './types.js';

/** What an import changed; all zeros when the same file is imported again. */
export interface ImportSummary {
  readonly accounts: number;
  readonly accountsCreated: number;
  readonly accountsUpdated: number;
  readonly entries: number;
  readonly entriesAdded: number;
  readonly identitiesLinked: number;
  /**
   * Present when a moderator should look at an account: a correction made in the bot that
   * entries dated before it, imported since, left short (docs/policy.md). The import went through.
   */
  readonly notices?: readonly LedgerProblem[];
}

/** Unless a writer says otherwise, it waits this long for another (an import) before it is refused. */
export const DEFAULT_WRITE_WAIT_MS = 30_000;

/** How a writer waits for another one (a big import) that holds the ledger. */
export interface WriteOptions {
  readonly dryRun?: boolean;
  /** How long to wait for another writer before giving up (milliseconds). */
  readonly maxWaitMs?: number;
  /** Called once when the write has to wait, so a person can be told why nothing happens yet. */
  readonly onWait?: () => void;
}

/** Another writer held the ledger for longer than the wait allowed; nothing was written. */
export class LedgerBusyError extends Error {
  override readonly name = 'LedgerBusyError';
  constructor(readonly waitedMs: number) {
    const seconds = waitedMs < 10_000 ? (waitedMs / 1000).toFixed(1) : String(Math.round(waitedMs / 1000));
    super(`the ledger stayed locked by another writer (an import?) for ${seconds} s; nothing was written`);
  }
}

/** The ledger's storage is damaged: what it holds can no longer be trusted, so nothing is answered from it. */
export class LedgerDamagedError extends Error {
  override readonly name = 'LedgerDamagedError';
}

/** One account read from an import file, or what is wrong with one part of the file. */
export type ImportItem = { readonly account: Account } | { readonly problems: readonly LedgerProblem[] };

export type ImportResult =
  | { readonly ok: true; readonly summary: ImportSummary }
  | { readonly ok: false; readonly problems: readonly LedgerProblem[] };

/**
 * The ledger port. Implementations keep entries append-only and apply an import all at once or not
 * at all; every rule about what may be recorded comes from the core (src/core/rules).
 */
export interface LedgerStore {
  /** The account linked to a chat identity (`platform:id`), with its whole ledger. */
  accountForIdentity(identity: string): Promise<Account | null>;
  accountById(id: string): Promise<Account | null>;
  /**
   * Validates the accounts against what is stored and records them, or records nothing. While
   * another writer holds the ledger it waits without blocking the process, up to `maxWaitMs`, then
   * rejects with LedgerBusyError.
   */
  importAccounts(accounts: readonly Account[], options?: WriteOptions): Promise<ImportResult>;
  /**
   * The same, for a file read as it is imported: each account is checked and written as it comes,
   * in one transaction committed only if the whole file had no problem. Memory follows the largest
   * account, not the file. A problem item, or an error thrown while reading, leaves nothing written.
   */
  importStream(items: AsyncIterable<ImportItem>, options?: WriteOptions): Promise<ImportResult>;
  countAccounts(): Promise<number>;
  /** Checks the storage itself; rejects with LedgerDamagedError when it is damaged. */
  verify(): Promise<void>;
  close(): Promise<void>;
}
