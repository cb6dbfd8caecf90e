import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HelpDesk } from '../../src/core/help-desk.js';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import {
  type ModelEvent,
  ModelReader,
  type ModelReaderOptions,
} from '../../src/core/language/model-reader.js';
import type { Reply } from '../../src/core/types.js';
import { OpenAiLanguageModel } from '../../src/language-model/openai-model.js';
import { MemoryLedgerStore } from '../../src/store/memory/ledger-store.js';
import { FakeOpenAi, wordsVector } from '../helpers/fake-openai.js';
import { dataDirWithModel, realKnowledge } from '../helpers/knowledge.js';
import { freelancer, monthly, POLICY, purchase, spend, tempDir } from '../helpers/ledger.js';

// The language model layer end to end: the real openai SDK against a fake OpenAI-compatible server
// on 127.0.0.1, behind the core's guards, inside the help desk.

const NOW = new Date('2026-11-28T12:00:00Z');
/** The words leave this one open (clarify or an on-topic abstention): the model is asked. */
const OPEN_POST = 'where did my application credits go';
/** The words offer a choice of topics on this one. */
const CHOICE_POST = 'connects balance refund';
/** The words answer this one alone: the model is never asked. */
const CLEAR_POST = 'do connects expire?';

let kb: KnowledgeBase;
let fake: FakeOpenAi;
let ledger: MemoryLedgerStore;
let events: ModelEvent[];
let clock: Date;

beforeAll(async () => {
  kb = realKnowledge();
  fake = new FakeOpenAi();
  await fake.listen();
  ledger = new MemoryLedgerStore(POLICY);
  const secret = {
    ...freelancer(
      [
        purchase('s1', '2026-10-01', 37),
        spend('s2', '2026-10-02', 6, 'p-secret-77'),
        monthly('m1', '2026-10-12'),
        monthly('m2', '2026-11-12'),
      ],
      12,
      'acct-lena',
    ),
    identities: ['console:lena'],
  };
  const imported = await ledger.importAccounts([secret]);
  if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
});
afterAll(async () => {
  await fake.close();
  await ledger.close();
});
afterEach(() => {
  // Whatever a test did, no request the fake received carried anything of the linked member's account.
  for (const request of fake.requests)
    for (const secret of ['acct-lena', 'console:lena', 'p-secret-77', 'Job for p-secret-77'])
      expect(request.raw, `${request.path} carried ${secret}`).not.toContain(secret);
  fake.requests.length = 0;
});

function deskWith(options: Partial<ModelReaderOptions> = {}, baseURL = fake.baseURL): HelpDesk {
  events = [];
  clock = NOW;
  const model = new OpenAiLanguageModel({
    baseURL,
    model: 'fake-model',
    embeddingModel: 'fake-embedding',
    timeoutMs: 5000,
    maxRetries: 0,
  });
  const modelReader = new ModelReader(model, kb, {
    budgetMs: 2000,
    failuresBeforePause: 3,
    pauseMs: 60_000,
    callsPerMemberPerHour: 30,
    clock: () => clock,
    // Usage (tokens) is counted in the stats test below; here, what became of each call.
    onEvent: (event) => {
      if (event.kind !== 'usage') events.push(event);
    },
    ...options,
  });
  return new HelpDesk(kb, { ledger, modelReader });
}

function ask(desk: HelpDesk, text: string, identity = 'console:tester'): Promise<Reply> {
  const [, id = ''] = identity.split(':');
  return desk.handle({
    id: 't',
    actor: { platform: 'console', id, roles: [] },
    body: { kind: 'question', text },
    now: NOW,
  });
}

