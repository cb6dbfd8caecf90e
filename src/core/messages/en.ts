import type { JobOutcome } from '../ledger/types.js';
import type { ProposalVerdict } from '../rules/account-facts.js';
import { longDate, ordinal } from '../rules/calendar.js';
import type { LedgerEvent } from '../rules/replay.js';
import type { AuditEntry, DayStats, QuestionRecord } from '../state/store.js';

// Every sentence the bot says, in English: to members (answers, their own account, buttons, guards,
// hand-overs) and to moderators (action results, reports, why a question reached them). One place,
// so a wording change or a translation is one edit; a new language is a file like this one with the
// same keys (the type says which). Dates and numbers are written here too (`longDate`, `ordinal`,
// plurals): they are English as much as the words around them.

export const en = {
  // Around answers, to members: buttons, guards, thanks, hand-overs; and why a question reached the
  // moderators.
  buttonRetired: 'That button is no longer in use.',
  questionExpired: 'That question is too old for me to find; please ask again.',
  thanksHelpful: 'Thanks, glad it helped.',
  thanksNotHelpful:
    'Thanks for telling me. A moderator will see it; use "Ask a moderator" if you need an answer now.',
  passedToModerators: 'Thanks, I have passed your question to the moderators. Someone will look at it soon.',
  moderatorsUnreachable: 'I could not reach the moderators from here; please ask in the help channel.',
  emptyMention: 'Ask me a question about Connects, e.g. "when do my free Connects arrive?"',
  emptyMessage: 'That message has no text I can answer.',
  cooldown: (seconds: number) => `One moment please: you can ask again in ${seconds} s.`,
  /** What a slow answer's placeholder says once the answer went out with the other visibility. */
  answeredElsewhere: (privately: boolean) =>
    privately ? 'I have sent you the answer privately, below.' : 'I have answered in the channel, below.',
  sorry: 'Sorry, something went wrong on my side. Please try again in a moment, or ask a moderator.',
  /** Why a question reached the moderators. */
  alertFlagged: 'The bot flagged something on this member’s account for a moderator.',
  alertAsked: 'A member asked for a moderator.',
  helpfulButton: 'Helpful',
  notHelpfulButton: 'Not helpful',
  moderatorButton: 'Ask a moderator',
  /** A button under the unanswered list: teach this question as this topic. */
  teachButton: (intent: string, question: string) => `Teach as ${intent}: ${question}`,
  // Commands, typed or picked, on every platform (members and moderators alike).
  /** A command line that does not fit its command. */
  usage: (line: string) => `Usage: ${line}`,
  usageOneOf: (lines: readonly string[]) => `Usage, one of:\n${lines.map((line) => `  ${line}`).join('\n')}`,
  /** Discord sent a command this build does not have: the registered list is older than the code. */
  commandsOutdated: 'I do not know that command; run `helpbot discord deploy-commands` to refresh the list.',
  /** A command's value that does not fit its parameter (`QUESTION`, `AMOUNT`: the parameter's label). */
  argumentMissing: (label: string) => `${label} is missing.`,
  argumentNotNumber: (label: string) => `${label} must be a whole number.`,
  argumentNotText: (label: string) => `${label} must be text.`,
  argumentNotChoice: (label: string, choices: readonly string[]) =>
    `${label} must be one of: ${choices.join(', ')}.`,
  unknownCommand: (name: string, names: readonly string[]) =>
    `Unknown command "${name}"${names.length === 0 ? '' : `; one of: ${names.join(', ')}`}.`,
  /** The end of a list cut short: "…and 3 more". */
  more: (count: number) => `…and ${count} more`,
  /** What a member reads around an FAQ answer, or instead of one. */
  answer: {
    /** A moderator's time-limited notice on the entry: it leads. */
    notice: (text: string) => `📣 **Notice:** ${text}`,
    /** The entry's general answer, after what applies to the member in particular. */
    inGeneral: (answer: string) => `In general: ${answer}`,
    /** The policy behind the answer: the first few facts by title, the rest counted. */
    policy: (cited: readonly string[], more: number) =>
      `Policy: ${cited.join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
    /** Why the member's own ledger chose the topic (a clue's reason, below): said before their figures. */
    ledgerReason: (reason: string) => `I looked at your account to see which topic you mean: ${reason}.`,
    /** The second question of a post, answered below the first. */
    alsoAnswered: (answer: string) => `**You also asked:**\n\n${answer}`,
    /** The second question of a post, not sure enough to answer: pointed to. */
    alsoAsked: (title: string) =>
      `You also asked about **${title}**: pick it below, or ask it on its own and I'll answer it.`,
    clarify: (titles: readonly string[]) =>
      `I'm not sure which of these you mean:\n${titles.map((title, i) => `${i + 1}. ${title}`).join('\n')}\nPick one and I'll answer it.`,
    abstainOnTopic:
      "I'm not sure I understood, and I'd rather not guess. A moderator can take a look: use **Ask a moderator**, or rephrase your question about Connects.",
    abstainOffTopic:
      "I can only help with questions about Connects (buying, free and monthly Connects, expiry, refunds, agencies). I don't know the answer to this one.",
    emptyQuestion: 'Please ask a question about Connects, for example "when do my free Connects arrive?"',
    tooLong: (length: number, limit: number) =>
      `That message is ${length.toLocaleString('en-US')} characters long; please ask in ${limit.toLocaleString('en-US')} or fewer.`,
    unknownTopic: (topic: string) => `I have no FAQ topic called "${topic}".`,
  },
  /** The member's own account, in an answer or on its own (`/connects balance`, `/connects refunds`). */
  account: {
    /** The end of a list of the member's own lines cut short. */
    more: (count: number) => `…and ${count} more`,
    /** One proposal and whether its Connects come back. */
    proposal: proposalLine,
    /** One event of the ledger, dated. */
    event: eventLine,
    // The balance.
    balance: (id: string, balance: number) =>
      `**Your account** (${id}): you have **${connects(balance)}** now.`,
    expiringSoon: (items: readonly { readonly amount: number; readonly on: Date }[]) =>
      `Expiring soon: ${items.map((item) => `${item.amount} on ${longDate(item.on)}`).join(', ')}.`,
    nextFreeConnects: (amount: number, on: Date) =>
      `Your next ${amount} free Connects are due on ${longDate(on)}.`,
    noGrantRecorded: (cycle: Date) =>
      `No monthly free Connects are recorded for the cycle that began on ${longDate(cycle)}.`,
    recentActivity: (list: string) => `Recent activity:\n${list}`,
    // Proposals and refunds.
    noProposals: (id: string) =>
      `**Your proposals** (${id}): I can't find any Connects spent on proposals in your ledger.`,
    proposals: (id: string, list: string) => `**Your proposals** (${id}):\n${list}`,
    // Monthly free Connects: the account's sentences, in order, after its name.
    monthly: (id: string, sentences: readonly string[]) => `**Your account** (${id}): ${sentences.join(' ')}`,
    billingCycle: (billingDay: number) =>
      `your billing cycle renews on the ${ordinal(billingDay)} of each month (the last day in shorter months).`,
    grantLooksMissing: (amount: number, cycle: Date) =>
      `I can't find the ${connects(amount)} for the cycle that began on ${longDate(cycle)}, so that grant looks missing; I've flagged it for a moderator to check.`,
    lastGrant: (on: Date) => `The last ones arrived on ${longDate(on)}.`,
    nextGrant: (amount: number, on: Date) => `The next ${connects(amount)} are due on ${longDate(on)}.`,
    agencyNoFreeConnects: (id: string, onAgencyPlus: boolean) =>
      `**Your account** (${id}) is an agency, and agencies receive no free Connects, monthly or otherwise: its Connects are bought${onAgencyPlus ? '' : ' on Agency Plus'}.`,
    // Expiry.
    nothingToExpire: (id: string) =>
      `**Your account** (${id}): you have no unexpired Connects, so nothing is due to expire.`,
    batches: (id: string, balance: number, list: string) =>
      `**Your account** (${id}): you have ${connects(balance)}; each batch lasts a year from when you got it:\n${list}`,
    batchExpires: (amount: number, on: Date) => `${connects(amount)} expire on ${longDate(on)}`,
    // Purchases.
    noRecentPurchase: (id: string, days: number) =>
      `**Your account** (${id}): I can't see a purchase of Connects in the last ${days} days. If you were charged, I've flagged this for a moderator to check with you.`,
    purchases: (id: string, list: string, balance: number) =>
      `**Your account** (${id}): these purchases are credited:\n${list}\nYour balance is ${connects(balance)}.`,
    // Agencies.
    notAnAgency: (id: string) =>
      `**Your account** (${id}) is a freelancer profile, so the agency rules don't apply to it.`,
    agencyBasic: (id: string) =>
      `**Your agency** (${id}) is on Agency Basic: it can't buy Connects or submit proposals until it upgrades to Agency Plus. Agencies get no free Connects either.`,
    agencyPlus: (id: string, balance: number) =>
      `**Your agency** (${id}) is on Agency Plus, so it can buy shared agency Connects; it has ${connects(balance)}. Agencies get no free Connects, so every Connect is bought.`,
    // No account, or not here.
    unlinked: (identity: string) =>
      `I can't see a marketplace account linked to you (${identity}), so this is the general rule. To get answers about your own Connects, ask a moderator to link your account; meanwhile the Connects History page lists every credit and spend.`,
    unlinkedView: (identity: string) =>
      `I can't see a marketplace account linked to you (${identity}). Ask a moderator to link your account; meanwhile the Connects History page lists every credit and spend.`,
    /** Said in a public reply to a member with a linked account: their figures are for their eyes only. */
    privateHint:
      'Your own figures are not shown here, where everyone can read them: ask me with the `/connects` command and only you will see the answer.',
    /** Why the member's ledger settles the topic their words left open: an answer's `ledgerReason`. */
    clue: {
      expired: (amount: number, on: Date) =>
        `${amount} of your Connects expired on ${longDate(on)}, a year after you got them`,
      refunded: (job: string, outcome: JobOutcome, on: Date, returned: number) =>
        `for your proposal to "${job}", ${WHY[outcome]} on ${longDate(on)}, and its ${connects(returned)} came back`,
      notReturned: (job: string, spent: number, outcome: JobOutcome, on: Date) =>
        `for your proposal to "${job}" (${connects(spent)}), ${WHY[outcome]} on ${longDate(on)}, so they were not returned`,
      grantMissing: (cycle: Date) =>
        `no monthly free Connects are recorded for the cycle that began on ${longDate(cycle)}`,
    },
  },
  /** The card moderators get when a question is handed to them. */
  alertCard: {
    member: 'Member',
    question: 'Question',
    bot: 'Bot',
    answer: 'Answer',
    link: 'Link',
    privateAnswer: '(private to the member)',
    reading: (outcome: string, intent: string | null, confidence: number) =>
      `${outcome}${intent === null ? '' : ` · ${intent}`} (confidence ${confidence.toFixed(2)})`,
    threadTitle: (question: string) => `Moderator help: ${question}`.slice(0, 90),
  },
  /** Slack: where the stats chart went (a file cannot be private in a channel). */
  chartInDirectMessage: 'The chart of these figures is in your direct messages with the bot.',
  /** A long answer cut to fit a platform's limit. */
  trimmed: '…(trimmed; ask about one topic at a time for the rest)',
  /** The terminal chat's first start, with the demo account linked to whoever runs it. */
  demoGreeting: (accountId: string, identity: string) =>
    `A demo account (${accountId}) is linked to ${identity}, so you can ask about "your" Connects: try "how many connects do I have?" or "why didn't I get a refund?".`,
  /** Topics listed after an answer where a platform has room (the terminal). */
  related: (titles: readonly string[]) => `Related: ${titles.join(' · ')}`,
  pickHint: (count: number) => `(type 1-${count} to pick)`,
  /** Commands and their options as platforms list them (Discord shows these under each one). */
  commands: {
    connects: 'Questions about Connects: answers, your balance, your refunds',
    ask: 'Ask a question about Connects in your own words',
    question: 'Your question',
    balance: 'Your balance, what expires soon and your next free Connects (only you see it)',
    refunds: 'Your proposals and whether their Connects come back (only you see it)',
    faq: 'Show one FAQ topic',
    topic: 'Start typing to pick a topic',
    connectsMod: 'Moderator tools for the Connects help bot',
    adjust: "Correct a member's balance (negative to debit)",
    adjustAmount: 'Connects, negative to debit',
    grantAmount: 'Connects to credit',
    notice: "Show a notice with an entry's answers for a while",
    noticeHours: (max: number) => `How long it shows (1-${max})`,
    noticeText: 'The notice',
    lookup: "A member's account facts, shown only to you",
    grant: "Credit a member's Connects",
    stats: (days: number) => `Questions, answers and feedback over the last ${days} days`,
    unmute: 'Resume automatic replies in a channel',
    outcome: "Record a job's outcome for a member's proposal",
    proposal: 'The proposal id, e.g. p-102',
    jobOutcome: 'What happened to the job',
    unanswered: 'Recent abstentions, "not helpful" answers and escalations',
    teach: 'Make a question an example of an FAQ entry',
    audit: 'Recent moderator actions',
    channel: 'The channel',
    mute: 'Stop automatic replies in a channel',
    muteHours: 'For how long (default: until unmuted)',
    preview: 'An FAQ entry as members see it, and how well its examples are recognised',
    entry: 'The FAQ entry',
    member: 'The member',
    reason: 'Why (kept in the audit log)',
    exampleQuestion: 'The question as members ask it',
    dashboard: "A private sign-in link to the moderators' web dashboard (valid 10 minutes, once)",
    dismiss: 'Take a question off the unanswered list without teaching it',
    questionId: "The question's id, as the unanswered list shows it",
    unnotice: "End an entry's notice now",
  },
  /** The terminal chat's own lines. */
  terminal: {
    welcome: (identity: string) =>
      `Connects help bot — you are ${identity}. Type /help for commands, /quit to leave.`,
    helpIntro: 'Ask anything about Connects, in your own words. Other lines:',
    helpOwnLines: [
      '  /topics          list the FAQ topics',
      '  /mod …           moderator actions (/mod alone lists them; start with --moderator)',
      '  1, 2, 3          pick one of the topics I offered',
      '  /help            this list                /quit   leave',
    ].join('\n'),
    modHelpIntro: 'Moderator lines (start with --moderator):',
    pickNumber: (count: number) => `Pick a number from 1 to ${count}.`,
    unknownLine: (head: string) => `Unknown command ${head}; type /help for the list.`,
  },
  /** What moderators are told about their actions. */
  mod: {
    forbidden: 'Only moderators can do that.',
    alreadyHandling: 'That request is already being handled.',
    noEntry: (id: string) => `There is no FAQ entry "${id}".`,
    noAccount: (identity: string) => `No account is linked to ${identity}.`,
    noProposal: (identity: string, proposal: string) => `${identity} has no proposal "${proposal}".`,
    teachNeedsQuestion: 'Give the question to teach.',
    taught: (question: string, intent: string, before: Reading, after: Reading) =>
      `Taught "${question}" as ${intent}. Before: ${reading(before)}; now: ${reading(after)}.`,
    hoursBetween: (max: number) => `Hours must be between 1 and ${max}.`,
    noticeLength: (max: number) => `The notice needs 1 to ${max} characters.`,
    noticeSaved: (intent: string, untilIso: string, text: string) =>
      `Notice on ${intent} until ${minuteUtc(untilIso)}: ${text}`,
    amountRange: (max: number, debitAllowed: boolean) =>
      `The amount must be a whole number from 1 to ${max}${debitAllowed ? ' (negative to debit)' : ''}.`,
    reasonNeeded: 'Give a reason; it goes in the audit log.',
    ledgerBusy: 'The ledger is busy with an import and nothing was changed; try again in a minute.',
    ledgerRefused: (problems: readonly string[]) => `Refused: ${problems.join('; ')}`,
    ledgerChanged: (identity: string, accountId: string, change: string, before: number, after: number) =>
      `${identity} (${accountId}): ${change}; balance ${before} → ${after}.`,
    proposalNow: (proposal: string, verdict: string | undefined) =>
      `${proposal} is now ${verdict ?? 'unknown'}`,
    muted: (channel: string, untilIso: string | null) =>
      `Automatic replies are off in ${channel} ${untilIso === null ? 'until unmuted' : `until ${minuteUtc(untilIso)}`}.`,
    unmuted: (channel: string) => `Automatic replies are back on in ${channel}.`,
    dashboardLink: (url: string, expiresIso: string) =>
      `Your sign-in link to the dashboard, for you alone: ${url}\nIt works once, until ${minuteUtc(expiresIso)}.`,
    dashboardLinkAudited: (expiresIso: string) =>
      `Sign-in link issued, valid until ${minuteUtc(expiresIso)}.`,
    dashboardOff: 'The dashboard is not served here: set DASHBOARD_PORT (see the README).',
    noQuestion: (id: string) => `There is no unanswered question "${id}".`,
    dismissed: (text: string) => `Taken off the unanswered list: "${text}".`,
    noNotice: (intent: string) => `There is no notice on ${intent}.`,
    noticeEnded: (intent: string) => `The notice on ${intent} has ended.`,
  },
  /** What moderators read in their reports (and operators in `helpbot balance`, `helpbot knowledge preview`). */
  report: {
    // The unanswered list: each question with the command that teaches it.
    nothingUnanswered: 'Nothing unanswered.',
    unanswered: (items: readonly string[]) => `Unanswered, newest first:\n${items.join('\n')}`,
    unansweredItem: (question: QuestionRecord, guess: string) =>
      `• ${minute(question.at)} ${question.identity} [${question.outcome}] "${question.text}"${question.link === undefined ? '' : ` ${question.link}`}\n  teach: intent ${guess} question "${question.text}"`,
    // Statistics over the last days.
    stats: (days: number, total: Tally) =>
      `Last ${days} days: ${total.questions} questions, ${total.answered} answered, ${total.abstained} abstained, ${total.escalated} escalated; helpful: ${helpfulShare(total)}.`,
    model: (model: { calls: number; tokens: number; failures: number; pauses: number }) =>
      `Language model: ${model.calls} calls, ${model.tokens.toLocaleString('en-US')} tokens, ${model.failures} failed or ignored${model.pauses === 0 ? '' : `; switched itself off ${model.pauses} time${model.pauses === 1 ? '' : 's'} after repeated failures`}.`,
    topTopics: (topics: readonly string[]) =>
      `Top topics: ${topics.length === 0 ? 'none yet' : topics.join(', ')}`,
    perDay: 'Per day:',
    day: (day: DayStats) =>
      `  ${day.day}: ${day.questions} asked, ${day.answered} answered, ${day.abstained} abstained, ${day.escalated} escalated`,
    // The audit log: each action with the first line of what its moderator was told.
    noActions: 'No moderator actions yet.',
    actions: (items: readonly string[]) => `Recent moderator actions:\n${items.join('\n')}`,
    action: (entry: AuditEntry) =>
      `• ${minute(entry.at)} ${entry.actor} ${entry.action} ${entry.target}${entry.reason === '' ? '' : ` — ${entry.reason}`}: ${entry.result.split('\n')[0]}`,
    // An account's facts as staff read them.
    accountFactsFor: (identity: string, facts: string) => `Account facts for ${identity}:\n${facts}`,
    account: (id: string, kind: string, plan: string, billingDay: number, asOf: Date) =>
      `${id}: ${kind}, plan ${plan}, billing day ${ordinal(billingDay)} — as of ${asOf.toISOString()}`,
    balance: (balance: number) => `Balance: ${connects(balance)}`,
    agencyNoGrant: 'Monthly grant: none (agencies get no free Connects)',
    nextGrant: (next: Date | null, missingCycle: Date | null) =>
      `Next monthly grant: ${next === null ? 'unknown' : longDate(next)}${missingCycle === null ? '' : `; MISSING for the cycle from ${longDate(missingCycle)}`}`,
    cannotBuy: 'Cannot buy Connects: agency below Agency Plus',
    expires: (list: string) => `Expires:\n${list}`,
    batch: (amount: number, on: Date) => `${connects(amount)} on ${longDate(on)}`,
    proposals: (list: string) => `Proposals:\n${list}`,
    activity: (list: string) => `Recent activity:\n${list}`,
    // An FAQ entry's preview: its answer, then its examples as the bot reads them held out.
    previewOf: (intent: string) => `Preview of ${intent} as members see it:`,
    previewExamples: (answered: number, total: number, elsewhere: number) =>
      `Examples: ${answered} of ${total} are answered with this entry when held out of training; ${elsewhere} read as another topic. Weakest first:`,
    previewKey: (answerAt: number) =>
      `(✓ answered, ? this entry but below ${answerAt}, ✗ read as another topic)`,
    /** What an example reads as when the bot reads no topic in it. */
    offTopic: 'off-topic',
  },
} as const;

