import { createHash } from 'node:crypto';
import type { KnowledgeBase } from '../knowledge-base.js';

/** Bump when the fitted model's shape or the way it is fitted changes, so older fits are not reused. */
export const MODEL_FORMAT = 6;

/**
 * A hash of everything matching learns from. The fitted model belongs to one state of the
 * knowledge base; when examples, titles, keywords, signals or synonyms change, it is fitted again.
 */
export function matchingFingerprint(
  kb: Pick<KnowledgeBase, 'entries' | 'outOfScope' | 'synonyms' | 'misspellings'>,
): string {
  const hash = createHash('sha256');
  const feed = (value: unknown): void => {
    hash.update(JSON.stringify(value));
    hash.update('\u0000');
  };
  feed(MODEL_FORMAT);
  for (const entry of kb.entries) {
    feed([entry.id, entry.title, entry.keywords, entry.examples]);
    feed(entry.parts.map((part) => [part.caseId, part.signals, part.examples]));
  }
  feed(kb.outOfScope);
  feed([...kb.synonyms].sort());
  feed([...kb.misspellings].sort());
  return hash.digest('hex').slice(0, 16);
}
