import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../../src/core/text/analyzer.js';
import { isFollowUp, roleOf, splitSentences } from '../../../src/core/text/sentences.js';
import { realKnowledge } from '../../helpers/knowledge.js';

const analyzer = new Analyzer(realKnowledge());
const role = (sentence: string) => roleOf(sentence, analyzer.analyse(sentence).tokens);

describe('splitSentences', () => {
  it('splits at line breaks and sentence ends, keeping where each starts', () => {
    const post = 'Hi all.\nI bought 40 connects yesterday!! Nothing shows?What now';
    expect(splitSentences(post)).toEqual([
      { text: 'Hi all.', start: 0 },
      { text: 'I bought 40 connects yesterday!!', start: 8 },
      { text: 'Nothing shows?', start: 41 },
      { text: 'What now', start: 55 },
    ]);
  });

  it('does not split a decimal number or an abbreviation', () => {
    expect(splitSentences('It costs 1.5 dollars, e.g. for small jobs, pls. check')).toHaveLength(1);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences(' \n\n ')).toEqual([]);
  });
});

describe('roleOf', () => {
  it.each([
    ['why no refund for my connects', 'ask'],
    ['So how do I buy more', 'ask'],
    ['Please explain the monthly connects', 'ask'],
    ['Did the client cancel or not?', 'ask'],
    ['I applied to three jobs last week', 'statement'],
    ['My connects did not arrive', 'statement'],
    ['Thanks in advance', 'courtesy'],
    ['Hello everyone', 'courtesy'],
    ['Kind regards', 'courtesy'],
  ])('%s -> %s', (sentence, expected) => {
    expect(role(sentence)).toBe(expected);
  });
});

describe('isFollowUp', () => {
  const followUp = (sentence: string) => isFollowUp(analyzer.analyse(sentence).tokens);

  it('recognises a sentence that opens as an afterthought', () => {
    for (const sentence of [
      'Also, do they expire?',
      'And how long do bought ones last?',
      'btw where do I see my history',
      'By the way, is boosting worth it?',
      "One more thing: what's an agency plan?",
      "While I'm here, when do the monthly ones come?",
      'P.S. how do I buy more',
    ]) {
      expect(followUp(sentence), sentence).toBe(true);
    }
  });

  it('leaves the main question and the backstory alone', () => {
    for (const sentence of [
      'Why did I not get my connects back?',
      'The client closed the job without hiring.',
      'Android app crashed while I applied',
    ]) {
      expect(followUp(sentence), sentence).toBe(false);
    }
  });
});
