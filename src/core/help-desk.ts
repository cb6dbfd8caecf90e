import { accountViewText, answerText, citationsFor, topicOf } from './compose.js';
import { entryById, type FaqEntry, type KnowledgeBase } from './knowledge-base.js';
import type { ModelReader } from './language/model-reader.js';
import { type Kept, putBack, takeOut } from './language/placeholders.js';
import { isEnglish, whyAskTheModel } from './language/when-to-ask.js';
import type { LedgerStore } from './ledger/store.js';
import { MAX_QUESTION_CHARS } from './limits.js';
import { Matcher, type MatchResult } from './match/matcher.js';
import type { SavedModel } from './match/model.js';
import { accountMessagesIn } from './messages/account-messages.js';
import { en } from './messages/en.js';
import { type LedgerClue, ledgerDecides } from './personal/ledger-clues.js';
import { ACCOUNT_QUESTIONS, personalSection } from './personal/sections.js';
import { recordQuestion } from './record.js';
import { type AccountFacts, accountFacts } from './rules/account-facts.js';
import { type RulesPolicy, rulesPolicyFrom } from './rules/policy.js';
import { type Bookkeeping, INLINE_BOOKKEEPING } from './state/bookkeeping.js';
import type { StateStore } from './state/store.js';
import { displayText } from './text/display.js';
import { normaliseText } from './text/normalise.js';
import { type AccountView, identityOf, type Reply, type Request } from './types.js';

export interface HelpDeskOptions {
  /** Members' accounts; without it every answer is the general one. */
  readonly ledger?: LedgerStore;
  /** The matcher's model as saved in the cache; refitted when the knowledge base has changed since. */
  readonly savedModel?: SavedModel;
  /** Told when the matcher had to be fitted (the knowledge base changed): worth saving for next time. */
  readonly onMatcherFitted?: (matcher: Matcher, milliseconds: number) => void;
  /** What is remembered: questions, statistics, moderators' notices and taught examples. */
  readonly state?: StateStore;
  /** The optional language model: asked only about the posts the words leave open. */
  readonly modelReader?: ModelReader;
  /** When questions are recorded: before the reply (the default) or after it (the running bot). */
  readonly bookkeeping?: Bookkeeping;
}

/** The single entry every adapter uses: a request in, the reply to show out. */
export class HelpDesk {
  private built: Matcher | undefined;
  readonly policy: RulesPolicy;
  private readonly ledger: LedgerStore | undefined;
  private readonly state: StateStore | undefined;
  private readonly options: HelpDeskOptions;
  private readonly bookkeeping: Bookkeeping;
  /** Questions being recorded after their reply, by id: what reads one back waits for it. */
  private readonly recordings = new Map<string, Promise<void>>();

  constructor(
    readonly kb: KnowledgeBase,
    options: HelpDeskOptions = {},
  ) {
    this.options = options;
    this.policy = rulesPolicyFrom(kb);
    this.ledger = options.ledger;
    this.state = options.state;
    this.bookkeeping = options.bookkeeping ?? INLINE_BOOKKEEPING;
  }

  /**
   * Built on first use: commands that never match a question (an import, a balance) never load or
   * fit the model.
   */
  get matcher(): Matcher {
    if (this.built === undefined) {
      const start = Date.now();
      this.built = this.restoredMatcher() ?? new Matcher(this.kb);
      if (this.built.fitted) this.options.onMatcherFitted?.(this.built, Date.now() - start);
    }
    return this.built;
  }

  /** The matcher is built (the knowledge base loaded and fitted): questions are answered without a wait. */
  get matcherReady(): boolean {
    return this.built !== undefined;
  }

  /** The saved model, unless it cannot be restored (a damaged cache): then it is fitted again. */
  private restoredMatcher(): Matcher | undefined {
    const { savedModel } = this.options;
    if (savedModel === undefined) return undefined;
    try {
      return new Matcher(this.kb, { saved: savedModel });
    } catch {
      return undefined;
    }
  }

