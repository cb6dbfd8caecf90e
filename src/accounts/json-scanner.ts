import { isUtf8 } from 'node:buffer';
import { columnsOf, notUtf8, START_OF_TEXT, type TextPosition } from '../core/text/utf8.js';

// Cuts a JSON object into its members without holding the whole text, and the one list member
// that may be huge (an export's `accounts`) into its elements. It reads only the structure; each
// piece it hands out is parsed by JSON.parse, which judges everything inside. So memory follows
// the largest account, not the file: a 500 MB export imports in the memory of one account.

/** A piece of the object, its bytes (UTF-8, unchecked) and where it starts in the file. */
export type ScannedPiece =
  | { readonly kind: 'element'; readonly index: number; readonly bytes: Buffer; readonly at: TextPosition }
  | { readonly kind: 'member'; readonly key: string; readonly bytes: Buffer; readonly at: TextPosition };

export interface ScanResult {
  readonly pieces: readonly ScannedPiece[];
  /** What stopped the scan (the text is not JSON, not an object, or not UTF-8); nothing follows it. */
  readonly error?: Error;
}

/** The text breaks JSON's grammar at `at`. */
export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
  constructor(
    readonly reason: string,
    readonly at: TextPosition | undefined,
  ) {
    super(at === undefined ? reason : `line ${at.line}, column ${at.column}: ${reason}`);
  }
}

/** The text is not a JSON object at all (a list, a number, an empty file…). */
export class NotAnObjectError extends Error {
  override readonly name = 'NotAnObjectError';
}

const State = {
  BeforeObject: 0,
  KeyOrEnd: 1,
  Key: 2,
  Colon: 3,
  Value: 4,
  ElementOrEnd: 5,
  InValue: 6,
  AfterElement: 7,
  AfterMember: 8,
  Done: 9,
} as const;
type State = (typeof State)[keyof typeof State];

/** What a list or object inside a value expects next. */
const Next = {
  NameOrEnd: 0,
  Name: 1,
  Colon: 2,
  Value: 3,
  ValueOrEnd: 4,
  CommaOrEnd: 5,
} as const;

interface Level {
  readonly closer: number;
  next: (typeof Next)[keyof typeof Next];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

// What numbers, true, false and null start with and are made of (JSON.parse checks the order).
const SCALAR_START = new Set([...'-0123456789tfn'].map((c) => c.charCodeAt(0)));
const SCALAR_BYTE = new Set([...'-+.0123456789eEtrufalsn'].map((c) => c.charCodeAt(0)));
const isScalarStart = (byte: number) => SCALAR_START.has(byte);
const isScalarByte = (byte: number) => SCALAR_BYTE.has(byte);

const isSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/**
 * Push the text's bytes in as many pieces as they come; each call returns the pieces completed so
 * far. `end()` checks that the object was closed. Grammar errors throw JsonSyntaxError naming the
 * line and column.
 */
export class ObjectScanner {
  private state: State = State.BeforeObject;
  private line = START_OF_TEXT.line;
  private column = START_OF_TEXT.column;
  /** After a comma, a closing bracket or brace would be a trailing comma. */
  private afterComma = false;
  private key = '';
  private keyAt: TextPosition = START_OF_TEXT;
  /** How many times the streamed list appeared (JSON allows a name twice; an import must not). */
  listsSeen = 0;
  /** Whether the value being read is an element of the streamed list (else a member's value). */
  private inElement = false;
  private elementIndex = 0;
  // The value being read: its bytes from earlier chunks, where it started, and how it nests.
  private parts: Buffer[] = [];
  private valueAt: TextPosition = START_OF_TEXT;
  /** The lists and objects open inside the value, innermost last, each with what it expects next. */
  private levels: Level[] = [];
  private inString = false;
  private escaped = false;
  /** The whole value is a number, true, false or null. */
  private scalar = false;
  /** Inside a list or object: a number or literal is being read. */
  private inScalar = false;
  /** The string being read is an object's name (a colon follows it), not a value. */
  private stringIsName = false;
  private failed = false;

  /** `listKey`: the member whose list is handed out element by element. */
  constructor(private readonly listKey: string) {}