/** How the matcher read a question, as a moderator sees it before and after teaching it. */
interface Reading {
  readonly intent: string | null;
  readonly decision: string;
  readonly confidence: number;
}

const reading = (read: Reading) =>
  `${read.decision === 'answer' ? read.intent : read.decision} (${read.confidence.toFixed(2)})`;

/** "2026-11-27 12:00": when something happened, to the minute (UTC, as stored). */
const minute = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** "2026-11-27 12:00 UTC": when a notice or a mute ends, to the minute. */
const minuteUtc = (iso: string) => `${minute(iso)} UTC`;

/** "1 Connect", "12 Connects". */
function connects(amount: number): string {
  return `${amount} Connect${amount === 1 ? '' : 's'}`;
}

/** What happened to a job, as the reason its Connects come back or not. */
const WHY = {
  client_cancelled: 'the client cancelled the job without hiring anyone',
  platform_removed: 'the platform removed the job post',
  expired: 'the job post expired',
  withdrawn: 'you withdrew the proposal',
  declined: 'the client declined the proposal',
  hired: 'the client hired someone',
  open: 'the job is still open',
} as const satisfies Readonly<Record<JobOutcome, string>>;

function proposalLine(verdict: ProposalVerdict): string {
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

/** A grant's reason as members know it. */
const GRANT_NAMES: Readonly<Record<string, string>> = {
  signup: 'sign-up bonus',
  monthly: 'monthly free Connects',
  'rising-talent': 'Rising Talent bonus',
  interview: 'interview bonus',
  certification: 'certification bonus',
  moderator: 'credit from a moderator',
};

function eventLine(event: LedgerEvent): string {
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

/** Counts over several days, as the statistics report adds them up. */
type Tally = Pick<DayStats, 'questions' | 'answered' | 'abstained' | 'escalated' | 'helpful' | 'notHelpful'>;

/** "75% of 8 votes", or "no votes". */
function helpfulShare(total: Tally): string {
  const votes = total.helpful + total.notHelpful;
  return votes === 0 ? 'no votes' : `${Math.round((100 * total.helpful) / votes)}% of ${votes} votes`;
}

/** What a translation must provide: the same keys and arguments, in its own words. */
export type Messages = Wording<typeof en>;

type Wording<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: Wording<T[K]> };
