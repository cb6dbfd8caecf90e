import type { MatchResult } from '../match/matcher.js';
import { looksEnglish } from './looks-english.js';

// Which posts the optional language model reads. Every other post is answered offline and never
// leaves the machine, so the calls (and their cost) go only where the words may have misread:
//
// - "open": the words left the topic open (a choice of topics, or an abstention on a post about
//   Connects), or abstained on a post in another language, whose words the matcher mostly lacks;
// - "foreign": the words answered a post in another language, on the product's English words alone;
// - "second-ask": the words answered, and saw a second question in the post they were unsure of.

export type WhyAsk = 'open' | 'foreign' | 'second-ask';

export function whyAskTheModel(words: MatchResult, text: string): WhyAsk | null {
  const english = looksEnglish(text);
  if (words.decision === 'clarify') return 'open';
  if (words.decision === 'abstain') return words.onTopic || !english ? 'open' : null;
  if (!english) return 'foreign';
  const second = words.also[0];
  return second !== undefined && !second.answer ? 'second-ask' : null;
}

/** A language tag the model gave that needs no rewording ("und": it could not tell). */
export function isEnglish(language: string): boolean {
  return language === 'und' || language === 'en' || language.startsWith('en-');
}