  /**
   * The pieces this chunk completes, and the error that stopped the scan, if one did: the pieces
   * before it are still handed out, so what they hold is judged whatever the chunks' sizes.
   */
  push(chunk: Buffer): ScanResult {
    const pieces: ScannedPiece[] = [];
    if (this.failed) return { pieces };
    try {
      this.scan(chunk, pieces);
      return { pieces };
    } catch (error) {
      this.failed = true;
      return { pieces, error: error as Error };
    }
  }

  private scan(chunk: Buffer, pieces: ScannedPiece[]): void {
    let start = 0;
    let i = 0;
    try {
      for (; i < chunk.length; i++) {
        const byte = chunk[i] as number;
        switch (this.state) {
          case State.InValue:
            if (this.inValue(byte)) break;
            // The value ends here: a container's or string's last byte belongs to it, a scalar's
            // delimiter does not and is read again in the next state.
            {
              const end = this.scalar ? i : i + 1;
              pieces.push(this.finishValue(chunk.subarray(start, end)));
              if (this.scalar) {
                i--;
                continue;
              }
            }
            break;
          case State.Key:
            if (byte < 0x20) throw this.controlInString();
            if (this.escaped) this.escaped = false;
            else if (byte === BACKSLASH) this.escaped = true;
            else if (byte === QUOTE) {
              // The name is whole: its own faults are placed by decodeKey, not by the catch below.
              this.state = State.Colon;
              this.key = this.decodeKey(this.takeParts(chunk.subarray(start, i)));
            }
            break;
          default:
            if (isSpace(byte)) break;
            start = this.structural(byte, i);
        }
        if (byte === 0x0a) {
          this.line++;
          this.column = 1;
        } else this.column += columnsOf(byte);
      }
    } catch (error) {
      // Inside a value or a name the grammar may stop later than JSON.parse would (a malformed
      // number or escape is left to it): name JSON.parse's fault when it comes first.
      if (error instanceof JsonSyntaxError && (this.state === State.InValue || this.state === State.Key)) {
        throw this.faultBefore([...this.parts, chunk.subarray(start, i)]) ?? error;
      }
      throw error;
    }
    // A value or key still being read keeps its bytes from this chunk.
    if (this.state === State.InValue || this.state === State.Key) this.parts.push(chunk.subarray(start));
  }

  /** JSON.parse's fault in the name or value read so far (`bytes`), if it names one before their end. */
  private faultBefore(bytes: readonly Buffer[]): JsonSyntaxError | undefined {
    const read = Buffer.concat(bytes).toString('utf8');
    // A name's bytes exclude its opening quote; JSON.parse needs it to read the name.
    return this.state === State.Key ? earlierFault(`"${read}`, this.keyAt) : earlierFault(read, this.valueAt);
  }

  /** Checks that the object was closed. */
  end(): ScanResult {
    if (this.failed || this.state === State.Done) return { pieces: [] };
    this.failed = true;
    if (this.state === State.BeforeObject)
      return { pieces: [], error: new NotAnObjectError('the file is empty') };
    // A name or value cut off by the end may hold a fault before it (a bad escape in a string that
    // never closes): JSON.parse names that one first, and so does the import.
    if (this.state === State.InValue || this.state === State.Key) {
      const earlier = this.faultBefore(this.parts);
      if (earlier !== undefined) return { pieces: [], error: earlier };
    }
    return {
      pieces: [],
      error: new JsonSyntaxError(
        'the text ends before the JSON object is closed (a cut-off file?)',
        this.here(),
      ),
    };
  }