describe('the language model layer', () => {
  it('is asked only about posts the words leave open, and its choice of a real entry answers them', async () => {
    const offline = new HelpDesk(kb).matcher.match(OPEN_POST);
    expect(offline.decision === 'clarify' || (offline.decision === 'abstain' && offline.onTopic)).toBe(true);
    const desk = deskWith();
    fake.reads({ topic: 'refunds', cases: ['refund.client-cancelled'] });
    const reply = await ask(desk, OPEN_POST);
    expect(reply).toMatchObject({ outcome: 'answered', intent: 'refunds', decidedBy: 'model' });
    expect(reply.cases[0]).toBe('refund.client-cancelled');
    expect(fake.requests).toHaveLength(1);
    // The request: Chat Completions with a JSON schema, every entry id offered, the post as data.
    const body = fake.requests[0]?.body as {
      model: string;
      response_format: { type: string };
      messages: { content: string }[];
    };
    expect(fake.requests[0]?.path).toBe('/v1/chat/completions');
    expect(body.model).toBe('fake-model');
    expect(body.response_format.type).toBe('json_schema');
    const prompt = body.messages.map((message) => message.content).join('\n');
    for (const entry of kb.entries) expect(prompt).toContain(`- ${entry.id}: `);
    expect(prompt).toContain(OPEN_POST);

    expect((await ask(desk, CLEAR_POST)).decidedBy).toBe('words');
    expect(fake.requests).toHaveLength(1);
  });

  it('leaves the offline decision on bad JSON, an unknown id, or "off-topic"', async () => {
    const desk = deskWith({ failuresBeforePause: 10 });
    const offline = await ask(new HelpDesk(kb), OPEN_POST);
    for (const content of [
      'not json at all',
      '{"topic": 7}',
      JSON.stringify({ also: [], topic: 'grant-me-100-connects', cases: [], language: 'en' }),
      JSON.stringify({ also: [], topic: 'off-topic', cases: [], language: 'en' }),
    ]) {
      fake.answer = () => ({ content });
      const reply = await ask(desk, OPEN_POST);
      expect(reply.outcome, content).toBe(offline.outcome);
      expect(reply.intent, content).toBe(offline.intent);
      expect(reply.decidedBy, content).not.toBe('model');
    }
    expect(events.map((event) => event.kind).join(' ')).toBe('failed failed ignored read');
  });

  it('is overtaken by the offline answer when it is slower than the budget', async () => {
    const desk = deskWith({ budgetMs: 300 });
    fake.answer = () => ({
      content: JSON.stringify({ also: [], topic: 'refunds', cases: [], language: 'en' }),
      delayMs: 3000,
    });
    const started = Date.now();
    const reply = await ask(desk, OPEN_POST);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(reply.decidedBy).not.toBe('model');
    expect(events.map((event) => event.kind)).toEqual(['over-budget']);
  });

  it('never sends anything from the member’s account', async () => {
    const desk = deskWith();
    fake.reads({ topic: 'refunds' });
    const reply = await ask(desk, `${OPEN_POST}?`, 'console:lena');
    // The answer itself does carry the member's own facts, computed by the core.
    expect(reply.text).toContain('p-secret-77');
    expect(fake.requests.length).toBeGreaterThan(0);
    for (const request of fake.requests) {
      for (const secret of ['acct-lena', 'console:lena', 'lena', 'p-secret-77', '"Job for p-secret-77"'])
        expect(request.raw).not.toContain(secret);
    }
  });

  it('is left alone after repeated failures, and asked again after the pause', async () => {
    const desk = deskWith({ failuresBeforePause: 3, pauseMs: 60_000 });
    fake.answer = () => ({ status: 500 });
    for (let i = 0; i < 3; i++) await ask(desk, OPEN_POST);
    expect(fake.requests).toHaveLength(3);
    expect(events.at(-1)).toMatchObject({ kind: 'paused', failures: 3 });
    await ask(desk, OPEN_POST);
    expect(fake.requests).toHaveLength(3);
    clock = new Date(NOW.getTime() + 61_000);
    fake.reads({ topic: 'refunds' });
    expect((await ask(desk, OPEN_POST)).decidedBy).toBe('model');
    expect(fake.requests).toHaveLength(4);
    expect(events.map((event) => event.kind).slice(-2)).toEqual(['resumed', 'read']);
  });

  it('limits how often one member’s posts reach the model', async () => {
    const desk = deskWith({ callsPerMemberPerHour: 2 });
    fake.reads({ topic: 'refunds' });
    for (let i = 0; i < 3; i++) await ask(desk, OPEN_POST, 'console:flood');
    expect(fake.requests).toHaveLength(2);
    await ask(desk, OPEN_POST, 'console:someone-else');
    expect(fake.requests).toHaveLength(3);
    expect(events.filter((event) => event.kind === 'member-limit')).toHaveLength(1);
  });

  it('with its server down, answers offline', async () => {
    const closed = new FakeOpenAi();
    await closed.listen();
    const baseURL = closed.baseURL;
    await closed.close();
    const desk = deskWith({}, baseURL);
    const reply = await ask(desk, OPEN_POST);
    expect(reply.decidedBy).not.toBe('model');
    expect(events.map((event) => event.kind)).toEqual(['failed']);
  });
});

