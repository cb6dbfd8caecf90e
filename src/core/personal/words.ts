import type { JobOutcome } from '../ledger/types.js';
import type { ProposalVerdict } from '../rules/account-facts.js';
import { longDate } from '../rules/calendar.js';
import type { LedgerEvent } from '../rules/replay.js';

// How account facts read in an answer. Wording only: every verdict was decided in src/core/rules.

export const WHY: Readonly<Record<JobOutcome, string>> = {
  client_cancelled: 'the client cancelled the job without hiring anyone',
  platform_removed: 'the platform removed the job post',
  expired: 'the job post expired',
  withdrawn: 'you withdrew the proposal',
  declined: 'the client declined the proposal',
  hired: 'the client hired someone',
  open: 'the job is still open',
};

export function connects(amount: number): string {
  return `${amount} Connect${amount === 1 ? '' : 's'}`;
}

export function proposalLine(verdict: ProposalVerdict): string {
  const boost = verdict.boost > 0 ? `, ${verdict.boost} of them boost` : '';
  const head = `"${verdict.job}" (${verdict.proposal}, ${connects(verdict.spent)}${boost})`;
  const decided = verdict.decidedAt === null ? '' : ` on ${longDate(verdict.decidedAt)}`;
  switch (verdict.refund) {
    case 'refunded':
      return `${head}: ${WHY[verdict.outcome]}${decided}, so ${connects(verdict.returned)} came back to your balance as Connects (never as money).`;
    case 'not-eligible':
      return `${head}: ${WHY[verdict.outcome]}${decided}, so they are not returned.`;
    case 'not-yet':
      return `${head}: ${WHY.open}, so nothing is returned yet; they come back only if the client cancels it or the platform removes it.`;
  }
}

const GRANT_NAMES: Readonly<Record<string, string>> = {
  signup: 'sign-up bonus',
  monthly: 'monthly free Connects',
  'rising-talent': 'Rising Talent bonus',
  interview: 'interview bonus',
  certification: 'certification bonus',
  moderator: 'credit from a moderator',
};

export function eventLine(event: LedgerEvent): string {
  const when = longDate(event.at);
  switch (event.kind) {
    case 'credit': {
      const what =
        event.source === 'purchase'
          ? 'purchase'
          : event.source === 'grant'
            ? (GRANT_NAMES[event.reason ?? ''] ?? 'grant')
            : `adjustment${event.reason ? ` (${event.reason})` : ''}`;
      return `${when}: +${event.amount}, ${what}`;
    }
    case 'debit':
      return event.proposal === undefined
        ? `${when}: −${event.amount}, adjustment${event.reason ? ` (${event.reason})` : ''}`
        : `${when}: −${event.amount}, proposal "${event.job}" (${event.proposal})`;
    case 'refund':
      return `${when}: +${event.amount}, returned for proposal ${event.proposal}`;
    case 'expiry':
      return `${when}: −${event.amount}, expired (one year after they were acquired)`;
    case 'outcome':
      return `${when}: job outcome for ${event.proposal}: ${WHY[event.outcome]}`;
  }
}

export function bullets(lines: readonly string[], limit: number): string {
  const shown = lines.slice(0, limit).map((line) => `• ${line}`);
  if (lines.length > limit) shown.push(`• …and ${lines.length - limit} more`);
  return shown.join('\n');
}