  async handle(request: Request): Promise<Reply> {
    const dispatched = await this.dispatch(request);
    // Ledger text (job titles, reasons) goes out as data on every platform: see core/text/display.ts.
    const reply = { ...dispatched, text: displayText(dispatched.text) };
    const state = this.state;
    if (state !== undefined) await this.later(() => recordQuestion(state, request, reply), request.id);
    return reply;
  }

  /**
   * Bookkeeping of an event (a question, a member's feedback): before the caller goes on, or after
   * its reply, as the desk was built. `id`: the question the work records, for `recorded`.
   */
  async later(work: () => Promise<void>, id?: string): Promise<void> {
    const recording = this.bookkeeping.record(work);
    if (id !== undefined) {
      this.recordings.set(id, recording.done);
      void recording.done.finally(() => {
        if (this.recordings.get(id) === recording.done) this.recordings.delete(id);
      });
    }
    await recording.wait;
  }

  /** Resolves once the question `id` is recorded (at once when it is not being recorded). */
  recorded(id: string): Promise<void> {
    return this.recordings.get(id) ?? Promise.resolve();
  }

  /** Resolves once every recording started so far has ended: before the stores close. */
  settled(): Promise<void> {
    return this.bookkeeping.settled();
  }

  /** Examples moderators taught, back into the matcher (at start-up; teaching applies at once). */
  async applyTaught(): Promise<number> {
    const taught = (await this.state?.taught()) ?? [];
    return taught.length === 0 ? 0 : this.matcher.teach(taught);
  }

  private async dispatch(request: Request): Promise<Reply> {
    const body = request.body;
    if (body.kind === 'faq') return this.faq(body.topic, body.picked === true ? request : null, request.now);
    if (body.kind === 'account') return this.accountView(body.view, request);
    return this.question(body.text, request);
  }

  /** A moderator's notice on this entry, while it lasts. */
  private async noticeFor(intent: string, now: Date): Promise<string | undefined> {
    const notices = (await this.state?.notices()) ?? [];
    const notice = notices.find(
      (candidate) => candidate.intent === intent && Date.parse(candidate.until) > now.getTime(),
    );
    return notice?.text;
  }

  /** A question in the member's words: answered, narrowed to a few topics, or handed over. */
  private async question(text: string, request: Request): Promise<Reply> {
    if (text.length > MAX_QUESTION_CHARS) return refusal(en.answer.tooLong(text.length, MAX_QUESTION_CHARS));
    // No word at all (emoji, punctuation, control characters): nothing to match. Checked on the
    // normalised text alone; the matcher then analyses the post once, sentence by sentence.
    if (normaliseText(text) === '') return refusal(en.answer.emptyQuestion);
    const words = this.matcher.match(text);
    const asker = await this.asker(request);
    // The words left the topic open: a linked member's own ledger may settle it, and says why.
    const clue = asker.facts !== null && asker.privateReply ? ledgerDecides(words, asker.facts) : null;
    const byModel = clue === null ? await this.modelDecides(words, text, asker.identity) : null;
    const match = clue !== null ? this.matcher.answerAs(clue.intent, text) : (byModel?.match ?? words);
    const reply = await this.replyFor(match, text, asker, request.now, clue);
    if (byModel === null) return reply;
    return this.inLanguage(
      byModel.changed ? { ...reply, decidedBy: 'model' } : reply,
      byModel.language,
      asker,
    );
  }

  /** The reply to what was read: an answer (and a second one), a choice of topics, or a hand-over. */
  private async replyFor(
    match: MatchResult,
    text: string,
    asker: Asker,
    now: Date,
    clue: LedgerClue | null,
  ): Promise<Reply> {
    if (match.decision === 'answer' && match.intent !== null) {
      const entry = entryById(this.kb, match.intent) as FaqEntry;
      const answered = this.answer(entry, match, asker, await this.noticeFor(entry.id, now), clue);
      return this.withSecondQuestion(answered, match, text, asker, now);
    }
    if (match.decision === 'clarify') {
      const choices = match.choices.map((intent) => topicOf(this.kb, intent));
      return {
        ...replyTo(match),
        text: en.answer.clarify(choices.map((choice) => choice.title)),
        outcome: 'clarify',
        choices,
        account: asker.facts,
      };
    }
    const onTopic = match.onTopic;
    return {
      ...replyTo(match),
      text: onTopic ? en.answer.abstainOnTopic : en.answer.abstainOffTopic,
      outcome: 'abstained',
      escalate: onTopic,
      feedback: onTopic,
      account: asker.facts,
    };
  }

