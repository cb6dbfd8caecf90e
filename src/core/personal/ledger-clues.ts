import { en } from '../messages/en.js';
import type { AccountFacts } from '../rules/account-facts.js';
import { addDays, utcDate } from '../rules/calendar.js';

// When a member's words fit several topics ("some of my Connects disappeared"), their own ledger
// usually says which one it is: a batch that lapsed last week, a job whose Connects were (or were
// not) returned, a monthly grant that never came. A clue is that event, with the topic it points to
// and the sentence that tells the member why the bot chose it.

/** How far back an event still explains what a member is asking about. */
export const CLUE_LOOKBACK_DAYS = 30;

export interface LedgerClue {
  readonly intent: string;
  readonly at: Date;
  /** Why this topic, in the member's terms: "10 of your Connects expired on …". */
  readonly reason: string;
}

/** The topics the words may leave open and the ledger can settle. */
export const LEDGER_TOPICS: ReadonlySet<string> = new Set([
  'connects.balance',
  'connects.expiry',
  'refunds',
  'connects.monthly-free',
  'connects.purchase-missing',
]);

/** Every recent event on the account that points to one topic, newest first. */
export function ledgerClues(facts: AccountFacts): LedgerClue[] {
  const since = addDays(facts.now, -CLUE_LOOKBACK_DAYS).getTime();
  const clues: LedgerClue[] = [];
  // Batches that lapsed on one day are one event to the member.
  const lapsed = new Map<string, { at: Date; amount: number }>();
  for (const event of facts.history) {
    if (event.kind !== 'expiry' || event.amount <= 0 || event.at.getTime() < since) continue;
    const day = utcDate(event.at);
    const previous = lapsed.get(day);
    lapsed.set(day, { at: previous?.at ?? event.at, amount: (previous?.amount ?? 0) + event.amount });
  }
  for (const { at, amount } of lapsed.values()) {
    clues.push({ intent: 'connects.expiry', at, reason: en.account.clue.expired(amount, at) });
  }
  for (const verdict of facts.proposals) {
    if (verdict.decidedAt === null || verdict.decidedAt.getTime() < since || verdict.refund === 'not-yet')
      continue;
    const { job, outcome, decidedAt } = verdict;
    clues.push({
      intent: 'refunds',
      at: decidedAt,
      reason:
        verdict.refund === 'refunded'
          ? en.account.clue.refunded(job, outcome, decidedAt, verdict.returned)
          : en.account.clue.notReturned(job, verdict.spent, outcome, decidedAt),
    });
  }
  if (facts.missingCycle !== null) {
    clues.push({
      intent: 'connects.monthly-free',
      at: facts.missingCycle,
      reason: en.account.clue.grantMissing(facts.missingCycle),
    });
  }
  return clues.sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** Below even odds for its best reading, the words have not settled the topic. */
export const WORDS_SETTLE_AT = 0.5;
/** A clue's topic needs at least this much weight in the words, unless the ledger rules out theirs. */
const CLUE_SUPPORT = 0.1;

/** What the words said, as far as the ledger's say depends on it. */
export interface WordsReading {
  readonly decision: string;
  readonly onTopic: boolean;
  readonly best: string | null;
  readonly candidates: readonly { readonly intent: string; readonly probability: number }[];
  /** The situations the post tells in an answered entry's signal phrases ("the client cancelled"). */
  readonly signalled: readonly string[];
}

/**
 * The topic the ledger settles, with the event that settles it. Only when the words leave the topic
 * open (the bot would not answer, or its best reading has less than even odds and the post tells no
 * situation of the answered entry), and the post is
 * about the member's own Connects. The newest event decides, if the words give its topic some
 * weight, or if the ledger rules out the words' own best topic (they read "expired" but nothing
 * expired lately; "refund" but no job was decided lately).
 */
export function ledgerDecides(words: WordsReading, facts: AccountFacts): LedgerClue | null {
  if (!words.onTopic || words.best === null || !LEDGER_TOPICS.has(words.best)) return null;
  const top = words.candidates[0]?.probability ?? 0;
  if (words.decision === 'answer' && top >= WORDS_SETTLE_AT) return null;
  // A post that tells its situation in so many words has settled the topic, whatever the odds.
  if (words.decision === 'answer' && words.signalled.length > 0) return null;
  const clues = ledgerClues(facts);
  const newest = clues[0];
  if (newest === undefined) return null;
  const weight = words.candidates.find((candidate) => candidate.intent === newest.intent)?.probability ?? 0;
  const bestRuledOut =
    RULED_OUT_WITHOUT_A_CLUE.has(words.best) && !clues.some((clue) => clue.intent === words.best);
  return weight >= CLUE_SUPPORT || bestRuledOut || words.decision !== 'answer' ? newest : null;
}

// Topics that only an event explains: with no such event lately, the ledger says it is not that.
const RULED_OUT_WITHOUT_A_CLUE: ReadonlySet<string> = new Set(['connects.expiry', 'refunds']);
