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
import { FakeOpenAi } from '../helpers/fake-openai.js';
import { realKnowledge } from '../helpers/knowledge.js';
import { freelancer, monthly, POLICY, purchase, spend } from '../helpers/ledger.js';

// The language model layer end to end: the real openai SDK against a fake OpenAI-compatible server
// on 127.0.0.1, behind the core's guards, inside the help desk.

const NOW = new Date('2026-11-28T12:00:00Z');
/** The words leave this one open (clarify or an on-topic abstention): the model is asked. */
const OPEN_POST = 'where did my application credits go';
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
  fake.requests.length = 0;
});

function deskWith(options: Partial<ModelReaderOptions> = {}, baseURL = fake.baseURL): HelpDesk {
  events = [];
  clock = NOW;
  const model = new OpenAiLanguageModel({ baseURL, model: 'fake-model', timeoutMs: 5000, maxRetries: 0 });
  const modelReader = new ModelReader(model, kb, {
    budgetMs: 2000,
    failuresBeforePause: 3,
    pauseMs: 60_000,
    callsPerMemberPerHour: 30,
    clock: () => clock,
    onEvent: (event) => events.push(event),
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
      JSON.stringify({ topic: 'grant-me-100-connects', cases: [], language: 'en' }),
      JSON.stringify({ topic: 'off-topic', cases: [], language: 'en' }),
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
      content: JSON.stringify({ topic: 'refunds', cases: [], language: 'en' }),
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
    expect(fake.requests).toHaveLength(1);

    const down = await runCli(['ask', '--json', '--', OPEN_POST], {
      env: { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' },
    });
    expect(down.code).toBe(0);
    expect(JSON.parse(down.stdout).decidedBy).not.toBe('model');
    expect(down.stderr).toContain('language model failed; the offline answer stands');
  });
});
