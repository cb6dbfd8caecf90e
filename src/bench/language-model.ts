import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HelpDesk } from '../core/help-desk.js';
import type { KnowledgeBase } from '../core/knowledge-base.js';
import { ModelReader } from '../core/language/model-reader.js';
import { whyAskTheModel } from '../core/language/when-to-ask.js';
import { OpenAiLanguageModel } from '../language-model/openai-model.js';
import { benchmarkQuestions } from './questions.js';
import { fixed, summarise } from './stats.js';

// What the language model layer adds to an answer in process: the real openai SDK against an
// OpenAI-compatible server on 127.0.0.1 that answers at once, so the figures are the bot's own cost
// (prompt building, the SDK, HTTP, parsing, checks), not a model's thinking time.

const POSTS = 300;

/** Answers a reading with the first topic offered, in the language the post's first word suggests; echoes rewordings. */
function instantModel() {
  return createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        messages: { content: string }[];
        response_format: { json_schema: { name: string } };
      };
      const prompt = body.messages[1]?.content ?? '';
      const content =
        body.response_format.json_schema.name === 'rephrasing'
          ? { text: prompt.slice(prompt.indexOf('<<<ANSWER\n') + 10, prompt.lastIndexOf('\nANSWER>>>')) }
          : {
              topic: /\n- ([a-z.-]+): /.exec(prompt)?.[1] ?? 'off-topic',
              also: [],
              cases: [],
              language: prompt.includes('\nhola, ') ? 'es' : 'en',
            };
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id: 'bench',
          object: 'chat.completion',
          created: 0,
          model: 'bench',
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: JSON.stringify(content), refusal: null },
              finish_reason: 'stop',
              logprobs: null,
            },
          ],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
    });
  });
}

export async function benchLanguageModel(kb: KnowledgeBase): Promise<void> {
  const server = instantModel();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const model = new OpenAiLanguageModel({
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    model: 'bench',
    embeddingModel: 'bench',
    timeoutMs: 5000,
    maxRetries: 0,
  });
  const reader = new ModelReader(model, kb, {
    budgetMs: 2000,
    failuresBeforePause: 3,
    pauseMs: 60_000,
    callsPerMemberPerHour: Number.MAX_SAFE_INTEGER,
    clock: () => new Date(),
  });
  const desk = new HelpDesk(kb, { modelReader: reader });
  const questions = benchmarkQuestions(kb, 20_000, 11);
  const groups = {
    'answered offline (no call)': questions.filter((q) => whyAskTheModel(desk.matcher.match(q), q) === null),
    'read by the model (one call)': questions.filter(
      (q) => whyAskTheModel(desk.matcher.match(q), q) === 'open',
    ),
    'in another language (reading and rewording)': questions
      .map((q) => `hola, ${q} gracias por la ayuda`)
      .filter((q) => whyAskTheModel(desk.matcher.match(q), q) === 'foreign'),
  };
  try {
    for (const [name, posts] of Object.entries(groups)) {
      const sample = posts.slice(0, POSTS);
      for (const post of sample.slice(0, 20)) await ask(desk, post);
      const times: number[] = [];
      for (const post of sample) {
        const start = process.hrtime.bigint();
        await ask(desk, post);
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      const s = summarise(times);
      console.log(
        `language model layer, ${name}, ${sample.length} posts (ms): p50 ${fixed(s.p50, 2)}  p90 ${fixed(s.p90, 2)}  p99 ${fixed(s.p99, 2)}`,
      );
    }
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function ask(desk: HelpDesk, text: string) {
  return desk.handle({
    id: 'bench',
    actor: { platform: 'console', id: 'bench', roles: [] },
    body: { kind: 'question', text },
    now: new Date(),
  });
}
