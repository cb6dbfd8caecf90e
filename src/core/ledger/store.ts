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
}

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
  /** Validates the accounts against what is stored and records them, or records nothing. */
  importAccounts(
    accounts: readonly Account[],
    options?: { readonly dryRun?: boolean },
  ): Promise<ImportResult>;
  countAccounts(): Promise<number>;
  close(): Promise<void>;
}
