import { isUtf8 } from 'node:buffer';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportReader } from '../../src/accounts/import-file.js';
import { ObjectScanner } from '../../src/accounts/json-scanner.js';
import { random } from '../../src/bench/synthetic-ledger.js';
import type { ImportItem } from '../../src/core/ledger/store.js';
import { FILE_LEVEL } from '../../src/core/rules/problems.js';
import { EncodingError } from '../../src/core/text/utf8.js';
import { SqliteLedgerStore } from '../../src/store/sqlite/ledger-store.js';
import { importedAccount, POLICY, tempDir } from '../helpers/ledger.js';

// The streaming import judged against JSON.parse of the whole text: random JSON written with random
// whitespace and escapes, and that text with a byte deleted, inserted or replaced, read through the
// reader in random pieces. JSON.parse is the reference for what is JSON; the scanner must agree,
// wherever the pieces are cut.

const RUNS = { numRuns: 300 };

// ---- Writing JSON the way any exporter might ----------------------------------------------------

/** A seeded generator: the layout of a text follows from one integer fast-check shrinks. */
const randomOf = random;

const SPACES = ['', '', '', ' ', '\n', '\t', '\r\n', '  \n    '];
const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** Where a value handed out by the scanner starts in the text, as a UTF-16 offset. */
type Expected =
  | { readonly kind: 'member'; readonly key: string; readonly value: unknown; readonly offset: number }
  | { readonly kind: 'element'; readonly index: number; readonly value: unknown; readonly offset: number };

class JsonWriter {
  text = '';
  constructor(private readonly random: () => number) {}

  private pick<T>(options: readonly T[]): T {
    return options[Math.floor(this.random() * options.length)] as T;
  }

  space(): void {
    this.text += this.pick(SPACES);
  }

  string(value: string): void {
    let out = '"';
    for (const char of value) {
      const code = char.codePointAt(0) as number;
      const lone = char.length === 1 && code >= 0xd800 && code <= 0xdfff;
      const must = code < 0x20 || char === '"' || char === '\\' || lone;
      if (!must && this.random() > 0.15) {
        out += char;
        continue;
      }
      const short = SHORT_ESCAPES[char];
      if (short !== undefined && this.random() < 0.5) {
        out += short;
        continue;
      }
      for (let i = 0; i < char.length; i++) {
        const hex = char.charCodeAt(i).toString(16).padStart(4, '0');
        out += `\\u${this.random() < 0.5 ? hex : hex.toUpperCase()}`;
      }
    }
    this.text += `${out}"`;
  }

  number(value: number): void {
    let out = JSON.stringify(value);
    if (!/[.eE]/.test(out) && this.random() < 0.2) out += '.0';
    if (!/[eE]/.test(out) && this.random() < 0.2) out += this.pick(['e0', 'E+0', 'e-0', 'E00']);
    this.text += out;
  }

  value(value: unknown): void {
    if (value === null || typeof value === 'boolean') this.text += String(value);
    else if (typeof value === 'number') this.number(value);
    else if (typeof value === 'string') this.string(value);
    else if (Array.isArray(value)) {
      this.text += '[';
      value.forEach((element, i) => {
        if (i > 0) this.text += ',';
        this.space();
        this.value(element);
        this.space();
      });
      if (value.length === 0) this.space();
      this.text += ']';
    } else {
      this.text += '{';
      const entries = Object.entries(value as Record<string, unknown>);
      entries.forEach(([key, member], i) => {
        if (i > 0) this.text += ',';
        this.space();
        this.member(key);
        this.value(member);
        this.space();
      });
      if (entries.length === 0) this.space();
      this.text += '}';
    }
  }

  member(key: string): void {
    this.string(key);
    this.space();
    this.text += ':';
    this.space();
  }
}

interface Doc {
  readonly text: string;
  /** The pieces the scanner should hand out, in order. */
  readonly expected: readonly Expected[];
}

