import { join } from 'node:path';
import { type Config, languageModelConfigured } from '../config.js';
import type { KnowledgeBase } from '../core/knowledge-base.js';
import { type ExampleVectors, exampleTexts, unit } from '../core/language/example-vectors.js';
import type { LanguageModel } from '../core/language/language-model.js';
import { type ModelEvent, ModelReader, modelStatsEvent } from '../core/language/model-reader.js';
import { matchingFingerprint } from '../core/match/fingerprint.js';
import { utcDate } from '../core/rules/calendar.js';
import type { StateStore } from '../core/state/store.js';
import { readCachedVectors, writeCachedVectors } from '../knowledge-files/vectors-file.js';
import type { Logger } from '../log/logger.js';

/** After this many failures in a row the model is left alone for PAUSE_MS. */
const FAILURES_BEFORE_PAUSE = 3;
const PAUSE_MS = 5 * 60_000;

/**
 * The language model layer when OPENAI_API_KEY or OPENAI_BASE_URL is set, else undefined (the bot
 * works offline, as without one). The SDK is loaded only then.
 */
export async function modelReaderFrom(
  config: Config,
  kb: KnowledgeBase,
  log: Logger,
  state: StateStore | undefined,
  options: { readonly embedExamples: boolean } = { embedExamples: true },
): Promise<LanguageModelLayer | undefined> {
  if (!languageModelConfigured(config)) return undefined;
  const { OpenAiLanguageModel } = await import('../language-model/openai-model.js');
  const model = new OpenAiLanguageModel({
    ...(config.OPENAI_API_KEY === undefined ? {} : { apiKey: config.OPENAI_API_KEY }),
    ...(config.OPENAI_BASE_URL === undefined ? {} : { baseURL: config.OPENAI_BASE_URL }),
    model: config.OPENAI_MODEL,
    embeddingModel: config.OPENAI_EMBEDDING_MODEL,
    // The core gives up at the budget; this only bounds a request nobody waits for any more.
    timeoutMs: config.OPENAI_TIME_BUDGET_MS + 1000,
    // Within a budget of a second or two a retry cannot succeed in time; the next post tries again.
    maxRetries: 0,
  });
  log.info(
    { model: config.OPENAI_MODEL, baseURL: config.OPENAI_BASE_URL ?? 'api.openai.com' },
    'language model on',
  );
  const reader = new ModelReader(model, kb, {
    budgetMs: config.OPENAI_TIME_BUDGET_MS,
    failuresBeforePause: FAILURES_BEFORE_PAUSE,
    pauseMs: PAUSE_MS,
    callsPerMemberPerHour: config.OPENAI_CALLS_PER_MEMBER_HOUR,
    clock: () => new Date(),
    onEvent: (event) => {
      logModelEvent(log, event);
      // The moderators' daily figures: calls, tokens, failures, pauses (`/connects-mod stats`).
      const counted = modelStatsEvent(event);
      if (state !== undefined && counted !== null)
        state
          .countStats(utcDate(new Date()), counted)
          .catch((error: unknown) => log.warn({ err: error }, 'could not count a model call'));
    },
    sendAccountData: config.OPENAI_SEND_ACCOUNT_DATA,
  });
  const examplesReady = exampleVectorsFor(model, kb, config, log, options.embedExamples).then((vectors) => {
    if (vectors !== undefined) reader.useExamples(vectors);
    return vectors !== undefined;
  });
  return { reader, examplesReady };
}

/** The reader, and whether the examples' vectors are in use once they are read or computed. */
export interface LanguageModelLayer {
  readonly reader: ModelReader;
  readonly examplesReady: Promise<boolean>;
}

const EMBED_BATCH = 256;
const EMBED_BATCH_TIMEOUT_MS = 60_000;

/**
 * The knowledge examples' vectors: from DATA_DIR/cache when the knowledge base and the embedding
 * model are the ones they were made for, else computed now (in batches, off the answer path) and
 * saved. A server that is down only leaves the signal off until the next start; it never throws.
 */
async function exampleVectorsFor(
  model: LanguageModel,
  kb: KnowledgeBase,
  config: Config,
  log: Logger,
  embed: boolean,
): Promise<ExampleVectors | undefined> {
  const cacheDir = join(config.DATA_DIR, 'cache');
  const fingerprint = matchingFingerprint(kb);
  const cached = readCachedVectors(cacheDir, config.OPENAI_EMBEDDING_MODEL, fingerprint);
  if (cached !== undefined || !embed) return cached;
  const examples = exampleTexts(kb);
  try {
    const vectors: number[][] = [];
    for (let start = 0; start < examples.length; start += EMBED_BATCH) {
      const batch = examples.slice(start, start + EMBED_BATCH).map((example) => example.text);
      const result = await model.embed(batch, AbortSignal.timeout(EMBED_BATCH_TIMEOUT_MS));
      vectors.push(...result.value.map(unit));
    }
    const computed: ExampleVectors = {
      model: config.OPENAI_EMBEDDING_MODEL,
      fingerprint,
      intents: examples.map((example) => example.intent),
      vectors,
    };
    const saved = writeCachedVectors(cacheDir, computed);
    log.info({ examples: examples.length, saved }, 'knowledge examples embedded');
    return computed;
  } catch (error) {
    log.warn(
      { err: error },
      'could not embed the knowledge examples; the nearest-examples signal is off until the next start',
    );
    return undefined;
  }
}

function logModelEvent(log: Logger, event: ModelEvent): void {
  switch (event.kind) {
    case 'read':
      log.debug(
        { ms: event.ms, intent: event.verdict.intent, language: event.verdict.language },
        'language model read a post',
      );
      return;
    case 'ignored':
      log.warn({ ms: event.ms, why: event.why }, 'language model answer ignored');
      return;
    case 'failed':
      log.warn({ ms: event.ms, error: event.error }, 'language model failed; the offline answer stands');
      return;
    case 'over-budget':
      log.warn({ ms: event.ms }, 'language model over its time budget; the offline answer went out');
      return;
    case 'paused':
      log.warn(
        { until: event.until.toISOString(), failures: event.failures },
        'language model paused after repeated failures',
      );
      return;
    case 'resumed':
      log.info('language model resumed');
      return;
    case 'usage':
      return;
    case 'rephrased':
      log.debug({ ms: event.ms, language: event.language }, 'language model rephrased an answer');
      return;
    case 'rephrase-rejected':
      log.warn(
        { ms: event.ms, missing: event.missing, added: event.added },
        'language model rewording dropped or added a fact; the composed answer went out',
      );
      return;
    case 'member-limit':
      log.info({ identity: event.identity }, 'language model limit reached for a member this hour');
      return;
  }
}
