import { describe, expect, it } from 'vitest';
import { normaliseText, words } from '../../../src/core/text/normalise.js';

describe('normaliseText', () => {
  it('lower-cases and drops punctuation, repeated or not', () => {
    expect(normaliseText('Why NO refund?!?!')).toBe('why no refund');
  });

  it('removes chat markup, mentions and links', () => {
    expect(normaliseText('<@123456> @everyone <!channel> see https://example.com/x?y=1 now <#987>')).toBe(
      'see now',
    );
  });

  it('expands contractions, curly apostrophes included', () => {
    expect(normaliseText('I didn’t get them, can’t apply, it’s late')).toBe(
      'i did not get them cannot apply it late',
    );
  });

  it('folds accents and full-width characters', () => {
    expect(normaliseText('Ｃonnects café')).toBe('connects cafe');
  });

  it('collapses letters repeated for emphasis', () => {
    expect(normaliseText('pleaseeeee helppp')).toBe('please help');
  });

  it('keeps letters of other scripts and drops control characters', () => {
    expect(normaliseText('متى\u0000 تصل\u200f')).toBe('متى تصل');
  });

  it('turns emoji-only text into nothing', () => {
    expect(words(normaliseText('🙏🙏 🔥'))).toEqual([]);
  });
});
