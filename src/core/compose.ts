import { entryById, type FaqEntry, type KnowledgeBase } from './knowledge.js';
import type { Citation, Topic } from './types.js';

// Turns decisions into words. Nothing here decides what applies; it only lays out what was decided.

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
  if (extras.notice !== undefined) paragraphs.push(`📣 **Notice:** ${extras.notice}`);
  if (extras.personal !== undefined) paragraphs.push(extras.personal);
  if (lead.length > 0) paragraphs.push(lead.map((text) => `• ${text}`).join('\n'));
  const general = lead.length > 0 || extras.personal !== undefined;
  paragraphs.push(general ? `In general: ${entry.answer}` : entry.answer);
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
  const more = citations.length - named.length;
  return `Policy: ${named.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

/** Why the member's own ledger chose the topic: said before their figures. */
export function ledgerReasonText(clue: { readonly reason: string }): string {
  return `I looked at your account to see which topic you mean: ${clue.reason}.`;
}

/** The second question of a post, answered below the first. */
export function secondAnswerText(answer: string): string {
  return `**You also asked:**\n\n${answer}`;
}

/** The second question of a post, not sure enough to answer: pointed to. */
export function alsoAskedText(topic: Topic): string {
  return `You also asked about **${topic.title}**: pick it below, or ask it on its own and I'll answer it.`;
}

export function clarifyText(choices: readonly Topic[]): string {
  const lines = choices.map((choice, i) => `${i + 1}. ${choice.title}`);
  return `I'm not sure which of these you mean:\n${lines.join('\n')}\nPick one and I'll answer it.`;
}

export function abstainText(onTopic: boolean): string {
  return onTopic
    ? "I'm not sure I understood, and I'd rather not guess. A moderator can take a look: use **Ask a moderator**, or rephrase your question about Connects."
    : "I can only help with questions about Connects (buying, free and monthly Connects, expiry, refunds, agencies). I don't know the answer to this one.";
}

export const EMPTY_QUESTION_TEXT =
  'Please ask a question about Connects, for example "when do my free Connects arrive?"';

export function tooLongText(length: number, limit: number): string {
  return `That message is ${length.toLocaleString('en-US')} characters long; please ask in ${limit.toLocaleString('en-US')} or fewer.`;
}

export function unknownTopicText(topic: string): string {
  return `I have no FAQ topic called "${topic}".`;
}
