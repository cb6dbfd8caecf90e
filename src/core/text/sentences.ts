// A forum post is read the way a staff member reads it: sentence by sentence, the asking
// sentences first, the backstory as context, greetings and sign-offs skipped.

/** What a sentence does in the post. */
export type SentenceRole = 'ask' | 'statement' | 'courtesy';

/** A stretch of the post between sentence ends, as written. */
export interface Span {
  readonly text: string;
  /** Where it starts in the post (characters). */
  readonly start: number;
}

export interface Sentence extends Span {
  readonly role: SentenceRole;
  /** Opens as an afterthought ("also…", "and one more thing…", "btw…"): not the post's main point. */
  readonly followUp: boolean;
}

// Abbreviations whose full stop does not end a sentence.
const ABBREVIATION = /\b(?:e\.g|i\.e|etc|vs|mr|mrs|ms|dr|no|approx|pls|plz)\.$/i;

// Openers that make a sentence a question even without a question mark ("why no refund").
const QUESTION_OPENERS = new Set(
  `why how when where what which who whom whose can could will would do does did is are was were
  should shall may might have has am isnt arent doesnt didnt wont cant any`.split(/\s+/),
);
// Fillers members put before the question itself ("so why…", "but how…", "also, when…").
const LEAD_FILLERS = new Set(
  'so but and also then now ok okay well hi hello hey guys please kindly sir madam actually basically'.split(
    ' ',
  ),
);
// Phrases that ask without a question form: "please explain", "let me know", "I want to know".
const ASKING_PHRASES = [
  'please',
  'pls',
  'plz',
  'kindly',
  'let me know',
  'tell me',
  'want to know',
  'wanted to know',
  'would like to know',
  'need to know',
  'wondering',
  'any idea',
  'any ideas',
  'anyone know',
  'anybody know',
  'is there any way',
  'is there a way',
  'explain',
  'advise',
  'advice',
  'help me',
  'need help',
  'need your help',
  'suggest',
  'clarify',
  'confused',
  'not sure',
  'dont understand',
  'do not understand',
  'what should',
  'how can',
  'how do',
];
// First word -> the phrases starting with it, as words: a sentence is scanned once, not per phrase.
const ASKING_BY_FIRST_WORD = new Map<string, string[][]>();
for (const phrase of ASKING_PHRASES) {
  const words = phrase.split(' ');
  const first = words[0] as string;
  ASKING_BY_FIRST_WORD.set(first, [...(ASKING_BY_FIRST_WORD.get(first) ?? []), words]);
}

function hasAskingPhrase(tokens: readonly string[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const phrases = ASKING_BY_FIRST_WORD.get(tokens[i] as string);
    if (phrases === undefined) continue;
    for (const words of phrases) if (startsAt(tokens, i, words)) return true;
  }
  return false;
}
// Words that carry no question and no situation: a sentence made of these only is a courtesy.
const COURTESY_WORDS = new Set(
  `hi hello hey dear good morning afternoon evening day all everyone everybody guys team community
  folks friends sir madam mam maam thanks thank thx ty you so much very lot advance in regards best
  kind warm cheers greetings hope hoping are is doing well fine great and the a to for your my this
  support upwork staff moderators moderator forum members member respected sincerely appreciate
  appreciated help helping reply replies response waiting wait quick fast soon asap urgent urgently
  please pls plz i am we it will be would be have nice of any`.split(/\s+/),
);

// How members mark a question as secondary: "also, …", "and how long…", "btw", "one more thing",
// "while I'm here", "P.S.". Matched against the sentence's first words as the analyzer reads them.
const FOLLOW_UP_LEADS = [
  'also',
  'and',
  'plus',
  'btw',
  'by the way',
  'another question',
  'one more',
  'oh and',
  'ps',
  'p s',
  'second question',
  'secondly',
  'additionally',
  'on another note',
  'unrelated',
  'while i am here',
  'while we are at it',
  'side question',
  'last thing',
  'otherwise',
].map((lead) => lead.split(' '));

/** Whether a sentence opens as an afterthought to the post's main question. */
export function isFollowUp(tokens: readonly string[]): boolean {
  for (const lead of FOLLOW_UP_LEADS) if (startsAt(tokens, 0, lead)) return true;
  return false;
}

/** Whether `words` occur in `tokens` from position `at` on. */
function startsAt(tokens: readonly string[], at: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (tokens[at + k] !== words[k]) return false;
  return true;
}

/** Splits a post into sentences at line breaks and sentence-ending punctuation. */
export function splitSentences(post: string): Span[] {
  const sentences: Span[] = [];
  const push = (start: number, end: number): void => {
    const raw = post.slice(start, end);
    const text = raw.trim();
    if (text === '') return;
    sentences.push({ text, start: start + raw.indexOf(text) });
  };
  let start = 0;
  for (let i = 0; i < post.length; i++) {
    const char = post[i] as string;
    if (char === '\n') {
      push(start, i);
      start = i + 1;
      continue;
    }
    if (char !== '.' && char !== '?' && char !== '!') continue;
    // A run of punctuation ("??", "?!", "...") ends where the run ends.
    let end = i + 1;
    while (end < post.length && /[.?!]/.test(post[end] as string)) end++;
    const next = post[end];
    const endsHere = next === undefined || /\s/.test(next) || (char !== '.' && /\p{L}/u.test(next));
    if (!endsHere || (char === '.' && end === i + 1 && ABBREVIATION.test(post.slice(start, end)))) {
      i = end - 1;
      continue;
    }
    push(start, end);
    start = end;
    i = end - 1;
  }
  push(start, post.length);
  return sentences;
}

function isNumber(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return token.length > 0;
}

/**
 * Whether a sentence asks, tells, or only greets and thanks, from the sentence as written (for its
 * question mark) and its words as the analyzer reads them (shorthand expanded: "pls", "didnt").
 */
export function roleOf(sentence: string, tokens: readonly string[]): SentenceRole {
  if (tokens.length === 0) return 'courtesy';
  if (tokens.every((token) => COURTESY_WORDS.has(token) || isNumber(token))) return 'courtesy';
  if (sentence.includes('?')) return 'ask';
  const first = tokens.find((token) => !LEAD_FILLERS.has(token));
  if (first !== undefined && QUESTION_OPENERS.has(first)) return 'ask';
  if (hasAskingPhrase(tokens)) return 'ask';
  return 'statement';
}
