import { isUtf8 } from 'node:buffer';

// Files members of staff hand the bot (an accounts export, an evaluation file) must be UTF-8. A
// byte that is not would otherwise become U+FFFD without a word, and a job title would be stored
// changed; a UTF-16 file would be read as noise. Each is refused naming where and what it is; the
// byte order mark some editors put at the start of UTF-8 is accepted.

/** The file's bytes are not UTF-8 text: the message says where and what to do. */
export class EncodingError extends Error {
  override readonly name = 'EncodingError';
}

/** A place in a text file as editors count it: lines from 1, columns in UTF-16 units from 1. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

export const START_OF_TEXT: TextPosition = { line: 1, column: 1 };

export function decodeUtf8(bytes: Uint8Array): string {
  const body = withoutByteOrderMark(bytes);
  if (!isUtf8(body)) {
    if (looksLikeUtf16(body))
      throw new EncodingError('UTF-16 text, it seems (every other byte is zero); save it as UTF-8');
    throw notUtf8(body, START_OF_TEXT);
  }
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
}

/**
 * The text after a UTF-8 byte order mark, if there is one; a UTF-16 one is refused. `bytes` must be
 * the start of the file, at least its first three bytes when it has that many.
 */
export function withoutByteOrderMark(bytes: Uint8Array): Uint8Array {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new EncodingError('UTF-16 text (it starts with a UTF-16 byte order mark); save it as UTF-8');
  }
  return startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** The error for `bytes`, which are not UTF-8, naming the bad byte's place; `bytes` start at `from`. */
export function notUtf8(bytes: Uint8Array, from: TextPosition): EncodingError {
  const at = firstInvalidByte(bytes);
  const { line, column } = advance(from, bytes, at);
  return new EncodingError(
    `line ${line}, column ${column}: byte 0x${(bytes[at] as number).toString(16).toUpperCase().padStart(2, '0')} is not UTF-8 (a Latin-1 or Windows-1252 file?); save it as UTF-8`,
  );
}

/** Where the text stands after `bytes[0..end)`, when `bytes` start at `from`. */
export function advance(from: TextPosition, bytes: Uint8Array, end: number): TextPosition {
  let { line, column } = from;
  for (let i = 0; i < end; i++) {
    const byte = bytes[i] as number;
    if (byte === 0x0a) {
      line++;
      column = 1;
    } else column += columnsOf(byte);
  }
  return { line, column };
}

/**
 * The columns a UTF-8 byte adds: none for a continuation byte, two for the lead byte of a character
 * beyond the Basic Multilingual Plane (two UTF-16 units), one otherwise.
 */
export function columnsOf(byte: number): number {
  return (byte & 0xc0) === 0x80 ? 0 : byte >= 0xf0 ? 2 : 1;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** ASCII text in UTF-16 has a zero in every other byte; UTF-8 text has none. */
export function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 4096);
  let zeros = 0;
  for (let i = 0; i < sample; i++) if (bytes[i] === 0) zeros++;
  return sample >= 4 && zeros >= sample / 4;
}

/** Where the first byte that does not start or continue a valid UTF-8 sequence is. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead <= 0xdf
          ? 2
          : lead >= 0xe0 && lead <= 0xef
            ? 3
            : lead >= 0xf0 && lead <= 0xf4
              ? 4
              : 0;
    if (length === 0 || !isUtf8(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return bytes.length - 1;
}
