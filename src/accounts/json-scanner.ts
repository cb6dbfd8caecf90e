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

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

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
  private closers: number[] = [];
  private inString = false;
  private escaped = false;
  private scalar = false;

  /** `listKey`: the member whose list is handed out element by element. */
  constructor(private readonly listKey: string) {}

  push(chunk: Buffer): ScannedPiece[] {
    const pieces: ScannedPiece[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
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
          if (this.escaped) this.escaped = false;
          else if (byte === BACKSLASH) this.escaped = true;
          else if (byte === QUOTE) {
            this.key = this.decodeKey(this.takeParts(chunk.subarray(start, i)));
            this.state = State.Colon;
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
    // A value or key still being read keeps its bytes from this chunk.
    if (this.state === State.InValue || this.state === State.Key) this.parts.push(chunk.subarray(start));
    return pieces;
  }

  end(): void {
    if (this.state === State.Done) return;
    if (this.state === State.BeforeObject) throw new NotAnObjectError('the file is empty');
    throw new JsonSyntaxError(
      'the text ends before the JSON object is closed (a cut-off file?)',
      this.here(),
    );
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
    this.closers = [];
    this.inString = byte === QUOTE;
    this.escaped = false;
    this.scalar = false;
    if (byte === OPEN_BRACE) this.closers.push(CLOSE_BRACE);
    else if (byte === OPEN_BRACKET) this.closers.push(CLOSE_BRACKET);
    else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET || byte === COMMA || byte === COLON)
      throw this.unexpected(byte, 'a value');
    else if (byte !== QUOTE) this.scalar = true;
  }

  /** Whether `byte` still belongs to the value; its first byte was read by startValue. */
  private inValue(byte: number): boolean {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (byte === BACKSLASH) this.escaped = true;
      else if (byte === QUOTE) {
        this.inString = false;
        return this.closers.length > 0;
      }
      return true;
    }
    if (this.scalar)
      return !(isSpace(byte) || byte === COMMA || byte === CLOSE_BRACE || byte === CLOSE_BRACKET);
    if (byte === QUOTE) this.inString = true;
    else if (byte === OPEN_BRACE) this.closers.push(CLOSE_BRACE);
    else if (byte === OPEN_BRACKET) this.closers.push(CLOSE_BRACKET);
    else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      const open = this.closers.pop();
      if (open !== byte)
        throw this.unexpected(byte, open === CLOSE_BRACE ? '} to close the object' : '] to close the list');
      return this.closers.length > 0;
    }
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
    } catch {
      throw new JsonSyntaxError('a name that is not a valid JSON string', this.keyAt);
    }
  }

  private here(): TextPosition {
    return { line: this.line, column: this.column };
  }

  private unexpected(byte: number, expected: string): JsonSyntaxError {
    const found =
      byte >= 0x21 && byte <= 0x7e
        ? `"${String.fromCharCode(byte)}"`
        : `byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    return new JsonSyntaxError(`expected ${expected}, found ${found}`, this.here());
  }
}