  /** Grammar outside values; returns where a key or value that starts here begins in the chunk. */
  private structural(byte: number, i: number): number {
    switch (this.state) {
      case State.BeforeObject:
        if (byte !== OPEN_BRACE) throw new NotAnObjectError('the text is not a JSON object');
        this.state = State.KeyOrEnd;
        return i;
      case State.KeyOrEnd:
        if (byte === QUOTE) {
          this.state = State.Key;
          this.afterComma = false;
          this.keyAt = this.here();
          return i + 1;
        }
        if (byte === CLOSE_BRACE && !this.afterComma) {
          this.state = State.Done;
          return i;
        }
        throw this.unexpected(byte, this.afterComma ? 'a quoted name after the comma' : 'a quoted name or }');
      case State.Colon:
        if (byte !== COLON) throw this.unexpected(byte, ': after the name');
        this.state = State.Value;
        return i;
      case State.Value:
        if (byte === OPEN_BRACKET && this.key === this.listKey) {
          this.listsSeen++;
          this.state = State.ElementOrEnd;
          this.afterComma = false;
          return i;
        }
        this.startValue(byte, false);
        return i;
      case State.ElementOrEnd:
        if (byte === CLOSE_BRACKET && !this.afterComma) {
          this.state = State.AfterMember;
          return i;
        }
        if (byte === CLOSE_BRACKET || byte === COMMA || byte === CLOSE_BRACE)
          throw this.unexpected(byte, 'a value');
        this.afterComma = false;
        this.startValue(byte, true);
        return i;
      case State.AfterElement:
        if (byte === COMMA) {
          this.state = State.ElementOrEnd;
          this.afterComma = true;
        } else if (byte === CLOSE_BRACKET) this.state = State.AfterMember;
        else throw this.unexpected(byte, ', or ] after the list element');
        return i;
      case State.AfterMember:
        if (byte === COMMA) {
          this.state = State.KeyOrEnd;
          this.afterComma = true;
        } else if (byte === CLOSE_BRACE) this.state = State.Done;
        else throw this.unexpected(byte, ', or } after the value');
        return i;
      default:
        throw this.unexpected(byte, 'nothing more after the end of the JSON object');
    }
  }

  private startValue(byte: number, inElement: boolean): void {
    this.state = State.InValue;
    this.inElement = inElement;
    this.valueAt = this.here();
    this.levels = [];
    this.inString = byte === QUOTE;
    this.stringIsName = false;
    this.escaped = false;
    this.scalar = false;
    this.inScalar = false;
    if (byte === OPEN_BRACE) this.levels.push({ closer: CLOSE_BRACE, next: Next.NameOrEnd });
    else if (byte === OPEN_BRACKET) this.levels.push({ closer: CLOSE_BRACKET, next: Next.ValueOrEnd });
    else if (isScalarStart(byte)) this.scalar = true;
    else if (byte !== QUOTE) throw this.unexpected(byte, 'a value');
  }

  /**
   * Whether `byte` still belongs to the value; its first byte was read by startValue. JSON's
   * grammar is followed here, so a fault is named where it is (a missing quote or comma does not
   * run on to the end of the file); JSON.parse then builds each piece and checks its numbers and
   * escapes.
   */
  private inValue(byte: number): boolean {
    if (this.inString) {
      if (byte < 0x20) throw this.controlInString();
      if (this.escaped) this.escaped = false;
      else if (byte === BACKSLASH) this.escaped = true;
      else if (byte === QUOTE) {
        this.inString = false;
        return this.valueEnded(this.stringIsName);
      }
      return true;
    }
    if (this.scalar) {
      if (isScalarByte(byte)) return true;
      if (isSpace(byte) || byte === COMMA || byte === CLOSE_BRACE || byte === CLOSE_BRACKET) return false;
      throw this.unexpected(byte, ', or } after the value');
    }
    if (this.inScalar) {
      if (isScalarByte(byte)) return true;
      this.inScalar = false;
      this.valueEnded(false);
    }
    if (isSpace(byte)) return true;
    const level = this.levels.at(-1) as Level;
    const inObject = level.closer === CLOSE_BRACE;
    switch (level.next) {
      case Next.NameOrEnd:
      case Next.Name:
        if (byte === QUOTE) {
          this.inString = true;
          this.stringIsName = true;
          return true;
        }
        if (byte === CLOSE_BRACE && level.next === Next.NameOrEnd) return this.closeLevel();
        throw this.unexpected(
          byte,
          level.next === Next.Name ? 'a quoted name after the comma' : 'a quoted name or }',
        );
      case Next.Colon:
        if (byte !== COLON) throw this.unexpected(byte, ': after the name');
        level.next = Next.Value;
        return true;
      case Next.CommaOrEnd:
        if (byte === COMMA) {
          level.next = inObject ? Next.Name : Next.Value;
          return true;
        }
        if (byte === level.closer) return this.closeLevel();
        throw this.unexpected(byte, inObject ? ', or }' : ', or ]');
      default:
        if (byte === CLOSE_BRACKET && level.next === Next.ValueOrEnd) return this.closeLevel();
        if (byte === QUOTE) {
          this.inString = true;
          this.stringIsName = false;
        } else if (byte === OPEN_BRACE) this.levels.push({ closer: CLOSE_BRACE, next: Next.NameOrEnd });
        else if (byte === OPEN_BRACKET) this.levels.push({ closer: CLOSE_BRACKET, next: Next.ValueOrEnd });
        else if (isScalarStart(byte)) this.inScalar = true;
        else throw this.unexpected(byte, 'a value');
        return true;
    }
  }

