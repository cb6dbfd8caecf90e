import { type EntryColumns, entryColumns, entryFromColumns } from '../../core/ledger/entry-columns.js';
import {
  type AccountChange,
  ImportPlanner,
  planImport,
  type StoredView,
} from '../../core/ledger/import-plan.js';
import { ImportTally } from '../../core/ledger/import-tally.js';
import type { ImportItem, ImportResult, LedgerStore, WriteOptions } from '../../core/ledger/store.js';
import type { Account, AccountKind, Plan } from '../../core/ledger/types.js';
import type { RulesPolicy } from '../../core/rules/policy.js';
import { WriteLock } from './write-lock.js';

/**
 * An account as the SQLite ledger keeps it: entries as flat rows (entryColumns), so that text is
 * stored repaired exactly as there, and every read builds a new Account nobody else holds.
 */
interface StoredAccount {
  readonly id: string;
  readonly kind: AccountKind;
  readonly plan: Plan;
  readonly billingDay: number;
  /** In the order linked. */
  readonly identities: readonly string[];
  /** Append-only, in the order recorded. */
  readonly entries: readonly EntryColumns[];
}

interface Ledger {
  readonly accounts: Map<string, StoredAccount>;
  /** identity → account id */
  readonly owners: Map<string, string>;
}

/**
 * The ledger in this process's memory, for tests and one-off runs (an evaluation's accounts). What
 * may be recorded is decided by the core's import planner, as for the SQLite ledger; this store
 * only keeps the result. An import is applied to a draft that readers do not see, committed in one
 * step when the whole import was clean: all of it or nothing.
 */
export class MemoryLedgerStore implements LedgerStore {
  private readonly committed: Ledger = { accounts: new Map(), owners: new Map() };
  private readonly lock = new WriteLock();
  private closed = false;

  constructor(private readonly policy: RulesPolicy) {}

  async accountForIdentity(identity: string): Promise<Account | null> {
    const ledger = this.open();
    const owner = ledger.owners.get(identity);
    return owner === undefined ? null : readAccount(ledger, owner);
  }

  async accountById(id: string): Promise<Account | null> {
    return readAccount(this.open(), id);
  }

  async countAccounts(): Promise<number> {
    return this.open().accounts.size;
  }

  /** Memory cannot be damaged the way a file can: there is nothing to check but that it is open. */
  async verify(): Promise<void> {
    this.open();
  }

  async importAccounts(accounts: readonly Account[], options: WriteOptions = {}): Promise<ImportResult> {
    this.open();
    // Free: taken, planned, applied and given back without an await, so no one sees it held.
    const release = this.lock.tryAcquire() ?? (await this.lock.acquire(options));
    try {
      const draft = new Draft(this.open());
      const plan = planImport(accounts, draft, this.policy);
      if (!plan.ok) return plan;
      const tally = new ImportTally();
      for (const change of plan.changes) {
        draft.apply(change);
        tally.add(change);
      }
      if (!options.dryRun) draft.commit();
      return { ok: true, summary: tally.summary() };
    } finally {
      release();
    }
  }

  async importStream(items: AsyncIterable<ImportItem>, options: WriteOptions = {}): Promise<ImportResult> {
    this.open();
    const release = this.lock.tryAcquire() ?? (await this.lock.acquire(options));
    try {
      // The draft starts from the ledger as it is once this import has the lock: nobody else can
      // change it until the import commits or gives up.
      const draft = new Draft(this.open());
      const planner = new ImportPlanner(draft, this.policy);
      const tally = new ImportTally();
      // An error thrown while reading leaves this loop, and the draft with it: nothing is written.
      for await (const item of items) {
        if ('problems' in item) {
          planner.refuse(item.problems);
          continue;
        }
        const change = planner.plan(item.account);
        // After a problem nothing more is applied; the rest is still checked, so one run lists
        // every problem (as the SQLite ledger does).
        if (change === undefined || planner.problems.length > 0) continue;
        draft.apply(change);
        tally.add(change);
      }
      if (planner.problems.length > 0) return { ok: false, problems: planner.problems };
      if (!options.dryRun) draft.commit();
      return { ok: true, summary: tally.summary() };
    } finally {
      release();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** Use after close is a mistake in the caller, and fails as it does on a closed SQLite ledger. */
  private open(): Ledger {
    if (this.closed) throw new Error('the ledger store is closed');
    return this.committed;
  }
}

/**
 * An import's changes on top of the ledger, which they leave untouched until `commit()`: the
 * accounts it changed are new copies, the rest is read from the ledger itself.
 */
class Draft implements StoredView {
  private readonly accounts = new Map<string, StoredAccount>();
  private readonly owners = new Map<string, string>();

  constructor(private readonly base: Ledger) {}

  account(id: string): Account | null {
    return readAccount({ accounts: this.accounts, owners: this.owners }, id) ?? readAccount(this.base, id);
  }

  identityOwner(identity: string): string | null {
    return this.owners.get(identity) ?? this.base.owners.get(identity) ?? null;
  }

  apply(change: AccountChange): void {
    const { account } = change;
    const before = this.accounts.get(account.id) ?? this.base.accounts.get(account.id);
    for (const identity of change.newIdentities) this.owners.set(identity, account.id);
    this.accounts.set(account.id, {
      id: account.id,
      // Changed details replace the stored ones, as the SQLite ledger's UPDATE does.
      kind: account.kind,
      plan: account.plan,
      billingDay: account.billingDay,
      identities: [...(before?.identities ?? []), ...change.newIdentities],
      entries: [...(before?.entries ?? []), ...change.newEntries.map(entryColumns)],
    });
  }

  /**
   * Puts the changes into the ledger, in one synchronous step: every read is synchronous too, so
   * none sees half of an import.
   */
  commit(): void {
    for (const [id, account] of this.accounts) this.base.accounts.set(id, account);
    for (const [identity, owner] of this.owners) this.base.owners.set(identity, owner);
  }
}

function readAccount(ledger: Ledger, id: string): Account | null {
  const stored = ledger.accounts.get(id);
  if (stored === undefined) return null;
  return {
    id: stored.id,
    kind: stored.kind,
    plan: stored.plan,
    billingDay: stored.billingDay,
    identities: [...stored.identities],
    ledger: stored.entries.map(entryFromColumns),
  };
}
