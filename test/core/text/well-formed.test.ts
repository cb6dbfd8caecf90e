import { describe, expect, it } from 'vitest';
import { sameText, wellFormed } from '../../../src/core/text/well-formed.js';

describe('wellFormed', () => {
  it('replaces a lone half of a surrogate pair, either half, and keeps whole pairs', () => {
    expect(wellFormed('Logo \ud83c')).toBe('Logo \ufffd');
    expect(wellFormed('\udfa8 art')).toBe('\ufffd art');
    expect(wellFormed('Logo \ud83c\udfa8 done')).toBe('Logo \ud83c\udfa8 done');
    expect(wellFormed('plain')).toBe('plain');
  });

  it('gives text that has a UTF-8 form', () => {
    const repaired = wellFormed('a\ud800b\udc00c\ud83c');
    expect(Buffer.from(repaired, 'utf8').toString('utf8')).toBe(repaired);
  });
});

describe('sameText', () => {
  it('holds a repaired text equal to its broken form and to how an older version read it back', () => {
    expect(sameText('Logo \ud83c', 'Logo \ufffd')).toBe(true);
    expect(sameText('Logo \ufffd', 'Logo \ufffd\ufffd\ufffd')).toBe(true);
    expect(sameText('Logo A', 'Logo B')).toBe(false);
  });
});
