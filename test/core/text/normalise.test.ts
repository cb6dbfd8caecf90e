import { describe, expect, it } from 'vitest';
import { normalisedWords, normaliseText, words } from '../../../src/core/text/normalise.js';

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

describe('normalisedWords', () => {
  // A deterministic generator of awkward text: capitals, apostrophes and backticks, runs of one
  // letter, digits, punctuation, chat markup starts, accents and emoji.
  function awkwardTexts(count: number, plain: boolean): string[] {
    const pieces = [
      'a',
      'b',
      'e',
      'l',
      'p',
      's',
      't',
      'z',
      'A',
      'E',
      'L',
      'T',
      '0',
      '7',
      ' ',
      ' ',
      ' ',
      "'",
      '`',
      '.',
      ',',
      '?',
      '!',
      '-',
      '_',
      '\n',
      ':',
      '<',
      '@',
      '#',
      'é',
      'ü',
      '😀',
      "n't",
      "i'm",
      "can't",
      'wont',
      'ooo',
      'EEE',
      'www.',
      'http://x.y ',
      "we're",
      'didn`t',
    ];
    // Plain texts keep to ASCII without markup or backticks: the fast path's own ground.
    const usable = plain ? pieces.filter((piece) => /^[a-zA-Z0-9 '.,?!\n_-]+$/.test(piece)) : pieces;
    let seed = 12_345;
    const next = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed >>> 8;
    };
    return Array.from({ length: count }, () =>
      Array.from({ length: 1 + (next() % 40) }, () => usable[next() % usable.length]).join(''),
    );
  }

  it('gives the words of the full normalisation for every text', () => {
    const texts = [
      ...awkwardTexts(5_000, true),
      ...awkwardTexts(2_000, false),
      "I DIDN'T get my connectsss!!! Why??",
      "can't, won't and shan't; we're here, you've seen, they'll go, he'd say, it's mine, i'm ok",
      'pleaseeee helppp 1000 connects 2x',
      "client's post was closed (no hire) - 16 connects",
    ];
    for (const text of texts)
      expect(normalisedWords(text), JSON.stringify(text)).toEqual(words(normaliseText(text)));
  });
});
