// Turns what a member typed on any platform into plain lower-case words, so that matching sees
// "Didn't get my CONNECTS!!! <@123> https://x.y" and "didnt get my connects" the same way.

const CHAT_MARKUP = [
  // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal colour codes pasted from a console
  /\u001b\[[0-9;?]*[A-Za-z]/g,
  /<[@#][!&]?[\w.-]+>/g, // Discord <@id>, <@!id>, <@&role>, <#channel>; Slack <@U123>
  /<![\w^|-]+>/g, // Slack <!channel>, <!here>, <!subteam^ID>
  /@(?:everyone|here|channel)\b/gi,
  /\bhttps?:\/\/\S+/gi,
  /\bwww\.\S+/gi,
  /<a?:\w+:\d+>/g, // Discord custom emoji
  /:[a-z0-9_+-]+:/g, // :shortcode: emoji
];

const CONTRACTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bcan'?t\b/g, 'cannot'],
  [/\bwon'?t\b/g, 'will not'],
  [/\bshan'?t\b/g, 'shall not'],
  [/\b(\w+)n't\b/g, '$1 not'],
  [/\b(\w+)'re\b/g, '$1 are'],
  [/\b(\w+)'ve\b/g, '$1 have'],
  [/\b(\w+)'ll\b/g, '$1 will'],
  [/\b(\w+)'d\b/g, '$1 would'],
  [/\bi'm\b/g, 'i am'],
  [/\b(\w+)'s\b/g, '$1'],
];

/** Lower-case, accent-free text with chat markup, links and punctuation removed. */
export function normaliseText(raw: string): string {
  let text = raw.normalize('NFKC');
  for (const pattern of CHAT_MARKUP) text = text.replace(pattern, ' ');
  text = text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '');
  for (const [pattern, replacement] of CONTRACTIONS) text = text.replace(pattern, replacement);
  return (
    text
      // Letters repeated for emphasis ("pleaseeee", "helppp") carry no meaning.
      .replace(/(\p{L})\1{2,}/gu, '$1')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

/** Words of normalised text. */
export function words(normalised: string): string[] {
  return normalised === '' ? [] : normalised.split(' ');
}