  /**
   * The language model, when there is one, on the posts the words alone may have misread
   * (core/language/when-to-ask.ts). It can only name real entries; null when it was not asked or
   * failed, and the offline decision stands. `changed`: the model's reading, not the words', decided.
   */
  private async modelDecides(
    words: MatchResult,
    text: string,
    identity: string,
  ): Promise<ModelDecision | null> {
    const reader = this.options.modelReader;
    const why = reader === undefined ? null : whyAskTheModel(words, text);
    if (reader === undefined || why === null) return null;
    if (why === 'open' && words.decision === 'clarify') {
      // Between the topics the words offered, the nearest knowledge examples may settle it.
      const near = await reader.nearest(text);
      if (
        near !== null &&
        words.choices.includes(near.intent) &&
        near.similarity >= NEAREST_AT &&
        near.margin >= NEAREST_MARGIN
      )
        return { match: this.matcher.answerAs(near.intent, text), language: 'und', changed: true };
    }
    const verdict = await reader.read(text, identity);
    if (verdict === null) return null;
    const language = verdict.language;
    // The words left the topic open: the model's real entry answers; its "off-topic" leaves them.
    if (why === 'open')
      return verdict.intent === null
        ? { match: words, language, changed: false }
        : { match: this.withModelCases(verdict.intent, verdict.cases, text), language, changed: true };
    // The words answered a post in another language, matching on the product's English words: the
    // model, which reads the language, names the topic when it finds one.
    if (
      why === 'foreign' &&
      !isEnglish(language) &&
      verdict.intent !== null &&
      verdict.intent !== words.intent
    )
      return { match: this.withModelCases(verdict.intent, verdict.cases, text), language, changed: true };
    // The words answered, and offered a second question they were unsure of: the model's reading of
    // the same main topic with that second one confirms it, and both are answered.
    const second = words.also[0];
    if (
      second !== undefined &&
      !second.answer &&
      verdict.intent === words.intent &&
      verdict.also.includes(second.intent)
    )
      return { match: { ...words, also: [{ ...second, answer: true }] }, language, changed: true };
    return { match: words, language, changed: false };
  }

  /** The entry the model named, answered; its cases stand in for the words' when the words found none. */
  private withModelCases(intent: string, modelCases: readonly string[], text: string): MatchResult {
    const match = this.matcher.answerAs(intent, text);
    if (match.signalled.length > 0 || modelCases.length === 0) return match;
    const own = new Set(match.cases);
    const signalled = modelCases.filter((caseId) => own.has(caseId));
    return {
      ...match,
      signalled,
      cases: [...signalled, ...match.cases.filter((caseId) => !signalled.includes(caseId))],
    };
  }

  /**
   * The composed answer said again in the member's language, when the model read the post as
   * written in another, and only if every fact survives (core/language/fact-check.ts). What the
   * model must not see (the member's own figures, unless the community opted in; their chat
   * identity) leaves as placeholders and comes back said by the core: the account part in the
   * member's language where the catalogue has it (messages/account-messages.ts), in English otherwise.
   */
  private async inLanguage(reply: Reply, language: string, asker: Asker): Promise<Reply> {
    const reader = this.options.modelReader;
    if (reader === undefined || isEnglish(language) || reply.outcome === 'refused') return reply;
    const kept: Kept[] = [{ find: asker.identity, put: asker.identity }];
    const facts = reply.visibility === 'private' ? asker.facts : null;
    if (facts !== null && !reader.sendsAccountData) {
      const says = accountMessagesIn(language) ?? en.account;
      const answered = [
        reply.intent,
        ...reply.also.filter((also) => also.answered).map((also) => also.intent),
      ];
      for (const intent of answered) {
        const english = intent === null ? null : personalSection(intent, facts);
        const theirs = intent === null ? null : personalSection(intent, facts, says);
        if (english !== null && theirs !== null)
          kept.push({ find: english.text, put: theirs.text, required: true });
      }
    }
    const masked = takeOut(reply.text, kept);
    // A private part that could not be taken out, or account data still in the text: nothing is sent.
    if (masked === null || (facts !== null && !reader.sendsAccountData && masked.text.includes(facts.id)))
      return reply;
    const reworded = await reader.rephrase(masked.text, language);
    const text = reworded === null ? null : putBack(reworded, masked);
    return text === null ? reply : { ...reply, text, language };
  }