  /** A list or object inside the value closed; the value ends with the outermost one. */
  private closeLevel(): boolean {
    this.levels.pop();
    return this.valueEnded(false);
  }

  /** A string, number or container ended: what its level expects next; false when the value is done. */
  private valueEnded(wasName: boolean): boolean {
    const level = this.levels.at(-1);
    if (level === undefined) return false;
    level.next = wasName ? Next.Colon : Next.CommaOrEnd;
    return true;
  }

  private finishValue(tail: Buffer): ScannedPiece {
    const bytes = this.takeParts(tail);
    if (this.inElement) {
      this.state = State.AfterElement;
      return { kind: 'element', index: this.elementIndex++, bytes, at: this.valueAt };
    }
    this.state = State.AfterMember;
    return { kind: 'member', key: this.key, bytes, at: this.valueAt };
  }

  private takeParts(tail: Buffer): Buffer {
    const bytes = this.parts.length === 0 ? tail : Buffer.concat([...this.parts, tail]);
    this.parts = [];
    return bytes;
  }

  /** A name as JSON reads it, escapes decoded; the bytes exclude the quotes. */
  private decodeKey(bytes: Buffer): string {
    if (!isUtf8(bytes)) throw notUtf8(bytes, { line: this.keyAt.line, column: this.keyAt.column + 1 });
    try {
      return JSON.parse(`"${bytes.toString('utf8')}"`) as string;
    } catch (error) {
      // The position JSON.parse gives counts from the opening quote, on the name's one line.
      const offset = Number(/at position (\d+)/.exec(String(error))?.[1] ?? 0);
      throw new JsonSyntaxError('a name that is not a valid JSON string (a bad escape?)', {
        line: this.keyAt.line,
        column: this.keyAt.column + offset,
      });
    }
  }

  private here(): TextPosition {
    return { line: this.line, column: this.column };
  }

  private controlInString(): JsonSyntaxError {
    return new JsonSyntaxError(
      'a line break or control character inside a string (a missing closing quote?)',
      this.here(),
    );
  }

  private unexpected(byte: number, expected: string): JsonSyntaxError {
    const found =
      byte >= 0x21 && byte <= 0x7e
        ? `"${String.fromCharCode(byte)}"`
        : `byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    return new JsonSyntaxError(`expected ${expected}, found ${found}`, this.here());
  }
}

/**
 * JSON.parse's complaint about `text` (a piece of the file starting at `from`), placed in the
 * file. V8 names a position for most faults; for an unexpected token it quotes the text instead,
 * and then `at` is undefined.
 */
export function parseFault(
  text: string,
  from: TextPosition,
  error: unknown,
): { reason: string; at?: TextPosition } {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined) {
    // V8 quotes the text (shortened with "...") instead of placing the fault.
    return { reason: message.replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/, '') };
  }
  let { line, column } = from;
  for (let i = 0; i < Number(position); i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      column = 1;
    } else column++;
  }
  return { reason: message.replace(/ (in|after) JSON at position \d+.*$/, ''), at: { line, column } };
}

/** A fault JSON.parse finds inside `text` before its end, or undefined (it ends too soon, or is fine). */
function earlierFault(text: string, from: TextPosition): JsonSyntaxError | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const fault = parseFault(text, from, error);
    const position = Number(/at position (\d+)/.exec(String(error))?.[1] ?? Number.NaN);
    return fault.at !== undefined && position < text.length
      ? new JsonSyntaxError(fault.reason, fault.at)
      : undefined;
  }
}
