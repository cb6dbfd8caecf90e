import type { KnowledgeBase } from '../knowledge-base.js';
import { type LanguageModel, type ModelReading, OFF_TOPIC, type ReadingRequest } from './language-model.js';
import { caseChoices, topicChoices } from './reading-choices.js';

/** What the model's reading is worth once checked: a real entry or off-topic, real cases only. */
export interface ModelVerdict {
  /** An entry id of this knowledge base, or null for off-topic. */
  readonly intent: string | null;
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
  | { readonly kind: 'member-limit'; readonly identity: string };

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
}

const HOUR_MS = 3_600_000;

/**
 * The language model behind its guards: asked only within a time budget, its answer checked
 * against the knowledge base, switched off for a while after repeated failures, and limited per
 * member. It returns a verdict or null, never throws: the offline decision stands whenever it fails.
 */
export class ModelReader {
  private readonly topics: ReadonlySet<string>;
  private readonly cases: ReadonlySet<string>;
  private readonly request: Omit<ReadingRequest, 'post'>;
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

  /** Is the model being left alone after failures? */
  paused(): boolean {
    return this.options.clock().getTime() < this.pausedUntil;
  }

  async read(post: string, identity: string): Promise<ModelVerdict | null> {
    const now = this.options.clock().getTime();
    if (now < this.pausedUntil) return null;
    if (this.pausedUntil !== 0) {
      this.pausedUntil = 0;
      this.emit({ kind: 'resumed' });
    }
    if (!this.withinMemberLimit(identity, now)) {
      this.emit({ kind: 'member-limit', identity });
      return null;
    }
    const started = Date.now();
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const overBudget = new Promise<'over-budget'>((resolve) => {
      timer = setTimeout(() => resolve('over-budget'), this.options.budgetMs);
    });
    const asked = this.model.readPost({ ...this.request, post }, controller.signal);
    // Given up on, its late failure must not surface as unhandled.
    asked.catch(() => undefined);
    try {
      const outcome = await Promise.race([asked, overBudget]);
      const ms = Date.now() - started;
      if (outcome === 'over-budget') {
        controller.abort();
        this.failed({ kind: 'over-budget', ms });
        return null;
      }
      const verdict = this.checked(outcome);
      if (verdict === null) {
        this.failed({ kind: 'ignored', ms, why: `unknown topic "${outcome.topic.slice(0, 80)}"` });
        return null;
      }
      this.failures = 0;
      this.emit({ kind: 'read', ms, verdict });
      return verdict;
    } catch (error) {
      this.failed({
        kind: 'failed',
        ms: Date.now() - started,
        error: error instanceof Error ? error.message : String(error),
      });
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
    const language = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(reading.language) ? reading.language : 'und';
    return { intent, cases, language };
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
