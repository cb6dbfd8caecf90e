import { type Config, languageModelConfigured } from '../config.js';
import type { KnowledgeBase } from '../core/knowledge-base.js';
import { type ModelEvent, ModelReader, modelStatsEvent } from '../core/language/model-reader.js';
import { utcDate } from '../core/rules/calendar.js';
import type { StateStore } from '../core/state/store.js';
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
): Promise<ModelReader | undefined> {
  if (!languageModelConfigured(config)) return undefined;
  const { OpenAiLanguageModel } = await import('../language-model/openai-model.js');
  const model = new OpenAiLanguageModel({
    ...(config.OPENAI_API_KEY === undefined ? {} : { apiKey: config.OPENAI_API_KEY }),
    ...(config.OPENAI_BASE_URL === undefined ? {} : { baseURL: config.OPENAI_BASE_URL }),
    model: config.OPENAI_MODEL,
    // The core gives up at the budget; this only bounds a request nobody waits for any more.
    timeoutMs: config.OPENAI_TIME_BUDGET_MS + 1000,
    // Within a budget of a second or two a retry cannot succeed in time; the next post tries again.
    maxRetries: 0,
  });
  log.info(
    { model: config.OPENAI_MODEL, baseURL: config.OPENAI_BASE_URL ?? 'api.openai.com' },
    'language model on',
  );
  return new ModelReader(model, kb, {
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
