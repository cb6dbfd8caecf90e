import { isUtf8 } from 'node:buffer';

// Files members of staff hand the bot (an accounts export, an evaluation file) must be UTF-8. A
// byte that is not would otherwise become U+FFFD without a word, and a job title would be stored
// changed; a UTF-16 file would be read as noise. Each is refused naming where and what it is; the
// byte order mark some editors put at the start of UTF-8 is accepted.

/** The file's bytes are not UTF-8 text: the message says where and what to do. */
export class EncodingError extends Error {
  override readonly name = 'EncodingError';
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function decodeUtf8(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new EncodingError('UTF-16 text (it starts with a UTF-16 byte order mark); save it as UTF-8');
  }
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  if (!isUtf8(body)) {
    if (looksLikeUtf16(body))
      throw new EncodingError('UTF-16 text, it seems (every other byte is zero); save it as UTF-8');
    const at = firstInvalidByte(body);
    const { line, column } = position(body, at);
    throw new EncodingError(
      `line ${line}, column ${column}: byte 0x${(body[at] as number).toString(16).toUpperCase().padStart(2, '0')} is not UTF-8 (a Latin-1 or Windows-1252 file?); save it as UTF-8`,
    );
  }
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** ASCII text in UTF-16 has a zero in every other byte; UTF-8 text has none. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
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

function position(bytes: Uint8Array, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Columns count characters, not bytes: the line's valid text up to the bad byte, decoded.
  const column = Buffer.from(bytes.subarray(lineStart, at)).toString('utf8').length + 1;
  return { line, column };
}
