import { en } from '../../core/messages/en.js';
import type { Reply } from '../../core/types.js';
import type { ShownMessage } from '../../core/use-cases/services.js';

/** A reply as plain terminal text: markdown emphasis dropped, related topics listed. */
export function renderReplyForTerminal(reply: Reply): string {
  return plainText(
    reply.text,
    reply.followups.map((topic) => topic.title),
  );
}

/** What a use case shows, as terminal text; with the number of topics a number may pick. */
export function renderShownForTerminal(shown: ShownMessage, picks: number): string {
  return plainText(shown.text, shown.related) + (picks > 0 ? `\n${en.pickHint(picks)}` : '');
}

function plainText(text: string, related: readonly string[]): string {
  const lines = [stripMarkdown(text)];
  if (related.length > 0) lines.push('', en.related(related));
  return lines.join('\n');
}

function stripMarkdown(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, '$1').replace(/(^|\s)_(.+?)_(?=\s|$)/gm, '$1$2');
}
