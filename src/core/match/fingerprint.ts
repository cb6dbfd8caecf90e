import { createHash } from 'node:crypto';
import type { KnowledgeBase } from '../core/knowledge.js';

/**
 * A hash of everything matching depends on. The confidence model is fitted to one state of the
 * knowledge base; when examples, keywords or synonyms change, the fit is stale and must be redone.
 */
export function matchingFingerprint(kb: Omit<KnowledgeBase, 'calibration'>): string {
  const hash = createHash('sha256');
  const feed = (value: unknown): void => {
    hash.update(JSON.stringify(value));
    hash.update('\u0000');
  };
  for (const entry of kb.entries) feed([entry.id, entry.title, entry.keywords, entry.examples]);
  feed(kb.outOfScope);
  feed([...kb.synonyms].sort());
  feed([...kb.misspellings].sort());
  return hash.digest('hex').slice(0, 16);
}
