import { MOD_ACTIONS, type ModCommand } from '../../core/moderation/commands.js';
import { parseModWords } from '../../core/moderation/parse-words.js';

/**
 * `/connects-mod grant <@U123|name> 10 reason…`: Slack's user and channel references become the
 * core's identities and channel ids, then the words parse like the terminal's `/mod` lines.
 */
export function parseSlackModText(text: string): ModCommand | string {
  const words = text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) =>
      word
        .replace(/^<@([UW][A-Z0-9]+)(\|[^>]*)?>$/, 'slack:$1')
        .replace(/^<#([CG][A-Z0-9]+)(\|[^>]*)?>$/, '$1'),
    );
  if (words.length === 0) return `Usage: /connects-mod <${MOD_ACTIONS.join('|')}> …`;
  return parseModWords(words);
}
