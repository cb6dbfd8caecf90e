import { sameText, wellFormed } from '../text/well-formed.js';
import type { GrantReason, JobOutcome, LedgerEntry } from './types.js';

// A ledger entry as one flat row, every optional field present (null where the entry's type has
// none): how stores keep entries and how an import tells an entry it has seen from a changed one.

export interface EntryColumns {
  readonly id: string;
  /** Milliseconds since the epoch, UTC. */
  readonly at: number;
  readonly type: LedgerEntry['type'];
  readonly amount: number | null;
  readonly reason: string | null;
  readonly proposal: string | null;
  readonly job: string | null;
  readonly boost: number | null;
  readonly outcome: string | null;
}

export function entryColumns(entry: LedgerEntry): EntryColumns {
  const fields = entry as Partial<
    Record<'amount' | 'reason' | 'proposal' | 'job' | 'boost' | 'outcome', string | number>
  >;
  return {
    id: entry.id,
    at: entry.at.getTime(),
    type: entry.type,
    amount: (fields.amount as number | undefined) ?? null,
    // Text is written well formed whichever way it came in (an import, a moderator's command).
    reason: textOrNull(fields.reason),
    proposal: textOrNull(fields.proposal),
    job: textOrNull(fields.job),
    boost: (fields.boost as number | undefined) ?? null,
    outcome: (fields.outcome as string | undefined) ?? null,
  };
}

function textOrNull(value: string | number | undefined): string | null {
  return value === undefined ? null : wellFormed(String(value));
}

/** The inverse of entryColumns, for rows that were validated on the way in. */
export function entryFromColumns(row: EntryColumns): LedgerEntry {
  const base = { id: row.id, at: new Date(row.at) };
  const amount = row.amount as number;
  switch (row.type) {
    case 'grant':
      return { ...base, type: 'grant', reason: row.reason as GrantReason, amount };
    case 'purchase':
      return { ...base, type: 'purchase', amount };
    case 'spend':
      return {
        ...base,
        type: 'spend',
        amount,
        proposal: row.proposal as string,
        job: row.job as string,
        ...(row.boost === null ? {} : { boost: row.boost }),
      };
    case 'job-outcome':
      return {
        ...base,
        type: 'job-outcome',
        proposal: row.proposal as string,
        outcome: row.outcome as JobOutcome,
      };
    case 'adjustment':
      return { ...base, type: 'adjustment', amount, reason: row.reason as string };
  }
}

/** Field by field, times by instant: "2026-01-01T00:00:00Z" and "2026-01-01" are the same entry. */
export function sameEntry(a: LedgerEntry, b: LedgerEntry): boolean {
  const left = entryColumns(a);
  const right = entryColumns(b);
  return (Object.keys(left) as (keyof EntryColumns)[]).every((key) => {
    const l = left[key];
    const r = right[key];
    return typeof l === 'string' && typeof r === 'string' ? sameText(l, r) : l === r;
  });
}
