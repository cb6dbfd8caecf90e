// The optional language model, as the core sees it: a reader of hard posts that can only point at
// what the knowledge base already has. It never answers, never sees a member's account, and what it
// says is checked before it counts (model-reader.ts).

/** A topic the model may choose, by id: its title and what its answer is about, in one line. */
export interface TopicChoice {
  readonly id: string;
  readonly title: string;
  readonly about: string;
}

/** A case the post may raise (a refund case, the agency exception), by id, in one line. */
export interface CaseChoice {
  readonly id: string;
  readonly about: string;
}

/** What the model is asked: the post, and the only answers it may give. Nothing from any account. */
export interface ReadingRequest {
  readonly post: string;
  readonly topics: readonly TopicChoice[];
  readonly cases: readonly CaseChoice[];
}

/** What the model says it read, unchecked: any string may come back. */
export interface ModelReading {
  /** A topic id, or "off-topic". */
  readonly topic: string;
  /** Other topic ids the post asks about too, in the post's order. */
  readonly also: readonly string[];
  /** Case ids the post raises, in the post's order. */
  readonly cases: readonly string[];
  /** The post's language, as a BCP 47 tag ("en", "es", "pt-BR"). */
  readonly language: string;
}

/** Off-topic, in what the model is asked to answer. */
export const OFF_TOPIC = 'off-topic';

/** An answer to say again in another language: only text the core composed, never account data unless allowed. */
export interface RephraseRequest {
  readonly text: string;
  /** BCP 47, as the reading found it. */
  readonly language: string;
}

/** What a call gave, and the tokens it used (counted in the moderators' daily figures). */
export interface ModelResult<T> {
  readonly value: T;
  readonly tokens: number;
}

export interface LanguageModel {
  /** Rejects on any failure (network, timeout, output that is not the schema); aborts with the signal. */
  readPost(request: ReadingRequest, signal: AbortSignal): Promise<ModelResult<ModelReading>>;
  /** The same text in the language, every fact kept; rejects as readPost does. */
  rephrase(request: RephraseRequest, signal: AbortSignal): Promise<ModelResult<string>>;
  /** One vector per text, in order (OPENAI_EMBEDDING_MODEL); rejects as readPost does. */
  embed(texts: readonly string[], signal: AbortSignal): Promise<ModelResult<number[][]>>;
}
