import type { Outcome } from '../types.js';

// What the bot remembers between messages: questions and what became of them, feedback,
// cooldowns, one-time keys, per-channel settings. Kept small and serialisable (Keyv stores JSON).

export interface QuestionRecord {
  /** The platform event's id (interaction or message): buttons under the answer refer to it. */
  readonly id: string;
  readonly identity: string;
  readonly channelId?: string;
  /** A link to the question on its platform, for the moderator who picks it up. */
  readonly link?: string;
  readonly text: string;
  readonly intent: string | null;
  readonly outcome: Outcome;
  readonly confidence: number;
  /** The start of the bot's answer when others could read it; private answers are not kept. */
  readonly answer?: string;
  /** ISO time. */
  readonly at: string;
}

export type FeedbackVerdict = 'helpful' | 'not-helpful' | 'moderator';

export interface FeedbackRecord {
  readonly questionId: string;
  readonly identity: string;
  readonly verdict: FeedbackVerdict;
  readonly at: string;
}

export interface ChannelSettings {
  /** Automatic replies are off until this ISO time (or for good when "forever"). */
  readonly mutedUntil?: string;
}

/** One moderator action, as the audit log keeps it. */
export interface AuditEntry {
  /** The request id: replaying the same interaction finds this entry instead of acting twice. */
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  /** What the action was about: an identity, a channel, an intent. */
  readonly target: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly reason: string;
  /** What the moderator was told. */
  readonly result: string;
}

/** A question a moderator turned into an example of an FAQ entry. */
export interface TaughtExample {
  readonly intent: string;
  readonly text: string;
  readonly by: string;
  readonly at: string;
}

/** A time-limited note shown with one entry's answers ("purchases are delayed today"). */
export interface Notice {
  readonly intent: string;
  readonly text: string;
  readonly until: string;
  readonly by: string;
  readonly at: string;
}

/** What happened to questions on one UTC day. */
export interface DayStats {
  readonly day: string;
  readonly questions: number;
  readonly answered: number;
  readonly clarified: number;
  readonly abstained: number;
  readonly escalated: number;
  readonly helpful: number;
  readonly notHelpful: number;
  readonly intents: Readonly<Record<string, number>>;
  /** The language model's calls, their tokens, its failures and pauses (absent in older records: 0). */
  readonly modelCalls?: number;
  readonly modelTokens?: number;
  readonly modelFailures?: number;
  readonly modelPauses?: number;
}

export type StatsEvent =
  | { readonly kind: 'question'; readonly outcome: Outcome; readonly intent: string | null }
  | { readonly kind: 'escalated' }
  | { readonly kind: 'feedback'; readonly verdict: 'helpful' | 'not-helpful' }
  | { readonly kind: 'model-call'; readonly tokens: number }
  | { readonly kind: 'model-failure' }
  | { readonly kind: 'model-pause' };

/** One event, or several of one day counted together (see batched-counts.ts). */
export type StatsEvents = StatsEvent | readonly StatsEvent[];

export interface StateStore {
  saveQuestion(question: QuestionRecord): Promise<void>;
  question(id: string): Promise<QuestionRecord | undefined>;
  /** One verdict per member and question: a second click replaces the first. */
  recordFeedback(feedback: FeedbackRecord): Promise<void>;
  feedback(questionId: string): Promise<FeedbackRecord[]>;
  /** Abstentions, "not helpful" answers and escalations, for moderators to look at. */
  markUnanswered(questionId: string): Promise<void>;
  unanswered(limit: number): Promise<QuestionRecord[]>;
  /** Takes a question off the unanswered list; false when it was not on it. */
  dismissUnanswered(questionId: string): Promise<boolean>;
  /** Starts a cooldown unless one is running; returns the milliseconds left of a running one, else 0. */
  cooldown(key: string, ms: number, now: Date): Promise<number>;
  /** True the first time a key is claimed within `ms`: a redelivered event has one effect. */
  claimOnce(key: string, ms: number): Promise<boolean>;
  channelSettings(channelId: string): Promise<ChannelSettings>;
  saveChannelSettings(channelId: string, settings: ChannelSettings): Promise<void>;
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  audit(limit: number): Promise<AuditEntry[]>;
  auditEntry(id: string): Promise<AuditEntry | undefined>;
  addTaught(example: TaughtExample): Promise<void>;
  taught(): Promise<TaughtExample[]>;
  /** One notice per intent: a new one replaces the old. */
  saveNotice(notice: Notice): Promise<void>;
  notices(): Promise<Notice[]>;
  /** Counts one event, or several of one day in one write (the running bot batches them). */
  countStats(day: string, events: StatsEvents): Promise<void>;
  stats(days: readonly string[]): Promise<DayStats[]>;
  close(): Promise<void>;
}