/** `{ ...members, "accounts": [...elements] }`, the list at position `listAt` among the members. */
function writeDoc(
  members: readonly (readonly [string, unknown])[],
  elements: readonly unknown[],
  listAt: number,
  seed: number,
): Doc {
  const writer = new JsonWriter(randomOf(seed));
  const expected: Expected[] = [];
  const all: (readonly [string, unknown] | 'list')[] = [...members];
  all.splice(listAt % (members.length + 1), 0, 'list');
  writer.space();
  writer.text += '{';
  all.forEach((member, i) => {
    if (i > 0) writer.text += ',';
    writer.space();
    if (member === 'list') {
      writer.member('accounts');
      writer.text += '[';
      elements.forEach((element, index) => {
        if (index > 0) writer.text += ',';
        writer.space();
        expected.push({ kind: 'element', index, value: canonical(element), offset: writer.text.length });
        writer.value(element);
        writer.space();
      });
      if (elements.length === 0) writer.space();
      writer.text += ']';
    } else {
      const [key, value] = member;
      writer.member(key);
      expected.push({ kind: 'member', key, value: canonical(value), offset: writer.text.length });
      writer.value(value);
    }
    writer.space();
  });
  writer.text += '}';
  writer.space();
  return { text: writer.text, expected };
}

/** What JSON.parse reads back: -0 becomes 0, and so on. */
const canonical = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Line and column (UTF-16 units, both from 1) of a UTF-16 offset in `text`. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

// ---- Arbitraries --------------------------------------------------------------------------------

// Characters that matter to a byte scanner: JSON's own, controls, and UTF-8 of 2, 3 and 4 bytes,
// lone surrogates (escaped on writing), the byte order mark inside a string.
const tricky = fc.constantFrom(
  'a',
  '0',
  ' ',
  '"',
  '\\',
  '/',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '\n',
  '\t',
  '\u0000',
  '\u001f',
  '\u007f',
  'é',
  '€',
  '🎨',
  '\ud800',
  '\udfff',
  '\u2028',
  '\ufeff',
);
const unit = fc.oneof(tricky, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
const anyJson = fc.jsonValue({ maxDepth: 3, stringUnit: unit });
const memberKey = fc
  .oneof(fc.constantFrom('account', 'Accounts', 'accounts ', '', 'id'), fc.string({ unit, maxLength: 6 }))
  .filter((key) => key !== 'accounts');

const validAccount = fc
  .record({
    id: fc.stringMatching(/^acct-[a-z0-9]{1,6}$/),
    job: fc.string({ unit, minLength: 1, maxLength: 8 }),
    amount: fc.integer({ min: 1, max: 40 }),
  })
  .map(({ id, job, amount }) => importedAccount(id, job, amount));
const element = fc.oneof({ arbitrary: validAccount, weight: 2 }, { arbitrary: anyJson, weight: 1 });

const doc = fc
  .record({
    members: fc.uniqueArray(fc.tuple(memberKey, anyJson), { selector: ([key]) => key, maxLength: 3 }),
    elements: fc.array(element, { maxLength: 4 }),
    listAt: fc.nat(),
    seed: fc.integer(),
  })
  .map(({ members, elements, listAt, seed }) => writeDoc(members, elements, listAt, seed));

/** Up to four cut points, as fractions of whatever length they cut. */
const cuts = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 4 });

function split(bytes: Buffer, at: readonly number[]): Buffer[] {
  const points = [...new Set(at.map((n) => n % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const point of points) {
    chunks.push(bytes.subarray(from, point));
    from = point;
  }
  chunks.push(bytes.subarray(from));
  return chunks;
}

// One or two bytes deleted, inserted or replaced; what goes in is a JSON token, a piece of UTF-8,
// or a byte that is never UTF-8.
const INSERTS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  '/',
  ' ',
  '\n',
  '\r',
  '\t',
  '0',
  '1',
  '-',
  '+',
  '.',
  'e',
  'E',
  't',
  'n',
  'u',
  'x',
  '\u0000',
  '\u001f',
  '\u007f',
  'é',
  '🎨',
  '\ufeff',
  '\\u',
  '\\ud800',
  ',"accounts":[]',
  '"accounts":',
  '[[',
  ']}',
].map((text) => Buffer.from(text, 'utf8'));
const mutation = fc.record({
  kind: fc.constantFrom('delete', 'insert', 'replace'),
  at: fc.nat(),
  bytes: fc.oneof(
    { arbitrary: fc.constantFrom(...INSERTS), weight: 6 },
    {
      arbitrary: fc.constantFrom(0x80, 0xbf, 0xc3, 0xed, 0xf0, 0xff).map((b) => Buffer.from([b])),
      weight: 1,
    },
  ),
});
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Buffer, mutations: readonly Mutation[]): Buffer {
  let out = bytes;
  for (const { kind, at, bytes: what } of mutations) {
    const i = at % (out.length + (kind === 'insert' ? 1 : 0));
    if (out.length === 0 && kind !== 'insert') continue;
    const tail = out.subarray(kind === 'insert' ? i : i + 1);
    out = Buffer.concat([out.subarray(0, i), kind === 'delete' ? Buffer.alloc(0) : what, tail]);
  }
  return out;
}

