import type { Reply } from '../../core/types.js';

/** A reply as plain terminal text: markdown emphasis dropped, choices numbered, related topics listed. */
export function renderReplyForTerminal(reply: Reply): string {
  const lines = [stripMarkdown(reply.text)];
  if (reply.followups.length > 0) {
    lines.push('', `Related: ${reply.followups.map((topic) => topic.title).join(' · ')}`);
  }
  return lines.join('\n');
}

function stripMarkdown(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, '$1').replace(/(^|\s)_(.+?)_(?=\s|$)/gm, '$1$2');
}