  /**
   * A post that asks two things: the second one answered too when the bot is sure of it on its own,
   * otherwise offered first among the related topics.
   */
  private async withSecondQuestion(
    reply: Reply,
    match: MatchResult,
    text: string,
    asker: Asker,
    now: Date,
  ): Promise<Reply> {
    const second = match.also[0];
    if (second === undefined || second.intent === reply.intent) return reply;
    const topic = topicOf(this.kb, second.intent);
    if (!second.answer) {
      return {
        ...reply,
        text: `${reply.text}\n\n${en.answer.alsoAsked(topic.title)}`,
        followups: [topic, ...reply.followups.filter((followup) => followup.intent !== second.intent)],
        also: [{ ...topic, answered: false }],
      };
    }
    const entry = entryById(this.kb, second.intent) as FaqEntry;
    const secondMatch = { ...this.matcher.answerAs(second.intent, text), confidence: second.confidence };
    const answer = this.answer(entry, secondMatch, asker, await this.noticeFor(entry.id, now));
    return {
      ...reply,
      text: `${reply.text}\n\n${en.answer.alsoAnswered(answer.text)}`,
      visibility: reply.visibility === 'private' || answer.visibility === 'private' ? 'private' : 'public',
      cases: [...new Set([...reply.cases, ...answer.cases])],
      citations: [
        ...reply.citations,
        ...answer.citations.filter(
          (citation) => !reply.citations.some((mine) => mine.factId === citation.factId),
        ),
      ],
      escalate: reply.escalate || answer.escalate,
      followups: reply.followups.filter((followup) => followup.intent !== second.intent),
      also: [{ ...topic, answered: true }],
    };
  }

  /** Who asks, and their account facts when the reply may carry them. */
  private async asker(request: Request): Promise<Asker> {
    return {
      identity: identityOf(request.actor),
      facts: await this.accountFacts(request),
      privateReply: request.privateReply !== false,
    };
  }

  /** The asker's account facts at the request's instant, or null when no account is linked. */
  async accountFacts(request: Request): Promise<AccountFacts | null> {
    if (this.ledger === undefined) return null;
    const account = await this.ledger.accountForIdentity(identityOf(request.actor));
    return account === null ? null : accountFacts(account, this.policy, request.now);
  }

  /** Only the member's own facts, without the FAQ around them: always private when there are some. */
  private async accountView(view: AccountView, request: Request): Promise<Reply> {
    const intent = ACCOUNT_VIEW_INTENTS[view];
    const entry = entryById(this.kb, intent) as FaqEntry;
    const facts = await this.accountFacts(request);
    if (facts === null) {
      return {
        ...EMPTY_REPLY,
        text: en.account.unlinkedView(identityOf(request.actor)),
        outcome: 'answered',
        intent,
        confidence: 1,
      };
    }
    const personal = personalSection(intent, facts);
    const cases = [...new Set(personal?.cases ?? [])];
    const citations = citationsFor(this.kb, entry, cases).filter((citation) =>
      cases.includes(citation.factId),
    );
    return {
      ...EMPTY_REPLY,
      text: accountViewText(personal?.text ?? '', citations),
      visibility: 'private',
      outcome: 'answered',
      intent,
      confidence: 1,
      cases,
      citations,
      escalate: personal?.escalate ?? false,
      account: facts,
    };
  }