const mutated = fc
  .tuple(doc, fc.array(mutation, { minLength: 1, maxLength: 2 }))
  .map(([{ text }, mutations]) => mutate(Buffer.from(text, 'utf8'), mutations));

// ---- Reading ------------------------------------------------------------------------------------

interface Outcome {
  readonly items: readonly ImportItem[];
  /** The EncodingError's message, when the reader refused the bytes as not UTF-8. */
  readonly thrown?: string;
}

function read(chunks: readonly Buffer[]): Outcome {
  const reader = new ImportReader();
  const items: ImportItem[] = [];
  try {
    for (const chunk of chunks) items.push(...reader.push(chunk));
    items.push(...reader.end());
    return { items };
  } catch (error) {
    if (!(error instanceof EncodingError)) throw error;
    return { items, thrown: error.message };
  }
}

const fileProblems = (outcome: Outcome): string[] =>
  outcome.items.flatMap((item) =>
    'problems' in item
      ? item.problems.filter((problem) => problem.account === FILE_LEVEL).map((problem) => problem.message)
      : [],
  );

/** The reader says the text is not a JSON object at all (as opposed to a wrong one). */
const notJson = (outcome: Outcome): boolean =>
  fileProblems(outcome).some(
    (message) => message.startsWith('not valid JSON') || message.startsWith('must be a JSON object'),
  );

