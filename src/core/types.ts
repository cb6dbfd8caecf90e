import type { AccountFacts } from './rules/account-facts.js';

// What adapters hand the core, and what the core hands back. Platform-neutral on purpose.

export type Platform = 'console' | 'discord' | 'slack';

export interface Actor {
  readonly platform: Platform;
  /** The platform's user id; with the platform it forms the identity `platform:id`. */
  readonly id: string;
  readonly displayName?: string;
  /** Role ids (Discord) or group ids the platform reports; moderation checks them in the core. */
  readonly roles: readonly string[];
  readonly isBot?: boolean;
}

/** `platform:id`, the key accounts are linked by. */
export function identityOf(actor: Actor): string {
  return `${actor.platform}:${actor.id}`;
}

export type Visibility = 'public' | 'private';

export type RequestBody =
  /** A question in the member's own words. */
  | { readonly kind: 'question'; readonly text: string }
  /**
   * One FAQ entry by id or title, as `/connects faq topic:` asks for it. `picked`: the member chose
   * it among the topics offered for their question, so it is answered as their question would be.
   */
  | { readonly kind: 'faq'; readonly topic: string; readonly picked?: boolean }
  /** The asker's own account, as `/connects balance` and `/connects refunds` ask for it. */
  | { readonly kind: 'account'; readonly view: AccountView };

export type AccountView = 'balance' | 'refunds';

export interface Request {
  /** Unique per delivery of a platform event; makes retries harmless. */
  readonly id: string;
  readonly actor: Actor;
  readonly channelId?: string;
  readonly body: RequestBody;
  /** The clock for this request (tests and `--now` fix it). */
  readonly now: Date;
  /**
   * Whether only the asker will see the reply (a terminal, an ephemeral interaction). When false
   * (a reply in a channel or a forum thread), no account data goes into it. Default true.
   */
  readonly privateReply?: boolean;
  /** A link to the question on its platform, kept for the moderator who picks it up. */
  readonly link?: string;
}

export interface Citation {
  readonly factId: string;
  readonly title: string;
}

export interface Topic {
  readonly intent: string;
  readonly title: string;
}

export type Outcome = 'answered' | 'clarify' | 'abstained' | 'refused';

export interface Reply {
  /** Markdown the member sees. */
  readonly text: string;
  readonly visibility: Visibility;
  readonly outcome: Outcome;
  readonly intent: string | null;
  readonly confidence: number;
  readonly cases: readonly string[];
  readonly citations: readonly Citation[];
  /** Close topics offered when the question could mean several. */
  readonly choices: readonly Topic[];
  /** Related topics worth a look after this answer (a second question the post asked comes first). */
  readonly followups: readonly Topic[];
  /** A second question the post asked: answered below the first, or offered among the follow-ups. */
  readonly also: readonly (Topic & { readonly answered: boolean })[];
  /** The bot hands over: a moderator should look at this question. */
  readonly escalate: boolean;
  /** Whether the answer should carry helpful / not helpful / ask a moderator. */
  readonly feedback: boolean;
  /**
   * The asker's account facts when one is linked. Adapters never show these beyond `text`: a
   * private reply is the only place the member's data appears.
   */
  readonly account: AccountFacts | null;
  /**
   * What chose the topic: the member's words, the member's own ledger (the words fit several
   * topics), or the member (a topic picked or asked for by name). Null when nothing was answered.
   */
  readonly decidedBy: DecidedBy | null;
  /** The language the text is in, when the language model said it again in the member's (BCP 47). */
  readonly language?: string;
}

/** What chose the topic: the wording, the member's ledger, the member (by name or a pick), the language model. */
export type DecidedBy = 'words' | 'ledger' | 'member' | 'model';
