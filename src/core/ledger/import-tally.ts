import type { LedgerProblem } from '../rules/problems.js';
import type { AccountChange } from './import-plan.js';
import type { ImportSummary } from './store.js';

/** Adds up what an import changes, one account at a time, into the summary the store reports. */
export class ImportTally {
  private accounts = 0;
  private accountsCreated = 0;
  private accountsUpdated = 0;
  private entries = 0;
  private entriesAdded = 0;
  private identitiesLinked = 0;
  private readonly notices: LedgerProblem[] = [];

  add(change: AccountChange): void {
    this.accounts++;
    if (change.isNew) this.accountsCreated++;
    if (change.detailsChanged) this.accountsUpdated++;
    this.entries += change.account.ledger.length;
    this.entriesAdded += change.newEntries.length;
    this.identitiesLinked += change.newIdentities.length;
    this.notices.push(...change.notices);
  }

  summary(): ImportSummary {
    return {
      accounts: this.accounts,
      accountsCreated: this.accountsCreated,
      accountsUpdated: this.accountsUpdated,
      entries: this.entries,
      entriesAdded: this.entriesAdded,
      identitiesLinked: this.identitiesLinked,
      ...(this.notices.length > 0 ? { notices: [...this.notices] } : {}),
    };
  }
}
