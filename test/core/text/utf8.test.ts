import { describe, expect, it } from 'vitest';
import { decodeUtf8, EncodingError } from '../../../src/core/text/utf8.js';

const bytes = (text: string, encoding: BufferEncoding = 'utf8') => Buffer.from(text, encoding);

describe('decodeUtf8', () => {
  it('reads UTF-8, with or without the byte order mark some editors write', () => {
    expect(decodeUtf8(bytes('{"job": "Café 🎨"}'))).toBe('{"job": "Café 🎨"}');
    expect(decodeUtf8(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes('{"a": 1}')]))).toBe('{"a": 1}');
  });

  it('names the line, the column and the byte that is not UTF-8', () => {
    const latin1 = bytes('{\n  "job": "Caf\u00e9 logo"\n}', 'latin1');
    expect(() => decodeUtf8(latin1)).toThrow(
      new EncodingError(
        'line 2, column 14: byte 0xE9 is not UTF-8 (a Latin-1 or Windows-1252 file?); save it as UTF-8',
      ),
    );
    // Columns count characters: an accent earlier on the line is one column, not two bytes.
    const mixed = Buffer.concat([bytes('é '), Buffer.from([0xff])]);
    expect(() => decodeUtf8(mixed)).toThrow('line 1, column 3: byte 0xFF');
    // A sequence cut short at the end of the file.
    expect(() => decodeUtf8(Buffer.concat([bytes('ok '), Buffer.from([0xe2, 0x82])]))).toThrow(
      'line 1, column 4: byte 0xE2',
    );
  });

  it('says a file is UTF-16, with or without its byte order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), bytes('{"accounts": []}', 'utf16le')]);
    expect(() => decodeUtf8(utf16)).toThrow('UTF-16 text (it starts with a UTF-16 byte order mark)');
    expect(() => decodeUtf8(bytes('{"accounts": [], "x": "\u00e9"}', 'utf16le'))).toThrow(
      'UTF-16 text, it seems (every other byte is zero)',
    );
  });
});
