// Turns what a member typed on any platform into plain lower-case words, so that matching sees
// "Didn't get my CONNECTS!!! <@123> https://x.y" and "didnt get my connects" the same way.

// One pass for all chat markup: Discord <@id>, <@!id>, <@&role>, <#channel>; Slack <@U123>,
// <!channel>, <!here>, <!subteam^ID>; @everyone/@here/@channel; links; custom and :shortcode: emoji;
// terminal colour codes pasted from a console.
const CHAT_MARKUP = new RegExp(
  [
    // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal colour codes
    /\u001b\[[0-9;?]*[A-Za-z]/.source,
    /<[@#][!&]?[\w.-]+>/.source,
    /<![\w^|-]+>/.source,
    /@(?:everyone|here|channel)\b/.source,
    /\bhttps?:\/\/\S+/.source,
    /\bwww\.\S+/.source,
    /<a?:\w+:\d+>/.source,
    /:[a-z0-9_+-]+:/.source,
  ].join('|'),
  'gi',
);

// Contractions, in one pass: "can't" -> "cannot", "didn't" -> "did not", "we're" -> "we are".
const CONTRACTION = /\b(?:(can|won|shan)'?t|(\w+)n't|(\w+)'(re|ve|ll|d|s)|i'm)\b/g;
const IRREGULAR: Readonly<Record<string, string>> = { can: 'cannot', won: 'will not', shan: 'shall not' };
const SUFFIX: Readonly<Record<string, string>> = { re: ' are', ve: ' have', ll: ' will', d: ' would', s: '' };

function expandContraction(
  match: string,
  irregular: string | undefined,
  negated: string | undefined,
  stem: string | undefined,
  suffix: string | undefined,
): string {
  if (irregular !== undefined) return IRREGULAR[irregular] as string;
  if (negated !== undefined) return `${negated} not`;
  if (stem !== undefined && suffix !== undefined) return `${stem}${SUFFIX[suffix]}`;
  return match === "i'm" ? 'i am' : match;
}

// Plain ASCII (most posts) needs no Unicode normalisation, which is the slow part.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is the point
const NON_ASCII = /[^\u0000-\u007f]/;

// Characters that can start chat markup: without any of them (most sentences), that pass is skipped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape that starts a terminal colour code
const MARKUP_START = /[<@:\u001b]|https?:|www\./i;

// Letters repeated for emphasis ("pleaseeee", "helppp"), in ASCII text.
const REPEATED_LETTERS = /([a-z])\1{2,}/g;

/** Lower-case, accent-free text with chat markup, links and punctuation removed. */
export function normaliseText(raw: string): string {
  const unicode = NON_ASCII.test(raw);
  let text = unicode ? raw.normalize('NFKC') : raw;
  if (MARKUP_START.test(text)) text = text.replace(CHAT_MARKUP, ' ');
  text = text.toLowerCase();
  if (unicode) {
    text = text
      .replace(/[\u2018\u2019\u02bc`´]/g, "'")
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '');
  } else if (text.includes('`')) {
    text = text.replace(/`/g, "'");
  }
  if (text.includes("'")) text = text.replace(CONTRACTION, expandContraction);
  // Letters repeated for emphasis ("pleaseeee", "helppp") carry no meaning. ASCII text takes the
  // plain character classes, which are several times faster than the Unicode ones.
  return unicode
    ? text
        .replace(/(\p{L})\1{2,}/gu, '$1')
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim()
    : text
        .replace(REPEATED_LETTERS, '$1')
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
}

/**
 * The words of `normaliseText(raw)`, computed faster for what most posts are: plain ASCII without
 * chat markup. One lower-casing, the contraction pass only when there is an apostrophe, then a single
 * scan cutting letters and digits into words; anything else takes the full normalisation. The
 * result is the same either way (a test holds both to it).
 */
export function normalisedWords(raw: string): string[] {
  if (NON_ASCII.test(raw) || MARKUP_START.test(raw) || raw.includes('`')) return words(normaliseText(raw));
  let text = raw.toLowerCase();
  if (text.includes("'")) text = text.replace(CONTRACTION, expandContraction);
  const found: string[] = [];
  let start = -1;
  let repeated = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0;
    const letter = code >= 97 && code <= 122;
    if (letter || (code >= 48 && code <= 57)) {
      if (start < 0) start = i;
      else if (letter && code === text.charCodeAt(i - 1) && code === text.charCodeAt(i - 2) && i - 2 >= start)
        repeated = true;
      continue;
    }
    if (start < 0) continue;
    const word = text.slice(start, i);
    found.push(repeated ? word.replace(REPEATED_LETTERS, '$1') : word);
    start = -1;
    repeated = false;
  }
  return found;
}

/** Words of normalised text. */
export function words(normalised: string): string[] {
  return normalised === '' ? [] : normalised.split(' ');
}
