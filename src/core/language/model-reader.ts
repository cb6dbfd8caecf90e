import type { KnowledgeBase } from '../knowledge-base.js';
import type { StatsEvent } from '../state/store.js';
import { type ExampleVectors, nearestEntries } from './example-vectors.js';
import { checkRephrasing } from './fact-check.js';
import {
  type LanguageModel,
  type ModelReading,
  type ModelResult,
  OFF_TOPIC,
  type ReadingRequest,
} from './language-model.js';
import { caseChoices, topicChoices } from './reading-choices.js';

/** What the model's reading is worth once checked: a real entry or off-topic, real cases only. */
export interface ModelVerdict {
  /** An entry id of this knowledge base, or null for off-topic. */
  readonly intent: string | null;
  /** Other entries the post asks about too, real ids only, in the post's order. */
  readonly also: readonly string[];
  readonly cases: readonly string[];
  readonly language: string;
}

/** Why the model was not asked, or what became of asking it: for the log and the moderators' stats. */
export type ModelEvent =
  | { readonly kind: 'read'; readonly ms: number; readonly verdict: ModelVerdict }
  | { readonly kind: 'ignored'; readonly ms: number; readonly why: string }
  | { readonly kind: 'failed'; readonly ms: number; readonly error: string }
  | { readonly kind: 'over-budget'; readonly ms: number }
  | { readonly kind: 'paused'; readonly until: Date; readonly failures: number }
  | { readonly kind: 'resumed' }
  | { readonly kind: 'member-limit'; readonly identity: string }
  | { readonly kind: 'usage'; readonly tokens: number }
  | { readonly kind: 'rephrased'; readonly ms: number; readonly language: string }
  | {
      readonly kind: 'rephrase-rejected';
      readonly ms: number;
      readonly missing: readonly string[];
      readonly added: readonly string[];
    };

/** What of a model event the moderators' daily figures count; null for what they do not. */
export function modelStatsEvent(event: ModelEvent): StatsEvent | null {
  switch (event.kind) {
    case 'usage':
      return { kind: 'model-call', tokens: event.tokens };
    case 'failed':
    case 'over-budget':
    case 'ignored':
    case 'rephrase-rejected':
      return { kind: 'model-failure' };
    case 'paused':
      return { kind: 'model-pause' };
    default:
      return null;
  }
}

export interface ModelReaderOptions {
  /** How long an answer may wait for the model; then the offline answer goes out. */
  readonly budgetMs: number;
  /** Failures in a row (errors, bad output, over budget) after which the model is left alone a while. */
  readonly failuresBeforePause: number;
  readonly pauseMs: number;
  /** Model calls one member may cause per hour: a flood of posts cannot run up the bill. */
  readonly callsPerMemberPerHour: number;
  readonly clock: () => Date;
  readonly onEvent?: (event: ModelEvent) => void;
  /** May an answer holding the member's own figures be sent to be rephrased? Off unless opted in. */
  readonly sendAccountData?: boolean;
}

const HOUR_MS = 3_600_000;
const OVER_BUDGET = Symbol('over budget');

/**
 * The language model behind its guards: asked only within a time budget, its answer checked
 * against the knowledge base, switched off for a while after repeated failures, and limited per
 * member. It returns a verdict or null, never throws: the offline decision stands whenever it fails.
 */
export class ModelReader {
  private readonly topics: ReadonlySet<string>;
  private readonly cases: ReadonlySet<string>;
  private readonly request: Omit<ReadingRequest, 'post'>;
  private examples: ExampleVectors | undefined;
  private failures = 0;
  private pausedUntil = 0;
  private readonly calls = new Map<string, number[]>();

  constructor(
    private readonly model: LanguageModel,
    kb: KnowledgeBase,
    private readonly options: ModelReaderOptions,
  ) {
    const topics = topicChoices(kb);
    const cases = caseChoices(kb);
    this.request = { topics, cases };
    this.topics = new Set(topics.map((topic) => topic.id));
    this.cases = new Set(cases.map((one) => one.id));
  }

  /** The examples' vectors, once computed or read from the cache: the nearest-examples signal is on. */
  useExamples(examples: ExampleVectors): void {
    this.examples = examples;
  }

  /**
   * The entry whose examples lie nearest the post, with its similarity and its lead over the next
   * entry; null without example vectors or when the call fails (the offline decision stands).
   */
  async nearest(
    post: string,
  ): Promise<{ readonly intent: string; readonly similarity: number; readonly margin: number } | null> {
    const examples = this.examples;
    if (examples === undefined || !this.available()) return null;
    const asked = await this.withinBudget((signal) => this.model.embed([post], signal));
    const query = asked?.value[0];
    if (asked === null || query === undefined) return null;
    this.failures = 0;
    const [first, second] = nearestEntries(examples, query);
    if (first === undefined) return null;
    return {
      intent: first.intent,
      similarity: first.similarity,
      margin: first.similarity - (second?.similarity ?? 0),
    };
  }

