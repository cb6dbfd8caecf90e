/**
 * A slash command's text as words, Slack's references made the core's: `<@U123|name>` becomes the
 * identity `slack:U123`, `<#C123|general>` the channel id `C123`.
 */
export function commandWords(text: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) =>
      word
        .replace(/^<@([UW][A-Z0-9]+)(\|[^>]*)?>$/, 'slack:$1')
        .replace(/^<#([CG][A-Z0-9]+)(\|[^>]*)?>$/, '$1'),
    );
}
