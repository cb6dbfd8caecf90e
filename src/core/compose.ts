import { entryById, type FaqEntry, type KnowledgeBase } from './knowledge-base.js';
import { en } from './messages/en.js';
import type { Citation, Topic } from './types.js';

// Lays out decisions as an answer: which paragraphs, in which order. Nothing here decides what
// applies, and the sentences themselves are in messages/en.ts.

export function topicOf(kb: KnowledgeBase, intent: string): Topic {
  return { intent, title: entryById(kb, intent)?.title ?? intent };
}

/** The facts applied (the cases, the question's and the member's first), then the entry's others. */
export function citationsFor(kb: KnowledgeBase, entry: FaqEntry, cases: readonly string[]): Citation[] {
  const ordered = [...new Set([...cases.filter((id) => kb.facts.has(id)), ...entry.facts])];
  return ordered.map((factId) => ({ factId, title: kb.facts.get(factId)?.title ?? factId }));
}

/** Paragraphs around the FAQ text: the member's own account first, a closing note last. */
export interface AnswerExtras {
  /** A moderator's time-limited notice on this entry: it leads. */
  readonly notice?: string;
  readonly personal?: string;
  readonly closing?: string;
}

/** The answer to one FAQ entry: the member's own situation, the parts the question signalled, the rule. */
export function answerText(
  entry: FaqEntry,
  signalled: readonly string[],
  citations: readonly Citation[],
  extras: AnswerExtras = {},
): string {
  const lead = signalled
    .map((caseId) => entry.parts.find((part) => part.caseId === caseId)?.text)
    .filter((text): text is string => text !== undefined);
  const paragraphs = [`**${entry.title}**`];
  if (extras.notice !== undefined) paragraphs.push(en.answer.notice(extras.notice));
  if (extras.personal !== undefined) paragraphs.push(extras.personal);
  if (lead.length > 0) paragraphs.push(bullets(lead));
  const general = lead.length > 0 || extras.personal !== undefined;
  paragraphs.push(general ? en.answer.inGeneral(entry.answer) : entry.answer);
  if (extras.closing !== undefined) paragraphs.push(extras.closing);
  paragraphs.push(`_${sourcesLine(citations)}_`);
  return paragraphs.join('\n\n');
}

/** The member's own facts on their own, with the policy they rest on. */
export function accountViewText(personal: string, citations: readonly Citation[]): string {
  return citations.length === 0 ? personal : `${personal}\n\n_${sourcesLine(citations)}_`;
}

const MAX_CITED_BY_TITLE = 3;

/** The policy behind the answer: the first few facts by title, the rest counted. */
function sourcesLine(citations: readonly Citation[]): string {
  const named = citations
    .slice(0, MAX_CITED_BY_TITLE)
    .map((citation) => `${citation.title} (${citation.factId})`);
  return en.answer.policy(named, citations.length - named.length);
}

/** Lines as a bulleted list; past `limit`, the rest counted (in the list's language). */
export function bullets(
  lines: readonly string[],
  limit = Number.POSITIVE_INFINITY,
  more: (count: number) => string = en.more,
): string {
  const shown = lines.slice(0, limit).map((line) => `• ${line}`);
  if (lines.length > limit) shown.push(`• ${more(lines.length - limit)}`);
  return shown.join('\n');
}