  get sendsAccountData(): boolean {
    return this.options.sendAccountData === true;
  }

  /** Is the model being left alone after failures? */
  paused(): boolean {
    return this.options.clock().getTime() < this.pausedUntil;
  }

  async read(post: string, identity: string): Promise<ModelVerdict | null> {
    if (!this.available()) return null;
    if (!this.withinMemberLimit(identity, this.options.clock().getTime())) {
      this.emit({ kind: 'member-limit', identity });
      return null;
    }
    const asked = await this.withinBudget((signal) => this.model.readPost({ ...this.request, post }, signal));
    if (asked === null) return null;
    const verdict = this.checked(asked.value);
    if (verdict === null) {
      this.failed({
        kind: 'ignored',
        ms: asked.ms,
        why: `unknown topic "${asked.value.topic.slice(0, 80)}"`,
      });
      return null;
    }
    this.failures = 0;
    this.emit({ kind: 'read', ms: asked.ms, verdict });
    return verdict;
  }

  /**
   * The composed answer in the member's language, or null: the model failed, ran over the budget,
   * or its text lost or added a fact (fact-check.ts), and the composed answer goes out as it is.
   */
  async rephrase(text: string, language: string): Promise<string | null> {
    if (!this.available()) return null;
    const asked = await this.withinBudget((signal) => this.model.rephrase({ text, language }, signal));
    if (asked === null) return null;
    const check = checkRephrasing(text, asked.value, language);
    if (!check.ok) {
      this.failed({ kind: 'rephrase-rejected', ms: asked.ms, missing: check.missing, added: check.added });
      return null;
    }
    this.failures = 0;
    this.emit({ kind: 'rephrased', ms: asked.ms, language });
    return asked.value;
  }

  /** False while paused after failures; the first call after the pause says the model is back. */
  private available(): boolean {
    const now = this.options.clock().getTime();
    if (now < this.pausedUntil) return false;
    if (this.pausedUntil !== 0) {
      this.pausedUntil = 0;
      this.emit({ kind: 'resumed' });
    }
    return true;
  }

  /** The call's value within the time budget, or null (a failure, counted towards a pause). */
  private async withinBudget<T>(
    call: (signal: AbortSignal) => Promise<ModelResult<T>>,
  ): Promise<{ value: T; ms: number } | null> {
    const started = Date.now();
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const overBudget = new Promise<typeof OVER_BUDGET>((resolve) => {
      timer = setTimeout(() => resolve(OVER_BUDGET), this.options.budgetMs);
    });
    const asked = call(controller.signal);
    // Given up on, its late failure must not surface as unhandled.
    asked.catch(() => undefined);
    try {
      const outcome = await Promise.race([asked, overBudget]);
      const ms = Date.now() - started;
      if (outcome === OVER_BUDGET) {
        controller.abort();
        this.failed({ kind: 'over-budget', ms });
        return null;
      }
      this.emit({ kind: 'usage', tokens: outcome.tokens });
      return { value: outcome.value, ms };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.failed({ kind: 'failed', ms: Date.now() - started, error: message });
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Only ids that exist count; an unknown topic makes the whole reading worthless. */
  private checked(reading: ModelReading): ModelVerdict | null {
    const topic = reading.topic.trim();
    const intent = topic === OFF_TOPIC ? null : this.topics.has(topic) ? topic : undefined;
    if (intent === undefined) return null;
    const cases = [...new Set(reading.cases.filter((id) => this.cases.has(id)))];
    const also = [...new Set(reading.also.map((id) => id.trim()))].filter(
      (id) => id !== intent && this.topics.has(id),
    );
    const language = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(reading.language) ? reading.language : 'und';
    return { intent, also, cases, language };
  }

  private failed(event: ModelEvent): void {
    this.emit(event);
    this.failures += 1;
    if (this.failures < this.options.failuresBeforePause) return;
    const until = new Date(this.options.clock().getTime() + this.options.pauseMs);
    this.pausedUntil = until.getTime();
    this.emit({ kind: 'paused', until, failures: this.failures });
    this.failures = 0;
  }

  private withinMemberLimit(identity: string, now: number): boolean {
    // Members who have not asked for an hour are forgotten, so the map stays as small as the traffic.
    if (this.calls.size > 10_000)
      for (const [who, times] of this.calls)
        if (times.every((at) => now - at >= HOUR_MS)) this.calls.delete(who);
    const recent = (this.calls.get(identity) ?? []).filter((at) => now - at < HOUR_MS);
    if (recent.length >= this.options.callsPerMemberPerHour) {
      this.calls.set(identity, recent);
      return false;
    }
    this.calls.set(identity, [...recent, now]);
    return true;
  }

  private emit(event: ModelEvent): void {
    this.options.onEvent?.(event);
  }
}