/** JSON.parse's verdict on the whole text: an object, or not (a syntax error, a list, a number). */
function parsesToObject(bytes: Buffer): boolean {
  let text = bytes.toString('utf8');
  // Exclusion: the reader accepts a UTF-8 byte order mark at the start (editors write one);
  // JSON.parse does not.
  if (text.startsWith('\ufeff')) text = text.slice(1);
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** Compares outcomes; a refusal as not UTF-8 is compared by its message (items before it vary). */
function sameOutcome(actual: Outcome, expected: Outcome, label: string): void {
  if (expected.thrown !== undefined || actual.thrown !== undefined)
    expect(actual.thrown, label).toEqual(expected.thrown);
  else expect(actual.items, label).toEqual(expected.items);
}

const show = (bytes: Buffer) => JSON.stringify(bytes.toString('latin1'));

// ---- Properties ---------------------------------------------------------------------------------

describe('the object scanner', () => {
  it('hands out every member and element of valid JSON as JSON.parse reads it, where it starts, wherever the text is cut', () => {
    fc.assert(
      fc.property(doc, cuts, ({ text, expected }, at) => {
        expect(JSON.parse(text), 'the test writes JSON').toBeTypeOf('object');
        const scanner = new ObjectScanner('accounts');
        const pieces = split(Buffer.from(text, 'utf8'), at).flatMap((chunk) => {
          const scanned = scanner.push(chunk);
          expect(scanned.error).toBeUndefined();
          return scanned.pieces;
        });
        expect(scanner.end().error).toBeUndefined();
        expect(scanner.listsSeen).toBe(1);
        expect(
          pieces.map((piece) => ({
            ...(piece.kind === 'member'
              ? { kind: piece.kind, key: piece.key }
              : { kind: piece.kind, index: piece.index }),
            value: JSON.parse(piece.bytes.toString('utf8')),
            at: piece.at,
          })),
        ).toEqual(expected.map(({ offset, ...rest }) => ({ ...rest, at: positionOf(text, offset) })));
      }),
      RUNS,
    );
  });
});

describe('the import reader, against JSON.parse', () => {
  it('never calls valid JSON invalid, whatever the value inside the accounts list or beside it', () => {
    const layout = fc.record({ value: anyJson, seed: fc.integer(), cuts, bom: fc.boolean() });
    fc.assert(
      fc.property(layout, layout, (beside, inside) => {
        for (const [{ text }, { cuts: at, bom }] of [
          [writeDoc([['x', beside.value]], [], 1, beside.seed), beside],
          [writeDoc([], [inside.value], 0, inside.seed), inside],
        ] as const) {
          const bytes = Buffer.from(`${bom ? '\ufeff' : ''}${text}`, 'utf8');
          const outcome = read(split(bytes, at));
          expect(outcome.thrown, text).toBeUndefined();
          expect(fileProblems(outcome), text).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  it('reports "not valid JSON" or "not a JSON object" exactly when JSON.parse of the whole text fails or is not an object', () => {
    fc.assert(
      fc.property(mutated, cuts, (bytes, at) => {
        const outcome = read(split(bytes, at));
        if (isUtf8(bytes)) {
          expect(outcome.thrown, show(bytes)).toBeUndefined();
          expect(notJson(outcome), show(bytes)).toBe(!parsesToObject(bytes));
        } else {
          // Bytes that are not UTF-8 are refused as such, or the text stops being JSON before
          // (or at) them; they are never read as U+FFFD and accepted.
          expect(outcome.thrown !== undefined || notJson(outcome), show(bytes)).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('reads the same items from a text pushed in one piece or in up to five', () => {
    const text = fc.oneof(
      doc.map(({ text }) => Buffer.from(text, 'utf8')),
      mutated,
    );
    fc.assert(
      fc.property(text, cuts, (bytes, at) => {
        sameOutcome(read(split(bytes, at)), read([bytes]), show(bytes));
      }),
      { numRuns: 1500 },
    );
  });

  it('places a fault where JSON.parse of the whole text places it, when it names a position', () => {
    fc.assert(
      fc.property(mutated, (bytes) => {
        fc.pre(isUtf8(bytes) && bytes.toString('utf8').charCodeAt(0) !== 0xfeff);
        const at = faultOf(bytes.toString('utf8'));
        fc.pre(at !== undefined);
        const outcome = read([bytes]);
        const placed = placedAt(outcome);
        fc.pre(placed !== undefined);
        expect(placed, `${show(bytes)}: ${fileProblems(outcome).join('; ')}`).toEqual(at);
      }),
      { numRuns: 1500 },
    );
  });

  it('places a bad escape in a name that the end of the file cuts off where JSON.parse does', () => {
    // Found by the property above: the name never closes, and JSON.parse stops first at "\0".
    for (const text of ['{"ac\\u0063o\\0075n\\u0074s:[ ]}', '{"accounts": [{"id": "a\\x']) {
      const at = faultOf(text);
      expect(at, text).toBeDefined();
      expect(placedAt(read([Buffer.from(text)])), text).toEqual(at);
    }
  });
});

/** Where JSON.parse of the whole text says it stops being JSON, when its message has a position. */
function faultOf(text: string): { line: number; column: number } | undefined {
  try {
    JSON.parse(text);
  } catch (error) {
    const position = / in JSON at position (\d+)/.exec((error as Error).message)?.[1];
    return position === undefined ? undefined : positionOf(text, Number(position));
  }
  return undefined;
}

/** The line and column of the reader's "not valid JSON at line L, column C" problem, if any. */
function placedAt(outcome: Outcome): { line: number; column: number } | undefined {
  for (const message of fileProblems(outcome)) {
    const match = /^not valid JSON at line (\d+), column (\d+)/.exec(message);
    if (match !== null) return { line: Number(match[1]), column: Number(match[2]) };
  }
  return undefined;
}

// The smallest cases of what the properties above found, kept so that each fault reads plainly.
describe('the import reader, smallest cases', () => {
  it('reads a schema problem before a syntax error later in the same piece, as it does across pieces', () => {
    // 64 spaces: past the bytes the reader holds back to look for a byte order mark.
    const text = Buffer.from(`${' '.repeat(64)}{"accounts": [{}], ]}`);
    const whole = read([text]);
    sameOutcome(read(split(text, [64 + 17])), whole, 'cut after the first element');
    expect(whole.items.length).toBe(2);
  });

  it.each([
    ['a bad escape in a name', '{"a\\q": 1}'],
    ['a stray quote inside a list member', '{"x": [4"5]}'],
    ['a number followed by a letter', '{"x": 1x, "accounts": []}'],
    ['a bad number before a grammar error', '{"x": [01], "y" 2}'],
  ])('names the place JSON.parse names: %s', (_, text) => {
    const at = faultOf(text);
    expect(at).toBeDefined();
    const outcome = read([Buffer.from(text)]);
    expect(fileProblems(outcome).join('; ')).toContain(`line ${at?.line}, column ${at?.column}:`);
  });

  it("keeps V8's quotation of the text out of the message, however long the value", () => {
    // A literal cut short is left to JSON.parse, which quotes the text instead of placing the fault.
    const text = `{"accounts": [{"id": "${'a'.repeat(30)}", "kind": tru}]}`;
    expect(fileProblems(read([Buffer.from(text)]))).toEqual([
      "not valid JSON in the value starting at line 1, column 15: Unexpected token '}'",
    ]);
  });

  it('stops at a missing quote instead of holding the rest of the file as one value', () => {
    const accounts = Array.from({ length: 2000 }, (_, i) => ({
      id: `acct-${i}`,
      kind: 'freelancer',
      plan: 'basic',
      billingDay: 3,
      identities: [`console:acct-${i}`],
      ledger: [{ id: 'g', at: '2026-01-01T00:00:00Z', type: 'grant', reason: 'signup', amount: 40 }],
    }));
    for (const indent of [0, 2]) {
      const text = JSON.stringify({ accounts }, null, indent).replace('"acct-0"', '"acct-0');
      const bytes = Buffer.from(text);
      const reader = new ImportReader();
      const problems: string[] = [];
      let fed = 0;
      while (fed < bytes.length && !reader.stopped) {
        for (const item of reader.push(bytes.subarray(fed, fed + 16_384)))
          if ('problems' in item) problems.push(...item.problems.map((problem) => problem.message));
        fed += 16_384;
      }
      for (const item of reader.end())
        if ('problems' in item) problems.push(...item.problems.map((problem) => problem.message));
      expect(fed, `indent ${indent}: bytes read before the reader stopped`).toBeLessThan(65_536);
      const at = faultOf(text);
      expect(problems.join('; ')).toContain(`line ${at?.line}, column ${at?.column}:`);
    }
  });
});

describe('importStream fed by the reader', () => {
  const stores: SqliteLedgerStore[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
  });

  it('commits only a clean file, and never leaves the ledger locked', async () => {
    const store = new SqliteLedgerStore(join(tempDir('helpbot-fuzz-'), 'ledger.sqlite'), POLICY);
    stores.push(store);
    let committed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          doc.map(({ text }) => Buffer.from(text, 'utf8')),
          mutated,
        ),
        cuts,
        async (bytes, at) => {
          const { items, thrown } = read(split(bytes, at));
          async function* streamed(): AsyncGenerator<ImportItem> {
            yield* items;
            if (thrown !== undefined) throw new EncodingError(thrown);
          }
          const before = await store.countAccounts();
          const result = await store
            .importStream(streamed(), { maxWaitMs: 0 })
            .catch((error: unknown) => error);
          const after = await store.countAccounts();
          const problems = items.some((item) => 'problems' in item);
          if (thrown !== undefined) expect(result).toBeInstanceOf(EncodingError);
          else if (problems) expect(result).toMatchObject({ ok: false });
          if (thrown !== undefined || problems || !(result as { ok: boolean }).ok) expect(after).toBe(before);
          else committed++;
        },
      ),
      { numRuns: 60 },
    );
    // The lock is free after all of that: a plain write goes through at once.
    expect(await store.importAccounts([], { maxWaitMs: 0 })).toMatchObject({ ok: true });
    expect(committed).toBeGreaterThan(0);
  });
});