  private async faq(topic: string, askedBy: Request | null, now: Date): Promise<Reply> {
    const wanted = topic.trim().toLowerCase();
    const entry =
      entryById(this.kb, wanted) ??
      this.kb.entries.find((candidate) => candidate.title.toLowerCase() === wanted);
    if (entry === undefined) return refusal(en.answer.unknownTopic(topic.trim()));
    const match: MatchResult = {
      decision: 'answer',
      intent: entry.id,
      confidence: 1,
      cases: entry.parts.map((part) => part.caseId),
      signalled: [],
      choices: [],
      best: entry.id,
      candidates: [{ intent: entry.id, probability: 1 }],
      offTopic: 0,
      onTopic: true,
      also: [],
      features: null,
    };
    const asker = askedBy === null ? null : await this.asker(askedBy);
    return this.answer(entry, match, asker, await this.noticeFor(entry.id, now));
  }

  /**
   * An FAQ answer; for an asker, with what the rules say about their own account (then the reply is
   * private), or with how to link an account when the question is about one and none is linked.
   */
  private answer(
    entry: FaqEntry,
    match: MatchResult,
    asker: Asker | null,
    notice?: string,
    clue: LedgerClue | null = null,
  ): Reply {
    const facts = asker?.facts ?? null;
    const canShow = asker?.privateReply !== false;
    const personal = facts === null || !canShow ? null : personalSection(entry.id, facts);
    const personalAsked = asker !== null && this.ledger !== undefined && ACCOUNT_QUESTIONS.has(entry.id);
    // In a channel, a linked member is pointed to a private answer instead of getting their data.
    const closing = !personalAsked
      ? undefined
      : facts === null
        ? en.account.unlinked(asker.identity)
        : canShow
          ? undefined
          : en.account.privateHint;
    // What the question names leads; then what applies to this member; then the entry's other cases.
    const cases = [...new Set([...match.signalled, ...(personal?.cases ?? []), ...match.cases])];
    const citations = citationsFor(this.kb, entry, cases);
    return {
      ...replyTo(match),
      text: answerText(entry, match.signalled, citations, {
        ...(personal === null
          ? {}
          : {
              personal:
                clue === null ? personal.text : `${en.answer.ledgerReason(clue.reason)}\n${personal.text}`,
            }),
        ...(notice === undefined ? {} : { notice }),
        ...(closing === undefined ? {} : { closing }),
      }),
      visibility: personal === null ? 'public' : 'private',
      outcome: 'answered',
      intent: entry.id,
      cases,
      citations,
      followups: entry.followups.map((intent) => topicOf(this.kb, intent)),
      escalate: personal?.escalate ?? false,
      feedback: true,
      account: canShow ? facts : null,
      decidedBy: clue !== null ? 'ledger' : asker === null || match.features === null ? 'member' : 'words',
    };
  }
}

/**
 * How near a post must lie to an entry's examples, and how far ahead of the next entry, for the
 * embeddings to choose among the topics the words offered. Set high, for a signal not yet measured
 * on a real embedding model (`helpbot eval --llm` measures it where one is configured).
 */
const NEAREST_AT = 0.8;
const NEAREST_MARGIN = 0.05;

/** The FAQ entry whose personal section each account view shows. */
const ACCOUNT_VIEW_INTENTS: Readonly<Record<AccountView, string>> = {
  balance: 'connects.balance',
  refunds: 'refunds',
};

/** A reply with nothing in it yet: each kind of reply below fills in what it has. */
const EMPTY_REPLY: Reply = {
  text: '',
  visibility: 'public',
  outcome: 'abstained',
  intent: null,
  confidence: 0,
  cases: [],
  citations: [],
  choices: [],
  followups: [],
  also: [],
  escalate: false,
  feedback: false,
  account: null,
  decidedBy: null,
};

/** What asking the model gave: the reading to answer, the post's language, and whether the model decided. */
interface ModelDecision {
  readonly match: MatchResult;
  readonly language: string;
  readonly changed: boolean;
}

interface Asker {
  readonly identity: string;
  readonly facts: AccountFacts | null;
  readonly privateReply: boolean;
}

/** The start of every reply to a matched question: how sure the matcher was. */
function replyTo(match: MatchResult): Reply {
  return { ...EMPTY_REPLY, confidence: match.confidence };
}

function refusal(text: string): Reply {
  return { ...EMPTY_REPLY, text, outcome: 'refused' };
}
