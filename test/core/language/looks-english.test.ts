import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksEnglish } from '../../../src/core/language/looks-english.js';

// Two sets of posts written for this check by helpers who never saw the word lists: eval/languages/
// dev.jsonl (the lists were revised against it) and holdout.jsonl (read once, never tuned on). Both
// are half telegraphic or broken English, half other languages mixing in the product's English words.

interface Post {
  readonly text: string;
  readonly language: string;
}

function posts(name: string): Post[] {
  const url = new URL(`../../../eval/languages/${name}`, import.meta.url);
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Post);
}

/** The share of posts in each group the check reads right. */
function scores(set: readonly Post[]) {
  const english = set.filter((post) => post.language === 'en');
  const other = set.filter((post) => post.language !== 'en');
  return {
    english: english.filter((post) => looksEnglish(post.text)).length / english.length,
    other: other.filter((post) => !looksEnglish(post.text)).length / other.length,
  };
}

describe('looksEnglish', () => {
  it('reads plain, broken and telegraphic English as English', () => {
    for (const text of [
      'do connects expire?',
      'agency connects shared between members?',
      'CONNECTS GONE AFTER JOB CLOSED WTF',
      'bought connects yday, balance still 0, pls help',
      'Hi from São Paulo! How long do free connects last?',
      '',
      '🙏🙏',
    ])
      expect(looksEnglish(text), text).toBe(true);
  });

  it('reads other languages as not English, with or without their accents and scripts', () => {
    for (const text of [
      'hola, por qué no me devolvieron los connects de una propuesta',
      'comprei connects e nao aparecem na minha conta, o que eu faco?',
      'Pourquoi mes connects ne sont pas remboursés ?',
      'Warum sind meine connects nicht angekommen?',
      'я купил connects, но баланс не изменился',
      '我买了connects但是余额没有变化',
    ])
      expect(looksEnglish(text), text).toBe(false);
  });

  it('on the development set: every English post, and nearly every other', () => {
    const { english, other } = scores(posts('dev.jsonl'));
    expect(english).toBe(1);
    expect(other).toBeGreaterThanOrEqual(0.95);
  });

  it('on the held-out set: at the figures measured when it was first read', () => {
    // First reading: English 59/60, other languages 52/60 (the misses are one-line posts with a
    // single word of their language). A floor against regressions, not a target to tune to.
    const { english, other } = scores(posts('holdout.jsonl'));
    expect(english).toBeGreaterThanOrEqual(59 / 60);
    expect(other).toBeGreaterThanOrEqual(52 / 60);
  });
});