describe('helpbot ask with OPENAI_BASE_URL', () => {
  it('reads a hard post through the model, and answers offline when the server is down', async () => {
    const { runCli } = await import('../helpers/io.js');
    fake.reads({ topic: 'refunds' });
    const through = await runCli(['ask', '--json', '--', OPEN_POST], {
      env: { OPENAI_BASE_URL: fake.baseURL },
    });
    expect(through.code).toBe(0);
    expect(JSON.parse(through.stdout)).toMatchObject({ intent: 'refunds', decidedBy: 'model' });
    // One reading; a one-shot `ask` embeds no examples (only a running bot or `eval --llm` does).
    expect(fake.requests.map((request) => request.path)).toEqual(['/v1/chat/completions']);

    const down = await runCli(['ask', '--json', '--', OPEN_POST], {
      env: { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' },
    });
    expect(down.code).toBe(0);
    expect(JSON.parse(down.stdout).decidedBy).not.toBe('model');
    expect(down.stderr).toContain('language model failed; the offline answer stands');
  });
});

const SPANISH_POST = 'hola, por qué no me devolvieron los connects de una propuesta';
const SPANISH_MONTHS: Record<string, string> = {
  December: 'diciembre',
  November: 'noviembre',
  January: 'enero',
};

/** The English answer the core sent to be rephrased, from the request's user message. */
function answerIn(body: unknown): string {
  const content = (body as { messages: { content: string }[] }).messages[1]?.content ?? '';
  return content.slice(content.indexOf('<<<ANSWER\n') + 10, content.lastIndexOf('\nANSWER>>>'));
}

/** A stand-in translation: marked as Spanish, months named in Spanish, every other fact as it was. */
function fakeSpanish(text: string): string {
  return `[es] ${text.replace(/(\d{1,2}) ([A-Z][a-z]+) (\d{4})/g, (_all, day: string, month: string, year: string) => `${day} de ${SPANISH_MONTHS[month] ?? month} de ${year}`)}`;
}

/** The model reads every post as `language` (Spanish) about `topic`, and rewords answers with `reword`. */
function speaksSpanish(reword: (english: string) => string, topic = 'refunds', language = 'es'): void {
  fake.answer = (body) =>
    FakeOpenAi.schemaOf(body) === 'post_reading'
      ? { content: JSON.stringify({ also: [], topic, cases: [], language }) }
      : { content: JSON.stringify({ text: reword(answerIn(body)) }) };
}

describe('answers in the member’s language', () => {
  it('gives a Spanish post the composed answer in Spanish, every fact kept', async () => {
    const desk = deskWith();
    speaksSpanish(fakeSpanish);
    const english = await ask(new HelpDesk(kb), 'why did my connects not come back from a proposal');
    const reply = await ask(desk, SPANISH_POST);
    expect(reply).toMatchObject({ intent: 'refunds', decidedBy: 'model', language: 'es' });
    expect(reply.text.startsWith('[es] ')).toBe(true);
    expect(fake.requests.map((request) => FakeOpenAi.schemaOf(request.body))).toEqual([
      'post_reading',
      'rephrasing',
    ]);
    // What was sent to be rephrased is the composed answer itself.
    expect(answerIn(fake.requests[1]?.body)).toContain(english.text.split('\n')[0] ?? '');
    expect(events.map((event) => event.kind)).toEqual(['read', 'rephrased']);
    // The unlinked member's chat identity, in the note on linking an account, stays here too.
    expect(reply.text).toContain('(console:tester)');
    for (const request of fake.requests) expect(request.raw).not.toContain('console:tester');
  });

  it('keeps the composed answer when the rewording adds or drops a number', async () => {
    const desk = deskWith();
    speaksSpanish((english) => `${fakeSpanish(english)} Te devolvemos 100 Connects.`);
    const reply = await ask(desk, SPANISH_POST);
    expect(reply.decidedBy).toBe('model');
    expect(reply.text.startsWith('[es] ')).toBe(false);
    expect(reply.language).toBeUndefined();
    expect(events.at(-1)).toMatchObject({ kind: 'rephrase-rejected', added: ['100'] });
  });

  it('says a private answer’s account part itself, in Spanish, and sends the model only the rest', async () => {
    const desk = deskWith();
    speaksSpanish(fakeSpanish);
    const reply = await ask(desk, SPANISH_POST, 'console:lena');
    expect(reply).toMatchObject({ intent: 'refunds', visibility: 'private', language: 'es' });
    expect(reply.text.startsWith('[es] ')).toBe(true);
    expect(reply.text).toContain('**Tus propuestas** (acct-lena):');
    expect(reply.text).toContain('p-secret-77');
    expect(reply.text).not.toContain('**Your proposals**');
    expect(fake.requests.map((request) => FakeOpenAi.schemaOf(request.body))).toEqual([
      'post_reading',
      'rephrasing',
    ]);
    // In its place, a placeholder the core fills in (the afterEach checks no request held the account).
    expect(answerIn(fake.requests[1]?.body)).toContain('⟦A⟧');
  });

  it('keeps the account part in English in a language the catalogue lacks', async () => {
    const desk = deskWith();
    speaksSpanish((english) => `[de] ${english}`, 'refunds', 'de');
    const reply = await ask(
      desk,
      'Hallo, warum habe ich meine connects nicht zurückbekommen?',
      'console:lena',
    );
    expect(reply).toMatchObject({ intent: 'refunds', visibility: 'private', language: 'de' });
    expect(reply.text.startsWith('[de] ')).toBe(true);
    expect(reply.text).toContain('**Your proposals** (acct-lena):');
  });

  it('keeps the composed answer when the rewording loses the account part’s placeholder', async () => {
    const desk = deskWith();
    speaksSpanish((english) => fakeSpanish(english).replace('⟦A⟧', ''));
    const reply = await ask(desk, SPANISH_POST, 'console:lena');
    expect(reply.language).toBeUndefined();
    expect(reply.text).toContain('**Your proposals** (acct-lena):');
    expect(events.at(-1)).toMatchObject({ kind: 'rephrase-rejected', missing: ['⟦A⟧'] });
  });

  it('with OPENAI_SEND_ACCOUNT_DATA, sends the whole private answer to be reworded', async () => {
    const desk = deskWith({ sendAccountData: true });
    speaksSpanish(fakeSpanish);
    const reply = await ask(desk, SPANISH_POST, 'console:lena');
    expect(reply).toMatchObject({ visibility: 'private', language: 'es' });
    expect(answerIn(fake.requests[1]?.body)).toContain('p-secret-77');
    fake.requests.length = 0;
  });
});

describe('which posts the model reads', () => {
  /** Spanish, and off-topic to the words: most of its words are not the FAQ's. */
  const SPANISH_ABSTAINED =
    'Buenas tardes, mis connects gratis del mes no llegaron, normalmente llegan el día 5';
  /** Spanish around an English question the words answer on their own. */
  const SPANISH_ANSWERED = 'hola amigos, do connects expire? gracias por la ayuda y saludos desde Madrid';
  /** English, answered, with a second question the words are unsure of. */
  const TWO_ASKS =
    'The job I applied to was taken down by the platform for breaking the rules, I had spent 12 connects on it. Do I get them back? I also never got this month’s free ones.';

  it('a post in another language the words abstain on as off-topic', async () => {
    const offline = new HelpDesk(kb).matcher.match(SPANISH_ABSTAINED);
    expect(offline).toMatchObject({ decision: 'abstain', onTopic: false });
    const desk = deskWith();
    speaksSpanish(fakeSpanish, 'connects.monthly-free');
    const reply = await ask(desk, SPANISH_ABSTAINED);
    expect(reply).toMatchObject({
      outcome: 'answered',
      intent: 'connects.monthly-free',
      decidedBy: 'model',
      language: 'es',
    });
    expect(reply.text.startsWith('[es] ')).toBe(true);
  });

  it('a post in another language the words answer: said again in it, the model naming the topic', async () => {
    expect(new HelpDesk(kb).matcher.match(SPANISH_ANSWERED)).toMatchObject({
      decision: 'answer',
      intent: 'connects.expiry',
    });
    const desk = deskWith();
    speaksSpanish(fakeSpanish, 'connects.expiry');
    const agreed = await ask(desk, SPANISH_ANSWERED);
    expect(agreed).toMatchObject({ intent: 'connects.expiry', decidedBy: 'words', language: 'es' });
    expect(agreed.text.startsWith('[es] ')).toBe(true);
    speaksSpanish(fakeSpanish, 'connects.buy');
    expect(await ask(desk, SPANISH_ANSWERED)).toMatchObject({ intent: 'connects.buy', decidedBy: 'model' });
    // Read as English after all: the words' answer stands, as composed.
    fake.reads({ topic: 'connects.buy', language: 'en' });
    const english = await ask(desk, SPANISH_ANSWERED);
    expect(english).toMatchObject({ intent: 'connects.expiry', decidedBy: 'words' });
    expect(english.language).toBeUndefined();
  });

  it('a post with a second question the words are unsure of: answered too when the model reads it', async () => {
    const offline = new HelpDesk(kb).matcher.match(TWO_ASKS);
    expect(offline).toMatchObject({ decision: 'answer', intent: 'refunds' });
    expect(offline.also[0]).toMatchObject({ intent: 'connects.monthly-free', answer: false });
    const desk = deskWith();
    fake.reads({ topic: 'refunds', also: ['connects.monthly-free', 'no-such-entry'] });
    const both = await ask(desk, TWO_ASKS);
    expect(both).toMatchObject({ intent: 'refunds', decidedBy: 'model' });
    expect(both.also).toEqual([expect.objectContaining({ intent: 'connects.monthly-free', answered: true })]);
    expect(both.text).toContain('You also asked:');
    // The model does not see the second question: offered as a follow-up, as offline.
    fake.reads({ topic: 'refunds', also: [] });
    const one = await ask(desk, TWO_ASKS);
    expect(one).toMatchObject({ intent: 'refunds', decidedBy: 'words' });
    expect(one.also).toEqual([expect.objectContaining({ intent: 'connects.monthly-free', answered: false })]);
    expect(fake.requests).toHaveLength(2);
  });
});

describe('what moderators see', () => {
  it('counts the model’s calls, tokens, failures and pauses in /connects-mod stats', async () => {
    const { parseConfig } = await import('../../src/config.js');
    const { modelReaderFrom } = await import('../../src/cli/language-model.js');
    const { MemoryStateStore } = await import('../../src/store/memory/state-store.js');
    const { createLogger } = await import('../../src/log/logger.js');
    const { statsLines } = await import('../../src/core/moderation/report-lines.js');
    const { utcDate } = await import('../../src/core/rules/calendar.js');
    const parsed = parseConfig({ OPENAI_BASE_URL: fake.baseURL, DATA_DIR: tempDir('helpbot-model-') });
    if (!parsed.ok) throw new Error(parsed.message);
    const state = new MemoryStateStore();
    const layer = await modelReaderFrom(parsed.config, kb, createLogger('silent'), state);
    const desk = new HelpDesk(kb, { state, ...(layer === undefined ? {} : { modelReader: layer.reader }) });
    fake.reads({ topic: 'refunds' });
    await ask(desk, OPEN_POST);
    fake.answer = () => ({ status: 500 });
    for (let i = 0; i < 3; i++) await ask(desk, `${OPEN_POST} ${'?'.repeat(i + 1)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await layer?.examplesReady;
    const text = statsLines(await state.stats([utcDate(new Date())]), kb);
    expect(text).toContain(
      'Language model: 1 calls, 110 tokens, 3 failed or ignored; switched itself off 1 time after repeated failures.',
    );
    expect(statsLines(await new MemoryStateStore().stats([utcDate(new Date())]), kb)).not.toContain(
      'Language model',
    );
  });
});

describe('the nearest knowledge examples (embeddings)', () => {
  /** The layer as a start builds it, on this DATA_DIR and model server. */
  async function layerIn(dataDir: string, knowledge: KnowledgeBase = kb, baseURL = fake.baseURL) {
    const { parseConfig } = await import('../../src/config.js');
    const { modelReaderFrom } = await import('../../src/cli/language-model.js');
    const { createLogger } = await import('../../src/log/logger.js');
    const parsed = parseConfig({ OPENAI_BASE_URL: baseURL, DATA_DIR: dataDir });
    if (!parsed.ok) throw new Error(parsed.message);
    const layer = await modelReaderFrom(parsed.config, knowledge, createLogger('silent'), undefined);
    if (layer === undefined) throw new Error('the layer should be on');
    return layer;
  }
  const exampleBatches = () =>
    fake.requests.filter(
      (request) =>
        request.path.endsWith('/embeddings') && (request.body as { input: string[] }).input.length > 1,
    );

  it('are computed once per knowledge version and embedding model, and reused across starts', async () => {
    const dataDir = tempDir('helpbot-vectors-');
    expect(await (await layerIn(dataDir)).examplesReady).toBe(true);
    const batches = exampleBatches().length;
    expect(batches).toBeGreaterThan(0);
    expect(await (await layerIn(dataDir)).examplesReady).toBe(true);
    expect(exampleBatches()).toHaveLength(batches);
    // The knowledge base changed: its examples are embedded again.
    const [first, ...rest] = kb.entries;
    if (first === undefined) throw new Error('no entries');
    const changed = {
      ...kb,
      entries: [{ ...first, examples: [...first.examples, 'one more way to ask it'] }, ...rest],
    };
    expect(await (await layerIn(dataDir, changed)).examplesReady).toBe(true);
    expect(exampleBatches().length).toBeGreaterThan(batches);
  });

  it('choose among the topics the words offered when the post lies next to one of their examples', async () => {
    const offline = new HelpDesk(kb).matcher.match(CHOICE_POST);
    expect(offline.decision).toBe('clarify');
    const chosen = offline.choices[1];
    const example = kb.entries.find((entry) => entry.id === chosen)?.examples[0];
    if (chosen === undefined || example === undefined) throw new Error('no second choice with an example');
    // The post and one example of the second choice share a direction no other text has.
    const apart = [...new Array<number>(64).fill(0), 1];
    fake.embedding = (text) => (text === CHOICE_POST || text === example ? apart : [...wordsVector(text), 0]);
    const layer = await layerIn(tempDir('helpbot-vectors-'));
    expect(await layer.examplesReady).toBe(true);
    fake.answer = () => ({ status: 500 });
    try {
      const reply = await new HelpDesk(kb, { modelReader: layer.reader }).handle({
        id: 't',
        actor: { platform: 'console', id: 'near', roles: [] },
        body: { kind: 'question', text: CHOICE_POST },
        now: NOW,
      });
      expect(reply).toMatchObject({ outcome: 'answered', intent: chosen, decidedBy: 'model' });
      expect(fake.requests.filter((request) => request.path.endsWith('/chat/completions'))).toHaveLength(0);
    } finally {
      fake.embedding = wordsVector;
    }
  });

  it('with a server that is down at start, leave the bot answering offline', async () => {
    const layer = await layerIn(tempDir('helpbot-vectors-'), kb, 'http://127.0.0.1:9/v1');
    expect(await layer.examplesReady).toBe(false);
    const desk = new HelpDesk(kb, { modelReader: layer.reader });
    expect((await ask(desk, CLEAR_POST)).outcome).toBe('answered');
  });
});

describe('helpbot eval --llm', () => {
  it('scores each file offline and with the model, side by side', async () => {
    const { runCli } = await import('../helpers/io.js');
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const file = join(tempDir('helpbot-eval-'), 'questions.jsonl');
    writeFileSync(
      file,
      `${JSON.stringify({ text: OPEN_POST, intent: ['refunds'] })}\n${JSON.stringify({ text: CLEAR_POST, intent: ['connects.expiry'] })}\n`,
    );
    fake.reads({ topic: 'refunds' });
    const run = await runCli(['eval', file, '--llm', '--json'], { env: { OPENAI_BASE_URL: fake.baseURL } });
    expect(run.code).toBe(0);
    const reports = JSON.parse(run.stdout) as Record<string, { inScope: { correct: number; total: number } }>;
    expect(Object.keys(reports)).toEqual([file, `${file} (with the language model)`]);
    expect(reports[`${file} (with the language model)`]?.inScope.correct).toBeGreaterThan(
      reports[file]?.inScope.correct ?? 0,
    );

    const without = await runCli(['eval', file, '--llm']);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('eval: --llm needs a language model');
  });
});

describe('helpbot start with a language model configured', () => {
  it('starts and answers when the model server is down, and uses the model once it answers', async () => {
    const { runCli } = await import('../helpers/io.js');
    // As a member with no account: the demo account's ledger must not settle the topic first.
    const down = await runCli(['start', '--as', 'console:nobody'], {
      stdin: `${CLEAR_POST}\n${OPEN_POST}\n`,
      env: { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', DATA_DIR: dataDirWithModel() },
    });
    expect(down.code).toBe(0);
    expect(down.stdout).toContain('How long Connects stay valid');
    expect(down.stderr).toContain('could not embed the knowledge examples');
    expect(down.stderr).toContain('language model failed; the offline answer stands');

    fake.reads({ topic: 'refunds' });
    const up = await runCli(['start', '--as', 'console:nobody'], {
      stdin: `${OPEN_POST}\n`,
      env: { OPENAI_BASE_URL: fake.baseURL, DATA_DIR: dataDirWithModel() },
    });
    expect(up.code).toBe(0);
    expect(up.stdout).toContain('When spent Connects come back');
    expect(fake.requests.some((request) => request.path === '/v1/chat/completions')).toBe(true);
  });
});
