import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// An OpenAI-compatible server on 127.0.0.1, enough for the openai SDK's Chat Completions: each
// request body is kept, and the test decides what each answer is (a reading, bad JSON, an error, a delay).

export interface FakeAnswer {
  /** The assistant message's content (the model's JSON), unless `status` says the call failed. */
  readonly content?: string;
  readonly status?: number;
  readonly delayMs?: number;
}

export class FakeOpenAi {
  readonly requests: { path: string; body: unknown; raw: string }[] = [];
  answer: (body: unknown) => FakeAnswer = () => ({ content: '{}' });
  /** The vector of one text for `/embeddings`: by default words hashed into 64 dimensions. */
  embedding: (text: string) => number[] = wordsVector;
  private readonly server: Server = createServer((request, response) => {
    void this.handle(request).then(({ status, json, delayMs }) => {
      const timer = setTimeout(() => {
        if (response.destroyed) return;
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(json));
      }, delayMs);
      // A client that gives up (the budget ran out) closes the socket: stop waiting for it.
      response.on('close', () => clearTimeout(timer));
    });
  });

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  get baseURL(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** What a request asks for: `post_reading` or `rephrasing` (the JSON schema's name). */
  static schemaOf(body: unknown): string {
    return (
      (body as { response_format?: { json_schema?: { name?: string } } }).response_format?.json_schema
        ?.name ?? ''
    );
  }

  /** Answers with this reading as the model's JSON. */
  reads(reading: { topic: string; also?: string[]; cases?: string[]; language?: string }): void {
    this.answer = () => ({ content: JSON.stringify({ also: [], cases: [], language: 'en', ...reading }) });
  }

  private async handle(
    request: IncomingMessage,
  ): Promise<{ status: number; json: unknown; delayMs: number }> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body: unknown = raw === '' ? null : JSON.parse(raw);
    this.requests.push({ path: request.url ?? '', body, raw });
    if ((request.url ?? '').endsWith('/embeddings')) {
      const input = (body as { input: string[] }).input;
      return {
        status: 200,
        delayMs: 0,
        json: {
          object: 'list',
          model: 'fake-embedding',
          data: input.map((text, index) => ({ object: 'embedding', index, embedding: this.embedding(text) })),
          usage: { prompt_tokens: input.length * 8, total_tokens: input.length * 8 },
        },
      };
    }
    const answer = this.answer(body);
    if (answer.status !== undefined && answer.status >= 400) {
      return {
        status: answer.status,
        json: { error: { message: 'the fake model is failing on purpose', type: 'server_error' } },
        delayMs: answer.delayMs ?? 0,
      };
    }
    return {
      status: 200,
      delayMs: answer.delayMs ?? 0,
      json: {
        id: `chatcmpl-${this.requests.length}`,
        object: 'chat.completion',
        created: 0,
        model: 'fake-model',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: answer.content ?? '', refusal: null },
            finish_reason: 'stop',
            logprobs: null,
          },
        ],
        usage: { prompt_tokens: 100, completion_tokens: 10, total_tokens: 110 },
      },
    };
  }
}

/** A text's words hashed into 64 counts: texts with the same words get the same direction. */
export function wordsVector(text: string): number[] {
  const vector = new Array<number>(64).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    let hash = 0;
    for (const char of word) hash = (hash * 31 + char.charCodeAt(0)) % 64;
    vector[hash] = (vector[hash] ?? 0) + 1;
  }
  return vector;
}
