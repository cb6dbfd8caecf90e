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

export interface StateStore {
  saveQuestion(question: QuestionRecord): Promise<void>;
  question(id: string): Promise<QuestionRecord | undefined>;
  /** One verdict per member and question: a second click replaces the first. */
  recordFeedback(feedback: FeedbackRecord): Promise<void>;
  feedback(questionId: string): Promise<FeedbackRecord[]>;
  /** Abstentions, "not helpful" answers and escalations, for moderators to look at. */
  markUnanswered(questionId: string): Promise<void>;
  unanswered(limit: number): Promise<QuestionRecord[]>;
  /** Starts a cooldown unless one is running; returns the milliseconds left of a running one, else 0. */
  cooldown(key: string, ms: number, now: Date): Promise<number>;
  /** True the first time a key is claimed within `ms`: a redelivered event has one effect. */
  claimOnce(key: string, ms: number): Promise<boolean>;
  channelSettings(channelId: string): Promise<ChannelSettings>;
  saveChannelSettings(channelId: string, settings: ChannelSettings): Promise<void>;
  close(): Promise<void>;
}
