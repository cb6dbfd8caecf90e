import { describe, expect, it } from 'vitest';
import { MAX_CONTENT, splitContent } from '../../../src/adapters/discord/render.js';

describe('splitContent', () => {
  it('keeps a short answer whole', () => {
    expect(splitContent('one\n\ntwo')).toEqual(['one\n\ntwo']);
  });

  it('splits a long answer at paragraph boundaries within the limit', () => {
    const paragraph = 'word '.repeat(150).trim();
    const chunks = splitContent([paragraph, paragraph, paragraph].join('\n\n'));
    expect(chunks).toHaveLength(2);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(MAX_CONTENT);
    expect(chunks.join('\n\n').replace(/\s+/g, ' ')).toBe([paragraph, paragraph, paragraph].join(' '));
  });

  it('cuts a single endless word and trims beyond three messages', () => {
    const chunks = splitContent('x'.repeat(9000));
    expect(chunks).toHaveLength(3);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(MAX_CONTENT);
    expect(chunks[2]).toMatch(/…\(trimmed; ask about one topic at a time for the rest\)$/);
  });
});
