import type { KnowledgeBase } from '../knowledge-base.js';
import type { CaseChoice, TopicChoice } from './language-model.js';

// The choices a model is given, made from the knowledge base: every entry and case by id, with a
// line on what it is about (the first sentence of its answer, which the knowledge base words as a rule).

const ABOUT_CHARS = 160;

function firstSentence(text: string): string {
  const flat = text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
  const end = flat.search(/[.!?](\s|$)/);
  const sentence = end < 0 ? flat : flat.slice(0, end + 1);
  return sentence.length > ABOUT_CHARS ? `${sentence.slice(0, ABOUT_CHARS - 1)}…` : sentence;
}

export function topicChoices(kb: KnowledgeBase): TopicChoice[] {
  return kb.entries.map((entry) => ({
    id: entry.id,
    title: entry.title,
    about: firstSentence(entry.answer),
  }));
}

/** Each case once, though several entries may word it. */
export function caseChoices(kb: KnowledgeBase): CaseChoice[] {
  const byId = new Map<string, CaseChoice>();
  for (const part of kb.entries.flatMap((entry) => entry.parts))
    if (!byId.has(part.caseId)) byId.set(part.caseId, { id: part.caseId, about: firstSentence(part.text) });
  return [...byId.values()];
}
